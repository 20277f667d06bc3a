//! The storage budget: a 300-task plan with a year of monthly reports from five units
//! (18,000 log entries of 80 characters) is stored in at most 2,500,000 characters, so that
//! it fits twice in the 5,242,880 characters (UTF-16 units) the browser keeps for every local
//! page; and the largest library that fits. Run with `--nocapture` to see the figures.

#[path = "../shared/year_plan.rs"]
mod year_plan;

use serde_json::json;
use workplan::model::{Plan, PlanId, Progress};
use workplan::snapshot::{Snapshot, decode_progress, encode_plan, encode_pretty, encode_progress};
use workplan::storage::{QUOTA_CHARS, plan_key, progress_key};

/// What one plan's stored values may take, so that two fit with room to spare.
const BUDGET: usize = 2_500_000;
/// Room kept for the settings and the odd backup: far more than the settings take.
const SETTINGS_ROOM: usize = 2_000;

fn chars(s: &str) -> usize {
    s.encode_utf16().count()
}

/// What version 1 wrote for the same progress: the export file's progress, in the envelope.
fn v1_chars(id: &PlanId, p: &Progress) -> usize {
    let value = json!({"format": "workplan-progress", "plan": id, "progress": p, "version": 1});
    chars(&value.to_string())
}

/// Characters a plan takes in storage with its progress: both keys and both values.
fn stored_chars(plan: &Plan, progress: &Progress) -> usize {
    let id = &plan.id;
    chars(&plan_key(id))
        + chars(&encode_plan(plan))
        + chars(&progress_key(id))
        + chars(&encode_progress(id, progress))
}

#[test]
fn a_year_of_reports_on_a_300_task_plan_fits_twice() {
    let plan = year_plan::plan("甲");
    let progress = year_plan::progress(&plan);
    assert_eq!(year_plan::log_entries(&progress), 18_000);
    let text = encode_progress(&plan.id, &progress);
    assert_eq!(decode_progress(&plan.id, &text).as_ref(), Ok(&progress));
    let v2 = chars(&text);
    let base = chars(&encode_progress(
        &plan.id,
        &year_plan::progress_with(&plan, 0),
    ));
    let plan_chars = chars(&encode_plan(&plan));
    println!(
        "budget: 18,000 entries of {} characters, with status, percent and 5 parts on each \
         of 300 tasks: version 2 {v2} characters ({:.1} per entry beyond the {base} of the \
         rest), version 1 {} characters; the plan itself {plan_chars}",
        year_plan::ENTRY_CHARS,
        (v2 - base) as f64 / 18_000.0,
        v1_chars(&plan.id, &progress),
    );
    assert!(v2 <= BUDGET, "{v2} characters over the budget of {BUDGET}");
    let both = 2 * stored_chars(&plan, &progress) + SETTINGS_ROOM;
    assert!(
        both <= QUOTA_CHARS,
        "two plans take {both} of {QUOTA_CHARS}"
    );
    let export = encode_pretty(&Snapshot {
        saved_at: 0,
        plan,
        progress,
    });
    println!(
        "budget: its export file is {} bytes (the import limit is {})",
        export.len(),
        workplan::snapshot::MAX_IMPORT_BYTES
    );
}

#[test]
fn the_same_year_as_three_part_reports_fits_twice() {
    let plan = year_plan::plan("甲");
    let progress = year_plan::progress_as_reports(&plan);
    let text = encode_progress(&plan.id, &progress);
    assert_eq!(decode_progress(&plan.id, &text).as_ref(), Ok(&progress));
    let v2 = chars(&text);
    println!(
        "budget: 18,000 three-part reports (40 + 20 + 20 characters, each written at once): \
         version 2 {v2} characters, version 1 {}",
        v1_chars(&plan.id, &progress)
    );
    assert!(v2 <= BUDGET, "{v2} characters over the budget of {BUDGET}");
}

#[test]
fn the_largest_library_that_fits() {
    let plan = year_plan::plan("甲");
    let room = QUOTA_CHARS - SETTINGS_ROOM;
    let year = stored_chars(&plan, &year_plan::progress(&plan));
    println!(
        "budget: {} plans of 300 tasks with a year of reports fit ({year} characters each, \
         {room} free besides the settings)",
        room / year
    );
    assert!(room / year >= 2);
    let fits = |n: usize| stored_chars(&plan, &year_plan::progress_with(&plan, n)) <= room;
    let two_years = stored_chars(&plan, &year_plan::progress_with(&plan, 36_000));
    let per_entry = (two_years - year) as f64 / 18_000.0;
    let mut n = 36_000 + ((room - two_years) as f64 / per_entry) as usize;
    while !fits(n) {
        n -= 10;
    }
    while fits(n + 10) {
        n += 10;
    }
    println!(
        "budget: one 300-task plan alone holds up to {n} entries (to within 10), {:.1} \
         months of reports from 5 units",
        n as f64 / 1_500.0
    );
    assert!(n >= 36_000, "one plan holds two years of reports");
}
