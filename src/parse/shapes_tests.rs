//! Unit tests for the plan parser on the shapes printed, PDF and spreadsheet copies take.

use super::*;
use crate::model::{Assignee, Role};

fn parse(text: &str) -> ParsedPlan {
    parse_plan(text).expect("parses")
}

fn titles(plan: &Plan) -> Vec<&str> {
    plan.tasks.iter().map(|t| t.title.as_str()).collect()
}

#[test]
fn a_red_header_masthead_names_the_issuer_not_the_plan() {
    let text = "天心区司法局文件\n天司发〔2024〕3号\n关于印发《2024年天心区司法行政工作要点》的通知\n各科室：\n现将《2024年天心区司法行政工作要点》印发给你们。\n天心区司法局\n2024年3月1日\n2024年天心区司法行政工作要点\n一、党建\n1.加强学习，6月底前完成。（责任部门：办公室）\n";
    let plan = parse(text).plan;
    assert_eq!(plan.title, "2024年天心区司法行政工作要点");
    assert_eq!(plan.issuer.as_deref(), Some("天心区司法局"));
    assert_eq!(plan.preamble, "");
    assert_eq!(plan.tasks[0].deadline.as_deref(), Some("6月底前"));
}

#[test]
fn page_numbers_and_running_titles_of_a_printed_copy_are_dropped() {
    let text = "2024年某区工作要点\n一、第一部分\n1.做甲。（责任部门：办公室）\n— 1 —\n2024年某区工作要点\n2.做乙。（责任部门：办公室）\n- 2 -\n3.做丙。（责任部门：办公室）\n第 3 页 共 6 页\n4.做丁。（责任部门：办公室）\n";
    let parsed = parse(text);
    assert_eq!(titles(&parsed.plan), ["做甲", "做乙", "做丙", "做丁"]);
    assert!(parsed.plan.tasks.iter().all(|t| t.heading.is_none()));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn a_title_broken_over_two_lines_is_one_title() {
    let plan =
        parse("2024年天心区司法行政\n工作要点\n一、党建\n1.做甲。（责任部门：办公室）\n").plan;
    assert_eq!(plan.title, "2024年天心区司法行政工作要点");
    assert_eq!(plan.preamble, "");
}

#[test]
fn a_note_broken_over_two_lines_keeps_its_unit() {
    let text = "某区工作要点\n一、党建\n1.做甲。严格落实请示报告\n制度。（责任部门：办公\n室）\n2.做乙。（责任部门：办公室）\n";
    let parsed = parse(text);
    let plan = &parsed.plan;
    assert_eq!(plan.tasks[0].unit_names().collect::<Vec<_>>(), ["办公室"]);
    assert_eq!(plan.tasks[1].heading, None);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn a_numbered_attachment_list_is_no_task() {
    let text = "某区工作要点\n一、党建\n1.做甲。（责任部门：办公室）\n附件：1.2024年重点工作任务清单\n2.责任分工表\n";
    let parsed = parse(text);
    assert_eq!(titles(&parsed.plan), ["做甲"]);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn a_table_goes_on_after_section_rows_and_repeated_headers() {
    let text = "某区任务清单\n序号\t工作任务\t牵头单位\t责任单位\t完成时限\n一、党的建设\n1\t做甲\t办公室\t各科室\t2024年12月\n序号\t工作任务\t牵头单位\t责任单位\t完成时限\n二、法治建设\n2\t做乙\t法制科\t\t全年\n3\t做丙\t办公室\n";
    let parsed = parse(text);
    let plan = &parsed.plan;
    assert_eq!(titles(plan), ["做甲", "做乙", "做丙"]);
    assert!(
        parsed.warnings.is_empty(),
        "a row ending after its units is in shape: {:?}",
        parsed.warnings
    );
    assert_eq!(plan.sections.len(), 2);
    assert_eq!(plan.tasks[1].section, plan.sections[1].id);
    assert_eq!(plan.tasks[0].units[0], Assignee::new("办公室", Role::Lead));
}

#[test]
fn an_excel_cell_with_a_line_break_stays_in_its_row() {
    let text = "某区任务清单\n序号\t工作任务\t牵头单位\t责任单位\t完成时限\n1\t\"加强调解，\n新建调解组织2个\"\t调解科\t各司法所\t2024年11月\n2\t做乙\t办公室\t各科室\t2024年12月\n";
    let plan = parse(text).plan;
    assert_eq!(titles(&plan), ["加强调解，新建调解组织2个", "做乙"]);
    assert_eq!(plan.tasks[0].deadline.as_deref(), Some("2024年11月"));
    assert_eq!(
        plan.tasks[0].unit_names().collect::<Vec<_>>(),
        ["调解科", "各司法所"]
    );
}

#[test]
fn units_marked_lead_or_cooperating_without_brackets_and_slashes() {
    let text = "某区清单\n一、营商\n1.做甲。（责任单位：区工信局牵头，区营商办配合）\n2.做乙。（牵头单位：区司法局/区工商联）\n";
    let plan = parse(text).plan;
    assert_eq!(
        plan.tasks[0].units,
        [
            Assignee::new("区工信局", Role::Lead),
            Assignee::new("区营商办", Role::Cooperating)
        ]
    );
    assert_eq!(
        plan.tasks[1].unit_names().collect::<Vec<_>>(),
        ["区司法局", "区工商联"]
    );
}

#[test]
fn a_space_before_the_section_mark_still_makes_a_section() {
    let text = "某区工作要点\n一、党建\n1.做甲。（责任部门：办公室）\n二 、法治\n2.做乙。（责任部门：办公室）\n";
    let parsed = parse(text);
    assert_eq!(parsed.plan.sections.len(), 2);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn a_stray_quote_in_a_row_does_not_swallow_the_rows_after_it() {
    let text = "某区任务清单\n序号\t工作任务\t牵头单位\t责任单位\t完成时限\n1\t安装6\"管道\t办公室\t各科室\t2024年12月\n2\t做乙\t办公室\t各科室\t2024年12月\n";
    let plan = parse(text).plan;
    assert_eq!(titles(&plan), ["安装6\"管道", "做乙"]);
}
