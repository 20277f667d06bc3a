//! Plain-data domain model: plan, sections, tasks, units, dates, progress, filters.

mod date;
mod deadline;
pub mod decimal;
mod derive;
mod edit;
mod facts;
mod filter;
mod hash;
mod history;
mod library;
pub mod order;
mod plan;
mod plan_diff;
mod progress;
mod stamp;
mod states;
mod status;
mod task;
mod text;
mod unit;

pub use date::{Date, TYPED_YEARS, Typed};
pub use deadline::resolve_deadline;
pub use derive::{
    MeasureView, Summary, TaskFacts, TaskState, answerable_units, expected_parts, measures,
    part_statuses, seed_measure_id, summarise, task_state, task_state_with, visible_log,
};
pub use edit::{EditError, PlanEdit};
pub use facts::PlanFacts;
pub use filter::{
    FacetCounts, Filter, FilterCache, FilterContext, HitPlace, PreparedFilter, ProgressHit,
    ProgressText, SearchText, facet_counts, facet_counts_with, progress_hit, unit_options,
};
pub use hash::{from_hash, to_hash};
pub use history::{Direction, HISTORY_LIMIT, History, PlanStep, StepKind};
pub use library::{copy_for_next_year, next_year_title, unique_id};
pub use plan::{Plan, PlanId, Section, SectionId};
pub use plan_diff::PlanDiff;
pub use progress::{
    Change, ChangeValue, Field, LogEntry, MAX_TEXT_CHARS, Measure, MeasureChange, Month, Progress,
    ProgressDiff, ProgressError, Relation, ReportPart, Reports, TaskProgress, UnitReport,
    report_months,
};
pub use stamp::{Clock, ItemId, ReplicaId, Stamp, Stamped, merge_field};
pub use states::StateCache;
pub use status::{Status, is_overdue};
pub use task::{Assignee, Role, Task, TaskId};
pub use text::{chinese_numeral, find_matches, normalize, query_terms, segments};
pub use unit::{GroupDef, Responsible, Unit, UnitId, UnitKind, UnitRegistry};
mod csv;
mod report_text;
pub(crate) mod stats;
pub use csv::{
    BOM, CsvWriter, MATRIX_COLUMNS, MATRIX_TOTAL_LABEL, TASK_COLUMNS, TaskRow, csv_field,
    matrix_csv, tasks_csv,
};
pub use report_text::{NOT_WRITTEN, part_label, report_text};
pub use stats::{
    Changed, Counts, Light, LightRules, MatrixColumn, Period, SectionStats, SeriesPoint,
    StatusMatrix, Step, TaskChange, UnitRow, changes_since, completion_series, count, drill_down,
    expected_percent, light, lights, local_date, local_date_time, local_day_start_ms, not_reported,
    reminder_text, section_heading, section_stats, unit_matrix, units_of,
};
