fn main() {
    #[cfg(target_arch = "wasm32")]
    taqrir::ui::start();
}
