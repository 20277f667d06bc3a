//! The Leptos user interface: app shell, shared state, and one component per file.

mod adopt;
mod app;
mod carry;
mod chips;
mod clipboard;
mod components;
mod copy_offer;
mod data;
mod download;
mod filter_ctx;
mod frame;
mod import;
mod library;
mod load;
mod modal;
mod notice;
mod page_events;
mod pending;
mod persist;
mod preview_words;
mod read_file;
mod state;
mod stats;
mod task_view;
mod undo;
mod units;
mod url_hash;
mod words;

pub use app::App;
pub use carry::capture_page_source;
