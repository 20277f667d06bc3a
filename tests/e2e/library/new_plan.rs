//! 新建计划: a pasted or chosen plan text previews (counts, units, lead marks, warnings), is stored only on 创建计划, and is then shown and exported.

use serde_json::Value;
use workplan::model::Role;
use workplan::parse::parse_plan;

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

/// What the preview shows: counts, unit chips, tasks, warnings, error.
fn preview(s: &Session) -> Value {
    js(
        s,
        "const p = document.querySelector('#new-plan-dialog .plan-preview');
         if (!p) return null;
         const t = c => { const e = p.querySelector(c); return e ? e.textContent.trim() : null; };
         return { sections: t('.count-sections'), tasks: t('.count-tasks'), units: t('.count-units'),
                  chips: [...p.querySelectorAll('.preview-units .unit-chip')].map(c => ({
                      name: (c.querySelector('.unit-name') || c).textContent.trim(),
                      lead: c.classList.contains('unit-lead'),
                      mark: c.querySelector('.lead-mark')?.textContent.trim() ?? null })),
                  taskRows: [...p.querySelectorAll('.preview-task')].map(e => e.textContent.trim()),
                  deadlines: [...p.querySelectorAll('.preview-task .preview-deadline')].map(e => e.textContent.trim()),
                  warnings: [...p.querySelectorAll('li.parse-warning')].map(w => [w.dataset.line, w.textContent.trim()]),
                  error: t('.preview-error') };",
    )
}

/// Waits until the preview shows `tasks` (e.g. `4 项任务`) and returns it.
fn wait_preview(s: &Session, tasks: &str) -> Value {
    let ok = poll_js(
        s,
        "return document.querySelector('#new-plan-dialog .plan-preview .count-tasks')?.textContent.trim() === arguments[0];",
        vec![Value::from(tasks)],
    );
    assert!(
        ok,
        "preview never showed {tasks:?}; it shows {}",
        preview(s)
    );
    preview(s)
}

/// The preview of [`SAMPLE`] is exactly what the plan holds.
fn assert_sample_preview(p: &Value) {
    assert_eq!(p["sections"], "2 个部分", "section count: {p}");
    assert_eq!(p["tasks"], "4 项任务", "task count: {p}");
    assert_eq!(p["units"], "5 个责任单位", "unit count: {p}");
    let chips = p["chips"].as_array().expect("chips");
    let names: Vec<&str> = chips.iter().filter_map(|c| c["name"].as_str()).collect();
    for unit in [
        "法制审查科",
        "办公室",
        "行政复议科",
        "公共法律服务科",
        "法律援助科",
    ] {
        assert!(
            names.contains(&unit),
            "preview lists unit {unit}: {names:?}"
        );
    }
    assert_eq!(names.len(), 5, "one chip per unit: {names:?}");
    let leads: Vec<&Value> = chips.iter().filter(|c| c["lead"] == true).collect();
    assert_eq!(leads.len(), 1, "exactly one lead unit chip: {chips:?}");
    assert_eq!(leads[0]["name"], "法制审查科", "the lead unit: {chips:?}");
    assert_eq!(
        leads[0]["mark"], "牵头",
        "the lead chip's .lead-mark: {chips:?}"
    );
    let rows = p["taskRows"].as_array().expect("task rows");
    assert_eq!(rows.len(), 4, ".preview-task per task: {rows:?}");
    for (row, title) in rows.iter().zip(SAMPLE_TASKS) {
        assert!(
            row.as_str().unwrap_or("").contains(title),
            "preview task {title:?}: {row}"
        );
    }
    let deadlines: Vec<&str> = p["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        deadlines.len() == 1 && deadlines[0].contains("6月底前"),
        "one .preview-deadline, on task 2, reading 6月底前: {deadlines:?}"
    );
    let warnings = p["warnings"].as_array().expect("warnings");
    assert_eq!(
        warnings.len(),
        1,
        "one warning (task 5 where 4 was expected): {warnings:?}"
    );
    assert_eq!(warnings[0][0], "7", "the warning's data-line: {warnings:?}");
    assert!(
        warnings[0][1].as_str().unwrap_or("").starts_with("第 7 行"),
        "the warning reads 第 7 行：…: {warnings:?}"
    );
    assert!(p["error"].is_null(), "no .preview-error for a plan: {p}");
}

/// Sanity: the native parser reads [`SAMPLE`] the way the assertions expect.
fn check_sample_natively() {
    let parsed = parse_plan(SAMPLE).expect("SAMPLE parses");
    let plan = &parsed.plan;
    assert_eq!(plan.title, SAMPLE_TITLE, "native title");
    assert_eq!(
        (plan.sections.len(), plan.tasks.len()),
        (2, 4),
        "native sections, tasks"
    );
    let titles: Vec<&str> = plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, SAMPLE_TASKS, "native task titles");
    let leads: Vec<&str> = plan
        .tasks
        .iter()
        .flat_map(|t| &t.units)
        .filter(|a| a.role == Role::Lead)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(leads, ["法制审查科"], "native lead units");
    assert_eq!(
        plan.tasks[1].deadline.as_deref(),
        Some("6月底前"),
        "native deadline of task 2"
    );
    let lines: Vec<usize> = parsed.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [7], "native warnings: {:?}", parsed.warnings);
}

#[test]
fn pasted_plan_previews_is_stored_on_create_and_exports() {
    check_sample_natively();
    let s = Session::new();
    open_app(&s);
    let plans_before = stored_keys(&s, "workplan:plan:");

    paste_plan(&s, SAMPLE);
    assert_sample_preview(&wait_preview(&s, "4 项任务"));
    assert_eq!(
        stored_keys(&s, "workplan:plan:"),
        plans_before,
        "nothing is stored before 创建计划"
    );
    assert_eq!(
        plan_options(&s).len(),
        1,
        "select#plan-switch before 创建计划: {:?}",
        plan_options(&s)
    );

    // Text that is not a plan: an error, and 创建计划 is disabled.
    set_value(
        &s,
        "#new-plan-dialog textarea#plan-text",
        "这不是工作要点，只是一句话。",
    );
    let ok = poll_js(
        &s,
        "return !!document.querySelector('#new-plan-dialog .preview-error')
             && document.querySelector('button#create-plan').disabled;",
        vec![],
    );
    assert!(
        ok,
        "not a plan: .preview-error and disabled 创建计划; preview {}",
        preview(&s)
    );

    set_value(&s, "#new-plan-dialog textarea#plan-text", SAMPLE);
    wait_preview(&s, "4 项任务");
    // Closed by mistake: the pasted text is there again on reopening.
    click(&s, "#new-plan-dialog button.dialog-close");
    wait_hidden(&s, "#new-plan-dialog");
    click(&s, "button#new-plan");
    wait_shown(&s, "#new-plan-dialog");
    let again = s
        .find("#new-plan-dialog textarea#plan-text")
        .property("value");
    assert_eq!(again, SAMPLE, "the text pasted before closing is kept");
    wait_preview(&s, "4 项任务");
    click(&s, "button#create-plan");
    wait_hidden(&s, "#new-plan-dialog");
    wait_h1(&s, SAMPLE_TITLE);
    click(&s, "button#new-plan");
    wait_shown(&s, "#new-plan-dialog");
    let fresh = s
        .find("#new-plan-dialog textarea#plan-text")
        .property("value");
    assert_eq!(
        fresh, "",
        "once created from, the text is not offered again"
    );
    click(&s, "#new-plan-dialog button.dialog-close");
    wait_hidden(&s, "#new-plan-dialog");
    let id = active_plan(&s);
    assert!(
        stored_keys(&s, "workplan:plan:").contains(&format!("workplan:plan:{id}")),
        "the new plan is stored under workplan:plan:{id}: {:?}",
        stored_keys(&s, "workplan:plan:")
    );
    assert_eq!(card_titles(&s), SAMPLE_TASKS, "the new plan's task cards");
    for n in card_ids(&s) {
        assert_eq!(
            status_of(&s, n),
            "not-started",
            "task {n} of the new plan has no progress"
        );
    }
    let first = card(&s, card_ids(&s)[0]);
    assert_eq!(
        first["units"][0]["name"], "法制审查科",
        "lead unit first on task 1: {first}"
    );
    assert_eq!(
        first["units"][0]["mark"], "牵头",
        "lead unit marked 牵头 on task 1: {first}"
    );
    let second = card(&s, card_ids(&s)[1]);
    assert_eq!(
        second["deadline"], "时限：6月底前",
        "task 2's plan deadline: {second}"
    );

    capture_downloads(&s);
    click(&s, "button#export");
    let export = wait_download(&s, 1);
    assert_eq!(export["format"], "workplan", "export format");
    assert_eq!(export["version"], 2, "export version");
    assert_eq!(
        export["plan"]["title"], SAMPLE_TITLE,
        "the export carries the new plan"
    );
    assert_eq!(export["plan"]["id"], id.as_str(), "the export's plan id");
    assert_eq!(
        export["plan"]["tasks"].as_array().map(Vec::len),
        Some(4),
        "the export's tasks"
    );

    s.refresh();
    wait_ready(&s);
    wait_h1(&s, SAMPLE_TITLE);
    assert_eq!(
        active_plan(&s),
        id,
        "the new plan is still shown after reload"
    );
}

#[test]
fn a_chosen_text_file_previews_like_pasted_text() {
    let dir = std::env::temp_dir().join(format!("workplan-newplan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("工作要点.txt");
    std::fs::write(&path, SAMPLE).expect("write plan file");

    let s = Session::new();
    open_app(&s);
    let plans_before = stored_keys(&s, "workplan:plan:");
    open_dialog(&s, "button#new-plan", "#new-plan-dialog");
    s.find("#new-plan-dialog input#plan-file")
        .send_keys(&path.to_string_lossy());
    assert_sample_preview(&wait_preview(&s, "4 项任务"));
    assert_eq!(
        stored_keys(&s, "workplan:plan:"),
        plans_before,
        "choosing a file stores nothing"
    );
    close_dialog(&s, "#new-plan-dialog");
    assert_eq!(
        h1(&s),
        DEFAULT_TITLE,
        "closing the dialog keeps the shown plan"
    );
    assert_eq!(
        plan_options(&s).len(),
        1,
        "no plan was added: {:?}",
        plan_options(&s)
    );
}
