//! Per-browser settings kept next to the document: 本部门, this copy's id, last export.

use crate::model::{ReplicaId, UnitId};
use serde::{Deserialize, Serialize};

/// Settings of this browser profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
}
