//! The responsible units of a task, as chips; groups are marked.

use crate::model::{Responsible, TaskId};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The 责任部门 chips of one task.
#[component]
pub fn UnitChips(task: TaskId) -> impl IntoView {
    let plan = use_app().plan;
    let chips = move || {
        plan.with(|p| {
            let Some(t) = p.task(task) else {
                return Vec::new();
            };
            t.units_raw
                .iter()
                .zip(&t.responsible)
                .map(|(raw, r)| {
                    let group = matches!(r, Responsible::Group(_));
                    let tip = match r {
                        Responsible::Group(g) => {
                            let members: Vec<String> =
                                p.units.expand(r).iter().map(|u| u.to_string()).collect();
                            format!(
                                "{}：{}",
                                g.label(),
                                if members.is_empty() {
                                    "（全体）".to_string()
                                } else {
                                    members.join("、")
                                }
                            )
                        }
                        Responsible::Unit(_) => raw.clone(),
                    };
                    view! {
                        <li class="unit-chip" class:unit-group=group title=tip>{raw.clone()}</li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="task-units">
            <span class="units-label">"责任部门"</span>
            <ul class="unit-chips">{chips}</ul>
        </div>
    }
}
