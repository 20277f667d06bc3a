//! Why a search shows a task whose title and body lack a term: the first current measure or
//! visible log entry holding such a term, cut to a short excerpt, so the card can say where
//! the hit is without building its report panel.

use super::cache::{base_text, has_extra};
use crate::model::derive::{measures, visible_log};
use crate::model::text::{find_matches, normalize, query_terms};
use crate::model::{Task, TaskProgress};

/// Where in a task's progress a hit lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitPlace {
    /// A current measure (工作举措).
    Measure,
    /// A visible entry of the progress log (进展记录).
    Log,
}

/// A hit in a task's progress: where, and an excerpt around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressHit {
    /// The field holding the hit.
    pub place: HitPlace,
    /// The text around the first hit, with `…` where it is cut.
    pub excerpt: String,
}

/// Characters kept before and after the first hit in an excerpt.
const BEFORE: usize = 12;
const AFTER: usize = 28;

/// The first measure, then log entry, holding a term of `query` that the title and body
/// lack; `None` when the title and body hold every term, or nothing else does.
pub fn progress_hit(
    task: &Task,
    progress: Option<&TaskProgress>,
    query: &str,
) -> Option<ProgressHit> {
    let terms = query_terms(query);
    if terms.is_empty() || !has_extra(progress) {
        return None;
    }
    let base = base_text(task);
    let missing: Vec<String> = terms
        .into_iter()
        .filter(|t| !base.contains(t.as_str()))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let p = progress?;
    let texts = if p.measures.is_empty() {
        Vec::new()
    } else {
        measures(task, Some(p))
    };
    let log = visible_log(Some(p));
    let measure_texts = texts.iter().map(|m| (HitPlace::Measure, m.text.as_str()));
    let log_texts = log.iter().map(|(_, e)| (HitPlace::Log, e.text()));
    measure_texts.chain(log_texts).find_map(|(place, text)| {
        let folded = normalize(text);
        let term = missing.iter().find(|t| folded.contains(t.as_str()))?;
        let (start, end) = *find_matches(text, term).first()?;
        Some(ProgressHit {
            place,
            excerpt: excerpt(text, start, end),
        })
    })
}

/// `text` around the byte range `start..end`, cut at char boundaries with `…`.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(AFTER)
        .map_or(text.len(), |(i, _)| end + i);
    let cut = |yes: bool| if yes { "…" } else { "" };
    format!(
        "{}{}{}",
        cut(from > 0),
        &text[from..to],
        cut(to < text.len())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stamp::ItemId;
    use crate::model::stats::testkit::{Kit, date, stamp};
    use crate::model::{MeasureChange, TaskId};

    #[test]
    fn names_the_log_entry_holding_a_term_the_task_lacks() {
        let mut kit = Kit::plan_2023();
        let entry = "今年七月份在社区开展了一次以案释法的宣讲活动，参加群众共计一百二十人，反响良好，群众满意度较高";
        kit.progress
            .task_mut(TaskId(5))
            .add_log(ItemId("a".into()), date(2023, 7, 1), entry, &stamp(1, None))
            .expect("log");
        let task = kit.plan.task(TaskId(5)).expect("task 5");
        let p = kit.progress.task(TaskId(5));
        let hit = progress_hit(task, p, "以案释法").expect("a hit in the log");
        assert_eq!(hit.place, HitPlace::Log);
        let whole = &hit.excerpt;
        assert!(whole.starts_with('…') && whole.ends_with('…'), "{whole}");
        assert!(
            whole.contains("在社区开展了一次以案释法的宣讲活动"),
            "{whole}"
        );
        assert_eq!(
            whole.chars().filter(|c| *c != '…').count(),
            BEFORE + 4 + AFTER
        );
        assert!(
            progress_hit(task, p, "ＶＳ").is_none(),
            "a term found nowhere"
        );
        // A term the title or body holds explains the match by itself.
        let title = task.title.chars().take(2).collect::<String>();
        assert!(progress_hit(task, p, &title).is_none());
        assert!(progress_hit(task, None, "以案释法").is_none());
        assert!(progress_hit(task, p, "  ").is_none());
    }

    #[test]
    fn a_measure_comes_before_the_log_and_short_texts_are_not_cut() {
        let mut kit = Kit::plan_2023();
        let t = kit.progress.task_mut(TaskId(2));
        t.add_measure(ItemId("m".into()), "建立联络员制度", &stamp(1, None))
            .expect("measure");
        t.add_log(
            ItemId("a".into()),
            date(2023, 7, 1),
            "联络员到位",
            &stamp(2, None),
        )
        .expect("log");
        t.update_measure(
            &ItemId("m".into()),
            None,
            MeasureChange::Text("建立联络员制度并培训".into()),
            &stamp(3, None),
        )
        .expect("reworded");
        let task = kit.plan.task(TaskId(2)).expect("task 2");
        let hit = progress_hit(task, kit.progress.task(TaskId(2)), "联络员").expect("hit");
        assert_eq!(hit.place, HitPlace::Measure);
        assert_eq!(
            hit.excerpt, "建立联络员制度并培训",
            "the current wording, uncut"
        );
    }
}
