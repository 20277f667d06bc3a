//! Indenting compact JSON text for people, as `serde_json::to_string_pretty` lays it out: each
//! member and element on its own line, two spaces per level, `": "` after keys, and empty
//! objects and arrays kept as `{}` and `[]`. One pass over the text, with no JSON tree.
//!
//! ```text
//! value  = object | array | string | scalar
//! object = "{" [ string ":" value { "," string ":" value } ] "}"
//! array  = "[" [ value { "," value } ] "]"
//! string = '"' { char | "\" escaped } '"'
//! ```

/// `compact` (JSON as `serde_json::to_string` writes it: no whitespace outside strings)
/// indented.
pub fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 3 / 2);
    let mut depth = 0usize;
    let mut i = 0;
    let mut start = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                continue;
            }
            open @ (b'{' | b'[') => {
                out.push_str(&compact[start..=i]);
                let close = if open == b'{' { b'}' } else { b']' };
                if bytes.get(i + 1) == Some(&close) {
                    out.push(char::from(close));
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                out.push_str(&compact[start..i]);
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(char::from(bytes[i]));
            }
            b',' => {
                out.push_str(&compact[start..=i]);
                newline(&mut out, depth);
            }
            b':' => {
                out.push_str(&compact[start..=i]);
                out.push(' ');
            }
            _ => {
                i += 1;
                continue;
            }
        }
        i += 1;
        start = i;
    }
    out.push_str(&compact[start.min(compact.len())..]);
    out
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::indent;
    use serde_json::{Value, json};

    fn same_as_serde(v: &Value) {
        let compact = serde_json::to_string(v).expect("compact");
        let pretty = serde_json::to_string_pretty(v).expect("pretty");
        assert_eq!(indent(&compact), pretty, "for {compact}");
    }

    #[test]
    fn lays_out_like_serde_json() {
        same_as_serde(&json!({}));
        same_as_serde(&json!([]));
        same_as_serde(&json!(1.5));
        same_as_serde(&json!("a"));
        same_as_serde(&json!({"a": [], "b": {}, "c": [1, {"d": null}], "e": true}));
        same_as_serde(&json!([[[]], [{}], [[1, 2], []]]));
        same_as_serde(&json!({
            "quote \" brace { ] , :": "text with \\\" , : { [ ] } and \\\\",
            "中文": "进展情况：已完成，下一步：{继续}",
            "ctrl": "\u{1}\n\t",
        }));
    }
}
