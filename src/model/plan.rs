//! The plan as a whole: metadata, the 总体要求 preamble, sections and tasks in order.

use super::date::Date;
use super::task::{Task, TaskId};
use super::unit::UnitRegistry;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Identifies a plan across copies: derived from its title and publication date when the
/// plan is created, and kept when it is renamed or edited.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlanId(pub String);

impl PlanId {
    /// The id of a plan with this title and date.
    pub fn derive(title: &str, date: Option<Date>) -> PlanId {
        // FNV-1a over the title and date: stable across builds and platforms.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let date = date.map(|d| d.to_string()).unwrap_or_default();
        for b in title.bytes().chain([0u8]).chain(date.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        PlanId(format!("plan-{h:016x}"))
    }
}

impl fmt::Display for PlanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Stable section id: 1, 2, 3, … in a parsed plan; a section added later takes the next free number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SectionId(pub u32);

/// A section (一、二、…) heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Its number.
    pub id: SectionId,
    /// The numeral as written, e.g. `三` (empty for an unnumbered heading). The UI numbers
    /// sections by position, so that reordering keeps the numbering right.
    pub numeral: String,
    /// The heading text after `、`.
    pub title: String,
}

/// A whole annual work plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Stable id across copies.
    pub id: PlanId,
    /// e.g. `2023年天心区司法行政工作要点`.
    pub title: String,
    /// The issuing body, e.g. `长沙市天心区司法局`.
    pub issuer: Option<String>,
    /// Publication date.
    pub published: Option<Date>,
    /// The 总体要求 paragraph(s).
    pub preamble: String,
    /// Sections in order.
    pub sections: Vec<Section>,
    /// Tasks in order.
    pub tasks: Vec<Task>,
    /// Every named unit.
    pub units: UnitRegistry,
    /// The highest number a deleted task had (0 when none was deleted): a new task takes a
    /// number above it, so a number never comes to name another task, in this copy or in
    /// the copies its data merges with.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_task_id: u32,
    /// How many edits made this version (0 as parsed): a copy carrying a plan of a higher
    /// revision (the office's, edited after it went out) is offered for taking over.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Plan {
    /// Whether `other` reads the same: every field but the retired task numbers and the
    /// revision.
    pub fn same_content(&self, other: &Plan) -> bool {
        let Plan {
            id,
            title,
            issuer,
            published,
            preamble,
            sections,
            tasks,
            units,
            last_task_id: _,
            revision: _,
        } = self;
        *id == other.id
            && *title == other.title
            && *issuer == other.issuer
            && *published == other.published
            && *preamble == other.preamble
            && *sections == other.sections
            && *tasks == other.tasks
            && *units == other.units
    }

    /// Looks up a task.
    pub fn task(&self, id: TaskId) -> Option<&Task> {
        // Tasks are normally numbered 1, 2, 3, …: try the direct position first.
        let direct = (id.0 as usize)
            .checked_sub(1)
            .and_then(|i| self.tasks.get(i))
            .filter(|t| t.id == id);
        direct.or_else(|| self.tasks.iter().find(|t| t.id == id))
    }

    /// The tasks of one section, in order.
    pub fn tasks_in(&self, section: SectionId) -> impl Iterator<Item = &Task> {
        self.tasks.iter().filter(move |t| t.section == section)
    }

    /// Every distinct unit name as written, in first-mention order.
    pub fn distinct_raw_units(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for raw in self.tasks.iter().flat_map(|t| t.unit_names()) {
            if !out.contains(&raw) {
                out.push(raw);
            }
        }
        out
    }

    /// The plan's year: the first `20xx年` in its title, else the publication year.
    pub fn year(&self) -> Option<i32> {
        let chars: Vec<char> = self.title.chars().collect();
        let from_title = chars.windows(5).find_map(|w| {
            let digits: String = w[..4].iter().collect();
            (w[4] == '年' && w[0] == '2' && w[..4].iter().all(char::is_ascii_digit))
                .then(|| digits.parse().ok())
                .flatten()
        });
        from_title.or(self.published.map(|d| d.year()))
    }

    /// The 1-based position of a task in the plan, as shown (序号).
    pub fn task_number(&self, id: TaskId) -> Option<usize> {
        self.tasks.iter().position(|t| t.id == id).map(|i| i + 1)
    }

    /// The 1-based position of a section, as shown (一、二、…).
    pub fn section_number(&self, id: SectionId) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id).map(|i| i + 1)
    }

    /// A section by id.
    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}
