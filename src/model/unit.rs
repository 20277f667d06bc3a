//! Responsible units (责任部门), their kinds, and the groups that stand for many units.

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

/// What kind of unit a named unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum UnitKind {
    /// An office of the bureau (科室), including 办公室.
    Office,
    /// A local judicial office (司法所).
    JudicialOffice,
    /// Anything else named as responsible.
    Other,
}

impl UnitKind {
    /// Classifies a unit name by its ending.
    pub fn of_name(name: &str) -> UnitKind {
        if name.ends_with("司法所") {
            UnitKind::JudicialOffice
        } else if name.ends_with('科') || name.ends_with('室') {
            UnitKind::Office
        } else {
            UnitKind::Other
        }
    }
}

/// A group that stands for every unit of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Group {
    /// 各科室: every office.
    AllOffices,
    /// 司法所 / 各司法所: every judicial office.
    AllJudicialOffices,
}

impl Group {
    /// Recognises a group name (`各科室`, `司法所`, `各司法所`).
    pub fn from_name(name: &str) -> Option<Group> {
        match name {
            "各科室" | "全体科室" | "各科（室）" | "各科(室)" => {
                Some(Group::AllOffices)
            }
            "司法所" | "各司法所" | "全体司法所" => Some(Group::AllJudicialOffices),
            _ => None,
        }
    }

    /// The display label.
    pub fn label(self) -> &'static str {
        match self {
            Group::AllOffices => "各科室",
            Group::AllJudicialOffices => "各司法所",
        }
    }

    /// The kind of unit this group covers.
    pub fn kind(self) -> UnitKind {
        match self {
            Group::AllOffices => UnitKind::Office,
            Group::AllJudicialOffices => UnitKind::JudicialOffice,
        }
    }
}

/// One entry of a task's 责任部门 list, resolved.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Responsible {
    /// A single named unit.
    Unit(UnitId),
    /// Every unit of a kind.
    Group(Group),
}

impl Responsible {
    /// Resolves a raw unit string from the plan text.
    pub fn from_raw(raw: &str) -> Responsible {
        match Group::from_name(raw) {
            Some(g) => Responsible::Group(g),
            None => Responsible::Unit(UnitId(raw.to_string())),
        }
    }

    /// The display label.
    pub fn label(&self) -> &str {
        match self {
            Responsible::Unit(id) => id.as_str(),
            Responsible::Group(g) => g.label(),
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
}

/// All named units of a plan, in first-mention order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRegistry {
    units: Vec<Unit>,
}

impl UnitRegistry {
    /// Adds a named unit unless it is already known or is a group name.
    pub fn insert(&mut self, name: &str) {
        if name.is_empty() || Group::from_name(name).is_some() || self.get(name).is_some() {
            return;
        }
        let kind = UnitKind::of_name(name);
        self.units.push(Unit {
            id: UnitId(name.to_string()),
            kind,
        });
    }

    /// Looks a unit up by name.
    pub fn get(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id.0 == name)
    }

    /// Every named unit, in first-mention order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The named units of one kind.
    pub fn of_kind(&self, kind: UnitKind) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.kind == kind)
    }

    /// Whether `responsible` makes `unit` answerable: the unit itself, or a group of its kind.
    pub fn covers(&self, responsible: &Responsible, unit: &UnitId) -> bool {
        match responsible {
            Responsible::Unit(id) => id == unit,
            Responsible::Group(g) => UnitKind::of_name(unit.as_str()) == g.kind(),
        }
    }

    /// The named units a responsible entry stands for.
    pub fn expand(&self, responsible: &Responsible) -> Vec<UnitId> {
        match responsible {
            Responsible::Unit(id) => vec![id.clone()],
            Responsible::Group(g) => self.of_kind(g.kind()).map(|u| u.id.clone()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_recognised() {
        assert_eq!(Group::from_name("各科室"), Some(Group::AllOffices));
        assert_eq!(Group::from_name("司法所"), Group::from_name("各司法所"));
        assert_eq!(Group::from_name("办公室"), None);
    }

    #[test]
    fn kinds_follow_the_name() {
        assert_eq!(UnitKind::of_name("办公室"), UnitKind::Office);
        assert_eq!(UnitKind::of_name("普法与依法治理科"), UnitKind::Office);
        assert_eq!(UnitKind::of_name("文源司法所"), UnitKind::JudicialOffice);
        assert_eq!(UnitKind::of_name("区委政法委"), UnitKind::Other);
    }

    #[test]
    fn group_covers_units_of_its_kind() {
        let mut reg = UnitRegistry::default();
        reg.insert("普法与依法治理科");
        reg.insert("文源司法所");
        reg.insert("各科室");
        assert_eq!(reg.units().len(), 2);
        let office = UnitId("普法与依法治理科".into());
        let jo = UnitId("文源司法所".into());
        let all_offices = Responsible::from_raw("各科室");
        let all_jo = Responsible::from_raw("司法所");
        assert!(reg.covers(&all_offices, &office));
        assert!(!reg.covers(&all_offices, &jo));
        assert!(reg.covers(&all_jo, &jo));
        assert_eq!(reg.expand(&all_jo), vec![jo]);
    }
}
