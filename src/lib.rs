//! workplan: track a government annual work plan (工作要点) in one offline HTML file.
//!
//! Reading order: `model` (plain data), `parse` (plan text → model), `snapshot`
//! (serialised form, versions, merge), `storage` (the only user of localStorage),
//! `ui` (Leptos components).

pub mod model;
pub mod parse;
pub mod snapshot;
pub mod storage;
pub mod ui;

/// The 2023 plan text shipped inside the app; what a first-time user sees.
pub const DEFAULT_PLAN_TEXT: &str = include_str!("../data/plan-2023.txt");

/// [`DEFAULT_PLAN_TEXT`] parsed, in the stored plan format: what the app opens on a first start,
/// decoded in a small fraction of the parse's time. A test keeps it equal to the parsed text.
pub const DEFAULT_PLAN_STORED: &str = include_str!("../data/plan-2023.json");
