//! Operations on a library of plans that need no storage: new ids, a plan copied for next year.

use super::plan::{Plan, PlanId};

/// `base`, or `base-2`, `base-3`, … whichever is not `taken`.
pub fn unique_id(base: PlanId, taken: impl Fn(&PlanId) -> bool) -> PlanId {
    if !taken(&base) {
        return base;
    }
    (2u32..)
        .map(|n| PlanId(format!("{}-{n}", base.0)))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// The year written `20xx年` at the start of `chars`, if one is.
fn year_at(chars: &[char]) -> Option<u32> {
    let w = chars.get(..5)?;
    (w[4] == '年' && w[0] == '2' && w[..4].iter().all(char::is_ascii_digit))
        .then(|| w[..4].iter().collect::<String>().parse().ok())
        .flatten()
}

/// `text` with the years written `20xx年` moved on by one: every one, or only the first.
fn move_years_on(text: &str, every: bool) -> (String, bool) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut i, mut moved) = (0, false);
    while i < chars.len() {
        match year_at(&chars[i..]).filter(|_| every || !moved) {
            Some(y) => {
                out.push_str(&format!("{}年", y + 1));
                (i, moved) = (i + 5, true);
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    (out, moved)
}

/// The title with its first year (`2023年`) moved on by one; else `（副本）` appended.
pub fn next_year_title(title: &str) -> String {
    match move_years_on(title, false) {
        (moved, true) => moved,
        _ => format!("{title}（副本）"),
    }
}

/// `text` with every year written `20xx年` one year on (`2025年6月底前` → `2026年6月底前`).
fn years_on(text: &str) -> String {
    move_years_on(text, true).0
}

/// A copy of `plan` for the next year: same sections, tasks, units and groups, a new title
/// and id, no publication date, and deadlines that name a year moved one year on (so the new
/// plan does not start overdue). Its progress starts empty (progress is stored apart).
pub fn copy_for_next_year(plan: &Plan, taken: impl Fn(&PlanId) -> bool) -> Plan {
    let title = next_year_title(&plan.title);
    let id = unique_id(PlanId::derive(&title, None), taken);
    let mut copy = Plan {
        id,
        title,
        published: None,
        ..plan.clone()
    };
    for task in &mut copy.tasks {
        task.deadline = task.deadline.as_deref().map(years_on);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_plan;

    #[test]
    fn next_year_moves_the_year_on() {
        assert_eq!(
            next_year_title("2023年天心区司法行政工作要点"),
            "2024年天心区司法行政工作要点"
        );
        assert_eq!(next_year_title("工作要点"), "工作要点（副本）");
    }

    #[test]
    fn a_copy_moves_written_years_of_deadlines_on() {
        assert_eq!(years_on("2025年6月底前"), "2026年6月底前");
        assert_eq!(years_on("2025年10月至2026年3月"), "2026年10月至2027年3月");
        assert_eq!(years_on("年底前"), "年底前");
        assert_eq!(years_on("长期坚持"), "长期坚持");
        let mut plan = parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan;
        plan.tasks[0].deadline = Some("2023年6月底前".into());
        let copy = copy_for_next_year(&plan, |id| *id == plan.id);
        assert_eq!(copy.tasks[0].deadline.as_deref(), Some("2024年6月底前"));
        assert_eq!(
            copy.tasks[1].deadline,
            plan.tasks[1].deadline.as_deref().map(years_on)
        );
    }

    #[test]
    fn a_copy_keeps_structure_under_a_new_id() {
        let plan = parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan;
        let first = copy_for_next_year(&plan, |id| *id == plan.id);
        assert_ne!(first.id, plan.id);
        assert_eq!(first.tasks, plan.tasks);
        assert_eq!(first.sections, plan.sections);
        assert_eq!(first.year(), Some(2024));
        let taken = first.id.clone();
        let second = copy_for_next_year(&plan, |id| *id == plan.id || *id == taken);
        assert_eq!(second.id.0, format!("{}-2", taken.0));
    }
}
