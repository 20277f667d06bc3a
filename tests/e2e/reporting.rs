//! Browser tests of the reporting cycle: units report and export (whole or 本部门), the office
//! previews a multi-file import, cancels, confirms and undoes it; statistics agree with the
//! filtered list; the CSV table and the report text hold what the page shows.

mod cycle;
mod stats;
pub(crate) mod support;
