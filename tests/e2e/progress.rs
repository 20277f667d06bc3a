//! Browser tests of progress marking: statuses, report panel, undo, storage failures, tabs, export reminder.

mod export;
mod keyboard;
mod marking;
mod print;
mod storage_failures;
pub(crate) mod support;
mod tabs;
mod undo;
