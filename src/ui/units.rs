//! Renaming and merging units on the store: the plan edit, plus what names the unit outside
//! the plan (each task's reported parts, and 本部门).

use super::state::{AppState, NoticeKind};
use super::words;
use crate::model::{PlanEdit, ReportPart, Stamp, TaskProgress, UnitId};
use leptos::prelude::*;

impl AppState {
    /// 本部门 as in effect: the unit chosen in the toolbar, when the shown plan has it. The
    /// choice is kept across plans (most plans of a bureau name the same units), but a plan
    /// without that unit has no 本部门 until one of its own units is chosen.
    pub fn my_unit(&self) -> Option<UnitId> {
        let chosen = self.settings.with(|s| s.my_unit.clone())?;
        let known = self.plan.with(|p| p.units.get(chosen.as_str()).is_some());
        known.then_some(chosen)
    }

    /// [`AppState::my_unit`], without subscribing to it.
    pub fn my_unit_untracked(&self) -> Option<UnitId> {
        untrack(|| self.my_unit())
    }

    /// Renames `from` to `to` everywhere (merging when `to` exists): in the plan, in the
    /// parts and monthly reports units wrote (copied under the new name, stamped now; the old entries stay,
    /// so nothing is lost), and in 本部门.
    pub fn rename_unit(&self, from: &str, to: &str) {
        let to = to.trim();
        let merging = self.plan.with_untracked(|p| p.units.get(to).is_some());
        let edit = PlanEdit::RenameUnit {
            from: from.to_string(),
            to: to.to_string(),
        };
        if let Err(e) = self.edit_plan(edit) {
            self.notify(NoticeKind::Warning, words::edit_error(&e));
            return;
        }
        // 本部门 follows first: the copies below are stamped by the unit under its new name.
        if self
            .settings
            .with_untracked(|s| s.my_unit.as_ref().is_some_and(|u| u.as_str() == from))
        {
            self.settings
                .update(|s| s.my_unit = Some(UnitId(to.to_string())));
        }
        let stamp = self.stamp();
        self.progress.maybe_update(|p| {
            let mut changed = false;
            for tp in p.tasks.values_mut() {
                changed |= copy_reports(tp, from, to, &stamp);
                let Some(old) = tp.parts.get(from).map(|s| s.value) else {
                    continue;
                };
                let newer_exists = tp.parts.get(to).is_some_and(|s| s.value.is_some());
                if !newer_exists {
                    tp.set_part(to, old, &stamp);
                    changed = true;
                }
            }
            changed
        });
        let said = if merging {
            format!("已将“{from}”并入“{to}”。")
        } else {
            format!("已将“{from}”改为“{to}”。")
        };
        self.notify(NoticeKind::Info, said);
    }
}

/// Copies each monthly report part `from` wrote to `to`, where `to` has none.
fn copy_reports(tp: &mut TaskProgress, from: &str, to: &str, stamp: &Stamp) -> bool {
    let mut copies = Vec::new();
    for (month, units) in &tp.reports {
        let Some(old) = units.get(from) else { continue };
        for part in ReportPart::ALL {
            let text = old.text(part);
            let empty = units.get(to).is_none_or(|r| r.text(part).is_empty());
            if !text.is_empty() && empty {
                copies.push((*month, part, text.to_string()));
            }
        }
    }
    let changed = !copies.is_empty();
    for (month, part, text) in copies {
        let _ = tp.set_report(month, to, part, &text, stamp);
    }
    changed
}
