//! Browser tests of the reporting cycle: units report and export (whole or 本部门), the office
//! previews a multi-file import, cancels, confirms and undoes it; statistics agree with the
//! filtered list; the CSV table and the report text hold what the page shows; 报送月份 reaches over the plan's year.

mod cycle;
mod months;
mod stats;
pub(crate) mod support;
