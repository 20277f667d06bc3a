//! Renaming and merging units on the store: the plan edit, plus what names the unit outside
//! the plan (each task's reported parts, and 本部门).

use super::state::{AppState, NoticeKind};
use super::words;
use crate::model::{PlanEdit, UnitId};
use leptos::prelude::*;

impl AppState {
    /// Renames `from` to `to` everywhere (merging when `to` exists): in the plan, in the
    /// parts units reported (copied under the new name, stamped now; the old entries stay,
    /// so nothing is lost), and in 本部门.
    pub fn rename_unit(&self, from: &str, to: &str) {
        let to = to.trim();
        let edit = PlanEdit::RenameUnit {
            from: from.to_string(),
            to: to.to_string(),
        };
        if let Err(e) = self.edit_plan(edit) {
            self.notify(NoticeKind::Warning, words::edit_error(&e));
            return;
        }
        let stamp = self.stamp();
        self.progress.maybe_update(|p| {
            let mut changed = false;
            for tp in p.tasks.values_mut() {
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
        if self
            .settings
            .with_untracked(|s| s.my_unit.as_ref().is_some_and(|u| u.as_str() == from))
        {
            self.settings
                .update(|s| s.my_unit = Some(UnitId(to.to_string())));
        }
        self.notify(NoticeKind::Info, format!("已将“{from}”改为“{to}”。"));
    }
}
