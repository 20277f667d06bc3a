//! A saved copy carries every plan and its progress: a fresh browser shows them silently and offline; the original file is untouched and the copy differs from it only by the data block.

use serde_json::Value;

use super::support::*;
use crate::progress::support::{MY_UNIT, choose_unit, open_report, task_css};
use crate::webdriver::{Session, dist_path, foreign_requests, open_app};

const LOG: &str = "已完成普法宣传月活动方案";

/// Marks task 3 done with a log entry and task 7 lagging, as 普法与依法治理科; returns
/// `#unsaved-count` after each of the three changes.
pub fn mark_some(s: &Session) -> Vec<String> {
    let mut counts = Vec::new();
    choose_unit(s, MY_UNIT);
    click_status(s, 3, "done");
    wait_status(s, 3, "done");
    counts.push(unsaved_text(s));
    open_report(s, 3);
    let card = s.find(&task_css(3));
    card.find("textarea.log-text").send_keys(LOG);
    click(s, &format!("{} button.log-add-btn", task_css(3)));
    let ok = poll_js(
        s,
        "return [...document.querySelectorAll(arguments[0] + ' li.log-entry .log-body')]
                 .some(e => e.textContent.trim() === arguments[1]);",
        vec![Value::from(task_css(3)), Value::from(LOG)],
    );
    assert!(ok, "log entry not listed on task 3: {}", task_view(s, 3));
    counts.push(unsaved_text(s));
    click_status(s, 7, "lagging");
    wait_status(s, 7, "lagging");
    counts.push(unsaved_text(s));
    counts
}

#[test]
fn a_saved_copy_opens_with_its_progress_in_a_fresh_browser() {
    let scratch = Scratch::new("fresh");
    let a = Session::new();
    let dir = scratch.downloads(&a, "a");
    open_app(&a);
    let counts = mark_some(&a);
    let before = js(&a, "return Date.now();").as_i64().expect("now");
    let (path, html) = save_copy(&a, &dir);
    wait_notice(&a, "已保存带数据的副本");

    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let prefix = format!("工作要点-2023年天心区司法行政工作要点-{MY_UNIT}-");
    assert!(
        name.starts_with(&prefix) && name.ends_with(".html"),
        "saved copy name {name:?} should look like {prefix}<date>.html"
    );
    let last = stored_json(&a, "workplan:settings")["last_export_at"].as_i64();
    assert!(
        last.is_some_and(|t| t >= before),
        "saving a copy counts as an export: last_export_at {last:?} >= {before}"
    );
    assert!(
        poll_js(
            &a,
            "return document.querySelector('#unsaved-count').textContent.trim() === '修改均已导出';",
            vec![]
        ),
        "#unsaved-count after saving a copy: {:?}",
        unsaved_text(&a)
    );

    let json = embedded_json(&html);
    assert!(
        !json.contains('<'),
        "every `<` in the embedded JSON is written as \\u003c"
    );
    let bundle = embedded_bundle(&html);
    assert_eq!(bundle["format"], "workplan-bundle");
    assert_eq!(bundle["version"], 1);
    assert!(
        bundle["saved_at"].is_i64(),
        "saved_at: {}",
        bundle["saved_at"]
    );
    assert_eq!(bundle["active"], DEFAULT_ID);
    let plans = bundle["plans"].as_array().expect("plans array");
    assert_eq!(plans.len(), 1, "one plan in the library");
    assert_eq!(plans[0]["plan"]["id"], DEFAULT_ID);
    assert!(
        plans[0]["progress"]["tasks"]["3"].is_object(),
        "task 3's progress is embedded: {}",
        plans[0]["progress"]
    );

    let b = Session::new();
    open_file(&b, &path);
    wait_status(&b, 3, "done");
    wait_status(&b, 7, "lagging");
    assert_eq!(logs_of(&b, 3), vec![LOG.to_owned()], "task 3's log entry");
    wait_notice(&b, "已从副本中载入 1 份计划及其进展。");
    assert!(!copy_dialog_shown(&b), "no choice in a fresh browser");
    assert_eq!(
        stored_keys(&b, "workplan:backup:"),
        Vec::<String>::new(),
        "no backup needed"
    );
    let own = b.url();
    let foreign = foreign_requests(&b.performance_log(), &own);
    assert!(
        foreign.is_empty(),
        "requests other than {own}: {foreign:#?}"
    );
    let resources = js(
        &b,
        "return performance.getEntriesByType('resource').length;",
    );
    assert_eq!(resources, 0, "performance resource entries of the copy");

    // The data is now this browser's: the plain app shows it too.
    open_app(&b);
    wait_status(&b, 3, "done");
    wait_status(&b, 7, "lagging");
    assert!(!copy_dialog_shown(&b), "the plain app asks nothing");

    // Counted last, so that the rest is checked whatever the count does.
    assert_eq!(
        counts,
        [
            "有 1 项修改尚未导出",
            "有 2 项修改尚未导出",
            "有 3 项修改尚未导出"
        ],
        "#unsaved-count after a status, a log entry, another status (one change each)"
    );
}

#[test]
fn the_original_is_untouched_and_the_copy_differs_only_by_the_data_block() {
    let hash_before = dist_hash();
    let original = std::fs::read_to_string(dist_path()).expect("read dist");
    let scratch = Scratch::new("source");
    let a = Session::new();
    let dir = scratch.downloads(&a, "a");
    open_app(&a);
    click_status(&a, 3, "done");
    wait_status(&a, 3, "done");
    let (path, copy) = save_copy(&a, &dir);

    // A copy of the copy: its block is replaced, not added twice.
    let b = Session::new();
    let dir_b = scratch.downloads(&b, "b");
    open_file(&b, &path);
    wait_status(&b, 3, "done");
    click_status(&b, 5, "lagging");
    wait_status(&b, 5, "lagging");
    let (_, copy2) = save_copy(&b, &dir_b);
    assert_eq!(
        copy2.matches(EMBED_OPEN).count(),
        1,
        "a copy saved from a copy carries one data block"
    );
    assert_eq!(
        embedded_bundle(&copy2)["plans"][0]["progress"]["tasks"]["5"]["status"]["value"],
        "Lagging",
        "the second copy carries the change made in the first"
    );

    assert_eq!(
        dist_hash(),
        hash_before,
        "dist/workplan.html changed on disk"
    );
    assert_eq!(copy.matches(EMBED_OPEN).count(), 1, "one data block");
    // The source is the DOM's outerHTML: the HTML parser drops the line break between
    // `<html>` and `<head>` and moves the ones after `</body>` and `</html>` into the body.
    let reparsed = original
        .replacen(
            "<html lang=\"zh-CN\">\n<head>",
            "<html lang=\"zh-CN\"><head>",
            1,
        )
        .replacen(
            "</script>\n</body>\n</html>\n",
            "</script>\n\n\n</body></html>",
            1,
        );
    for (label, page) in [("copy", &copy), ("copy of the copy", &copy2)] {
        let (start, mut end) = embed_span(page).expect("data block");
        if page[end..].starts_with('\n') {
            end += 1; // the line break the app writes after the block
        }
        let stripped = format!("{}{}", &page[..start], &page[end..]);
        assert_eq!(
            element_text(&stripped, "<script type=\"module\">", "</script>"),
            element_text(&original, "<script type=\"module\">", "</script>"),
            "{label}: the module script differs from the original's"
        );
        assert_eq!(
            element_text(&stripped, "<style>", "</style>"),
            element_text(&original, "<style>", "</style>"),
            "{label}: the style differs from the original's"
        );
        if stripped != original {
            eprintln!(
                "carry: {label} minus its data block differs from the original: {}",
                first_difference(&stripped, &original)
            );
            assert!(
                stripped == reparsed,
                "{label} minus its data block is neither the original nor the original as \
                 the HTML parser reserializes it: {}",
                first_difference(&stripped, &reparsed)
            );
        }
    }
}

/// The text between `open` and the next `close`; panics if absent.
fn element_text<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = html[start..]
        .find(close)
        .unwrap_or_else(|| panic!("no {close} after {open}"))
        + start;
    &html[start..end]
}

/// Describes where two texts first differ, and how they end.
fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let around = |t: &str| {
        let lo = t.floor_char_boundary(at.saturating_sub(60));
        let hi = t.ceil_char_boundary((at + 60).min(t.len()));
        format!("{:?}", &t[lo..hi])
    };
    let tail = |t: &str| {
        format!(
            "{:?}",
            &t[t.floor_char_boundary(t.len().saturating_sub(40))..]
        )
    };
    format!(
        "lengths {} vs {}; first at byte {at}: copy {} / original {}; tails: copy {} / original {}",
        a.len(),
        b.len(),
        around(a),
        around(b),
        tail(a),
        tail(b)
    )
}
