//! UI components, one per file.

mod header;
mod preamble;
mod section;
mod task_card;
mod unit_chips;

pub use header::PlanHeader;
pub use preamble::Preamble;
pub use section::SectionView;
pub use task_card::TaskCard;
pub use unit_chips::UnitChips;
