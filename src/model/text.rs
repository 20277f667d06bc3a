//! Search text folding (full-width → half-width, case) and match ranges for highlighting.

use crate::model::order;

/// Folds one character for search. Always one char to one char, so positions map back.
fn fold(c: char) -> char {
    // CJK punctuation, kana and ideographs have no case and no other form: most of a plan.
    if ('\u{3001}'..='\u{9FFF}').contains(&c) {
        return c;
    }
    let c = match c {
        // Full-width ASCII forms (！ … ～, including ，：；（）？) → their half-width twins.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '“' | '”' => '"',
        '‘' | '’' => '\'',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Folds text for search: full-width ASCII forms and the ideographic space become
/// half-width, curly quotes become straight ones, letters are lower-cased.
/// Maps char to char, so the result has as many chars as the input.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(fold));
    out
}

/// The search terms of a query: normalized, split on whitespace, without repeats.
/// A blank query has no terms.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in normalize(query).split_whitespace() {
        if !out.iter().any(|t| t == term) {
            out.push(term.to_string());
        }
    }
    out
}

/// Normalized text with, for every char boundary, the matching byte offset in the original.
struct Folded {
    text: String,
    /// `(normalized byte, original byte)` for each char start, then both ends.
    offsets: Vec<(usize, usize)>,
}

impl Folded {
    fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut offsets = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            offsets.push((text.len(), at));
            text.push(fold(c));
        }
        offsets.push((text.len(), original.len()));
        Folded { text, offsets }
    }

    fn original(&self, normalized: usize) -> Option<usize> {
        let i = self
            .offsets
            .binary_search_by_key(&normalized, |&(n, _)| n)
            .ok()?;
        Some(self.offsets[i].1)
    }
}

/// Byte ranges in `haystack` where the terms of `needle` occur, ignoring width and case.
/// Each term's matches are non-overlapping; ranges of different terms that overlap or touch
/// are merged, so the result is sorted and disjoint. A blank needle matches nothing.
pub fn find_matches(haystack: &str, needle: &str) -> Vec<(usize, usize)> {
    let terms = query_terms(needle);
    if terms.is_empty() || haystack.is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(haystack);
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in &terms {
        for (start, m) in folded.text.match_indices(term.as_str()) {
            if let (Some(a), Some(b)) = (folded.original(start), folded.original(start + m.len())) {
                ranges.push((a, b));
            }
        }
    }
    order::sort(&mut ranges);
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Splits `haystack` into pieces, each flagged whether it matches `needle` (for `<mark>`).
/// The pieces concatenate back to `haystack`; empty text gives no pieces.
pub fn segments(haystack: &str, needle: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in find_matches(haystack, needle) {
        if a > at {
            out.push((haystack[at..a].to_string(), false));
        }
        out.push((haystack[a..b].to_string(), true));
        at = b;
    }
    if at < haystack.len() {
        out.push((haystack[at..].to_string(), false));
    }
    out
}

/// A number from 1 to 99 as a Chinese numeral (`一`, `十二`, `二十四`); larger ones as digits.
pub fn chinese_numeral(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10..=19 => format!("十{}", D[n % 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_characters_fold_to_themselves() {
        for c in ('\u{3001}'..='\u{9FFF}').filter(|c| !c.is_whitespace()) {
            let mut lower = c.to_lowercase();
            assert_eq!((lower.next(), lower.next()), (Some(c), None), "{c}");
            assert!(!('\u{FF01}'..='\u{FF5E}').contains(&c) && !"“”‘’".contains(c));
        }
    }

    #[test]
    fn chinese_numerals() {
        let got: Vec<String> = [1, 10, 12, 20, 24, 99, 100].map(chinese_numeral).to_vec();
        assert_eq!(got, ["一", "十", "十二", "二十", "二十四", "九十九", "100"]);
    }

    #[test]
    fn folds_width_case_and_punctuation() {
        assert_eq!(normalize("，：；（）！？"), ",:;()!?");
        assert_eq!(normalize("１２３ＡＢＣ"), "123abc");
        assert_eq!(normalize("ABC\u{3000}Def"), "abc def");
        assert_eq!(normalize("“两个维护”"), "\"两个维护\"");
        assert_eq!(normalize("中文不变、。"), "中文不变、。");
    }

    #[test]
    fn normalization_keeps_the_char_count() {
        let s = "İ Ａ ，ß ẞ 中";
        assert_eq!(normalize(s).chars().count(), s.chars().count());
    }

    #[test]
    fn terms_split_on_any_space_and_drop_repeats() {
        assert_eq!(query_terms("  法治\u{3000}ＡＢ 法治 "), ["法治", "ab"]);
        assert!(query_terms(" \u{3000}\t").is_empty());
    }

    #[test]
    fn matches_map_back_to_original_bytes() {
        let hay = "全省法治，２０２３年ABC";
        let m = find_matches(hay, "治,2023");
        assert_eq!(m.len(), 1);
        let (a, b) = m[0];
        assert_eq!(&hay[a..b], "治，２０２３");
        let m = find_matches(hay, "abc");
        assert_eq!(
            m.iter().map(|&(a, b)| &hay[a..b]).collect::<Vec<_>>(),
            ["ABC"]
        );
    }

    #[test]
    fn every_non_overlapping_match_is_found() {
        let hay = "普法普法普";
        let m = find_matches(hay, "普法");
        assert_eq!(m, [(0, 12)]);
        let m = find_matches("aaa", "aa");
        assert_eq!(m, [(0, 2)]);
        assert_eq!(find_matches("甲乙丙乙", "乙"), [(3, 6), (9, 12)]);
    }

    #[test]
    fn blank_needle_matches_nothing() {
        assert!(find_matches("法治", "").is_empty());
        assert!(find_matches("法治", " \u{3000}").is_empty());
        assert_eq!(segments("法治", " "), [("法治".to_string(), false)]);
        assert!(segments("", "法").is_empty());
    }

    #[test]
    fn segments_cover_the_text_and_mark_every_term() {
        let hay = "推进法治政府建设，法治社会";
        let segs = segments(hay, "法治 建设");
        let joined: String = segs.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(joined, hay);
        let marked: Vec<&str> = segs
            .iter()
            .filter(|(_, m)| *m)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(marked, ["法治", "建设", "法治"]);
    }

    #[test]
    fn overlapping_terms_merge() {
        assert_eq!(
            segments("依法治区", "依法 法治"),
            [("依法治".to_string(), true), ("区".to_string(), false)]
        );
    }
}
