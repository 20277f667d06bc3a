//! 数据与存储: where the data lives, the meter and per-plan rows, 导出全部计划 (a bundle of every plan), and 清空 with 撤销清空.

use serde_json::Value;

use super::support::*;
use crate::library::support::{SAMPLE, SAMPLE_TITLE, create_plan, switch_plan};
use crate::webdriver::{Session, open_app};

#[test]
fn the_data_dialog_measures_exports_everything_and_clears_with_undo() {
    let scratch = Scratch::new("data");
    let s = Session::new();
    let dir = scratch.downloads(&s, "dl");
    open_app(&s);
    let sample_id = create_plan(&s, SAMPLE, SAMPLE_TITLE);
    switch_plan(&s, DEFAULT_ID);
    click_status(&s, 3, "done");
    wait_status(&s, 3, "done");

    click(&s, "button#data-open");
    wait_shown(&s, "#data-dialog");
    assert_eq!(
        s.find("#data-dialog").attr("role").as_deref(),
        Some("dialog")
    );
    let about = js(
        &s,
        "return document.querySelector('#data-dialog').textContent;",
    );
    let about = about.as_str().unwrap_or("");
    assert!(
        about.contains("localStorage") || about.contains("本浏览器"),
        "the dialog says where the data lives: {about:?}"
    );
    let meter = js(
        &s,
        "const m = document.querySelector('#data-dialog progress#storage-meter');
         return m ? [m.value, m.max, m.getAttribute('value')] : null;",
    );
    assert!(meter.is_array(), "progress#storage-meter is shown");
    let value = meter[0].as_f64().expect("meter value");
    assert!(
        (0.0..=100.0).contains(&value) && meter[1] == 100,
        "meter is a percentage: {meter}"
    );
    let rows = js(
        &s,
        "return [...document.querySelectorAll('#data-dialog tr.usage-plan')].map(r =>
                 [r.dataset.plan, r.querySelector('.usage-size')?.textContent.trim() ?? null]);",
    );
    let rows: Vec<(String, Option<String>)> = serde_json::from_value(rows).expect("rows");
    for id in [DEFAULT_ID, sample_id.as_str()] {
        let row = rows.iter().find(|(p, _)| p == id);
        let size = row.and_then(|(_, n)| n.clone()).unwrap_or_default();
        assert!(
            size.ends_with("KB") || size.ends_with("MB"),
            "tr.usage-plan[data-plan={id}] with a .usage-size; rows: {rows:?}"
        );
    }
    let warn_off = s.find("input#warn-on-leave").property("checked");
    assert_eq!(warn_off, true, "input#warn-on-leave is on by default");

    let (path, text) = download_by(&s, &dir, "button#export-all", ".json");
    let bundle: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    assert_eq!(bundle["format"], "workplan-bundle", "export-all format");
    let mut ids: Vec<&str> = bundle["plans"]
        .as_array()
        .expect("plans")
        .iter()
        .filter_map(|e| e["plan"]["id"].as_str())
        .collect();
    ids.sort();
    let mut want = vec![DEFAULT_ID, sample_id.as_str()];
    want.sort();
    assert_eq!(ids, want, "export-all carries every plan");
    let default = bundle["plans"]
        .as_array()
        .and_then(|p| p.iter().find(|e| e["plan"]["id"] == DEFAULT_ID))
        .expect("default plan entry");
    assert_eq!(
        default["progress"]["tasks"]["3"]["status"]["value"], "Done",
        "its progress is in the bundle"
    );

    click(&s, "#data-dialog button#clear-progress");
    wait_shown(&s, "button#confirm-clear");
    let label = s.find("button#confirm-clear").property("textContent");
    assert_eq!(label.as_str().map(str::trim), Some("确认清空"));
    click(&s, "button#confirm-clear");
    wait_hidden(&s, "#data-dialog");
    let cleared = poll_js(
        &s,
        "return document.querySelector('article.task[data-task=\"3\"]').dataset.status !== 'done';",
        vec![],
    );
    assert!(cleared, "task 3 after 清空: {}", status_of(&s, 3));
    click_notice_action(&s, "撤销清空");
    wait_status(&s, 3, "done");
    s.refresh();
    crate::webdriver::wait_ready(&s);
    wait_status(&s, 3, "done");
}
