//! Statistics agree with the filtered list; 导出表格 writes the visible tasks; 复制报送文本
//! puts the unit's report on the clipboard; with no task let through, nobody is listed as 未报送.

use super::support::*;
use crate::webdriver::{Session, choose_unit, open_app, written_hash};
use serde_json::{Value, json};

fn open_stats(s: &Session) {
    if js(s, "return !document.querySelector('#stats');") == true {
        click(s, "button#stats-toggle");
    }
    wait_shown(s, "#stats-matrix");
}

fn some_progress(s: &Session) {
    click_status(s, 1, "done");
    click_status(s, 4, "lagging");
    click_status(s, 7, "in-progress");
    click_status(s, 8, "done");
    click_status(s, 12, "in-progress");
}

#[test]
fn every_matrix_count_equals_the_list_it_links_to() {
    let s = Session::new();
    open_app(&s);
    some_progress(&s);
    // No filter; only section 二; two units, where co-named units must not become rows.
    for step in 0..3 {
        match step {
            1 => click(&s, ".filter-bar .facet-chip[data-value=\"2\"]"),
            2 => {
                click(&s, "#clear-filters");
                click(
                    &s,
                    ".facet[data-facet=unit] .facet-chip[data-value=\"办公室\"]",
                );
                click(
                    &s,
                    ".facet[data-facet=unit] .facet-chip[data-value=\"文源司法所\"]",
                );
            }
            _ => {}
        }
        let listed = shown_count(&s);
        open_stats(&s);
        let total = js(
            &s,
            "return +document.querySelector('.matrix-total td[data-col=\"total\"]').textContent;",
        );
        assert_eq!(
            total, listed as u64,
            "the matrix counts the tasks the list shows"
        );
        let rows = js(
            &s,
            "return [...document.querySelectorAll('#stats-matrix tr.matrix-row')].map(r => r.dataset.unit);",
        );
        if step == 2 {
            assert_eq!(
                rows,
                json!(["办公室", "文源司法所"]),
                "the chosen units are the rows"
            );
        } else {
            assert!(
                rows.as_array().is_some_and(|r| r.len() >= 2),
                "a row per unit: {rows}"
            );
        }
        let zeros = js(
            &s,
            "return [...document.querySelectorAll('#stats-matrix tr.matrix-row td')]
                .filter(td => td.textContent === '0').every(td => !td.querySelector('a'));",
        );
        assert_eq!(zeros, json!(true), "a zero stands for no list");
        let cells = js(
            &s,
            "return [...document.querySelectorAll('#stats-matrix a.matrix-link')].map((a, i) => [i, +a.dataset.count]);",
        );
        let cells = cells.as_array().cloned().unwrap_or_default();
        assert!(cells.len() >= 4, "links to follow: {}", cells.len());
        for cell in cells {
            let (i, n) = (cell[0].as_u64().unwrap_or(0), cell[1].as_u64().unwrap_or(0));
            open_stats(&s);
            let before = written_hash(&s);
            let link = s
                .find_all("#stats-matrix a.matrix-link")
                .into_iter()
                .nth(i as usize)
                .expect("link");
            let href = link.attr("href").unwrap_or_default();
            crate::progress::support::click_el(&s, &link);
            wait_hidden(&s, "#stats");
            assert_eq!(
                shown_count(&s) as u64,
                n,
                "cell {i} ({href}) links to as many tasks as it counts"
            );
            assert_eq!(written_hash(&s), href, "the link's view is in the URL");
            // Back to the filter the statistics were made under.
            s.execute("location.hash = arguments[0];", vec![json!(before)]);
            assert!(poll_js(
                &s,
                "return +document.querySelector('.result-count').textContent.split(' ')[1] === arguments[0];",
                vec![json!(listed)]
            ));
        }
    }
}

#[test]
fn the_table_export_holds_the_visible_tasks_field_by_field() {
    let scratch = Scratch::new("csv");
    let s = Session::new();
    open_app(&s);
    let dir = scratch.downloads(&s, "dl");
    choose_unit(&s, "普法与依法治理科");
    some_progress(&s);
    write_report(&s, 7, "进展，含逗号", "问题\"带引号\"", "第一行\n第二行");
    click(&s, ".filter-bar .facet-chip[data-value=\"3\"]");
    let (path, text) = download_by(&s, &dir, "button#export-csv", ".csv");
    let bytes = std::fs::read(&path).expect("csv");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a BOM");
    assert!(text.contains("\r\n"));
    let rows = parse_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(rows[0].len(), 13);
    assert_eq!(rows[0][0], "序号");
    let shown = js(
        &s,
        "return [...document.querySelectorAll('article.task')].map(a => [
        a.querySelector('.task-no').textContent.replace('.', ''),
        a.querySelector('.task-title').textContent,
        a.querySelector('.status-badge').textContent,
        a.querySelector('.progress-text')?.textContent || '']);",
    );
    let shown = shown.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len() - 1, shown.len(), "one row per visible task");
    for (row, card) in rows[1..].iter().zip(&shown) {
        assert_eq!(Value::from(row[0].clone()), card[0], "序号");
        assert_eq!(Value::from(row[2].clone()), card[1], "任务");
        assert_eq!(Value::from(row[5].clone()), card[2], "状态");
        assert!(row.iter().all(|f| !f.contains('\u{feff}')));
    }
    let seven = rows
        .iter()
        .find(|r| r[0] == "7")
        .expect("task 7 is in section 三");
    assert_eq!(seven[9], "进展，含逗号");
    assert_eq!(seven[10], "问题\"带引号\"");
    assert_eq!(seven[11], "第一行\n第二行");
}

#[test]
fn the_report_text_goes_to_the_clipboard() {
    let s = Session::new();
    open_app(&s);
    s.cdp(
        "Browser.grantPermissions",
        json!({"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
    );
    choose_unit(&s, "普法与依法治理科");
    click_status(&s, 7, "in-progress");
    write_report(&s, 7, "完成中期评估", "无", "开展宣传");
    click(&s, "button#copy-report");
    wait_shown(&s, "#report-text-dialog");
    let shown = js(&s, "return document.querySelector('#report-text').value;");
    let shown = shown.as_str().unwrap_or_default().to_string();
    let expected = super::support::expected_report(&s, "普法与依法治理科");
    assert_eq!(shown, expected, "the dialog shows the report");
    let clip = s.execute_async(
        "const done = arguments[arguments.length - 1];
         navigator.clipboard.readText().then(done, e => done('ERR ' + e));",
        vec![],
    );
    assert_eq!(
        clip.as_str().unwrap_or_default(),
        expected,
        "the clipboard holds it"
    );
}

#[test]
fn with_no_task_let_through_nobody_is_listed_as_not_reported() {
    let s = Session::new();
    open_app(&s);
    open_stats(&s);
    let list = || {
        js(
            &s,
            "return document.querySelector('.not-reported-list').textContent;",
        )
        .as_str()
        .unwrap_or_default()
        .to_owned()
    };
    assert_ne!(
        list(),
        "当前筛选下没有任务，无需报送。",
        "all 19 tasks count"
    );
    crate::filter::support::set_search(&s, "没有任何任务含有这串字");
    assert!(
        s.poll_until(
            "document.querySelector('.not-reported-list').textContent === '当前筛选下没有任务，无需报送。'",
            std::time::Duration::from_secs(10)
        ),
        "no task, no one to remind: {}",
        list()
    );
}
