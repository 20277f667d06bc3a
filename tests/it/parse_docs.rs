//! The parser on hand-written plans in the shapes real published plans use
//! (`tests/fixtures/plans/*.txt`): exact counts, roles, deadlines, headings and warnings.

mod numbered;
mod shapes;

use workplan::model::{Plan, Role, Task};
use workplan::parse::{ParsedPlan, WarningKind, parse_plan};

pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/plans/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn parse(name: &str) -> ParsedPlan {
    parse_plan(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Sections, tasks, distinct unit names, distinct lead unit names.
pub fn counts(plan: &Plan) -> (usize, usize, usize, usize) {
    let mut leads: Vec<&str> = Vec::new();
    for a in plan.tasks.iter().flat_map(|t| &t.units) {
        if a.role == Role::Lead && !leads.contains(&a.name.as_str()) {
            leads.push(&a.name);
        }
    }
    (
        plan.sections.len(),
        plan.tasks.len(),
        plan.distinct_raw_units().len(),
        leads.len(),
    )
}

pub fn units(task: &Task) -> Vec<(&str, Role)> {
    task.units
        .iter()
        .map(|a| (a.name.as_str(), a.role))
        .collect()
}

pub fn warnings(parsed: &ParsedPlan) -> Vec<(usize, WarningKind)> {
    parsed
        .warnings
        .iter()
        .map(|w| (w.line, w.kind.clone()))
        .collect()
}

/// Every task is numbered 1..N and belongs to an existing section.
pub fn assert_well_formed(plan: &Plan) {
    let ids: Vec<u32> = plan.tasks.iter().map(|t| t.id.0).collect();
    assert_eq!(ids, (1..=plan.tasks.len() as u32).collect::<Vec<_>>());
    for t in &plan.tasks {
        assert!(plan.section(t.section).is_some(), "task {}", t.id);
        assert!(!t.title.is_empty(), "task {}", t.id);
    }
}

/// Cuts `text` at every `step`-th char boundary and parses each prefix: never a panic.
fn every_prefix_parses_without_panic(text: &str, step: usize) {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    for &at in bounds.iter().step_by(step).chain([&text.len()]) {
        let prefix = &text[..at];
        if let Ok(parsed) = parse_plan(prefix) {
            assert!(!parsed.plan.tasks.is_empty());
            assert!(!parsed.plan.title.is_empty());
        }
    }
}

#[test]
fn no_prefix_of_any_document_panics() {
    for name in [
        "01-city-paren-items.txt",
        "04-table-pipes.txt",
        "06-note-lines.txt",
        "08-notice-wrapped.txt",
        "12-deadlines.txt",
        "14-no-sections.txt",
    ] {
        every_prefix_parses_without_panic(&fixture(name), 1);
    }
    every_prefix_parses_without_panic(workplan::DEFAULT_PLAN_TEXT, 13);
}

#[test]
fn cut_mid_sentence_warns_truncated() {
    let text = fixture("13-truncated.txt");
    for cut_before in ["按时足额", "额发放"] {
        let cut = text.find(cut_before).expect("fixture text");
        let parsed = parse_plan(&text[..cut]).expect("parses");
        assert_eq!(parsed.plan.tasks.len(), 3);
        assert_eq!(
            warnings(&parsed),
            [
                (6, WarningKind::Truncated),
                (6, WarningKind::TaskWithoutUnits(3))
            ],
            "{cut_before}"
        );
    }
}
