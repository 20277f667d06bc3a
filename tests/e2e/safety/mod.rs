//! Browser tests of what guards the data on import: PCs with wrong clocks, strict checks on incoming values, the size and storage limits (a full year's export imports again), and text that is shown only as text.

mod checks;
mod clocks;
mod far_future;
mod limits;
mod support;
mod xss;
mod year_export;
