//! The unit facet's counts without testing every value against every task: each value and
//! each unit name is resolved once, then a task's values are found by group and kind.
//!
//! Agrees with [`super::UnitChoice::matches`]: a group value counts tasks naming the group or
//! a unit of its kind; a unit value counts tasks naming it or a group of its kind.

use crate::model::task::{Role, Task};
use crate::model::unit::{UnitKind, UnitRegistry};
use std::collections::HashMap;

/// What a name stands for: a group (its name and kind) or a unit of a kind.
#[derive(Clone)]
enum Resolved<'a> {
    Group(&'a str, &'a UnitKind),
    Unit(UnitKind),
}

/// The kind of a unit name: the registry's, or the one its name suggests.
fn kind_of(reg: &UnitRegistry, name: &str) -> UnitKind {
    reg.get(name)
        .map_or_else(|| UnitKind::of_name(name), |u| u.kind.clone())
}

/// Facet values indexed by what makes a task count for them.
pub(crate) struct UnitIndex<'a> {
    reg: &'a UnitRegistry,
    group_values: HashMap<&'a str, Vec<usize>>,
    group_values_of_kind: HashMap<UnitKind, Vec<usize>>,
    unit_values: HashMap<&'a str, Vec<usize>>,
    unit_values_of_kind: HashMap<UnitKind, Vec<usize>>,
    names: HashMap<&'a str, Resolved<'a>>,
    /// For each value, the last task (counted from 1) it was found for.
    seen: Vec<usize>,
    tasks: usize,
}

impl<'a> UnitIndex<'a> {
    /// Indexes `values` (as [`super::unit_options`] lists them) against `reg`.
    pub(crate) fn new(reg: &'a UnitRegistry, values: &'a [String]) -> UnitIndex<'a> {
        let mut index = UnitIndex {
            reg,
            group_values: HashMap::new(),
            group_values_of_kind: HashMap::new(),
            unit_values: HashMap::new(),
            unit_values_of_kind: HashMap::new(),
            names: HashMap::new(),
            seen: vec![0; values.len()],
            tasks: 0,
        };
        for (i, v) in values.iter().enumerate() {
            match reg.group(v) {
                Some(g) => {
                    index.group_values.entry(&g.name).or_default().push(i);
                    let of_kind = index.group_values_of_kind.entry(g.kind.clone());
                    of_kind.or_default().push(i);
                }
                None => {
                    index.unit_values.entry(v).or_default().push(i);
                    let of_kind = index.unit_values_of_kind.entry(kind_of(reg, v));
                    of_kind.or_default().push(i);
                }
            }
        }
        index
    }

    /// Calls `hit` once for each value `task` counts for, naming units in a role `role` allows.
    pub(crate) fn for_each_value(
        &mut self,
        task: &'a Task,
        role: Option<Role>,
        mut hit: impl FnMut(usize),
    ) {
        self.tasks += 1;
        let role_ok = |r: Role| match role {
            None => true,
            Some(Role::Lead) => r == Role::Lead,
            Some(_) => r != Role::Lead,
        };
        for a in task.units.iter().filter(|a| role_ok(a.role)) {
            let reg = self.reg;
            let resolved = self
                .names
                .entry(a.name.as_str())
                .or_insert_with(|| match reg.group(&a.name) {
                    Some(h) => Resolved::Group(&h.name, &h.kind),
                    None => Resolved::Unit(kind_of(reg, &a.name)),
                })
                .clone();
            let (by_name, by_kind) = match &resolved {
                Resolved::Group(name, kind) => (
                    self.group_values.get(name),
                    self.unit_values_of_kind.get(*kind),
                ),
                Resolved::Unit(kind) => (
                    self.unit_values.get(a.name.as_str()),
                    self.group_values_of_kind.get(kind),
                ),
            };
            for &i in by_name.into_iter().chain(by_kind).flatten() {
                if self.seen[i] != self.tasks {
                    self.seen[i] = self.tasks;
                    hit(i);
                }
            }
        }
    }
}
