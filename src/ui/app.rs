//! The app shell: provides the store, installs persistence, lays out the page.

use super::components::{
    CopyDialog, DataDialog, FilterBar, ImportPreview, LibraryDialog, NewPlanDialog, Notices,
    PasteDialog, PlanBar, PlanEditor, PlanHeader, Preamble, ReportBar, ReportTextDialog,
    SectionView, StatsView, TaskDialog, Toolbar, UnitsDialog,
};
use super::page_events;
use super::persist;
use super::state::Dialog;
use super::state::{AppState, PAGE_SIZE, local_today};
use super::url_hash;
use crate::model::{SectionId, TaskId};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The root component, mounted on `<body>`.
#[component]
pub fn App() -> impl IntoView {
    let Some(state) = AppState::load() else {
        return view! {
            <main id="app" data-ready="true">
                <p class="fatal">"内置的工作要点无法读取，请联系维护人员。"</p>
            </main>
        }
        .into_any();
    };
    provide_context(state);
    persist::install(state);
    url_hash::install(state);
    install_shortcuts(state);
    page_events::install_commit_on_leave();
    page_events::install_leave_prompt(state);
    page_events::install_drop(state);
    page_events::install_print(state);
    super::copy_offer::offer_carried(state);
    state.warn_if_nearly_full();
    follow_the_date(state);
    // The first frame shows the top of the page and `FIRST_FRAME` tasks; the rest of the page
    // follows once that frame is painted, and only then is the app marked ready.
    let settled = RwSignal::new(false);
    super::frame::after_paint(move || {
        if !settled.get_untracked() {
            settled.set(true);
            mark_ready();
        }
    });
    // Every task matching the filter, in plan order; only the first `limit` are rendered.
    let matching = state.matching;
    let rendered = move || {
        let limit = state.limit.get();
        if settled.get() {
            limit
        } else {
            limit.min(FIRST_FRAME)
        }
    };
    let visible: Memo<Vec<(SectionId, TaskId)>> =
        Memo::new(move |_| matching.with(|m| m.iter().take(rendered()).copied().collect()));
    let sections = move || {
        let shown: Vec<SectionId> = visible.with(|v| v.iter().map(|(s, _)| *s).collect());
        state.plan.with(|p| {
            p.sections
                .iter()
                .map(|s| s.id)
                .filter(|id| shown.contains(id))
                .collect::<Vec<_>>()
        })
    };
    let hidden = move || matching.with(Vec::len).saturating_sub(state.limit.get());
    let filtered = move || state.filter.with(|f| !f.is_empty());
    view! {
        <main id="app" data-ready=move || settled.get().to_string()>
            <PlanBar/>
            <PlanHeader/>
            <Toolbar/>
            <ReportBar/>
            // While a dialog is open, the notices show inside it, where their buttons can be reached.
            <Show when=move || state.dialog.with(Option::is_none)>
                <Notices/>
            </Show>
            {move || state.dialog.get().map(|d| match d {
                Dialog::NewPlan => view! { <NewPlanDialog/> }.into_any(),
                Dialog::Library => view! { <LibraryDialog/> }.into_any(),
                Dialog::Units => view! { <UnitsDialog/> }.into_any(),
                Dialog::Task(target) => view! { <TaskDialog target/> }.into_any(),
                Dialog::Copy(offer) => view! { <CopyDialog offer=*offer/> }.into_any(),
                Dialog::Data => view! { <DataDialog/> }.into_any(),
                Dialog::Paste => view! { <PasteDialog/> }.into_any(),
                Dialog::ReportText(text) => view! { <ReportTextDialog text/> }.into_any(),
                Dialog::ImportPreview(pending) => view! { <ImportPreview pending=*pending/> }.into_any(),
            })}
            <Show when=move || state.editing.get()>
                <PlanEditor/>
            </Show>
            <Show when=move || !state.editing.get() fallback=|| ()>
            <FilterBar shown=Signal::derive(move || matching.with(Vec::len))/>
            <Show when=move || state.stats.get()>
                <StatsView/>
            </Show>
            <Show when=move || !state.stats.get()>
            <Show when=move || !filtered()>
                <Preamble/>
            </Show>
            <For each=sections key=|id| *id let:id>
                <SectionView id visible/>
            </For>
            <Show when=move || matching.with(Vec::is_empty)>
                <div class="empty-result" role="status">
                    <p>"没有符合当前筛选条件的任务。"</p>
                    <button type="button" id="empty-clear" on:click=move |_| state.filter.update(|f| f.clear())>
                        "清除全部筛选，显示全部任务"
                    </button>
                </div>
            </Show>
            <Show when=move || { hidden() > 0 }>
                <button type="button" class="show-more no-print" on:click=move |_| state.limit.update(|l| *l += PAGE_SIZE)>
                    {move || format!("显示更多（还有 {} 项）", hidden())}
                </button>
            </Show>
            </Show>
            </Show>
        </main>
    }
    .into_any()
}

/// Ctrl+Z undoes and Ctrl+Y / Ctrl+Shift+Z redoes, except while typing in a field.
fn install_shortcuts(state: AppState) {
    let handle = window_event_listener(ev::keydown, move |e| {
        if !(e.ctrl_key() || e.meta_key()) || in_text_field(&e) {
            return;
        }
        match (e.key().to_lowercase().as_str(), e.shift_key()) {
            ("z", false) => state.undo(),
            ("z", true) | ("y", _) => state.redo(),
            _ => return,
        }
        e.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// Keeps `today` current while the page stays open past midnight (overdue flags follow).
fn follow_the_date(state: AppState) {
    let tick = set_interval_with_handle(
        move || {
            let today = local_today();
            if state.today.get_untracked() != today {
                state.today.set(today);
            }
        },
        std::time::Duration::from_secs(60),
    );
    if let Ok(handle) = tick {
        on_cleanup(move || handle.clear());
    }
}

/// Whether a key event comes from a text input, where the browser's own undo applies.
pub fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Tasks built before the first paint: more than a 1366×768 screen shows at start, where the
/// plan's header, filters and preamble come first.
const FIRST_FRAME: usize = 3;

/// Records the moment the first page is complete, for measurement (`window.__workplanReadyAt`).
fn mark_ready() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let now = window.performance().map(|p| p.now()).unwrap_or_default();
    let _ = js_sys::Reflect::set(&window, &"__workplanReadyAt".into(), &now.into());
}
