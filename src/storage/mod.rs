//! Browser storage: the only user of localStorage (through gloo-storage).
//!
//! Under `file://` every local page shares one storage bucket, so every key is
//! namespaced and versioned (`workplan:v1:…`), and nothing else is touched.
//! Damaged or unknown data is never overwritten before it is copied to a
//! backup key (`workplan:backup:<ms>`).

mod settings;

pub use settings::Settings;

use crate::snapshot::{self, Snapshot, SnapshotError};
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// Key of the plan-and-progress document.
pub const DOC_KEY: &str = "workplan:v1:doc";
/// Key of the per-browser settings.
pub const SETTINGS_KEY: &str = "workplan:v1:settings";
/// Prefix of backup copies of data that could not be read.
pub const BACKUP_PREFIX: &str = "workplan:backup:";

/// Why storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// localStorage is missing or blocked (private mode, policy).
    Unavailable,
    /// The storage quota is used up.
    Full,
    /// Any other browser error, with its message.
    Other(String),
}

/// What was found in storage at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    /// A readable document.
    Found(Snapshot),
    /// Stored data that could not be read. Its raw text was copied to `backup_key`
    /// (`None` when even the copy failed, in which case the original is left alone).
    Damaged {
        /// Why it could not be read.
        error: SnapshotError,
        /// Where the raw text was kept.
        backup_key: Option<String>,
    },
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    // `LocalStorage::raw` panics when storage is blocked; look it up safely first.
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err(StorageError::Unavailable),
    }
}

fn classify(err: wasm_bindgen::JsValue) -> StorageError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 || e.code() == 1014 => {
            StorageError::Full
        }
        Some(e) => StorageError::Other(format!("{}: {}", e.name(), e.message())),
        None => StorageError::Other(format!("{err:?}")),
    }
}

/// Reads a raw value.
pub fn get_raw(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(classify)
}

/// Writes a raw value.
pub fn set_raw(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

/// Copies damaged text to a fresh backup key and returns the key.
fn back_up(raw: &str, now_ms: i64) -> Option<String> {
    let key = format!("{BACKUP_PREFIX}{now_ms}");
    set_raw(&key, raw).ok().map(|_| key)
}

/// Loads the stored document.
pub fn load_doc(now_ms: i64) -> Result<Loaded, StorageError> {
    let Some(raw) = get_raw(DOC_KEY)? else {
        return Ok(Loaded::Empty);
    };
    match snapshot::decode(&raw) {
        Ok(doc) => {
            LAST_SEEN.with(|last| *last.borrow_mut() = raw);
            Ok(Loaded::Found(doc))
        }
        Err(error) => Ok(Loaded::Damaged {
            error,
            backup_key: back_up(&raw, now_ms),
        }),
    }
}

thread_local! {
    /// The document text this page last wrote or read, so unchanged text is not decoded again.
    static LAST_SEEN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Reads the stored document if it changed since this page last wrote or read it, and is
/// readable (used before each save, and on storage events, to merge another tab's edits).
pub fn peek_changed_doc() -> Option<Snapshot> {
    let raw = get_raw(DOC_KEY).ok().flatten()?;
    if LAST_SEEN.with(|last| *last.borrow() == raw) {
        return None;
    }
    let doc = snapshot::decode(&raw).ok()?;
    LAST_SEEN.with(|last| *last.borrow_mut() = raw);
    Some(doc)
}

/// Saves the document.
pub fn save_doc(doc: &Snapshot) -> Result<(), StorageError> {
    let text = snapshot::encode(doc);
    set_raw(DOC_KEY, &text)?;
    LAST_SEEN.with(|last| *last.borrow_mut() = text);
    Ok(())
}

/// Whether a `storage` event concerns the stored document.
pub fn concerns_doc(event: &web_sys::StorageEvent) -> bool {
    event.key().as_deref() == Some(DOC_KEY)
}

/// Loads settings; unreadable settings are backed up and replaced by defaults.
pub fn load_settings(now_ms: i64, fresh: impl FnOnce() -> Settings) -> Settings {
    match get_raw(SETTINGS_KEY) {
        Ok(Some(raw)) => match serde_json::from_str::<Settings>(&raw) {
            Ok(s) => s,
            Err(_) => {
                back_up(&raw, now_ms);
                fresh()
            }
        },
        _ => fresh(),
    }
}

/// Saves settings.
pub fn save_settings(settings: &Settings) -> Result<(), StorageError> {
    let text = serde_json::to_string(settings).map_err(|e| StorageError::Other(e.to_string()))?;
    set_raw(SETTINGS_KEY, &text)
}
