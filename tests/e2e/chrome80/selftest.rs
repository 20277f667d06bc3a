//! The recorder itself: console errors, uncaught exceptions and foreign requests are seen.

use super::page::{Page, T};

#[test]
fn the_chromium_80_recorder_sees_errors_and_requests() {
    let mut p = Page::open();
    assert!(p.errors().is_empty(), "sanity: the app logs no error");
    p.eval("console.error('chrome80 probe'); setTimeout(() => { throw new Error('chrome80 boom'); }); 0");
    p.poll("new Promise(r => setTimeout(() => r(true), 100))", T);
    let errors = p.errors().join("\n");
    assert!(
        errors.contains("error console: chrome80 probe"),
        "console.error is recorded: {errors}"
    );
    assert!(
        errors.contains("chrome80 boom"),
        "an uncaught exception is recorded: {errors}"
    );
    assert!(p.foreign_requests().is_empty(), "sanity: no request yet");
    // A page without the app's CSP, so the image request is really made.
    p.navigate("data:text/html,<img src='http://127.0.0.1:9/chrome80-probe.png'>");
    assert!(
        p.poll(
            "document.images.length === 1 && document.images[0].complete",
            T
        ),
        "the probe page loads"
    );
    let foreign = p.foreign_requests();
    assert_eq!(
        foreign,
        ["http://127.0.0.1:9/chrome80-probe.png"],
        "the request to another origin is recorded"
    );
}
