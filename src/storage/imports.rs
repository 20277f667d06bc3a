//! The automatic backups kept before each import (`workplan:import:<ms>`), the newest five.

use super::raw::{StorageError, check_room, get_raw, keys_with, remove, save_text};
use crate::model::order;
use crate::snapshot::{ImportBackup, SnapshotError, decode_import_backup, encode_import_backup};

const IMPORT_PREFIX: &str = "workplan:import:";

/// How many import backups are kept.
pub const IMPORT_BACKUP_LIMIT: usize = 5;

/// The backups kept, newest first, with their keys.
pub fn import_backups() -> Vec<(String, ImportBackup)> {
    let mut out: Vec<(String, ImportBackup)> = keys_with(IMPORT_PREFIX)
        .into_iter()
        .filter_map(|k| {
            let text = get_raw(&k).ok().flatten()?;
            decode_import_backup(&text).ok().map(|b| (k, b))
        })
        .collect();
    order::sort_by_key(&mut out, |(k, b)| std::cmp::Reverse((b.at, k.clone())));
    out
}

/// Keeps a backup; older ones beyond the limit go, and, when storage is short, older ones
/// go first to make room. Returns its key.
pub fn keep_import_backup(backup: &ImportBackup) -> Result<String, StorageError> {
    let mut key = format!("{IMPORT_PREFIX}{}", backup.at);
    let mut n = 1;
    while get_raw(&key)?.is_some() {
        n += 1;
        key = format!("{IMPORT_PREFIX}{}-{n}", backup.at);
    }
    let text = encode_import_backup(backup);
    let mut older = import_backups();
    while let Err(e) = check_room(&key, &text) {
        let Some((oldest, _)) = older.pop() else {
            return Err(e);
        };
        remove(&oldest)?;
    }
    save_text(&key, text)?;
    for (k, _) in import_backups().into_iter().skip(IMPORT_BACKUP_LIMIT) {
        remove(&k)?;
    }
    Ok(key)
}

/// One backup, if it is still kept: read, or the reason it cannot be.
pub fn import_backup(key: &str) -> Option<Result<ImportBackup, SnapshotError>> {
    let text = get_raw(key).ok().flatten()?;
    Some(decode_import_backup(&text))
}

/// Drops a backup.
pub fn remove_import_backup(key: &str) -> Result<(), StorageError> {
    remove(key)
}
