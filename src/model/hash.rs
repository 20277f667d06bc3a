//! The filter state in the URL hash: `#q=…&s=1,3&u=…,…&role=lead&st=done,lagging&od=1&since=2023-07-01`.

use super::date::Date;
use super::filter::Filter;
use super::plan::SectionId;
use super::status::Status;
use super::task::Role;

/// Writes a filter as a URL hash (with the leading `#`); the empty filter gives `""`.
/// Text is percent-encoded as UTF-8 (commas too, so unit names may contain them);
/// empty unit names are dropped.
pub fn to_hash(filter: &Filter) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !filter.query.is_empty() {
        parts.push(format!("q={}", encode(&filter.query)));
    }
    if !filter.sections.is_empty() {
        let list: Vec<String> = filter.sections.iter().map(|s| s.0.to_string()).collect();
        parts.push(format!("s={}", list.join(",")));
    }
    let units: Vec<String> = filter
        .units
        .iter()
        .filter(|u| !u.is_empty())
        .map(|u| encode(u))
        .collect();
    if !units.is_empty() {
        parts.push(format!("u={}", units.join(",")));
    }
    match filter.role {
        Some(Role::Lead) => parts.push("role=lead".to_string()),
        Some(_) => parts.push("role=coop".to_string()),
        None => {}
    }
    if !filter.statuses.is_empty() {
        let list: Vec<&str> = filter.statuses.iter().map(|s| s.key()).collect();
        parts.push(format!("st={}", list.join(",")));
    }
    if filter.overdue {
        parts.push("od=1".to_string());
    }
    if let Some(d) = filter.updated_since {
        parts.push(format!("since={d}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

/// Reads a filter from a URL hash, with or without the leading `#`. Lenient and total:
/// unknown keys and unreadable values are ignored, bad escapes are kept as written.
pub fn from_hash(hash: &str) -> Filter {
    let mut f = Filter::default();
    let body = hash.strip_prefix('#').unwrap_or(hash);
    for pair in body.split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        match key {
            "q" => f.query = decode(value),
            "s" => f.sections.extend(
                decode(value)
                    .split(',')
                    .filter_map(|s| s.trim().parse().ok())
                    .map(SectionId),
            ),
            "u" => f
                .units
                .extend(value.split(',').map(decode).filter(|u| !u.is_empty())),
            "st" => f.statuses.extend(
                decode(value)
                    .split(',')
                    .filter_map(|s| Status::from_key(s.trim())),
            ),
            "role" => match value {
                "lead" => f.role = Some(Role::Lead),
                "coop" => f.role = Some(Role::Cooperating),
                _ => {}
            },
            "od" => match value {
                "1" | "true" => f.overdue = true,
                "0" | "false" => f.overdue = false,
                _ => {}
            },
            "since" => {
                if let Some(d) = Date::parse(&decode(value)) {
                    f.updated_since = Some(d);
                }
            }
            _ => {}
        }
    }
    f
}

/// Percent-encodes UTF-8, keeping only the unreserved `A–Z a–z 0–9 - . _ ~`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; a `%` not followed by two hex digits stays as it is,
/// and bytes that are not UTF-8 become U+FFFD.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', hi, lo]) => hex(*hi).zip(hex(*lo)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match escaped {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter() -> Filter {
        Filter {
            sections: [SectionId(1), SectionId(3)].into(),
            units: ["普法与依法治理科".to_string(), "各司法所".to_string()].into(),
            statuses: [Status::Done, Status::Lagging].into(),
            role: Some(Role::Lead),
            overdue: true,
            updated_since: Date::new(2023, 7, 1),
            query: "法治 建设".into(),
        }
    }

    #[test]
    fn empty_filter_is_empty_hash() {
        assert_eq!(to_hash(&Filter::default()), "");
        assert_eq!(from_hash(""), Filter::default());
        assert_eq!(from_hash("#"), Filter::default());
    }

    #[test]
    fn format_is_readable() {
        let h = to_hash(&filter());
        assert!(
            h.starts_with("#q=%E6%B3%95%E6%B2%BB%20%E5%BB%BA%E8%AE%BE&s=1,3&u="),
            "{h}"
        );
        assert!(
            h.ends_with("&role=lead&st=done,lagging&od=1&since=2023-07-01"),
            "{h}"
        );
        assert_eq!(from_hash(h.trim_start_matches('#')), filter());
    }

    #[test]
    fn round_trips_awkward_text() {
        let mut cases = vec![
            filter(),
            Filter {
                query: "a".into(),
                ..Filter::default()
            },
        ];
        for q in [
            "合法性审查 & a=b #c %d, e",
            " 前后空格 ",
            "100%",
            "%E6",
            "a+b/c?d",
            "，２０２３\u{3000}",
        ] {
            cases.push(Filter {
                query: q.into(),
                ..Filter::default()
            });
        }
        cases.push(Filter {
            units: [
                "甲,乙".to_string(),
                "a&b=c".to_string(),
                "#%".to_string(),
                "单 位".to_string(),
            ]
            .into(),
            ..filter()
        });
        cases.push(Filter {
            overdue: true,
            ..Filter::default()
        });
        cases.push(Filter {
            updated_since: Date::new(1999, 12, 31),
            ..Filter::default()
        });
        for f in cases {
            let h = to_hash(&f);
            assert_eq!(from_hash(&h), f, "{h}");
        }
    }

    #[test]
    fn lenient_reading() {
        let f = from_hash(
            "#q=%ZZ%4&s=2,x,,7&st=done,nope&od=yes&since=2023-02-30&zzz=1&u=,%E6%96%87&noeq",
        );
        assert_eq!(f.query, "%ZZ%4");
        assert_eq!(f.sections, [SectionId(2), SectionId(7)].into());
        assert_eq!(f.statuses, [Status::Done].into());
        assert!(!f.overdue);
        assert_eq!(f.updated_since, None);
        assert_eq!(f.units, ["文".to_string()].into());
        assert_eq!(from_hash("q=%E6%96").query, "\u{FFFD}");
        assert_eq!(
            from_hash("since=2023年7月1日").updated_since,
            Date::new(2023, 7, 1)
        );
    }

    #[test]
    fn garbage_never_panics_and_reads_stably() {
        let alphabet: Vec<char> = "#&=%,qsutodince0123456789AFZz+ 中é\u{FFFD}-_.~"
            .chars()
            .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let mut x = seed;
            for _ in 0..len {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                s.push(alphabet[((x >> 33) as usize) % alphabet.len()]);
            }
            for input in [
                s.clone(),
                format!("#q={s}"),
                format!("u={s}&since={s}&s={s}"),
            ] {
                let f = from_hash(&input);
                assert_eq!(from_hash(&to_hash(&f)), f, "{input}");
            }
        }
    }
}
