//! Deleting and restoring when storage is nearly full: with two 300-task plans of a year of
//! reports each stored, the trash has no room for a second copy of either, so the plan makes
//! way for its trash entry (and the entry for the restored plan); both steps keep every entry.

use serde_json::{Value, json};
use workplan::snapshot::{decode_progress, encode_plan, encode_progress};

use super::manage::{click_in_row, open_library, restore_from_trash, wait_plan_count};
use super::stored::stored_keys;
use super::support::*;
use crate::webdriver::{Session, open_app};
use crate::year_plan;

/// The stored text of `key`.
fn stored_text(s: &Session, key: &str) -> Option<String> {
    s.execute(
        "return localStorage.getItem(arguments[0]);",
        vec![json!(key)],
    )
    .as_str()
    .map(str::to_owned)
}

#[test]
fn a_full_year_plan_is_deleted_and_restored_when_no_second_copy_fits() {
    let [a, b] = ["甲", "乙"].map(year_plan::plan);
    let b_progress = year_plan::progress(&b);
    let s = Session::new();
    open_app(&s);
    let mut pairs = Vec::new();
    for (plan, progress) in [(&a, year_plan::progress(&a)), (&b, b_progress.clone())] {
        pairs.push(json!([
            format!("workplan:plan:{}", plan.id),
            encode_plan(plan)
        ]));
        pairs.push(json!([
            format!("workplan:progress:{}", plan.id),
            encode_progress(&plan.id, &progress)
        ]));
    }
    let stored = s.execute(
        "const [pairs, active] = arguments;
         for (const [k, v] of pairs) localStorage.setItem(k, v);
         const settings = JSON.parse(localStorage.getItem('workplan:settings'));
         settings.active_plan = active;
         localStorage.setItem('workplan:settings', JSON.stringify(settings));
         return true;",
        vec![Value::from(pairs), json!(a.id.0)],
    );
    assert_eq!(stored, json!(true), "both plans are stored");
    s.refresh();
    wait_h1(&s, &a.title);
    let progress_key = format!("workplan:progress:{}", b.id);
    let trash_key = format!("workplan:trash:{}", b.id);
    let plans = plan_options(&s).len();

    open_library(&s);
    click_in_row(&s, &b.id.0, "button.delete-plan");
    click(&s, "#library-dialog button.confirm-delete");
    wait_plan_count(&s, plans - 1);
    let said = notices(&s);
    assert!(!said.contains("失败"), "the deletion went through: {said}");
    assert_eq!(stored_keys(&s, "workplan:trash:"), vec![trash_key.clone()]);
    assert!(
        stored_text(&s, &progress_key).is_none(),
        "the plan's own keys made way: {:?}",
        stored_keys(&s, "workplan:")
    );

    restore_from_trash(&s, &b.id.0);
    wait_plan_count(&s, plans);
    let said = notices(&s);
    assert!(!said.contains("失败"), "the restore went through: {said}");
    assert!(
        stored_keys(&s, "workplan:trash:").is_empty(),
        "the trash entry made way for the plan"
    );
    let text = stored_text(&s, &progress_key).expect("the progress is stored again");
    let got = decode_progress(&b.id, &text).expect("the restored progress reads");
    assert_eq!(year_plan::log_entries(&got), 18_000, "every entry is back");
    assert!(got == b_progress, "the progress is back as it was");
}
