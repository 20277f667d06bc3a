//! UI components, one per file.

mod filter_bar;
mod header;
mod highlight;
mod measures;
mod notices;
mod preamble;
mod progress_bar;
mod progress_log;
mod section;
mod status_picker;
mod task_card;
mod task_report;
mod toolbar;
mod unit_chips;

pub use filter_bar::FilterBar;
pub use header::PlanHeader;
pub use highlight::Highlight;
pub use measures::Measures;
pub use notices::Notices;
pub use preamble::Preamble;
pub use progress_bar::{ProgressBar, SummaryLine};
pub use progress_log::ProgressLog;
pub use section::SectionView;
pub use status_picker::StatusPicker;
pub use task_card::TaskCard;
pub use task_report::TaskReport;
pub use toolbar::Toolbar;
pub use unit_chips::UnitChips;
