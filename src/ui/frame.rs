//! Work that waits for the next frame to be painted, so what the user sees comes first.

/// Runs `f` once the next frame has been painted (a task queued from `requestAnimationFrame`),
/// and again after a second, for tabs that get no frames (opened in the background, whose
/// timers run at most once a second anyway). `f` must do nothing the second time.
pub fn after_paint(f: impl Fn() + Clone + 'static) {
    use leptos::prelude::{request_animation_frame, set_timeout};
    let g = f.clone();
    request_animation_frame(move || set_timeout(g, std::time::Duration::ZERO));
    set_timeout(f, std::time::Duration::from_secs(1));
}
