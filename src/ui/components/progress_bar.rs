//! A percentage bar, and a one-line summary of counts per status.

use crate::model::{Status, Summary};
use leptos::prelude::*;

/// A horizontal bar showing `percent`.
#[component]
pub fn ProgressBar(#[prop(into)] percent: Signal<u8>) -> impl IntoView {
    let width = move || format!("width: {}%", percent.get());
    view! {
        <span class="progress" role="progressbar" aria-label="完成进度" aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=move || percent.get().to_string()>
            <span class="progress-fill" style=width></span>
        </span>
        <span class="progress-text">{move || format!("{}%", percent.get())}</span>
    }
}

/// `共 N 项：已完成 a · 推进中 b · … · 逾期 o`, with a bar of the mean percentage.
#[component]
pub fn SummaryLine(#[prop(into)] summary: Signal<Summary>) -> impl IntoView {
    let counts = move || {
        let s = summary.get();
        let mut parts: Vec<String> = Status::ALL
            .iter()
            .zip(s.by_status)
            .filter(|(_, n)| *n > 0)
            .map(|(st, n)| format!("{} {n}", st.label()))
            .collect();
        if s.overdue > 0 {
            parts.push(format!("逾期 {}", s.overdue));
        }
        format!("共 {} 项：{}", s.total, parts.join(" · "))
    };
    view! {
        <span class="summary-line">
            <span class="summary-counts">{counts}</span>
            <ProgressBar percent=Signal::derive(move || summary.get().percent)/>
        </span>
    }
}
