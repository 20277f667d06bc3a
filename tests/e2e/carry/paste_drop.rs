//! Other ways in: pasted export text (also with an email's greeting and signature around it; refused text stays in the box), a dropped .json export, and a dropped saved copy (its embedded data).

use serde_json::Value;
use workplan::model::Status;

use super::support::*;
use crate::webdriver::{Session, open_app};

/// Puts `text` into 粘贴导入's box, as pasting does.
fn fill_paste(s: &Session, text: &str) {
    s.execute(
        "const t = document.querySelector('#paste-dialog textarea#paste-json');
         t.value = arguments[0];
         t.dispatchEvent(new Event('input', {bubbles: true}));
         return null;",
        vec![Value::from(text)],
    );
}

/// Pastes `text` into 粘贴导入's box and clicks 导入合并.
fn paste(s: &Session, text: &str) {
    fill_paste(s, text);
    click(s, "button#paste-import");
}

#[test]
fn pasted_json_text_imports_like_a_file() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 6, "lagging");
    wait_status(&s, 6, "lagging");

    click(&s, "button#paste-open");
    wait_shown(&s, "#paste-dialog");
    fill_paste(&s, &export_json(5, Status::Done, "粘贴来的进展记录"));
    assert!(
        poll_js(
            &s,
            "return !document.querySelector('button#paste-import').disabled;",
            vec![]
        ),
        "导入合并 enabled once text is pasted"
    );
    let label = s.find("button#paste-import").property("textContent");
    assert_eq!(label.as_str().map(str::trim), Some("导入合并"));
    click(&s, "button#paste-import");
    crate::webdriver::confirm_import(&s);
    wait_notice(&s, "已合并“粘贴的内容”");
    wait_status(&s, 5, "done");
    assert_eq!(logs_of(&s, 5), vec!["粘贴来的进展记录".to_owned()]);
    assert_eq!(status_of(&s, 6), "lagging", "the local change is kept");
}

#[test]
fn a_dropped_json_export_imports() {
    let s = Session::new();
    open_app(&s);
    let text = export_json(8, Status::Lagging, "拖入文件的记录");
    drop_file(&s, "x.json", "application/json", &text);
    crate::webdriver::confirm_import(&s);
    wait_notice(&s, "已合并“x.json”");
    wait_status(&s, 8, "lagging");
    assert_eq!(logs_of(&s, 8), vec!["拖入文件的记录".to_owned()]);
}

#[test]
fn a_dropped_saved_copy_imports_its_data() {
    let scratch = Scratch::new("drop-html");
    let a = Session::new();
    let dir = scratch.downloads(&a, "a");
    open_app(&a);
    click_status(&a, 3, "done");
    wait_status(&a, 3, "done");
    let (_, html) = save_copy(&a, &dir);

    let b = Session::new();
    open_app(&b);
    click_status(&b, 6, "lagging");
    wait_status(&b, 6, "lagging");
    drop_file(&b, "副本.html", "text/html", &html);
    crate::webdriver::confirm_import(&b);
    wait_notice(&b, "已合并“副本.html”");
    wait_status(&b, 3, "done");
    assert_eq!(status_of(&b, 6), "lagging", "the local change is kept");
    assert!(
        !copy_dialog_shown(&b),
        "a dropped copy merges like an import; the start-up choice is for opened copies"
    );
}

#[test]
fn a_pasted_email_body_imports_its_data_and_a_refused_paste_stays_in_the_box() {
    let s = Session::new();
    open_app(&s);
    click(&s, "button#paste-open");
    wait_shown(&s, "#paste-dialog");

    // Text that is not an export: the reason shows in the dialog, the text stays to be fixed.
    paste(&s, "王科长：数据见附件。");
    wait_notice(&s, "未导入“粘贴的内容”");
    assert!(
        shown(&s, "#paste-dialog"),
        "the dialog stays open with the reason"
    );
    let kept = s.find("textarea#paste-json").property("value");
    assert_eq!(kept, "王科长：数据见附件。", "the pasted text stays");

    // The export with the email's greeting and signature around it.
    let json = export_json(5, Status::Done, "邮件正文里的进展记录");
    paste(
        &s,
        &format!("王科长：\n本月数据如下。\n\n{json}\n\n此致\n文源司法所"),
    );
    crate::webdriver::confirm_import(&s);
    wait_notice(&s, "已合并“粘贴的内容”");
    wait_status(&s, 5, "done");
    assert_eq!(logs_of(&s, 5), vec!["邮件正文里的进展记录".to_owned()]);
}
