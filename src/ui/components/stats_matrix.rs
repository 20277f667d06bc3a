//! The unit × status matrix: rows are units (groups expanded), columns 未启动, 推进中,
//! 已完成, 滞后, 逾期, 合计; every count links to the task list under that filter. Beside
//! it, a bar per unit.

use crate::model::decimal::shortest;
use crate::model::{Filter, MatrixColumn, Status, UnitRow, drill_down, to_hash, unit_matrix};
use crate::ui::download::export_matrix_csv;
use crate::ui::state::{AppState, use_app};
use leptos::either::Either;
use leptos::prelude::*;

fn key(c: MatrixColumn) -> &'static str {
    match c {
        MatrixColumn::Status(s) => s.key(),
        MatrixColumn::Overdue => "overdue",
        MatrixColumn::Total => "total",
    }
}

/// A row's cells: a count links to the list it stands for; a zero stands for no list.
fn row_view(app: AppState, filter: &Filter, row: UnitRow) -> impl IntoView + use<> {
    let cells = MatrixColumn::ALL
        .into_iter()
        .map(|col| {
            let n = col.count(&row.counts);
            let count = if n == 0 {
                Either::Left(0)
            } else {
                let f = drill_down(filter, &row.unit, col);
                let href = to_hash(&f);
                Either::Right(view! {
                    <a class="matrix-link" href=href data-count=n on:click=move |e| {
                        e.prevent_default();
                        app.show_filtered(f.clone());
                    }>{n}</a>
                })
            };
            view! { <td data-col=key(col)>{count}</td> }
        })
        .collect::<Vec<_>>();
    view! { <tr class="matrix-row" data-unit=row.unit.label().to_string()><th scope="row">{row.unit.label().to_string()}</th>{cells}</tr> }
}

/// A stacked bar per unit: done, in progress, lagging, not started.
fn bars(rows: Vec<UnitRow>) -> impl IntoView {
    const W: f64 = 420.0;
    const H: f64 = 18.0;
    const LABEL: f64 = 150.0;
    let max = rows
        .iter()
        .map(|r| r.counts.total)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let order = [
        Status::Done,
        Status::InProgress,
        Status::Lagging,
        Status::NotStarted,
    ];
    let height = H * rows.len() as f64 + 4.0;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = i as f64 * H + 2.0;
            let mut x = LABEL;
            let segs = order
                .iter()
                .map(|s| {
                    let w = r.counts.status(*s) as f64 / max * (W - LABEL - 40.0);
                    let seg = view! { <rect class=format!("bar bar-{}", s.key()) x=shortest(x) y=shortest(y) width=shortest(w) height=shortest(H - 4.0)/> };
                    x += w;
                    seg
                })
                .collect::<Vec<_>>();
            view! {
                <g class="bar-row">
                    <text x=shortest(LABEL - 6.0) y=shortest(y + H - 7.0) text-anchor="end">{r.unit.label().to_string()}</text>
                    {segs}
                    <text x=shortest(x + 4.0) y=shortest(y + H - 7.0)>{r.counts.total}</text>
                </g>
            }
        })
        .collect::<Vec<_>>();
    let legend = order
        .iter()
        .map(|s| view! { <span class="legend-item"><span class=format!("legend-swatch bar-{}", s.key())></span>{s.label()}</span> })
        .collect::<Vec<_>>();
    view! {
        <p class="chart-legend">{legend}</p>
        <svg id="unit-bars" class="chart" viewBox=format!("0 0 {} {}", shortest(W), shortest(height)) width="100%" role="img" aria-label="各单位任务数（按状态）">
            {bars}
        </svg>
    }
}

/// The matrix and its chart.
#[component]
pub fn StatsMatrix() -> impl IntoView {
    let app = use_app();
    let matrix = Memo::new(move |_| {
        let ids = app.counted();
        app.filter.with(|f| {
            app.plan
                .with(|p| app.states.with(|s| unit_matrix(p, s, &ids, f)))
        })
    });
    view! {
        <section class="stats-part" id="stats-units">
            <h3>"一、各单位任务状态"</h3>
            {move || matrix.with(|m| {
                let filter = app.filter.get_untracked();
                let rows = m.rows.iter().cloned().map(|r| row_view(app, &filter, r)).collect::<Vec<_>>();
                let totals = MatrixColumn::ALL.into_iter().map(|c| view! { <td data-col=key(c)>{c.count(&m.totals)}</td> }).collect::<Vec<_>>();
                view! {
                    <table id="stats-matrix" class="stats-table">
                        <thead><tr><th>"单位"</th><th>"未启动"</th><th>"推进中"</th><th>"已完成"</th><th>"滞后"</th><th title="逾期的任务同时计入其状态列">"逾期"</th><th>"合计"</th></tr></thead>
                        <tbody>{rows}</tbody>
                        <tfoot><tr class="matrix-total"><th scope="row">"全部任务"</th>{totals}</tr></tfoot>
                    </table>
                    <p class="stats-note">"一项任务由几个单位共同承担时，在每个单位各计一次；“全部任务”一行每项只计一次。逾期的任务同时计入其状态列，“逾期”不另计入合计。按责任部门筛选时，只列所选的单位。点击数字可查看对应任务。"</p>
                    {bars(m.rows.clone())}
                }
            })}
            <button type="button" id="export-matrix" class="no-print" on:click=move |_| export_matrix_csv(app)>"导出统计表"</button>
        </section>
    }
}
