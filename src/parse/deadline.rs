//! Deadlines as written in a task's text: `6月底前`, `2023年10月底前`, `12月31日前`, `年底前`, `长期坚持`.

/// Words that stand for a deadline on their own.
const STANDING: &[&str] = &["长期坚持", "年底前", "年内完成"];

/// The last deadline phrase in `text`, as written.
pub fn find_deadline(text: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = None;
    let mut i = 0;
    while i < chars.len() {
        match match_at(&chars, i) {
            Some(end) => {
                let to = chars.get(end).map_or(text.len(), |(b, _)| *b);
                found = Some(&text[chars[i].0..to]);
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// A deadline phrase starting at char index `i`: the char index just after it.
fn match_at(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let at = |k: usize| chars.get(k).map(|c| c.1);
    let word = |k: usize, w: &str| -> Option<usize> {
        let mut k = k;
        for c in w.chars() {
            if at(k)? != c {
                return None;
            }
            k += 1;
        }
        Some(k)
    };
    if i > 0 && at(i - 1).is_some_and(is_digit) {
        return None;
    }
    if let Some(end) = STANDING.iter().find_map(|w| word(i, w)) {
        return Some(end);
    }
    let mut j = i;
    let year = digits(chars, j);
    if year == 4 && at(j + 4) == Some('年') {
        j += 5;
        if let Some(end) = word(j, "底前").or_else(|| word(j, "年底前")) {
            return Some(end);
        }
    }
    let month = digits(chars, j);
    if !(1..=2).contains(&month) || at(j + month) != Some('月') {
        return None;
    }
    j += month + 1;
    let day = digits(chars, j);
    if (1..=2).contains(&day) && matches!(at(j + day), Some('日' | '号')) {
        j += day + 1;
    } else if let Some(end) = ["底", "末", "中旬", "上旬", "下旬", "份"]
        .iter()
        .find_map(|w| word(j, w))
    {
        j = end;
    }
    word(j, "前").or_else(|| word(j, "以前"))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn digits(chars: &[(usize, char)], from: usize) -> usize {
    chars
        .get(from..)
        .map_or(0, |s| s.iter().take_while(|c| is_digit(c.1)).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_usual_forms() {
        assert_eq!(find_deadline("6月底前完成"), Some("6月底前"));
        assert_eq!(
            find_deadline("于2023年10月底前建成"),
            Some("2023年10月底前")
        );
        assert_eq!(find_deadline("12月31日前报送"), Some("12月31日前"));
        assert_eq!(find_deadline("做好工作，年底前完成。"), Some("年底前"));
        assert_eq!(find_deadline("长期坚持"), Some("长期坚持"));
        assert_eq!(find_deadline("2024年底前"), Some("2024年底前"));
    }

    #[test]
    fn takes_the_last_and_ignores_plain_dates() {
        assert_eq!(
            find_deadline("3月底前制定方案，11月底前完成"),
            Some("11月底前")
        );
        assert_eq!(find_deadline("2023年6月1日召开会议"), None);
        assert_eq!(find_deadline("第12个月"), None);
        assert_eq!(find_deadline(""), None);
    }
}
