//! An internal error in the running app (a wasm trap, which is what a panic ends in) shows a message in Chinese at the top of the page instead of a page that silently stops answering; other script errors do not.
//!
//! The traps are raised as events of the kinds the browser reports them by (an `error` event, an
//! unhandled rejection), as no input of the app's is known to make it trap (and chromedriver's
//! session does not let real unhandled rejections reach the page).

use super::support::js;
use crate::webdriver::{Session, open_app};

/// What `#crash` says, or null while it is not shown.
const CRASH_TEXT: &str = "return document.getElementById('crash')?.textContent ?? null;";

#[test]
fn an_internal_error_says_so_and_how_to_go_on() {
    let s = Session::new();
    open_app(&s);

    js(
        &s,
        "window.dispatchEvent(new ErrorEvent('error', { error: new Error('not the app') })); return null;",
    );
    assert!(
        js(&s, CRASH_TEXT).is_null(),
        "an ordinary script error shows no crash message"
    );

    js(
        &s,
        "window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })); return null;",
    );
    let said = js(&s, CRASH_TEXT);
    let said = said.as_str().unwrap_or_default();
    assert!(
        said.starts_with("程序内部出错") && said.contains("F5 刷新") && said.contains("导出数据"),
        "a trap says what happened and what to do: {said}"
    );
    let place = js(
        &s,
        "const c = document.getElementById('crash');
         return { first: document.body.firstElementChild === c, role: c.getAttribute('role'),
                  top: Math.round(c.getBoundingClientRect().top), count: document.querySelectorAll('#crash').length };",
    );
    assert_eq!(place["first"], true, "the message leads the page: {place}");
    assert_eq!(
        place["role"], "alert",
        "screen readers announce it: {place}"
    );
    assert_eq!(place["top"], 0, "it is at the top of the screen: {place}");

    js(
        &s,
        "window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('again') })); return null;",
    );
    assert_eq!(
        js(&s, "return document.querySelectorAll('#crash').length;"),
        1,
        "a second trap adds no second message"
    );

    // A trap in an asynchronous task arrives as an unhandled rejection.
    js(
        &s,
        "document.getElementById('crash').remove();
         window.dispatchEvent(new PromiseRejectionEvent('unhandledrejection', {
           promise: Promise.resolve(), reason: new WebAssembly.RuntimeError('unreachable') }));
         return null;",
    );
    assert!(
        s.poll_until(
            "document.getElementById('crash') !== null",
            std::time::Duration::from_secs(5)
        ),
        "a trap in a task shows the message too"
    );
}
