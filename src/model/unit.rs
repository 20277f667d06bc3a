//! Responsible units (责任单位), their kinds, and the groups that stand for every unit of a kind.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Identifies a named unit by its canonical name, e.g. `普法与依法治理科`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitId(pub String);

impl UnitId {
    /// The unit's name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of unit a named unit is: `科室`, `司法所`, `其他`, or any kind a user names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitKind(pub String);

impl UnitKind {
    /// An office of the bureau (科室), including 办公室.
    pub const OFFICE: &'static str = "科室";
    /// A local judicial office (司法所).
    pub const JUDICIAL_OFFICE: &'static str = "司法所";
    /// Anything else named as responsible.
    pub const OTHER: &'static str = "其他";

    /// A kind by name.
    pub fn new(name: &str) -> UnitKind {
        UnitKind(name.to_string())
    }

    /// Its name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Guesses a unit's kind from its name's ending.
    pub fn of_name(name: &str) -> UnitKind {
        let kind = if name.ends_with("司法所") {
            UnitKind::JUDICIAL_OFFICE
        } else if (name.ends_with('科') || name.ends_with('室')) && !name.starts_with('各') {
            UnitKind::OFFICE
        } else {
            UnitKind::OTHER
        };
        UnitKind::new(kind)
    }
}

impl fmt::Display for UnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A group name that stands for every unit of one kind, e.g. `各科室` = every 科室.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDef {
    /// The name shown, e.g. `各司法所`.
    pub name: String,
    /// Other spellings that mean the same group, e.g. `司法所`, `全体司法所`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The kind whose units it covers.
    pub kind: UnitKind,
}

impl GroupDef {
    /// Whether `name` is this group's name or one of its aliases.
    pub fn is_called(&self, name: &str) -> bool {
        self.name == name || self.aliases.iter().any(|a| a == name)
    }

    /// The groups every new plan starts with: 各科室 and 各司法所.
    pub fn defaults() -> Vec<GroupDef> {
        let group = |name: &str, aliases: &[&str], kind: &str| GroupDef {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: UnitKind::new(kind),
        };
        vec![
            group(
                "各科室",
                &["全体科室", "各科（室）", "各科(室)", "各科室（中心）"],
                UnitKind::OFFICE,
            ),
            group(
                "各司法所",
                &["司法所", "全体司法所"],
                UnitKind::JUDICIAL_OFFICE,
            ),
        ]
    }
}

/// One entry of a task's unit list, resolved against the plan's registry.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Responsible {
    /// A single named unit.
    Unit(UnitId),
    /// Every unit of a kind, by the group's display name.
    Group(String),
}

impl Responsible {
    /// The display label.
    pub fn label(&self) -> &str {
        match self {
            Responsible::Unit(id) => id.as_str(),
            Responsible::Group(g) => g,
        }
    }
}

/// A named unit in the registry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Its id (the canonical name).
    pub id: UnitId,
    /// Its kind.
    pub kind: UnitKind,
    /// Names it had before renames and merges in 单位管理, so that what it wrote under them
    /// stays its own (a 进展记录 it may correct).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formerly: Vec<String>,
}

/// All named units of a plan, in first-mention order, and the groups it knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRegistry {
    units: Vec<Unit>,
    #[serde(default = "GroupDef::defaults")]
    groups: Vec<GroupDef>,
}

impl Default for UnitRegistry {
    fn default() -> UnitRegistry {
        UnitRegistry {
            units: Vec::new(),
            groups: GroupDef::defaults(),
        }
    }
}

impl UnitRegistry {
    /// Adds a named unit (kind guessed from the name) unless it is already known or is a group name.
    pub fn insert(&mut self, name: &str) {
        if name.is_empty() || self.group(name).is_some() || self.get(name).is_some() {
            return;
        }
        self.units.push(Unit {
            id: UnitId(name.to_string()),
            kind: UnitKind::of_name(name),
            formerly: Vec::new(),
        });
    }

    /// Looks a unit up by name.
    pub fn get(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id.0 == name)
    }

    /// The group called `name` (by its name or an alias).
    pub fn group(&self, name: &str) -> Option<&GroupDef> {
        self.groups.iter().find(|g| g.is_called(name))
    }

    /// Every named unit, in first-mention order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// Every group.
    pub fn groups(&self) -> &[GroupDef] {
        &self.groups
    }

    /// Every kind in use by a unit or group, the three usual ones first.
    pub fn kinds(&self) -> Vec<UnitKind> {
        let mut out: Vec<UnitKind> = [UnitKind::OFFICE, UnitKind::JUDICIAL_OFFICE, UnitKind::OTHER]
            .into_iter()
            .map(UnitKind::new)
            .collect();
        let used = self.units.iter().map(|u| &u.kind);
        for k in used.chain(self.groups.iter().map(|g| &g.kind)) {
            if !out.contains(k) {
                out.push(k.clone());
            }
        }
        out
    }

    /// The named units of one kind.
    pub fn of_kind<'a>(&'a self, kind: &'a UnitKind) -> impl Iterator<Item = &'a Unit> + 'a {
        self.units.iter().filter(move |u| &u.kind == kind)
    }

    /// The kind of a named unit: as registered, else guessed from its name.
    pub fn kind_of(&self, name: &str) -> UnitKind {
        self.get(name)
            .map_or_else(|| UnitKind::of_name(name), |u| u.kind.clone())
    }

    /// Resolves a unit name as written in a task: a group, or a named unit.
    pub fn resolve(&self, name: &str) -> Responsible {
        match self.group(name) {
            Some(g) => Responsible::Group(g.name.clone()),
            None => Responsible::Unit(UnitId(name.to_string())),
        }
    }

    /// Whether `responsible` makes `unit` answerable: the unit itself, or a group of its kind.
    pub fn covers(&self, responsible: &Responsible, unit: &UnitId) -> bool {
        match responsible {
            Responsible::Unit(id) => id == unit,
            Responsible::Group(g) => self
                .group(g)
                .is_some_and(|g| self.kind_of(unit.as_str()) == g.kind),
        }
    }

    /// The named units a responsible entry stands for.
    pub fn expand(&self, responsible: &Responsible) -> Vec<UnitId> {
        match responsible {
            Responsible::Unit(id) => vec![id.clone()],
            Responsible::Group(g) => match self.group(g) {
                Some(g) => self.of_kind(&g.kind).map(|u| u.id.clone()).collect(),
                None => Vec::new(),
            },
        }
    }

    /// Sets a unit's kind. Returns false when there is no such unit.
    pub fn set_kind(&mut self, name: &str, kind: UnitKind) -> bool {
        match self.units.iter_mut().find(|u| u.id.0 == name) {
            Some(u) => {
                u.kind = kind;
                true
            }
            None => false,
        }
    }

    /// Renames a unit in the registry (its kind is kept); merging into an existing name drops the old entry.
    pub fn rename(&mut self, from: &str, to: &str) {
        if from == to || to.is_empty() {
            return;
        }
        let mut names = vec![from.to_string()];
        if let Some(old) = self.get(from) {
            names.extend(old.formerly.iter().cloned());
        }
        if self.get(to).is_some() {
            self.units.retain(|u| u.id.0 != from);
        } else if let Some(u) = self.units.iter_mut().find(|u| u.id.0 == from) {
            u.id = UnitId(to.to_string());
        }
        if let Some(u) = self.units.iter_mut().find(|u| u.id.0 == to) {
            for name in names {
                if name != to && !u.formerly.contains(&name) {
                    u.formerly.push(name);
                }
            }
        }
    }

    /// Whether `name` is `unit` now or was before a rename or merge.
    pub fn is_or_was(&self, unit: &UnitId, name: &str) -> bool {
        unit.as_str() == name
            || self
                .get(unit.as_str())
                .is_some_and(|u| u.formerly.iter().any(|f| f == name))
    }

    /// Removes a unit from the registry.
    pub fn remove(&mut self, name: &str) {
        self.units.retain(|u| u.id.0 != name);
    }

    /// Adds or replaces a group (matched by name).
    pub fn set_group(&mut self, group: GroupDef) {
        match self.groups.iter_mut().find(|g| g.name == group.name) {
            Some(g) => *g = group,
            None => self.groups.push(group),
        }
    }

    /// Removes a group by name.
    pub fn remove_group(&mut self, name: &str) {
        self.groups.retain(|g| g.name != name);
    }
}

#[cfg(test)]
mod tests;
