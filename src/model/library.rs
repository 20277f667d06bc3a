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

/// The title with its first year (`2023年`) moved on by one; else `（副本）` appended.
pub fn next_year_title(title: &str) -> String {
    let chars: Vec<char> = title.chars().collect();
    let at = chars
        .windows(5)
        .position(|w| w[4] == '年' && w[0] == '2' && w[..4].iter().all(char::is_ascii_digit));
    match at {
        Some(i) => {
            let year: u32 = chars[i..i + 4]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            let before: String = chars[..i].iter().collect();
            let after: String = chars[i + 4..].iter().collect();
            format!("{before}{}{after}", year + 1)
        }
        None => format!("{title}（副本）"),
    }
}

/// `text` with every year written `20xx年` one year on (`2025年6月底前` → `2026年6月底前`).
fn years_on(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let year = chars
            .get(i..i + 5)
            .filter(|w| w[4] == '年' && w[0] == '2' && w[..4].iter().all(char::is_ascii_digit));
        match year.and_then(|w| w[..4].iter().collect::<String>().parse::<u32>().ok()) {
            Some(y) => {
                out.push_str(&format!("{}年", y + 1));
                i += 5;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
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
