//! The reporting month's 未报送 units with a copyable 催办 text, the tasks changed since a
//! date (by default since the last export), and completion over time.

use crate::model::decimal::{fixed, shortest};
use crate::model::{
    Date, Period, Step, Typed, changes_since, completion_series, local_day_start_ms, not_reported,
    reminder_text,
};
use crate::ui::clipboard::copy_text;
use crate::ui::preview_words::{local_time, tz_offset_minutes};
use crate::ui::state::{NoticeKind, use_app};
use leptos::prelude::*;

/// 未报送 and 催办.
#[component]
pub fn StatsNotReported() -> impl IntoView {
    let app = use_app();
    let period = move || Period::month_of(app.period.get().first_day());
    let units = Memo::new(move |_| {
        let ids = app.counted();
        let p = period();
        app.plan.with(|plan| {
            app.progress
                .with(|pr| not_reported(plan, pr, &ids, &p, tz_offset_minutes()))
        })
    });
    let no_tasks = Memo::new(move |_| app.matching.with(Vec::is_empty));
    let text = move || units.with(|u| reminder_text(u, &period(), None));
    view! {
        <section class="stats-part" id="stats-not-reported">
            <h3>{move || format!("四、{}未报送的单位", period().label())}</h3>
            <p class="not-reported-list">{move || units.with(|u| if no_tasks.get() {
                "当前筛选下没有任务，无需报送。".to_string()
            } else if u.is_empty() {
                "全部已报送。".to_string()
            } else {
                u.iter().map(|x| x.label().to_string()).collect::<Vec<_>>().join("、")
            })}</p>
            <textarea id="reminder-text" class="no-print" rows="3" readonly aria-label="催办文本" prop:value=text></textarea>
            <button type="button" id="copy-reminder" class="no-print" on:click=move |_| {
                if copy_text(&text()) {
                    app.notify(NoticeKind::Info, "已复制催办文本。".into());
                }
            }>"复制催办文本"</button>
        </section>
    }
}

/// Tasks changed since a date.
#[component]
pub fn StatsChanges() -> impl IntoView {
    let app = use_app();
    let tz = tz_offset_minutes();
    let default_since = move || {
        app.settings
            .with_untracked(|s| s.last_export_at)
            .map_or_else(
                || Date::from_days_since_epoch(app.today.get_untracked().days_since_epoch() - 7),
                |ms| crate::model::local_date(ms, tz),
            )
    };
    let since = RwSignal::new(default_since());
    let changes = Memo::new(move |_| {
        let ids = app.counted();
        let from = local_day_start_ms(since.get(), tz) - 1;
        app.progress.with(|p| changes_since(p, &ids, from))
    });
    let rows = move || {
        changes.with(|c| {
            c.iter()
                .map(|ch| {
                    let (number, title) = app.plan.with(|p| (p.task_number(ch.task).unwrap_or(0), p.task(ch.task).map(|t| t.title.clone()).unwrap_or_default()));
                    let what = [(ch.changed.status, "状态"), (ch.changed.progress, "进展"), (ch.changed.log, "记录")]
                        .into_iter()
                        .filter(|(on, _)| *on)
                        .map(|(_, w)| w)
                        .collect::<Vec<_>>()
                        .join("、");
                    view! { <tr data-task=ch.task.0><td>{number}</td><td>{title}</td><td>{what}</td><td>{local_time(ch.last)}</td></tr> }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="stats-part" id="stats-changes">
            <h3>"五、近期有更新的任务"</h3>
            <p><label>"自 "<input type="date" id="changes-since" prop:value=move || since.get().to_string()
                on:change=move |ev| { if let Typed::Date(d) = Date::typed(&event_target_value(&ev)) { since.set(d); } }/>" 起"</label>
                <span class="changes-count">{move || format!("共 {} 项", changes.with(Vec::len))}</span></p>
            <table class="stats-table" id="changes-table">
                <thead><tr><th>"序号"</th><th>"任务"</th><th>"更新内容"</th><th>"最近更新"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// Completion over time, as an inline SVG line.
#[component]
pub fn StatsSeries() -> impl IntoView {
    let app = use_app();
    let chart = move || {
        let ids = app.counted();
        let points = app.progress.with(|p| {
            app.states
                .with(|s| completion_series(p, s, &ids, Step::Day, tz_offset_minutes()))
        });
        let total = ids.len().max(1) as f64;
        let (w, h, left, bottom) = (480.0, 160.0, 40.0, 20.0);
        if points.is_empty() {
            return view! { <p class="stats-note">"还没有带时间的进展记录。"</p> }.into_any();
        }
        let first = points[0].date.days_since_epoch() as f64;
        let span = (points[points.len() - 1].date.days_since_epoch() as f64 - first).max(1.0);
        let xy = |d: Date, n: usize| {
            let x = left + (d.days_since_epoch() as f64 - first) / span * (w - left - 10.0);
            let y = h - bottom - n as f64 / total * (h - bottom - 10.0);
            (x, y)
        };
        let line = points
            .iter()
            .map(|p| {
                let (x, y) = xy(p.date, p.done);
                format!("{},{}", fixed(x, 1), fixed(y, 1))
            })
            .collect::<Vec<_>>()
            .join(" ");
        let last = points[points.len() - 1];
        view! {
            <svg id="completion-chart" class="chart" viewBox=format!("0 0 {} {}", shortest(w), shortest(h)) width="100%" role="img" aria-label="完成数随时间变化">
                <line class="axis" x1=shortest(left) y1=shortest(h - bottom) x2=shortest(w - 10.0) y2=shortest(h - bottom)/>
                <line class="axis" x1=shortest(left) y1="10" x2=shortest(left) y2=shortest(h - bottom)/>
                <text x=shortest(left - 4.0) y="14" text-anchor="end">{ids.len()}</text>
                <text x=shortest(left - 4.0) y=shortest(h - bottom) text-anchor="end">"0"</text>
                <text x=shortest(left) y=shortest(h - 4.0)>{points[0].date.to_string()}</text>
                <text x=shortest(w - 10.0) y=shortest(h - 4.0) text-anchor="end">{last.date.to_string()}</text>
                <polyline class="series" points=line fill="none"/>
            </svg>
            <p class="stats-note">{format!("截至 {}，已完成 {} 项（共 {} 项）。完成时间按最后一次改动状态的时间计。", last.date, last.done, ids.len())}</p>
        }
        .into_any()
    };
    view! {
        <section class="stats-part" id="stats-series">
            <h3>"六、完成情况变化"</h3>
            {chart}
        </section>
    }
}
