//! Versioned JSON envelopes: every stored value and every export file carries its own
//! `format` and `version`, and is migrated step by step when read.
//!
//! ```text
//! envelope = { "format": FORMAT, "version": N, …body fields… }
//! ```
//! A reader accepts versions 1 to its current one; `migrations[i]` turns version `i + 1`
//! into `i + 2`. A kind that did not exist before version `first` starts there.

use super::SnapshotError;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::{Map, Value};
use std::fmt;

mod head;
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
    // The envelope as written here says its format and version at its two ends; anything
    // else has its head read in full.
    let current = match head::ends(text) {
        Some((format, version)) => (format, version) == (kind.format, kind.current()),
        None => serde_json::from_str::<Head>(text).is_ok_and(|head| {
            (head.format.as_deref(), head.version) == (Some(kind.format), Some(kind.current()))
        }),
    };
    if current {
        read(text)
    } else {
        let map = decode_map(kind, text)?;
        from_tree(Value::Object(map)).map_err(SnapshotError::invalid)
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
        Category::Data | Category::Io => SnapshotError::Invalid {
            at: Some((e.line(), e.column())).filter(|(line, _)| *line > 0),
            detail: e.to_string(),
        },
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

/// Reads `T` from a JSON tree, like `serde_json::from_value`, but through the text reader
/// that [`decode`] uses too: every type is then read by one deserializer, not two.
/// The error is serde's message, without a position (a tree has none).
pub(crate) fn from_tree<T: DeserializeOwned>(tree: Value) -> Result<T, String> {
    serde_json::from_str(&tree.to_string()).map_err(|e| bare_message(&e))
}

/// [`from_tree`] for a seeded read: `seed` reads the tree's text.
pub(crate) fn from_tree_seed<V, S>(seed: S, tree: &Value) -> Result<V, String>
where
    S: for<'a> DeserializeSeed<'a, Value = V>,
{
    let text = tree.to_string();
    let mut reader = serde_json::Deserializer::from_str(&text);
    let value = seed
        .deserialize(&mut reader)
        .map_err(|e| bare_message(&e))?;
    reader.end().map_err(|e| bare_message(&e))?;
    Ok(value)
}

/// serde_json's message for `e` without its position, as a tree reader words it.
fn bare_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&position) {
        Some(bare) => bare.to_owned(),
        None => message,
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

#[cfg(test)]
mod tests {
    use super::from_tree;
    use serde_json::{Value, json};
    use std::collections::BTreeMap;

    /// `from_tree` reads and fails exactly as `serde_json::from_value` does.
    fn same_as_from_value<T>(tree: Value)
    where
        T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let expected = serde_json::from_value::<T>(tree.clone()).map_err(|e| e.to_string());
        assert_eq!(from_tree::<T>(tree), expected);
    }

    #[test]
    fn reads_like_from_value() {
        same_as_from_value::<BTreeMap<String, Vec<f64>>>(json!({"a": [1.5, 2.0], "b": []}));
        same_as_from_value::<Option<u64>>(json!(null));
        same_as_from_value::<(u8, String)>(json!([7, "七"]));
    }

    #[test]
    fn fails_with_the_message_from_value_gives() {
        same_as_from_value::<u32>(json!("x"));
        same_as_from_value::<BTreeMap<String, u8>>(json!({"a": 300}));
        same_as_from_value::<(u8, u8)>(json!([1]));
        same_as_from_value::<Vec<bool>>(json!([true, 1]));
    }
}
