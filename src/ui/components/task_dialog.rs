//! The task dialog: a task's title, text, section, deadline and units with their roles.

use crate::model::{Assignee, PlanEdit, Role, SectionId, Task, chinese_numeral, resolve_deadline};
use crate::parse::split_units;
use crate::ui::modal::Modal;
use crate::ui::state::{NoticeKind, TaskTarget, use_app};
use crate::ui::words;
use leptos::prelude::*;

fn role_key(r: Role) -> &'static str {
    match r {
        Role::Lead => "lead",
        Role::Responsible => "responsible",
        Role::Cooperating => "cooperating",
    }
}

fn role_of(key: &str) -> Role {
    match key {
        "lead" => Role::Lead,
        "cooperating" => Role::Cooperating,
        _ => Role::Responsible,
    }
}

/// One unit row being edited: a key, the name, the role.
type UnitRowState = (usize, RwSignal<String>, RwSignal<Role>);

/// The dialog for a task of the plan, or for a task to add at the end of a section (added
/// only when saved, as one step of undo).
#[component]
pub fn TaskDialog(target: TaskTarget) -> impl IntoView {
    let app = use_app();
    let new_in = match target {
        TaskTarget::Add(section) => Some(section),
        TaskTarget::Edit(_) => None,
    };
    let task = match target {
        TaskTarget::Add(section) => Some(app.plan.with_untracked(|p| Task {
            id: p.next_task_id(),
            section,
            heading: None,
            title: String::new(),
            body: String::new(),
            units: Vec::new(),
            deadline: None,
        })),
        TaskTarget::Edit(id) => app.plan.with_untracked(|p| p.task(id).cloned()),
    };
    let Some(task) = task else {
        return view! { <p class="fatal">"该任务已不存在。"</p> }.into_any();
    };
    let title = RwSignal::new(task.title.clone());
    let body = RwSignal::new(task.body.clone());
    let deadline = RwSignal::new(task.deadline.clone().unwrap_or_default());
    let section = RwSignal::new(task.section.0);
    let next_row = StoredValue::new(task.units.len());
    let rows: RwSignal<Vec<UnitRowState>> = RwSignal::new(
        task.units
            .iter()
            .enumerate()
            .map(|(i, a)| (i, RwSignal::new(a.name.clone()), RwSignal::new(a.role)))
            .collect(),
    );
    let sections = app.plan.with_untracked(|p| {
        p.sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.0, format!("{}、{}", chinese_numeral(i + 1), s.title)))
            .collect::<Vec<_>>()
    });
    let unit_names = app.plan.with_untracked(|p| {
        let mut names: Vec<String> = p.units.groups().iter().map(|g| g.name.clone()).collect();
        names.extend(p.units.units().iter().map(|u| u.id.to_string()));
        names
    });
    let add_row = move |_| {
        let n = next_row.get_value();
        next_row.set_value(n + 1);
        rows.update(|r| {
            r.push((
                n,
                RwSignal::new(String::new()),
                RwSignal::new(Role::Responsible),
            ))
        });
    };
    let save = move |_| {
        // Saving writes the whole task: one changed since the dialog opened (in another
        // window, or by a plan taken from a file) would lose that change.
        if new_in.is_none() && app.plan.with_untracked(|p| p.task(task.id) != Some(&task)) {
            app.notify(
                NoticeKind::Warning,
                "这项任务在打开此对话框之后已被修改（可能在另一个窗口中）：为免覆盖那些修改，没有保存。请复制需要的文字，关闭后重新打开再改。".into(),
            );
            return;
        }
        let mut t = task.clone();
        t.title = title.get_untracked();
        t.body = body.get_untracked().trim().to_string();
        let d = deadline.get_untracked().trim().to_string();
        t.deadline = (!d.is_empty()).then_some(d);
        t.section = SectionId(section.get_untracked());
        // A row naming several units (`区数据资源局、各街道`) gives each its own entry.
        t.units = rows.with_untracked(|r| {
            r.iter()
                .flat_map(|(_, n, role)| {
                    let role = role.get_untracked();
                    split_units(&n.get_untracked())
                        .into_iter()
                        .map(move |(name, marked)| Assignee::new(&name, marked.unwrap_or(role)))
                })
                .collect()
        });
        let edits = match new_in {
            Some(section) => {
                // No number that progress is kept under goes to the new task (a task taken
                // back here that another window had worked on, say).
                let kept = app
                    .progress
                    .with_untracked(|p| p.tasks.keys().map(|id| id.0).max().unwrap_or(0));
                // The id the plan gives the added task now (another tab may have added one).
                let id = app
                    .plan
                    .with_untracked(|p| p.next_task_id())
                    .0
                    .max(kept + 1);
                vec![
                    PlanEdit::RetireTaskIds(kept),
                    PlanEdit::AddTask {
                        section,
                        after: None,
                        title: t.title.clone(),
                    },
                    PlanEdit::UpdateTask(Task {
                        id: crate::model::TaskId(id),
                        ..t
                    }),
                ]
            }
            None => vec![PlanEdit::UpdateTask(t)],
        };
        match app.edit_plan_all(edits) {
            Ok(()) => app.dialog.set(None),
            Err(e) => app.notify(NoticeKind::Warning, words::edit_error(&e)),
        }
    };
    view! {
        <Modal id="task-dialog" title=Signal::derive(move || {
            let what = if new_in.is_some() { "添加任务" } else { "编辑任务" };
            title.with(|t| match t.trim() {
                "" => what.to_string(),
                t => format!("{what}：{t}"),
            })
        })>
            <datalist id="unit-names">
                {unit_names.into_iter().map(|n| view! { <option value=n/> }).collect::<Vec<_>>()}
            </datalist>
            <div class="form-grid">
                <label>"标题"<input type="text" id="task-title" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/></label>
                <label>"工作内容"<textarea id="task-body" rows="6" prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea></label>
                <label>"所属部分"
                    <select id="task-section" on:change=move |ev| if let Ok(n) = event_target_value(&ev).parse() { section.set(n) }>
                        {sections.into_iter().map(|(n, label)| view! { <option value=n.to_string() selected=n == section.get_untracked()>{label}</option> }).collect::<Vec<_>>()}
                    </select>
                </label>
                <label>"完成时限"<input type="text" id="task-deadline" placeholder="如：6月底前、年底前、长期坚持" prop:value=move || deadline.get() on:input=move |ev| deadline.set(event_target_value(&ev))/></label>
                {move || {
                    let d = deadline.get();
                    let year = app.plan.with(|p| p.year());
                    let open = ["长期", "持续", "常态"].iter().any(|w| d.contains(w));
                    (!d.trim().is_empty() && !open && resolve_deadline(&d, year).is_none()).then(|| view! {
                        <p class="hint" id="task-deadline-hint">"读不出这个时限的日期（可写“6月底前”“2024年10月底前”“2024-06-30”），这项任务将不会显示逾期。"</p>
                    })
                }}
            </div>
            <fieldset class="unit-rows">
                <legend>"责任单位（牵头单位排在前面）"</legend>
                <For each=move || rows.get() key=|r| r.0 let:row>
                    <div class="unit-row">
                        <input type="text" class="unit-name" list="unit-names" aria-label="单位名称" prop:value=move || row.1.get() on:input=move |ev| row.1.set(event_target_value(&ev))/>
                        <select class="unit-role" aria-label="角色" on:change=move |ev| row.2.set(role_of(&event_target_value(&ev)))>
                            {[Role::Lead, Role::Responsible, Role::Cooperating].into_iter().map(|r| view! {
                                <option value=role_key(r) selected=r == row.2.get_untracked()>{r.label()}</option>
                            }).collect::<Vec<_>>()}
                        </select>
                        <button type="button" class="unit-remove" aria-label="移除此单位" on:click=move |_| rows.update(|v| v.retain(|x| x.0 != row.0))>"移除"</button>
                    </div>
                </For>
                <button type="button" id="add-unit-row" on:click=add_row>"添加单位"</button>
            </fieldset>
            <footer class="modal-foot">
                <button type="button" id="task-save" class="primary" on:click=save>"保存"</button>
                <button type="button" class="dialog-close" on:click=move |_| app.dialog.set(None)>"取消"</button>
            </footer>
        </Modal>
    }
    .into_any()
}
