//! Plain-data domain model: plan, sections, tasks, units, dates, progress, filters.

mod date;
mod derive;
mod filter;
mod hash;
mod history;
mod plan;
mod progress;
mod stamp;
mod states;
mod status;
mod task;
mod text;
mod unit;

pub use date::Date;
pub use derive::{
    MeasureView, Summary, TaskState, expected_parts, measures, seed_measure_id, summarise,
    task_state, visible_log,
};
pub use filter::{
    FacetCounts, Filter, FilterCache, FilterContext, PreparedFilter, SearchText, facet_counts,
    facet_counts_with, unit_options,
};
pub use hash::{from_hash, to_hash};
pub use history::{HISTORY_LIMIT, History};
pub use plan::{Plan, PlanId, Section, SectionId};
pub use progress::{LogEntry, Measure, MeasureChange, Progress, ProgressError, TaskProgress};
pub use stamp::{ItemId, ReplicaId, Stamp, Stamped, merge_field};
pub use states::StateCache;
pub use status::{Status, is_overdue};
pub use task::{Task, TaskId};
pub use text::{find_matches, normalize, query_terms, segments};
pub use unit::{Group, Responsible, Unit, UnitId, UnitKind, UnitRegistry};
