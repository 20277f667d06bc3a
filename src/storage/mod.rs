//! Browser storage: the only user of localStorage (through gloo-storage).
//!
//! Under `file://` every local page shares one storage bucket, so every key is namespaced
//! (`workplan:…`) and nothing else is touched. Each value carries its own format and
//! version (see `snapshot::stored`). Keys:
//!
//! | key | what |
//! |---|---|
//! | `workplan:plan:<id>` | one plan of the library |
//! | `workplan:progress:<id>` | that plan's progress |
//! | `workplan:trash:<id>` | a deleted plan with its progress, until restored or pushed out |
//! | `workplan:settings` | this browser's settings (本部门, replica id, active plan, …) |
//! | `workplan:import:<ms>` | the tasks an import changed, as they were before it (newest five) |
//! | `workplan:backup:<ms>` | raw text that could not be read, kept before anything replaced it |
//! | `workplan:v1:doc`, `workplan:v1:settings` | the version-1 layout, migrated at start-up |
//!
//! Damaged or unknown data is never overwritten before it is copied to a backup key.

mod imports;
mod library;
mod raw;
mod settings;
mod trash;

pub use imports::{
    IMPORT_BACKUP_LIMIT, import_backup, import_backups, keep_import_backup, remove_import_backup,
};
pub use library::{
    LibraryScan, Migration, check_progress_room, list_plans, load_plan, load_progress, migrate_v1,
    plan_key, progress_key, remove_plan, save_plan, save_progress, take_changed_plan,
    take_changed_progress,
};
pub use raw::{
    BACKUP_PREFIX, Loaded, QUOTA_CHARS, StorageError, back_up, check_room, get_raw, remove,
    set_raw, sizes_with, used_chars,
};
pub use settings::{SETTINGS_KEY, Settings, V1_SETTINGS_KEY, load_settings, save_settings};
pub use trash::{Restored, restore_trashed, trash_plan, trashed_plans};

/// Whether a `storage` event concerns `key`.
pub fn event_concerns(event: &web_sys::StorageEvent, key: &str) -> bool {
    event.key().as_deref() == Some(key)
}
