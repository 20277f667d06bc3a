//! The Leptos user interface: app shell, shared state, and one component per file.

mod app;
mod components;
mod download;
mod import;
mod persist;
mod state;
mod url_hash;
mod words;

pub use app::App;
