//! Unit chips (`.unit-chip`): one unit or group, lead units marked 牵头. Shared by task cards
//! and the new-plan preview.

use crate::model::{Plan, Responsible, Role};
use leptos::prelude::*;

/// One chip for `name` in `role`; a group's tooltip lists its members.
pub fn unit_chip(plan: &Plan, name: &str, role: Role) -> impl IntoView + use<> {
    let r = plan.units.resolve(name);
    let group = matches!(r, Responsible::Group(_));
    let tip = match &r {
        Responsible::Group(label) => {
            let members: Vec<String> = plan
                .units
                .expand(&r)
                .iter()
                .map(|u| u.to_string())
                .collect();
            let list = if members.is_empty() {
                "（全体）".to_string()
            } else {
                members.join("、")
            };
            format!("{label}：{list}")
        }
        Responsible::Unit(_) => format!("{}（{}单位）", name, role.label()),
    };
    let lead = role == Role::Lead;
    let coop = role == Role::Cooperating;
    view! {
        <li class="unit-chip" class:unit-group=group class:unit-lead=lead class:unit-coop=coop
            data-role=role.key() title=tip>
            {lead.then(|| view! { <span class="lead-mark">"牵头"</span> })}
            {coop.then(|| view! { <span class="coop-mark">"配合"</span> })}
            <span class="unit-name">{name.to_string()}</span>
        </li>
    }
}
