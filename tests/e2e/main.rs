//! Browser end-to-end tests: drive headless Chromium over WebDriver against the built dist/workplan.html.

mod a11y;
mod bench;
mod carry;
mod chrome80;
mod exports;
mod filter;
mod firefox;
mod first_frame;
mod foundation;
mod import;
mod inflate_fallback;
mod library;
mod old_engines;
mod progress;
mod reporting;
mod room;
mod safety;
mod wasm_features;
mod webdriver;
#[path = "../shared/year_plan.rs"]
mod year_plan;
