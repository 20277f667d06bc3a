//! The views the accessibility gate checks, each reached from a freshly opened app the way a
//! user gets there (clicks, typing), and waited for through the DOM contract.

use std::time::Duration;

use serde_json::Value;

use crate::webdriver::Session;

/// Poll timeout for the app's reactions.
const T: Duration = Duration::from_secs(5);

/// A small pasted plan: two sections, four tasks, one numbering warning.
const PLAN_TEXT: &str = "2024年示范区司法局工作要点
一、依法行政
1.完善合法性审查机制。全面落实重大行政决策合法性审查。(牵头单位:法制审查科;责任单位:办公室、行政复议科)
2.推进行政复议规范化。完成案件办理系统升级。(责任单位:行政复议科;完成时限:6月底前)
二、公共法律服务
3.建设公共法律服务站点。推动站点覆盖全部社区。(责任单位:公共法律服务科、办公室)
5.开展法律援助进社区活动。每季度至少开展一次。(责任单位:法律援助科)
";

/// JS expression: `css` exists and is rendered.
fn shown(css: &str) -> String {
    format!(
        "(() => {{ const e = document.querySelector({css:?});
           return !!e && e.getClientRects().length > 0
                  && getComputedStyle(e).visibility !== 'hidden'; }})()"
    )
}

/// Clicks `button` and waits for `target` to be rendered.
pub fn open(s: &Session, button: &str, target: &str) {
    s.find(button).click();
    s.wait_until(&shown(target), T);
}

/// Main view, first task's 进展填报 panel opened by clicking its summary.
pub fn main_with_report(s: &Session) {
    s.find("article.task details.task-report > summary").click();
    s.wait_until(
        "document.querySelector('article.task details.task-report')?.open === true
         && !!document.querySelector('article.task details.task-report .report-grid')",
        T,
    );
}

/// Main view filtered by a typed search term (matches highlighted with `<mark>`).
pub fn filtered(s: &Session) {
    s.find("#search").send_keys("合法性审查");
    s.wait_until(
        "document.querySelectorAll('article.task').length === 3
         && !!document.querySelector('article.task mark')",
        T,
    );
}

/// 新建计划, empty.
pub fn new_plan(s: &Session) {
    open(s, "button#new-plan", "#new-plan-dialog");
}

/// 新建计划 with a pasted plan text, so the preview (and its warning) is shown.
pub fn new_plan_preview(s: &Session) {
    new_plan(s);
    s.execute(
        "const t = document.querySelector('#new-plan-dialog textarea#plan-text');
         t.value = arguments[0];
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![Value::from(PLAN_TEXT)],
    );
    s.wait_until(&shown("#new-plan-dialog .plan-preview"), T);
}

/// 计划管理.
pub fn library(s: &Session) {
    open(s, "button#manage-plans", "#library-dialog");
}

/// 编辑计划: the plan editor replaces the task list.
pub fn edit_mode(s: &Session) {
    open(s, "button#edit-plan", "#plan-editor");
}

/// The task dialog of the first task, from edit mode.
pub fn task_dialog(s: &Session) {
    edit_mode(s);
    open(
        s,
        "#plan-editor .edit-task button.task-edit",
        "#task-dialog",
    );
}

/// 单位管理.
pub fn units(s: &Session) {
    open(s, "button#manage-units", "#units-dialog");
}

/// 数据与存储.
pub fn data(s: &Session) {
    open(s, "button#data-open", "#data-dialog");
}

/// 粘贴导入.
pub fn paste(s: &Session) {
    open(s, "button#paste-open", "#paste-dialog");
}

/// The choice an opened copy asks for: this profile marks task 2, then opens a copy of the
/// page whose embedded data marks task 3 (so the two have diverged).
pub fn copy_choice(s: &Session) {
    use workplan::model::{Progress, ReplicaId, Stamp, Status, TaskId};
    use workplan::snapshot::{Bundle, Entry, embed_element, encode_bundle, with_embedded};
    s.find(r#"article.task[data-task="2"] button.status-btn[data-status="done"]"#)
        .click();
    s.wait_until(
        "localStorage.getItem('workplan:progress:plan-d046933b05f415f1') !== null",
        T,
    );
    let plan = workplan::parse::parse_plan(workplan::DEFAULT_PLAN_TEXT)
        .expect("embedded plan parses")
        .plan;
    let mut progress = Progress::default();
    let stamp = Stamp {
        at: 1_700_000_000_000,
        n: 0,
        by: None,
        replica: ReplicaId("other-pc".into()),
    };
    progress
        .task_mut(TaskId(3))
        .set_status(Some(Status::Done), &stamp);
    let bundle = Bundle {
        saved_at: stamp.at,
        active: Some(plan.id.clone()),
        plans: vec![Entry { plan, progress }],
    };
    let page = std::fs::read_to_string(crate::webdriver::dist_path()).expect("read dist");
    let copy = with_embedded(&page, &embed_element(&encode_bundle(&bundle, false)));
    let dir = std::env::temp_dir().join(format!("workplan-a11y-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("副本.html");
    std::fs::write(&path, copy).expect("write copy");
    s.goto(&crate::webdriver::file_url(&path));
    crate::webdriver::wait_ready(s);
    s.wait_until(&shown("#copy-dialog"), T);
}

/// 统计 with some progress, so every table and chart has content.
pub fn statistics(s: &Session) {
    for (task, status) in [(1, "done"), (4, "lagging"), (7, "in-progress")] {
        s.find(&format!(
            r#"article.task[data-task="{task}"] button.status-btn[data-status="{status}"]"#
        ))
        .click();
    }
    s.execute("window.scrollTo(0, 0);", vec![]);
    open(s, "button#stats-toggle", "#stats");
    s.wait_until(&shown("#stats #unit-bars"), T);
}

/// The import preview of a pasted export that changes one task and conflicts on another.
pub fn import_preview(s: &Session) {
    s.find(r#"article.task[data-task="5"] button.status-btn[data-status="lagging"]"#)
        .click();
    let text = crate::exports::office_export(5, workplan::model::Status::Done, "已办结");
    open(s, "button#paste-open", "#paste-dialog");
    s.execute(
        "const t = document.querySelector('#paste-dialog textarea#paste-json');
         t.value = arguments[0];
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![Value::from(text)],
    );
    s.find("button#paste-import").click();
    s.wait_until(&shown("#import-preview .preview-conflict"), T);
}

/// The report text after 复制报送文本, with 本部门 chosen.
pub fn report_text(s: &Session) {
    crate::webdriver::choose_unit(s, "普法与依法治理科");
    open(s, "button#copy-report", "#report-text-dialog");
}
