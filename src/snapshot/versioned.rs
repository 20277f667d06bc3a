//! Versioned JSON envelopes: every stored value and every export file carries its own
//! `format` and `version`, and is migrated step by step when read.
//!
//! ```text
//! envelope = { "format": FORMAT, "version": N, …body fields… }
//! ```
//! A reader accepts versions 1 to its current one; `migrations[i]` turns version `i + 1`
//! into `i + 2`. A kind that did not exist before version `first` starts there.

use super::SnapshotError;
use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::{Map, Value};
use std::fmt;

mod indent;

/// One migration step over the raw JSON object.
pub type Migration = fn(Map<String, Value>) -> Result<Map<String, Value>, SnapshotError>;

/// One kind of versioned document.
pub struct Kind {
    /// The `format` marker.
    pub format: &'static str,
    /// The oldest version that can exist.
    pub first: u64,
    /// Steps from `first` up: `migrations[i]` turns `first + i` into `first + i + 1`.
    pub migrations: &'static [Migration],
}

impl Kind {
    /// The version this build writes.
    pub fn current(&self) -> u64 {
        self.first + self.migrations.len() as u64
    }
}

/// Encodes `body` (a struct) inside the envelope straight to text, with no intermediate
/// JSON tree; `pretty` indents it for people (after writing: one serializer per type). Keys come in the order of `body`'s fields,
/// between `format` and `version`.
pub fn encode<T: Serialize>(kind: &Kind, body: &T, pretty: bool) -> String {
    #[derive(Serialize)]
    struct Envelope<'a, T> {
        format: &'a str,
        #[serde(flatten)]
        body: &'a T,
        version: u64,
    }
    let envelope = Envelope {
        format: kind.format,
        body,
        version: kind.current(),
    };
    let text = serde_json::to_string(&envelope).unwrap_or_default();
    if pretty { indent::indent(&text) } else { text }
}

/// Decodes text of `kind`, of any version it knows, into the current body. A value of the
/// current version is read straight from the text into `T`, with no intermediate JSON tree;
/// older versions are migrated on the tree ([`decode_map`]) and read from its text, so that
/// each type has one deserializer.
pub fn decode<T: DeserializeOwned>(kind: &Kind, text: &str) -> Result<T, SnapshotError> {
    let text = text.trim_start_matches('\u{feff}');
    match serde_json::from_str::<Head>(text) {
        Ok(Head { format, version })
            if format.as_deref() == Some(kind.format) && version == Some(kind.current()) =>
        {
            read(text)
        }
        _ => {
            let map = decode_map(kind, text)?;
            read(&serde_json::to_string(&map).map_err(|e| SnapshotError::Invalid(e.to_string()))?)
        }
    }
}

/// `T` read from JSON text, errors classified.
fn read<T: DeserializeOwned>(text: &str) -> Result<T, SnapshotError> {
    serde_json::from_str(text).map_err(|e| match e.classify() {
        Category::Eof => SnapshotError::Truncated,
        Category::Syntax => SnapshotError::NotJson {
            line: e.line(),
            column: e.column(),
        },
        Category::Data | Category::Io => SnapshotError::Invalid(e.to_string()),
    })
}

/// The `format` and `version` of an envelope, the rest skipped unread.
struct Head {
    format: Option<String>,
    version: Option<u64>,
}

impl<'de> Deserialize<'de> for Head {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Head, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Head;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an envelope")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Head, A::Error> {
                let mut head = Head {
                    format: None,
                    version: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    let value = match key.as_str() {
                        "format" | "version" => map.next_value::<Value>()?,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    match key.as_str() {
                        "format" => head.format = value.as_str().map(String::from),
                        _ => head.version = value.as_u64(),
                    }
                }
                Ok(head)
            }
        }
        d.deserialize_map(V)
    }
}

/// Decodes and migrates to the current version, leaving the body as raw JSON.
pub fn decode_map(kind: &Kind, text: &str) -> Result<Map<String, Value>, SnapshotError> {
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            SnapshotError::Truncated
        } else {
            SnapshotError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    let Value::Object(mut map) = value else {
        return Err(SnapshotError::NotWorkplan);
    };
    if map.get("format").and_then(Value::as_str) != Some(kind.format) {
        return Err(SnapshotError::NotWorkplan);
    }
    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(SnapshotError::NotWorkplan)?;
    if version < kind.first || version > kind.current() {
        return Err(SnapshotError::UnknownVersion(version));
    }
    for step in &kind.migrations[(version - kind.first) as usize..] {
        map = step(map)?;
    }
    map.remove("format");
    map.remove("version");
    Ok(map)
}

impl Kind {
    /// [`encode`] of this kind, compact.
    pub fn encode_text<T: Serialize>(&self, body: &T) -> String {
        encode(self, body, false)
    }

    /// [`decode`] of this kind.
    pub fn decode_text<T: DeserializeOwned>(&self, text: &str) -> Result<T, SnapshotError> {
        decode(self, text)
    }
}
