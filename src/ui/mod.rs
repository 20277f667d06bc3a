//! The Leptos user interface: app shell, shared state, and one component per file.

mod app;
mod components;
mod state;

pub use app::App;
