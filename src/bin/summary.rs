//! The Summary screen as a module of its own: built by trunk from this binary (`<link data-trunk
//! rel="rust" data-bin="summary" data-type="worker" …>` in index.html, which gives a script that
//! runs in a page as well), and loaded into the app's page the first time the Summary opens
//! (src/ui/summary_host.rs, where the protocol is), so the first load does not carry it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    taqrir::ui::summary::start();
}
