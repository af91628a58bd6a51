//! User Timing measures (`performance.measure`) around the app's heavier operations, so the bench
//! (and anyone in DevTools) can read how long they take without the app keeping statistics.

/// Runs `work` and records it as the measure `taqrir:<name>`.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return work();
    };
    let (start, end) = (format!("taqrir:{name}:start"), format!("taqrir:{name}:end"));
    let _ = performance.mark(&start);
    let result = work();
    let _ = performance.mark(&end);
    let _ = performance.measure_with_start_mark_and_end_mark(&format!("taqrir:{name}"), &start, &end);
    performance.clear_marks_with_mark_name(&start);
    performance.clear_marks_with_mark_name(&end);
    result
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
