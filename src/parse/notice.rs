//! What surrounds a plan: web-page debris, the page's metadata line, and the notice that
//! publishes it (文号, addressee, 附件, signature and date).

use super::label::{find_folded, starts_with_folded};
use crate::model::Date;

/// Lines that are web-page furniture when they start with one of these.
const DEBRIS_PREFIXES: &[&str] = &[
    "扫一扫",
    "分享到",
    "【字体",
    "字体：",
    "字体:",
    "字号：",
    "字号:",
    "【打印",
    "【关闭",
    "【收藏",
    "【返回",
    "打印本页",
    "关闭窗口",
    "浏览次数",
    "访问次数",
    "阅读次数",
    "点击数",
    "责任编辑",
    "上一篇",
    "下一篇",
    "当前位置",
    "您当前的位置",
    "您现在的位置",
    "您的位置",
    "视力保护色",
    "抄送：",
    "抄送:",
    "（此件",
    "(此件",
];

/// Lines that are web-page furniture when they are exactly one of these (colon aside).
const DEBRIS_WORDS: &[&str] = &[
    "字体大小",
    "打印",
    "关闭",
    "收藏",
    "返回顶部",
    "大",
    "中",
    "小",
    "相关链接",
    "【打印】",
    "【关闭】",
    "分享",
];

/// Web-page furniture: breadcrumbs, font-size controls, share and print links, QR notes.
pub fn is_debris(line: &str) -> bool {
    let breadcrumb = (line.starts_with("首页") || line.starts_with("网站首页"))
        && line.contains(['>', '＞', '»', '›', '/']);
    let bare = line.trim_end_matches([':', '：', ' ']);
    let printed = line.ends_with("印发")
        && line.contains('年')
        && line.contains('日')
        && !line.contains('。')
        && line.chars().count() <= 40;
    breadcrumb
        || printed
        || is_page_number(line)
        || DEBRIS_WORDS.contains(&bare)
        || DEBRIS_PREFIXES
            .iter()
            .any(|p| starts_with_folded(line, p).is_some())
}

/// A page number left by a printed or PDF copy: `— 3 —`, `- 4 -`, `-5-`, `第 5 页 共 6 页`,
/// `第5页`, `5/6`.
pub fn is_page_number(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let dashes = ['—', '-', '－', '–', '─'];
    let inner = squeezed.trim_matches(dashes);
    if inner.len() < squeezed.len() && squeezed.starts_with(dashes) && squeezed.ends_with(dashes) {
        return digits(inner);
    }
    if let Some(rest) = squeezed.strip_prefix('第') {
        let Some((page, total)) = rest.split_once('页') else {
            return false;
        };
        let total_ok = total.is_empty()
            || total
                .strip_prefix('共')
                .and_then(|t| t.strip_suffix('页'))
                .is_some_and(digits);
        return digits(page) && total_ok;
    }
    squeezed
        .split_once('/')
        .is_some_and(|(a, b)| digits(a) && digits(b) && a.len() <= 3 && b.len() <= 3)
}

/// The masthead of a red-header document (`天心区司法局文件`, `中共某区委员会文件`): the
/// issuing body's name.
pub fn masthead(line: &str) -> Option<&str> {
    let name = line.strip_suffix("文件")?.trim();
    looks_like_signature(name).then_some(name)
}

/// Labels of the page's metadata line.
const META_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "成文日期",
    "发文日期",
    "索引号",
    "信息来源",
    "来源",
    "发布机构",
    "发文机关",
];

/// The page's metadata (`发布时间 : 2023-06-01 来源:某局`): its date and issuer, when given.
pub fn meta(line: &str) -> Option<(Option<Date>, Option<String>)> {
    let starts = META_LABELS
        .iter()
        .any(|l| starts_with_folded(line, l).is_some());
    let page_line = find_folded(line, "来源").is_some() && line.contains("字体");
    if !(starts || page_line) {
        return None;
    }
    let date = ["发布时间", "发布日期", "成文日期", "发文日期"]
        .iter()
        .find_map(|l| after_label(line, l))
        .and_then(|rest| {
            let token: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || "-/.年月日".contains(*c))
                .collect();
            Date::parse(&token)
        });
    let issuer = ["发布机构", "发文机关", "信息来源", "来源"]
        .iter()
        .find_map(|l| after_label(line, l))
        .and_then(|rest| {
            let end = find_folded(rest, "字体").unwrap_or(rest.len());
            let name = rest[..end].split_whitespace().next().unwrap_or("").trim();
            (!name.is_empty()).then(|| name.to_string())
        });
    Some((date, issuer))
}

/// The text after `label`, skipping spaces and a colon of either width.
fn after_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let at = find_folded(line, label)?;
    let len = starts_with_folded(&line[at..], label)?;
    Some(line[at + len..].trim_start_matches([' ', ':', '：', '\u{3000}']))
}

/// A document number such as `天司发〔2024〕3号`.
pub fn is_doc_number(line: &str) -> bool {
    let bracketed_year = line.char_indices().any(|(i, c)| {
        matches!(c, '〔' | '[' | '［' | '(' | '（')
            && line[i + c.len_utf8()..]
                .chars()
                .take(4)
                .filter(char::is_ascii_digit)
                .count()
                == 4
    });
    bracketed_year && line.ends_with('号') && line.chars().count() <= 40
}

/// The addressee line of a notice: `各街道办事处，区直各单位：`.
pub fn is_addressee(line: &str) -> bool {
    line.starts_with('各')
        && line.ends_with([':', '：'])
        && !line.contains('。')
        && line.chars().count() <= 100
}

/// `附件`, `附件：…`, `附件1`.
pub fn is_attachment(line: &str) -> bool {
    line.strip_prefix("附件").is_some_and(|rest| {
        rest.is_empty()
            || rest.starts_with([':', '：', ' '])
            || rest.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// A short date line, even a garbled one (`2023年61日`); the date when it is readable.
pub fn date_line(line: &str) -> Option<Option<Date>> {
    let n = line.chars().count();
    if n > 14 {
        return None;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 && line[4..].starts_with('年') {
        let rest_ok = line
            .chars()
            .skip(5)
            .all(|c| c.is_ascii_digit() || "月日号".contains(c));
        return rest_ok.then(|| Date::parse(line));
    }
    let chinese = line.starts_with('二')
        && line.contains('年')
        && line
            .chars()
            .all(|c| "〇零一二三四五六七八九十年月日".contains(c));
    chinese.then_some(None)
}

/// Whether a notice's title line: `关于印发《…》的通知`.
pub fn is_notice_title(line: &str) -> bool {
    line.contains("通知")
        && (line.contains("印发") || line.starts_with("关于") || line.contains("关于"))
}

/// The plan's own title inside a notice title: the text in `《》`.
pub fn quoted_title(line: &str) -> Option<&str> {
    let start = line.find('《')? + '《'.len_utf8();
    let end = start + line[start..].find('》')?;
    (end > start).then(|| &line[start..end])
}

/// A line that reads like a plan's title: no punctuation, ends in 要点, 方案, 清单, ….
pub fn looks_like_title(line: &str) -> bool {
    const ENDS: &[&str] = &[
        "要点",
        "方案",
        "清单",
        "计划",
        "安排",
        "分解表",
        "台账",
        "任务表",
    ];
    !line.contains(['。', '，', ',', '；', ';', ':', '：'])
        && line.chars().count() <= 60
        && ENDS.iter().any(|e| line.ends_with(e))
}

/// A short line naming an organisation (the signature of a notice or plan).
pub fn looks_like_signature(line: &str) -> bool {
    const ENDS: &[&str] = &[
        "局",
        "委员会",
        "政府",
        "办公室",
        "办公厅",
        "委",
        "厅",
        "院",
        "部",
        "中心",
        "小组",
    ];
    line.chars().count() <= 30
        && !line.contains(['。', '，', ',', '；', ';', ':', '：', '、'])
        && ENDS.iter().any(|e| line.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debris_and_meta() {
        assert!(is_debris("首页 > 政务公开 > 规划计划"));
        assert!(is_debris("扫一扫在手机打开当前页"));
        assert!(is_debris("字体大小："));
        assert!(is_debris("【字体：大 中 小】"));
        assert!(is_debris("区委办公室 2024年1月5日印发"));
        assert!(!is_debris("加强首页建设"));
        let (date, issuer) =
            meta("发布时间 : 2023-06-01 来源:长沙市天心区司法局 字体大小:").expect("meta");
        assert_eq!(date, Date::new(2023, 6, 1));
        assert_eq!(issuer.as_deref(), Some("长沙市天心区司法局"));
        let (date, _) = meta("發佈時間：2024年03月05日").expect("meta");
        assert_eq!(date, Date::new(2024, 3, 5));
    }

    #[test]
    fn notice_furniture() {
        assert!(is_doc_number("天司发〔2024〕3号"));
        assert!(!is_doc_number("完成3号文件落实"));
        assert!(is_addressee("各街道办事处，区直各单位："));
        assert!(!is_addressee("各单位要认真落实。"));
        assert!(is_attachment("附件：2024年工作要点"));
        assert!(!is_attachment("附件材料要齐全"));
        assert_eq!(date_line("2023年61日"), Some(None));
        assert_eq!(date_line("2024年2月1日"), Some(Date::new(2024, 2, 1)));
        assert_eq!(date_line("二〇二四年二月一日"), Some(None));
        assert_eq!(date_line("2023年全区"), None);
        assert_eq!(
            quoted_title("关于印发《2024年工作要点》的通知"),
            Some("2024年工作要点")
        );
        assert!(looks_like_title("2024年某区司法行政工作要点"));
        assert!(looks_like_signature("长沙市天心区司法局"));
    }
}
