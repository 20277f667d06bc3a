//! Quoting, BOM and line ends, and a read-back of both tables from the 2023 plan.

use super::*;
use crate::model::stamp::ItemId;
use crate::model::stats::testkit::{Kit, date, ids, stamp};
use crate::model::stats::{local_day_start_ms, unit_matrix};

/// A small RFC 4180 reader: the BOM, then rows of fields, each row ended by CRLF.
fn read(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix(BOM).expect("starts with the BOM");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR only before LF outside quotes");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => {
                assert!(!matches!(c, '\n' | '"'), "bare {c:?} outside quotes");
                field.push(c);
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "ends with CRLF"
    );
    rows
}

#[test]
fn quotes_only_what_needs_it() {
    assert_eq!(csv_field("普法与依法治理科"), "普法与依法治理科");
    assert_eq!(csv_field("甲,乙"), "\"甲,乙\"");
    assert_eq!(csv_field("说\"好\""), "\"说\"\"好\"\"\"");
    assert_eq!(csv_field("一\r二"), "\"一\r二\"");
    assert_eq!(csv_field("一\n二"), "\"一\n二\"");
    assert_eq!(csv_field(" 前后 "), "\" 前后 \"");
    assert_eq!(
        csv_field("，中文逗号"),
        "，中文逗号",
        "a full-width comma is text"
    );
    let all = "a,\"b\"\r\nc ";
    assert_eq!(csv_field(all), "\"a,\"\"b\"\"\r\nc \"");
    let mut w = CsvWriter::new();
    w.row([all, "", "x"]);
    w.row(["y"]);
    let text = w.finish();
    assert_eq!(text, "\u{feff}\"a,\"\"b\"\"\r\nc \",,x\r\ny\r\n");
    assert_eq!(read(&text), [vec![all, "", "x"], vec!["y"]]);
}

#[test]
fn task_table_reads_back_as_the_model() {
    let mut kit = Kit::plan_2023();
    kit.today = date(2023, 7, 20);
    kit.plan.tasks[6].title = "统筹推进,\"全面\"依法治区\r\n（试行） ".to_string();
    kit.plan.tasks[2].deadline = Some("长期坚持".to_string());
    kit.plan.tasks[3].deadline = Some("6月底前".to_string());
    kit.plan.tasks[7].units[0].role = crate::model::Role::Lead;
    let t = local_day_start_ms(date(2023, 7, 3), 480) + 9 * 3_600_000 + 30 * 60_000;
    let p = &mut kit.progress;
    p.task_mut(TaskId(1))
        .set_status(Some(Status::Done), &stamp(t, Some("办公室")));
    p.task_mut(TaskId(7)).set_percent(Some(40), &stamp(t, None));
    p.task_mut(TaskId(7))
        .add_log(ItemId("a".into()), date(2023, 7, 1), "旧", &stamp(t, None))
        .expect("log");
    p.task_mut(TaskId(7))
        .add_log(
            ItemId("b".into()),
            date(2023, 7, 2),
            "已起草,待审\n\"初稿\"",
            &stamp(t + 60_000, None),
        )
        .expect("log");
    let states = kit.states();
    let text = tasks_csv(
        &kit.plan,
        &kit.progress,
        &states,
        &ids([7, 1, 3, 4, 8, 7]),
        480,
    );
    assert!(text.starts_with('\u{feff}'));
    assert!(text.ends_with("\r\n"));
    let rows = read(&text);
    assert_eq!(rows[0], TASK_COLUMNS);
    assert_eq!(rows.len(), 6, "header + 5 distinct tasks");
    for row in &rows {
        assert_eq!(row.len(), 13);
    }
    let seven = &rows[1];
    assert_eq!(seven[0], "7");
    assert_eq!(
        seven[1], "三、以厉行法治担当为主业,深耕法治天心建设",
        "as published, and quoted"
    );
    assert_eq!(
        seven[2], kit.plan.tasks[6].title,
        "the field with everything survives"
    );
    assert_eq!(
        (seven[3].as_str(), seven[4].as_str()),
        ("", "普法与依法治理科")
    );
    assert_eq!((seven[5].as_str(), seven[6].as_str()), ("推进中", "40%"));
    assert_eq!((seven[7].as_str(), seven[8].as_str()), ("", "否"));
    assert_eq!(
        seven[9], "已起草,待审\n\"初稿\"",
        "the newest entry by date"
    );
    assert_eq!((seven[10].as_str(), seven[11].as_str()), ("", ""));
    assert_eq!(seven[12], "2023-07-03 09:31");
    let one = &rows[2];
    assert_eq!(
        (one[0].as_str(), one[5].as_str(), one[6].as_str()),
        ("1", "已完成", "100%")
    );
    assert_eq!(one[12], "2023-07-03 09:30");
    assert_eq!(
        rows[3][7], "长期坚持",
        "an unreadable deadline stays as written"
    );
    assert_eq!(
        (rows[4][7].as_str(), rows[4][8].as_str()),
        ("2023-06-30", "是")
    );
    assert_eq!(rows[4][12], "", "never changed");
    let eight = &rows[5];
    let lead = &kit.plan.tasks[7].units[0].name;
    let rest: Vec<&str> = kit.plan.tasks[7].unit_names().skip(1).collect();
    assert_eq!((&eight[3], &eight[4]), (lead, &rest.join("、")));
    // Every row agrees with the model field by field.
    for row in &rows[1..] {
        let id = TaskId(row[0].parse().expect("number"));
        let st = states.get(id).expect("state");
        assert_eq!(row[2], kit.plan.task(id).expect("task").title);
        assert_eq!(row[5], st.status.label());
        assert_eq!(row[6], format!("{}%", st.percent));
        assert_eq!(row[8], if st.overdue { "是" } else { "否" });
    }
}

#[test]
fn matrix_table_reads_back_as_the_model() {
    let mut kit = Kit::plan_2023();
    kit.set_status(1, Status::Done);
    kit.set_status(4, Status::Lagging);
    kit.set_deadline(9, 2023, 6, 1);
    let states = kit.states();
    let m = unit_matrix(
        &kit.plan,
        &states,
        &ids(1..=19),
        &crate::model::Filter::default(),
    );
    let rows = read(&matrix_csv(&m));
    assert_eq!(rows[0], MATRIX_COLUMNS);
    assert_eq!(rows.len(), m.rows.len() + 2);
    for (row, unit) in rows[1..].iter().zip(&m.rows) {
        let c = &unit.counts;
        let mut want = vec![unit.unit.label().to_string()];
        want.extend(
            c.by_status
                .iter()
                .chain([&c.overdue, &c.total])
                .map(usize::to_string),
        );
        assert_eq!(*row, want);
    }
    let last = rows.last().expect("totals");
    assert_eq!(last, &["全部任务", "17", "0", "1", "1", "1", "19"]);
    let office = rows
        .iter()
        .find(|r| r[0] == "普法与依法治理科")
        .expect("row");
    assert_eq!(office[1..], ["11", "0", "1", "0", "1", "12"]);
}

#[test]
fn report_columns_come_from_the_newest_months_reports() {
    use crate::model::progress::{Month, ReportPart};
    let kit = Kit::plan_2023();
    let mut progress = kit.progress.clone();
    let june = Month::parse("2023-06").expect("month");
    let july = Month::parse("2023-07").expect("month");
    let tp = progress.task_mut(TaskId(8));
    let s = stamp(1_000, Some("办公室"));
    tp.add_log(ItemId("x".into()), date(2023, 7, 9), "记录中的进展", &s)
        .expect("log");
    tp.set_report(june, "办公室", ReportPart::Problems, "六月的问题", &s)
        .expect("report");
    tp.set_report(july, "办公室", ReportPart::Progress, "完成初稿,待审", &s)
        .expect("report");
    tp.set_report(
        july,
        "普法与依法治理科",
        ReportPart::Problems,
        "人手\"紧张\"",
        &s,
    )
    .expect("report");
    tp.set_report(
        july,
        "普法与依法治理科",
        ReportPart::Next,
        "下月\r\n定稿",
        &s,
    )
    .expect("report");
    let states = kit.states();
    let rows = read(&tasks_csv(&kit.plan, &progress, &states, &ids([8, 9]), 480));
    let eight = &rows[1];
    assert_eq!(
        eight[9], "办公室：完成初稿,待审",
        "the newest month's 进展情况, by unit"
    );
    assert_eq!(
        eight[10], "普法与依法治理科：人手\"紧张\"",
        "June's problem is older"
    );
    assert_eq!(eight[11], "普法与依法治理科：下月\r\n定稿");
    let nine = &rows[2];
    assert_eq!(&nine[9..12], ["", "", ""], "no report, no log: empty");
}
