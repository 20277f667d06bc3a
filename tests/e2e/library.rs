//! Browser tests of the plan library: new plans from text, switching, copy/rename/delete (also with storage nearly full), the plan editor, unit management, role filters, the version-1 migration.

mod add_task;
pub(crate) mod editor;
mod full;
mod kinds;
mod manage;
mod migration;
mod new_plan;
mod roles;
mod sections;
mod stored;
pub(crate) mod support;
mod switching;
mod trash;
mod units;
mod windows;
