//! The 新建计划 and 计划库 dialogs in Chromium 80: preview, create, open the library.

use workplan::parse::parse_plan;

use super::page::Page;

/// A small plan: 2 sections, 3 tasks.
const PLAN: &str = "2025年示例司法所工作要点
一、依法行政
1.完善合法性审查机制。全面落实重大行政决策合法性审查。(牵头单位:法制审查科;责任单位:办公室)
2.推进行政复议规范化。完成案件办理系统升级。(责任单位:行政复议科;完成时限:6月底前)
二、公共法律服务
3.建设公共法律服务站点。推动站点覆盖全部社区。(责任单位:公共法律服务科)
";
const TITLE: &str = "2025年示例司法所工作要点";

/// JS: whether the element `css` exists and is rendered.
fn shown(css: &str) -> String {
    let css = serde_json::to_string(css).expect("json");
    format!(
        "(() => {{ const e = document.querySelector({css});
           return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; }})()"
    )
}

#[test]
fn new_plan_and_library_dialogs_work_in_chromium_80() {
    let parsed = parse_plan(PLAN).expect("PLAN parses").plan;
    assert_eq!(parsed.title, TITLE, "native title");
    let tasks = parsed.tasks.len();
    assert_eq!(tasks, 3, "native task count");

    let mut p = Page::open();
    p.click("button#new-plan");
    p.wait(&shown("#new-plan-dialog"), "the 新建计划 dialog opens");
    assert_eq!(
        p.eval("document.querySelector('#new-plan-dialog').getAttribute('role')"),
        "dialog"
    );
    p.set_value("#new-plan-dialog textarea#plan-text", PLAN);
    p.wait(
        &format!(
            "document.querySelector('#new-plan-dialog .plan-preview .count-tasks')?.textContent.trim() === '{tasks} 项任务'"
        ),
        "the preview counts the tasks",
    );
    p.wait(
        "(() => { const b = document.querySelector('button#create-plan'); return !!b && !b.disabled; })()",
        "创建计划 is enabled",
    );
    p.click("button#create-plan");
    p.wait(
        &format!("!{}", shown("#new-plan-dialog")),
        "the dialog closes",
    );
    p.wait(
        &format!("document.querySelector('h1')?.textContent.trim() === '{TITLE}'"),
        "the new plan is shown",
    );
    assert_eq!(
        p.eval("document.querySelectorAll('article.task').length"),
        tasks,
        "the new plan's cards"
    );

    p.click("button#manage-plans");
    p.wait(&shown("#library-dialog"), "the 计划库 dialog opens");
    assert_eq!(
        p.eval("document.querySelector('#library-dialog').getAttribute('role')"),
        "dialog"
    );
    p.assert_clean("dialogs");
}
