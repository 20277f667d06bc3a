//! Browser tests of progress marking: statuses, report panel (built on first opening), undo, storage failures, tabs, export reminder.

mod export;
mod fields;
mod keyboard;
mod lazy;
mod marking;
mod print;
mod storage_failures;
pub(crate) mod support;
mod tabs;
mod undo;
