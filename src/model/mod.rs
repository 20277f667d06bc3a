//! Plain-data domain model: plan, sections, tasks, units, dates.

mod date;
mod plan;
mod task;
mod unit;

pub use date::Date;
pub use plan::{Plan, PlanId, Section, SectionId};
pub use task::{Task, TaskId};
pub use unit::{Group, Responsible, Unit, UnitId, UnitKind, UnitRegistry};
