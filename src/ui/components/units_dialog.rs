//! 单位管理: every unit with its kind and how many tasks name it; rename or merge a unit in
//! one action; groups such as 各科室 = every 科室.

use crate::model::{GroupDef, PlanEdit, UnitId, UnitKind};
use crate::ui::modal::Modal;
use crate::ui::state::{AppState, NoticeKind, use_app};
use crate::ui::words;
use leptos::prelude::*;

/// Applies `edit`; a refusal becomes a notice. Whether it was applied.
fn apply(app: AppState, edit: PlanEdit) -> bool {
    let refused = app.edit_plan(edit).err();
    if let Some(e) = &refused {
        app.notify(NoticeKind::Warning, words::edit_error(e));
    }
    refused.is_none()
}

/// The dialog.
#[component]
pub fn UnitsDialog() -> impl IntoView {
    let app = use_app();
    let units = move || {
        app.plan.with(|p| {
            p.units
                .units()
                .iter()
                .map(|u| u.id.to_string())
                .collect::<Vec<_>>()
        })
    };
    let groups = move || app.plan.with(|p| p.units.groups().to_vec());
    let kinds = move || app.plan.with(|p| p.units.kinds());
    let group_name = RwSignal::new(String::new());
    let group_kind = RwSignal::new(String::new());
    let add_group = move |_| {
        let group = GroupDef {
            name: group_name.get_untracked().trim().to_string(),
            aliases: Vec::new(),
            kind: UnitKind::new(group_kind.get_untracked().trim()),
        };
        // A refused group keeps what was typed, to be completed.
        if apply(app, PlanEdit::SetGroup(group)) {
            group_name.set(String::new());
        }
    };
    view! {
        <Modal id="units-dialog" title=Signal::derive(|| "单位管理".to_string())>
            <datalist id="unit-kinds">
                {move || kinds().into_iter().map(|k| view! { <option value=k.to_string()/> }).collect::<Vec<_>>()}
            </datalist>
            <p class="dialog-hint">"改名会同时修改所有任务中的该单位；改成已有单位的名称即把两者合并。类型决定单位属于哪个分组（如“各科室”包括所有类型为“科室”的单位）。"</p>
            <table class="units-table">
                <thead><tr><th>"单位"</th><th>"类型"</th><th title="直接列名该单位的任务数（改名时修改的就是这些任务）；括号中的数含经分组（如“各司法所”）负责的任务">"任务数"</th><th>"改名"</th><th>"合并到"</th></tr></thead>
                <tbody>
                    <For each=units key=|n| n.clone() let:name>
                        <UnitRow name units=Signal::derive(units)/>
                    </For>
                </tbody>
            </table>
            <h3>"分组"</h3>
            <table class="groups-table">
                <thead><tr><th>"分组名称"</th><th>"包括类型"</th><th>"成员"</th><th>"操作"</th></tr></thead>
                <tbody>
                    <For each=groups key=|g| (g.name.clone(), g.kind.clone()) let:g>
                        <tr class="group-row" data-group=g.name.clone()>
                            <td>{g.name.clone()}</td>
                            <td>{g.kind.to_string()}</td>
                            <td>{
                                let kind = g.kind.clone();
                                move || app.plan.with(|p| p.units.of_kind(&kind).map(|u| u.id.to_string()).collect::<Vec<_>>().join("、"))
                            }</td>
                            <td><button type="button" class="group-remove" on:click={
                                let name = g.name.clone();
                                move |_| { apply(app, PlanEdit::RemoveGroup(name.clone())); }
                            }>"删除分组"</button></td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <p class="group-form">
                <input type="text" id="group-name" placeholder="分组名称，如：各政法单位" aria-label="分组名称"
                    prop:value=move || group_name.get() on:input=move |ev| group_name.set(event_target_value(&ev))/>
                " = 所有类型为 "
                <input type="text" id="group-kind" list="unit-kinds" placeholder="类型，如：政法单位" aria-label="分组包括的类型"
                    prop:value=move || group_kind.get() on:input=move |ev| group_kind.set(event_target_value(&ev))/>
                " 的单位 "
                <button type="button" id="add-group" on:click=add_group>"添加分组"</button>
            </p>
        </Modal>
    }
}

#[component]
fn UnitRow(name: String, units: Signal<Vec<String>>) -> impl IntoView {
    let app = use_app();
    let kind = {
        let name = name.clone();
        move || app.plan.with(|p| p.units.kind_of(&name).to_string())
    };
    // Tasks naming the unit (what a rename changes), and those it answers for through a
    // group too (各司法所 …), as the filter's chips count them.
    let tasks = {
        let name = name.clone();
        move || {
            app.plan.with(|p| {
                let unit = UnitId(name.clone());
                let (mut named, mut all) = (0, 0);
                for t in &p.tasks {
                    named += usize::from(t.unit_names().any(|n| n == name));
                    all += usize::from(
                        t.unit_names()
                            .any(|n| p.units.covers(&p.units.resolve(n), &unit)),
                    );
                }
                if all > named {
                    format!("{named}（含分组 {all}）")
                } else {
                    named.to_string()
                }
            })
        }
    };
    let new_name = RwSignal::new(name.clone());
    let merge_into = RwSignal::new(String::new());
    let others = {
        let name = name.clone();
        move || {
            units
                .get()
                .into_iter()
                .filter(|u| *u != name)
                .collect::<Vec<_>>()
        }
    };
    let set_kind = {
        let (name, kind) = (name.clone(), kind.clone());
        move |ev: leptos::ev::Event| {
            let typed = UnitKind::new(event_target_value(&ev).trim());
            if !apply(app, PlanEdit::SetUnitKind(name.clone(), typed)) {
                // The plan did not change, so the box would keep what was refused.
                let field = event_target::<web_sys::HtmlInputElement>(&ev);
                field.set_value(&kind());
            }
        }
    };
    let rename = {
        let name = name.clone();
        move |_| app.rename_unit(&name, &new_name.get_untracked())
    };
    let merge = {
        let name = name.clone();
        move |_| {
            let into = merge_into.get_untracked();
            if !into.is_empty() {
                app.rename_unit(&name, &into);
            }
        }
    };
    view! {
        <tr class="unit-manage" data-unit=name.clone()>
            <td class="unit-label">{name.clone()}</td>
            <td><input type="text" class="unit-kind" list="unit-kinds" aria-label="类型" prop:value=kind on:change=set_kind/></td>
            <td class="unit-count">{tasks}</td>
            <td>
                <input type="text" class="unit-new-name" aria-label="新名称" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                <button type="button" class="unit-rename" on:click=rename>"重命名"</button>
            </td>
            <td>
                <select class="unit-merge-into" aria-label="合并到" on:change=move |ev| merge_into.set(event_target_value(&ev))>
                    <option value="">"（选择）"</option>
                    {move || others().into_iter().map(|u| view! { <option value=u.clone()>{u.clone()}</option> }).collect::<Vec<_>>()}
                </select>
                <button type="button" class="unit-merge" on:click=merge>"合并"</button>
            </td>
        </tr>
    }
}
