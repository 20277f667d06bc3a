//! The `format` and `version` of an envelope as this app writes it, read from the two ends of
//! the text without parsing the rest:
//!
//! ```text
//! text = ws "{" ws "\"format\"" ws ":" ws "\"" FORMAT "\"" ws "," … "," ws "\"version\"" ws ":" ws N ws "}" ws
//! ```
//! `FORMAT` without escapes, `N` digits without a leading zero. Any other shape (keys in
//! another order, an escaped format) gives `None`, and the caller reads the whole head.

/// JSON's whitespace.
fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// `(format, version)` if `text` starts and ends as [the grammar](self) says.
pub fn ends(text: &str) -> Option<(&str, u64)> {
    let s = text.trim_start_matches(is_ws).strip_prefix('{')?;
    let s = s.trim_start_matches(is_ws).strip_prefix("\"format\"")?;
    let s = s.trim_start_matches(is_ws).strip_prefix(':')?;
    let s = s.trim_start_matches(is_ws).strip_prefix('"')?;
    let close = s.find(['"', '\\'])?;
    let (format, rest) = s.split_at(close);
    rest.strip_prefix('"')?
        .trim_start_matches(is_ws)
        .strip_prefix(',')?;

    let t = text.trim_end_matches(is_ws).strip_suffix('}')?;
    let t = t.trim_end_matches(is_ws);
    let number_at = t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let digits = &t[number_at..];
    if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
        return None;
    }
    let version = digits.parse().ok()?;
    t[..number_at]
        .trim_end_matches(is_ws)
        .strip_suffix(':')?
        .trim_end_matches(is_ws)
        .strip_suffix("\"version\"")?
        .trim_end_matches(is_ws)
        .strip_suffix(',')?;
    Some((format, version))
}

#[cfg(test)]
mod tests {
    use super::ends;

    #[test]
    fn reads_compact_and_pretty_envelopes() {
        assert_eq!(ends(r#"{"format":"f","a":1,"version":2}"#), Some(("f", 2)));
        let pretty = "\u{20}{\n  \"format\" : \"workplan\",\n  \"a\": {\"version\": 9},\n  \"version\": 12\n}\n";
        assert_eq!(ends(pretty), Some(("workplan", 12)));
    }

    #[test]
    fn other_shapes_are_left_to_the_full_read() {
        for text in [
            r#"{"version":2,"format":"f"}"#,
            r#"{"format":"f\"g","version":2}"#,
            r#"{"format":"f","o":{"version":2}}"#,
            r#"{"format":"f","version":02}"#,
            r#"{"format":"f","version":2"#,
            r#"{"format":"f","version":-2}"#,
            r#"{"format":"f"}"#,
            r#"["format","f",2]"#,
            "",
        ] {
            assert_eq!(ends(text), None, "{text}");
        }
    }

    #[test]
    fn agrees_with_a_full_read_whenever_it_answers() {
        for text in [
            r#"{"format":"f","a":"x\",\"version\":3}","version":2}"#,
            r#"{"format":"f","a":[1,2],"version":18446744073709551615}"#,
        ] {
            let v: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
            let full = (v["format"].as_str(), v["version"].as_u64());
            let (format, version) = ends(text).expect("our shape");
            assert_eq!(full, (Some(format), Some(version)), "{text}");
        }
    }
}
