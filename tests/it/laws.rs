//! Laws the snapshot and merge code must keep, checked with proptest on generated data.
//!
//! Each property runs `PROPTEST_CASES` cases when that variable is set, else a quick number
//! that keeps `cargo test` fast. The long profile is documented in docs/snapshot-format.md.

mod caches;
mod decode;
mod merge;
mod roundtrip;
mod stats;
pub mod strategies;
mod undo;
mod undo_import;

use proptest::prelude::ProptestConfig;

/// A proptest configuration of `quick` cases, or `PROPTEST_CASES` when set; failures are
/// reported with their seed but not written to files beside the sources.
pub fn config(quick: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(quick);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
