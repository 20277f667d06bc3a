//! A bundle: every plan of a library with its progress, in one document. It is what
//! "导出全部" writes and what a saved copy of the page carries inside it.
//!
//! ```text
//! {"format":"workplan-bundle","version":1,"saved_at":<ms>,"active":"<plan id>",
//!  "plans":[{"plan":{…},"progress":{…}}, …]}
//! ```
//! In a saved page the bundle sits in `<script type="application/json" id="workplan-data">`,
//! with every `<` written as `\u003c` so that the text can never end the element early.

use super::versioned::{self, Kind};
use super::{Snapshot, SnapshotError};
use crate::model::{Plan, PlanId, Progress};
use serde::{Deserialize, Serialize};

/// The bundle kind.
pub const BUNDLE: Kind = Kind {
    format: "workplan-bundle",
    first: 1,
    migrations: &[],
};

/// The id of the element that carries a bundle inside a saved page.
pub const EMBED_ID: &str = "workplan-data";

/// One plan with its progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The plan.
    pub plan: Plan,
    /// Its progress.
    pub progress: Progress,
}

/// Every plan of a library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    /// When it was written (ms since epoch).
    pub saved_at: i64,
    /// The plan that was shown.
    #[serde(default)]
    pub active: Option<PlanId>,
    /// The plans.
    pub plans: Vec<Entry>,
}

impl Bundle {
    /// The bundle's plans as single snapshots, for checks and merges.
    pub fn snapshots(&self) -> impl Iterator<Item = Snapshot> + '_ {
        self.plans.iter().map(|e| Snapshot {
            saved_at: self.saved_at,
            plan: e.plan.clone(),
            progress: e.progress.clone(),
        })
    }
}

/// Encodes a bundle.
pub fn encode_bundle(b: &Bundle, pretty: bool) -> String {
    versioned::encode(&BUNDLE, b, pretty)
}

/// Decodes a bundle.
pub fn decode_bundle(text: &str) -> Result<Bundle, SnapshotError> {
    versioned::decode(&BUNDLE, text)
}

/// What an imported text holds: one plan, or a bundle of plans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// An export of one plan.
    One(Snapshot),
    /// A bundle.
    Many(Bundle),
}

impl Incoming {
    /// Every plan it holds, as snapshots.
    pub fn into_snapshots(self) -> Vec<Snapshot> {
        match self {
            Incoming::One(s) => vec![s],
            Incoming::Many(b) => b.snapshots().collect(),
        }
    }
}

/// Decodes an export file, a bundle, or a saved page (its embedded bundle).
pub fn decode_any(text: &str) -> Result<Incoming, SnapshotError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        let block = embedded(trimmed).ok_or(SnapshotError::NoEmbeddedData)?;
        return decode_bundle(block).map(Incoming::Many);
    }
    match decode_bundle(text) {
        Ok(b) => Ok(Incoming::Many(b)),
        Err(SnapshotError::NotWorkplan) => super::decode(text).map(Incoming::One),
        Err(e) => Err(e),
    }
}

/// The `<script>` element that carries `json` inside a saved page.
pub fn embed_element(json: &str) -> String {
    let safe = json.replace('<', "\\u003c");
    format!("<script type=\"application/json\" id=\"{EMBED_ID}\">{safe}</script>")
}

/// The text of the embedded bundle element in a page's source, if it has one.
pub fn embedded(html: &str) -> Option<&str> {
    let (start, end) = embedded_span(html)?;
    let element = &html[start..end];
    let open_end = element.find('>')? + 1;
    let close = element.rfind("</script")?;
    Some(&element[open_end..close])
}

/// The byte range of the embedded bundle element, `<script …>…</script>`.
pub fn embedded_span(html: &str) -> Option<(usize, usize)> {
    let marker = format!("id=\"{EMBED_ID}\"");
    let at = html.find(&marker)?;
    let start = html[..at].rfind("<script")?;
    let close = html[at..].find("</script>")? + at + "</script>".len();
    Some((start, close))
}

/// A page's source with `element` in place of its embedded bundle, or before `</head>`.
pub fn with_embedded(html: &str, element: &str) -> String {
    match embedded_span(html) {
        Some((start, end)) => format!("{}{element}{}", &html[..start], &html[end..]),
        None => match html.find("</head>") {
            Some(at) => format!("{}{element}\n{}", &html[..at], &html[at..]),
            None => format!("{element}{html}"),
        },
    }
}

#[cfg(test)]
mod tests;
