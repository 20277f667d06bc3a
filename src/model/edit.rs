//! Edits to a plan's structure: sections, tasks, units and groups. Ids never move: a new
//! section or task takes the next free id, so progress always stays with its task.

use super::plan::{Plan, Section, SectionId};
use super::task::{Assignee, Role, Task, TaskId};
use super::unit::{GroupDef, UnitKind};
use crate::model::order;

/// One edit to a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEdit {
    /// Renames the plan.
    RenamePlan(String),
    /// Adds a section after another (or at the end).
    AddSection {
        /// The section it follows; `None` appends.
        after: Option<SectionId>,
        /// Its heading.
        title: String,
    },
    /// Renames a section.
    RenameSection(SectionId, String),
    /// Keeps task numbers up to this one from new tasks (data is kept under them, say of a
    /// task another window added and this one took back).
    RetireTaskIds(u32),
    /// Deletes a section with its tasks.
    DeleteSection(SectionId),
    /// Moves a section up (-1) or down (+1).
    MoveSection(SectionId, i32),
    /// Adds a task at the end of a section, or after a task.
    AddTask {
        /// Its section.
        section: SectionId,
        /// The task it follows; `None` appends to the section.
        after: Option<TaskId>,
        /// Its title.
        title: String,
    },
    /// Replaces a task's text, units, deadline and section (matched by id).
    UpdateTask(Task),
    /// Deletes a task.
    DeleteTask(TaskId),
    /// Moves a task up (-1) or down (+1) within its section.
    MoveTask(TaskId, i32),
    /// Renames a unit everywhere; renaming onto an existing unit merges the two.
    RenameUnit {
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// Sets a unit's kind.
    SetUnitKind(String, UnitKind),
    /// Adds or replaces a group.
    SetGroup(GroupDef),
    /// Removes a group.
    RemoveGroup(String),
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No section with that id.
    NoSuchSection(SectionId),
    /// No task with that id.
    NoSuchTask(TaskId),
    /// No unit with that name.
    NoSuchUnit(String),
    /// A name or title was empty.
    EmptyText,
    /// A unit's kind, or the kind a group takes in, was empty.
    EmptyKind,
    /// The last section cannot be deleted.
    LastSection,
}

impl Plan {
    /// The id a new task takes: one more than any id used or retired.
    pub fn next_task_id(&self) -> TaskId {
        TaskId(self.highest_task_id() + 1)
    }

    /// The highest task number this version uses or keeps retired.
    pub fn highest_task_id(&self) -> u32 {
        let used = self.tasks.iter().map(|t| t.id.0).max().unwrap_or(0);
        used.max(self.last_task_id)
    }

    /// Keeps every number `other` (another version of this plan, one it replaces or merges
    /// with) uses or retired from new tasks here.
    pub fn retire_task_ids_of(&mut self, other: &Plan) {
        self.last_task_id = self.last_task_id.max(other.highest_task_id());
    }

    /// The id a new section takes: one more than any id used.
    pub fn next_section_id(&self) -> SectionId {
        SectionId(self.sections.iter().map(|s| s.id.0).max().unwrap_or(0) + 1)
    }

    /// Applies an edit. A refused edit changes nothing.
    pub fn apply(&mut self, edit: PlanEdit) -> Result<(), EditError> {
        match edit {
            PlanEdit::RenamePlan(title) => self.title = required(&title)?,
            PlanEdit::AddSection { after, title } => {
                let title = required(&title)?;
                let at = match after {
                    Some(id) => self.section_index(id)? + 1,
                    None => self.sections.len(),
                };
                let id = self.next_section_id();
                let numeral = String::new();
                self.sections.insert(at, Section { id, numeral, title });
            }
            PlanEdit::RenameSection(id, title) => {
                let title = required(&title)?;
                let i = self.section_index(id)?;
                self.sections[i].title = title;
            }
            PlanEdit::DeleteSection(id) => {
                let i = self.section_index(id)?;
                if self.sections.len() == 1 {
                    return Err(EditError::LastSection);
                }
                self.sections.remove(i);
                for t in self.tasks.iter().filter(|t| t.section == id) {
                    self.last_task_id = self.last_task_id.max(t.id.0);
                }
                self.tasks.retain(|t| t.section != id);
            }
            PlanEdit::MoveSection(id, delta) => {
                let i = self.section_index(id)?;
                let j = shifted(i, delta, self.sections.len());
                let s = self.sections.remove(i);
                self.sections.insert(j, s);
                self.order_tasks_by_section();
            }
            PlanEdit::RetireTaskIds(n) => self.last_task_id = self.last_task_id.max(n),
            PlanEdit::AddTask {
                section,
                after,
                title,
            } => self.add_task(section, after, required(&title)?)?,
            PlanEdit::UpdateTask(task) => self.update_task(task)?,
            PlanEdit::DeleteTask(id) => {
                let i = self.task_index(id)?;
                self.tasks.remove(i);
                self.last_task_id = self.last_task_id.max(id.0);
            }
            PlanEdit::MoveTask(id, delta) => {
                let i = self.task_index(id)?;
                let section = self.tasks[i].section;
                let peers: Vec<usize> = (0..self.tasks.len())
                    .filter(|k| self.tasks[*k].section == section)
                    .collect();
                let pos = peers.iter().position(|k| *k == i).unwrap_or(0);
                let target = peers[shifted(pos, delta, peers.len())];
                self.tasks.swap(i, target);
            }
            PlanEdit::RenameUnit { from, to } => self.rename_unit(&from, &required(&to)?)?,
            PlanEdit::SetUnitKind(name, kind) => {
                let kind = UnitKind(required(kind.as_str()).map_err(|_| EditError::EmptyKind)?);
                if !self.units.set_kind(&name, kind) {
                    return Err(EditError::NoSuchUnit(name));
                }
            }
            PlanEdit::SetGroup(group) => {
                required(&group.name)?;
                required(group.kind.as_str()).map_err(|_| EditError::EmptyKind)?;
                self.units.set_group(group);
            }
            PlanEdit::RemoveGroup(name) => self.units.remove_group(&name),
        }
        Ok(())
    }

    fn section_index(&self, id: SectionId) -> Result<usize, EditError> {
        self.sections
            .iter()
            .position(|s| s.id == id)
            .ok_or(EditError::NoSuchSection(id))
    }

    fn task_index(&self, id: TaskId) -> Result<usize, EditError> {
        self.tasks
            .iter()
            .position(|t| t.id == id)
            .ok_or(EditError::NoSuchTask(id))
    }

    fn add_task(
        &mut self,
        section: SectionId,
        after: Option<TaskId>,
        title: String,
    ) -> Result<(), EditError> {
        self.section_index(section)?;
        let at = match after {
            Some(id) => self.task_index(id)? + 1,
            None => self.insertion_point(section),
        };
        let task = Task {
            id: self.next_task_id(),
            section,
            heading: None,
            title,
            body: String::new(),
            units: Vec::new(),
            deadline: None,
        };
        self.tasks.insert(at, task);
        Ok(())
    }

    /// Where a task appended to `section` goes: after its last task, else after the tasks
    /// of the sections before it.
    fn insertion_point(&self, section: SectionId) -> usize {
        let order: Vec<SectionId> = self.sections.iter().map(|s| s.id).collect();
        let rank = |id: SectionId| order.iter().position(|s| *s == id).unwrap_or(usize::MAX);
        let mine = rank(section);
        self.tasks
            .iter()
            .rposition(|t| rank(t.section) <= mine)
            .map_or(0, |i| i + 1)
    }

    fn update_task(&mut self, mut task: Task) -> Result<(), EditError> {
        task.title = required(&task.title)?;
        self.section_index(task.section)?;
        let i = self.task_index(task.id)?;
        task.units.retain(|a| !a.name.trim().is_empty());
        for a in &mut task.units {
            a.name = a.name.trim().to_string();
        }
        let mut seen: Vec<String> = Vec::new();
        task.units.retain(|a| {
            let new = !seen.contains(&a.name);
            seen.push(a.name.clone());
            new
        });
        for a in &task.units {
            self.units.insert(&a.name);
        }
        let moved = self.tasks[i].section != task.section;
        if moved {
            // A sub-heading (（一）…) belongs to the section the task leaves.
            task.heading = None;
            self.tasks.remove(i);
            let at = self.insertion_point(task.section);
            self.tasks.insert(at, task);
        } else {
            self.tasks[i] = task;
        }
        Ok(())
    }

    /// Keeps tasks in the order of their sections (after sections move).
    fn order_tasks_by_section(&mut self) {
        let sections: Vec<SectionId> = self.sections.iter().map(|s| s.id).collect();
        order::sort_by_key(&mut self.tasks, |t| {
            sections.iter().position(|s| *s == t.section)
        });
    }

    fn rename_unit(&mut self, from: &str, to: &str) -> Result<(), EditError> {
        let named = self.tasks.iter().any(|t| t.unit_names().any(|n| n == from));
        if self.units.get(from).is_none() && !named {
            return Err(EditError::NoSuchUnit(from.to_string()));
        }
        for task in &mut self.tasks {
            let mut merged: Vec<Assignee> = Vec::new();
            for mut a in std::mem::take(&mut task.units) {
                if a.name == from {
                    a.name = to.to_string();
                }
                match merged.iter_mut().find(|m| m.name == a.name) {
                    // The same unit twice: keep it once, with the stronger role.
                    Some(m) => m.role = stronger(m.role, a.role),
                    None => merged.push(a),
                }
            }
            task.units = merged;
        }
        self.units.rename(from, to);
        self.units.insert(to);
        Ok(())
    }
}

fn stronger(a: Role, b: Role) -> Role {
    a.min(b)
}

fn shifted(i: usize, delta: i32, len: usize) -> usize {
    let j = i as i64 + i64::from(delta);
    j.clamp(0, len.saturating_sub(1) as i64) as usize
}

fn required(text: &str) -> Result<String, EditError> {
    let t = text.trim();
    if t.is_empty() {
        Err(EditError::EmptyText)
    } else {
        Ok(t.to_string())
    }
}

#[cfg(test)]
mod tests;
