//! Per-browser settings: 本部门, this copy's id, the active plan, the last export.

use super::raw::{back_up, get_raw, remove, save_text};
use crate::model::{PlanId, ReplicaId, UnitId};
use crate::snapshot::Kind;
use serde::{Deserialize, Serialize};

/// Key of the settings.
pub const SETTINGS_KEY: &str = "workplan:settings";
/// Key of the version-1 settings (plain JSON), migrated at start-up.
pub const V1_SETTINGS_KEY: &str = "workplan:v1:settings";

const SETTINGS: Kind = Kind {
    format: "workplan-settings",
    first: 1,
    migrations: &[],
};

/// Settings of this browser profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// 本部门: the unit this browser reports for.
    #[serde(default)]
    pub my_unit: Option<UnitId>,
    /// This copy's id, used in change stamps and item ids.
    #[serde(default)]
    pub replica: ReplicaId,
    /// When the data was last exported (ms since epoch).
    #[serde(default)]
    pub last_export_at: Option<i64>,
    /// The plan shown.
    #[serde(default)]
    pub active_plan: Option<PlanId>,
    /// Whether closing the page with changes not yet in a file asks first.
    #[serde(default = "yes")]
    pub warn_on_leave: bool,
    /// Fingerprints of the saved copies whose data this browser has already taken in or
    /// declined, so that opening the same copy again does not ask again (the last 20).
    #[serde(default)]
    pub handled_copies: Vec<String>,
    /// 红黄绿灯: yellow when a deadline is at most this many days away.
    #[serde(default = "seven")]
    pub warn_days: u32,
    /// 红黄绿灯: when each plan's work began, for the pace (序时进度), by plan id; a plan
    /// without one starts on 1 January of its year.
    #[serde(default)]
    pub pace_start: std::collections::BTreeMap<String, crate::model::Date>,
}

fn seven() -> u32 {
    7
}

fn yes() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            my_unit: None,
            replica: ReplicaId::default(),
            last_export_at: None,
            active_plan: None,
            warn_on_leave: true,
            handled_copies: Vec::new(),
            warn_days: seven(),
            pace_start: Default::default(),
        }
    }
}

/// Loads settings (or the version-1 settings); unreadable settings are backed up and
/// replaced by `fresh()`.
pub fn load_settings(now_ms: i64, fresh: impl FnOnce() -> Settings) -> Settings {
    if let Ok(Some(raw)) = get_raw(SETTINGS_KEY) {
        return match crate::snapshot::Kind::decode_text::<Settings>(&SETTINGS, &raw) {
            Ok(s) => s,
            Err(_) => {
                back_up(&raw, now_ms);
                fresh()
            }
        };
    }
    match get_raw(V1_SETTINGS_KEY) {
        Ok(Some(raw)) => {
            let settings = serde_json::from_str::<Settings>(&raw).unwrap_or_else(|_| {
                back_up(&raw, now_ms);
                fresh()
            });
            if save_settings(&settings).is_ok() {
                let _ = remove(V1_SETTINGS_KEY);
            }
            settings
        }
        _ => fresh(),
    }
}

/// Saves settings (skipped when unchanged).
pub fn save_settings(settings: &Settings) -> Result<(), super::StorageError> {
    save_text(SETTINGS_KEY, SETTINGS.encode_text(settings))
}
