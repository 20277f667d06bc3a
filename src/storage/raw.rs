//! Raw localStorage access: errors classified, backups, and the text each key last had here.

use crate::snapshot::SnapshotError;
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// Prefix of backup copies of data that could not be read.
pub const BACKUP_PREFIX: &str = "workplan:backup:";

/// Why storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// localStorage is missing or blocked (private mode, policy).
    Unavailable,
    /// The storage quota is used up.
    Full,
    /// Writing would need more room than is free: `needed` and `free`, in characters.
    NoRoom {
        /// Characters the write needs beyond what the key holds now.
        needed: usize,
        /// Characters still free.
        free: usize,
    },
    /// Any other browser error, with its message.
    Other(String),
}

/// What localStorage holds for every local page together, in characters (UTF-16 units):
/// measured in Chromium and Firefox.
pub const QUOTA_CHARS: usize = 5_242_880;

fn chars(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The characters (UTF-16 units) of the value under each key, measured in the browser
/// without copying the text: `None` when storage is unavailable.
fn value_chars(s: &web_sys::Storage) -> Option<impl Fn(&str) -> usize + '_> {
    let get_item: js_sys::Function = js_sys::Reflect::get(s, &"getItem".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some(move |key: &str| {
        get_item
            .call1(s, &key.into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
            .map_or(0, |v| v.length() as usize)
    })
}

/// Characters in use: every key and value of every local page.
pub fn used_chars() -> usize {
    let Ok(s) = storage() else {
        return 0;
    };
    let Some(value) = value_chars(&s) else {
        return 0;
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .map(|k| chars(&k) + value(&k))
        .sum()
}

/// Every key starting with `prefix` and the characters it takes (key and value).
pub fn sizes_with(prefix: &str) -> Vec<(String, usize)> {
    let Ok(s) = storage() else {
        return Vec::new();
    };
    let Some(value) = value_chars(&s) else {
        return Vec::new();
    };
    keys_with(prefix)
        .into_iter()
        .map(|k| {
            let n = chars(&k) + value(&k);
            (k, n)
        })
        .collect()
}

/// Whether `text` would fit under `key` (replacing what it holds), checked before writing.
pub fn check_room(key: &str, text: &str) -> Result<(), StorageError> {
    let old = get_raw(key)?.map_or(0, |v| chars(key) + chars(&v));
    let new = chars(key) + chars(text);
    let free = QUOTA_CHARS.saturating_sub(used_chars());
    let needed = new.saturating_sub(old);
    if needed > free {
        return Err(StorageError::NoRoom { needed, free });
    }
    Ok(())
}

/// What was found under one key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded<T> {
    /// Nothing stored.
    Empty,
    /// A readable value.
    Found(T),
    /// Stored data that could not be read. Its raw text was copied to `backup_key`
    /// (`None` when even the copy failed, in which case the original is left alone).
    Damaged {
        /// Why it could not be read.
        error: SnapshotError,
        /// Where the raw text was kept.
        backup_key: Option<String>,
    },
}

pub(crate) fn storage() -> Result<web_sys::Storage, StorageError> {
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

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    forget(key);
    storage()?.remove_item(key).map_err(classify)
}

/// Every key that starts with `prefix`.
pub fn keys_with(prefix: &str) -> Vec<String> {
    let Ok(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Copies damaged text to a fresh backup key and returns the key.
pub fn back_up(raw: &str, now_ms: i64) -> Option<String> {
    let mut key = format!("{BACKUP_PREFIX}{now_ms}");
    let mut n = 1;
    while get_raw(&key).ok().flatten().is_some() {
        n += 1;
        key = format!("{BACKUP_PREFIX}{now_ms}-{n}");
    }
    set_raw(&key, raw).ok().map(|_| key)
}

/// Reads and decodes one key; unreadable text is backed up first.
pub fn load_key<T>(
    key: &str,
    now_ms: i64,
    decode: impl FnOnce(&str) -> Result<T, SnapshotError>,
) -> Result<Loaded<T>, StorageError> {
    let Some(raw) = get_raw(key)? else {
        return Ok(Loaded::Empty);
    };
    match decode(&raw) {
        Ok(value) => {
            remember(key, raw);
            Ok(Loaded::Found(value))
        }
        Err(error) => Ok(Loaded::Damaged {
            error,
            backup_key: back_up(&raw, now_ms),
        }),
    }
}

thread_local! {
    /// The text this page last wrote or read under each key, so that unchanged text is
    /// neither written again nor decoded again.
    static LAST_SEEN: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn remember(key: &str, text: String) {
    LAST_SEEN.with(|m| m.borrow_mut().insert(key.to_string(), text));
}

fn forget(key: &str) {
    LAST_SEEN.with(|m| m.borrow_mut().remove(key));
}

/// Writes `text` unless this page already wrote or read exactly that.
pub fn save_text(key: &str, text: String) -> Result<(), StorageError> {
    if LAST_SEEN.with(|m| m.borrow().get(key) == Some(&text)) {
        return Ok(());
    }
    set_raw(key, &text)?;
    remember(key, text);
    Ok(())
}

/// The stored text of `key` if it changed since this page last wrote or read it (another
/// tab wrote it), and remembers it.
pub fn take_changed(key: &str) -> Option<String> {
    let raw = get_raw(key).ok().flatten()?;
    if LAST_SEEN.with(|m| m.borrow().get(key) == Some(&raw)) {
        return None;
    }
    remember(key, raw.clone());
    Some(raw)
}
