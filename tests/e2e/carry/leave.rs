//! The leave-page prompt: asked while this browser has changes not yet in a file, not after exporting, not when the setting is off.

use std::time::Duration;

use serde_json::json;

use super::support::*;
use crate::webdriver::{Session, file_url, open_app, wait_ready};

/// Waits until `#unsaved-count` reads `text`.
fn wait_unsaved(s: &Session, text: &str) {
    let ok = poll_js(
        s,
        "return document.querySelector('#unsaved-count')?.textContent.trim() === arguments[0];",
        vec![serde_json::Value::from(text)],
    );
    assert!(
        ok,
        "#unsaved-count should read {text:?}; it reads {:?}",
        unsaved_text(s)
    );
}

/// Navigates away for real (after a click on `gesture`, for user activation) and back to the app;
/// whether the browser raised its leave prompt. WebDriver accepts beforeunload prompts by
/// itself (W3C), so the prompt is seen as DevTools' `Page.javascriptDialogOpening`.
fn real_leave_prompts(s: &Session, scratch: &Scratch, gesture: &str) -> bool {
    let blank = scratch.write("blank.html", "<!doctype html><title>blank</title>");
    click(s, gesture);
    s.performance_log();
    s.execute(
        "setTimeout(() => { location.href = arguments[0]; }, 0); return null;",
        vec![serde_json::Value::from(file_url(&blank))],
    );
    let mut dialogs = Vec::new();
    for _ in 0..30 {
        std::thread::sleep(Duration::from_millis(100));
        if s.try_cmd("GET", "/alert/text", None).is_ok() {
            s.cmd("POST", "/alert/accept", Some(json!({})));
        }
        dialogs.extend(
            s.performance_log()
                .iter()
                .filter_map(|e| e.devtools_event())
                .filter(|(m, p)| m == "Page.javascriptDialogOpening" && p["type"] == "beforeunload")
                .map(|(_, p)| p),
        );
        if s.url().ends_with("blank.html") {
            break;
        }
    }
    assert!(
        s.url().ends_with("blank.html"),
        "navigation away: {}",
        s.url()
    );
    open_app(s);
    !dialogs.is_empty()
}

#[test]
fn leaving_asks_only_while_changes_are_not_exported_and_the_setting_is_on() {
    let scratch = Scratch::new("leave");
    let s = Session::new();
    let dir = scratch.downloads(&s, "dl");
    open_app(&s);
    wait_unsaved(&s, "暂无修改");
    assert!(!leave_prompted(&s).0, "no prompt on a fresh page");

    click_status(&s, 3, "done");
    wait_status(&s, 3, "done");
    wait_unsaved(&s, "有 1 项修改尚未导出");
    let (prevented, value) = leave_prompted(&s);
    assert!(
        prevented,
        "beforeunload is default-prevented with an unexported change"
    );
    eprintln!("carry: synthetic beforeunload returnValue after preventDefault: {value:?}");

    let (path, _) = download_by(&s, &dir, "button#export", ".json");
    assert!(path.exists());
    wait_unsaved(&s, "修改均已导出");
    assert!(!leave_prompted(&s).0, "no prompt after 导出数据");
    assert!(
        !real_leave_prompts(&s, &scratch, "h1"),
        "no browser prompt on a real navigation after 导出数据"
    );

    click_status(&s, 4, "lagging");
    wait_status(&s, 4, "lagging");
    wait_unsaved(&s, "有 1 项修改尚未导出");
    assert!(leave_prompted(&s).0, "a new change asks again");

    assert!(
        real_leave_prompts(&s, &scratch, "h1"),
        "a real navigation with an unexported change raises the leave prompt"
    );
    wait_unsaved(&s, "有 1 项修改尚未导出");

    click(&s, "button#data-open");
    wait_shown(&s, "#data-dialog");
    let checked = s.find("input#warn-on-leave").property("checked");
    assert_eq!(checked, true, "the setting is on by default");
    click(&s, "input#warn-on-leave");
    assert!(
        poll_js(
            &s,
            "return JSON.parse(localStorage.getItem('workplan:settings')).warn_on_leave === false;",
            vec![]
        ),
        "the setting is stored off: {}",
        stored_json(&s, "workplan:settings")
    );
    wait_unsaved(&s, "有 1 项修改尚未导出");
    assert!(!leave_prompted(&s).0, "no prompt with the setting off");
    assert!(
        !real_leave_prompts(&s, &scratch, "#data-dialog .data-where"),
        "no browser prompt on a real navigation with the setting off"
    );

    s.refresh();
    wait_ready(&s);
    assert!(
        !leave_prompted(&s).0,
        "the setting stays off after a reload"
    );
}
