//! Browser end-to-end tests: drive headless Chromium over WebDriver against the built dist/workplan.html.

mod bench;
mod filter;
mod firefox;
mod foundation;
mod import;
mod old_engines;
mod progress;
mod wasm_features;
mod webdriver;
