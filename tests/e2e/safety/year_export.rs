//! A full-year export imports again: a 300-task plan with a year of monthly reports (18,000 log
//! entries, an export of about 19 MB) leaves one browser by 导出数据 and arrives whole in a
//! browser that has never seen the plan.

use serde_json::json;
use workplan::snapshot::{MAX_IMPORT_BYTES, decode, decode_progress, encode_plan, encode_progress};

use super::support::*;
use crate::webdriver::{Session, open_app};
use crate::year_plan;
use std::time::Duration;

/// How long a step with 18,000 entries may take before the test gives up.
const SLOW: Duration = Duration::from_secs(90);

#[test]
fn a_full_year_export_imports_whole_into_a_new_browser() {
    let plan = year_plan::plan("甲");
    let progress = year_plan::progress(&plan);
    let progress_key = format!("workplan:progress:{}", plan.id);
    let shown = format!(
        "document.querySelector('h1.plan-title')?.textContent === {:?}",
        plan.title
    );

    // The first browser holds the plan as the app stores it, and exports it.
    let a = Session::new();
    open_app(&a);
    let stored = a.execute(
        "const [id, plan, progress] = arguments;
         localStorage.setItem('workplan:plan:' + id, plan);
         localStorage.setItem('workplan:progress:' + id, progress);
         const settings = JSON.parse(localStorage.getItem('workplan:settings'));
         settings.active_plan = id;
         localStorage.setItem('workplan:settings', JSON.stringify(settings));
         return true;",
        vec![
            json!(plan.id.0),
            json!(encode_plan(&plan)),
            json!(encode_progress(&plan.id, &progress)),
        ],
    );
    assert_eq!(stored, json!(true), "the year plan is stored");
    a.refresh();
    a.wait_until(&shown, SLOW);
    let text = export_file(&a);
    println!(
        "year export: {} bytes (import limit {MAX_IMPORT_BYTES})",
        text.len()
    );
    assert!(
        text.len() > 10 * 1024 * 1024,
        "the file is a full year's size: {} bytes",
        text.len()
    );
    let exported = decode(&text).expect("the export reads natively");
    assert_eq!(
        exported.progress, progress,
        "the export carries every entry"
    );
    let path = write_file("全年导出.json", &text);

    // A browser without the plan imports the file and adds the plan.
    let b = Session::new();
    open_app(&b);
    b.find("input#import").send_keys(&path.to_string_lossy());
    let offer = "[...document.querySelectorAll('.notice-info .notice-action')]
         .some(b => b.textContent.trim() === '添加到计划库')";
    b.wait_until(offer, SLOW);
    b.execute(
        "[...document.querySelectorAll('.notice-info .notice-action')]
             .find(b => b.textContent.trim() === '添加到计划库').click();
         return null;",
        vec![],
    );
    b.wait_until(&shown, SLOW);
    b.wait_until(
        &format!("localStorage.getItem({progress_key:?}) !== null"),
        SLOW,
    );
    let saved = b.execute(
        "return localStorage.getItem(arguments[0]);",
        vec![json!(progress_key)],
    );
    let saved = saved.as_str().expect("the progress is stored");
    let got = decode_progress(&plan.id, saved).expect("the stored progress reads");
    assert_eq!(year_plan::log_entries(&got), 18_000, "every entry arrived");
    assert!(got == progress, "the progress arrived as it was exported");
    let said = notices(&b);
    assert!(
        !said.contains("文件太大") && !said.contains("保存失败"),
        "no refusal or failed save: {said}"
    );
}
