//! Browser tests of what guards the data on import: PCs with wrong clocks, strict checks on incoming values, the size and storage limits (a full year's export imports again), text that is shown only as text, undoing an import without undoing later changes, and the message an internal error shows.

mod adopt_plan;
mod checks;
mod clocks;
mod crash;
mod far_future;
mod limits;
pub(crate) mod support;
mod undo_import;
mod xss;
mod year_export;
