//! Serialised snapshots of the plan and its progress.
