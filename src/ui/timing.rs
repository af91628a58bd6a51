//! User Timing measures (`performance.measure`) around the app's heavier operations, so the bench
//! (and anyone in DevTools) can read how long they take without the app keeping statistics; and
//! [`Debounce`], the one way to wait for a pause.

use leptos::prelude::*;
use std::time::Duration;

/// Runs `work` and records it as the measure `taqrir:<name>`.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let started = Started::now(name);
    let result = work();
    started.finish();
    result
}

/// Awaits `work` and records it, waiting included, as the measure `taqrir:<name>`.
pub async fn measured_async<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    let started = Started::now(name);
    let result = work.await;
    started.finish();
    result
}

/// Awaits `work` and records `taqrir:<name>` from now until the animation frame after it: what
/// `work` sets off (reactive updates, building the DOM) is done by then.
pub async fn measured_until_drawn<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    let started = Started::now(name);
    let result = work.await;
    leptos::prelude::request_animation_frame(move || started.finish());
    result
}

/// A measure's start mark, set.
struct Started(Option<(web_sys::Performance, String)>);

impl Started {
    fn now(name: &str) -> Self {
        let performance = web_sys::window().and_then(|w| w.performance());
        Started(performance.map(|performance| {
            let name = format!("taqrir:{name}");
            let _ = performance.mark(&format!("{name}:start"));
            (performance, name)
        }))
    }

    fn finish(self) {
        let Some((performance, name)) = self.0 else { return };
        let (start, end) = (format!("{name}:start"), format!("{name}:end"));
        let _ = performance.mark(&end);
        let _ = performance.measure_with_start_mark_and_end_mark(&name, &start, &end);
        performance.clear_marks_with_mark_name(&start);
        performance.clear_marks_with_mark_name(&end);
    }
}

/// Records `taqrir:<name>` from now until the next animation frame: the reactive work a change
/// sets off, including building the DOM, is done by then.
pub fn measure_until_next_frame(name: &'static str) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else { return };
    let start = format!("taqrir:{name}:start");
    let _ = performance.mark(&start);
    leptos::prelude::request_animation_frame(move || {
        let end = format!("taqrir:{name}:end");
        let _ = performance.mark(&end);
        let _ = performance.measure_with_start_mark_and_end_mark(&format!("taqrir:{name}"), &start, &end);
        performance.clear_marks_with_mark_name(&start);
        performance.clear_marks_with_mark_name(&end);
    });
}

/// One call that waits for a pause: scheduling it again replaces the call still waiting (the
/// checks wait for typing to pause, autosave for typing and for a retry).
#[derive(Clone, Copy)]
pub struct Debounce {
    waiting: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl Debounce {
    pub fn new() -> Self {
        Debounce { waiting: StoredValue::new_local(None) }
    }

    /// Runs `run` after `delay`, unless scheduled again or cancelled before.
    pub fn schedule(self, delay: Duration, run: impl FnOnce() + 'static) {
        self.cancel();
        let waiting = self.waiting;
        let handle = set_timeout_with_handle(
            move || {
                waiting.try_set_value(None);
                run();
            },
            delay,
        )
        .ok();
        self.waiting.try_set_value(handle);
    }

    /// Drops the call waiting, if any.
    pub fn cancel(self) {
        if let Some(handle) = self.waiting.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
