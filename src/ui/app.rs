//! The app shell: provides the store and lays out header, preamble and sections.

use super::components::{PlanHeader, Preamble, SectionView};
use super::state::AppState;
use leptos::prelude::*;

/// The root component, mounted on `<body>`.
#[component]
pub fn App() -> impl IntoView {
    let Some(state) = AppState::new() else {
        return view! {
            <main id="app" data-ready="true">
                <p class="fatal">"内置的工作要点无法读取，请联系维护人员。"</p>
            </main>
        }
        .into_any();
    };
    provide_context(state);
    Effect::new(move |_| mark_ready());
    let sections = move || state.plan.with(|p| p.sections.iter().map(|s| s.id).collect::<Vec<_>>());
    view! {
        <main id="app" data-ready="true">
            <PlanHeader/>
            <Preamble/>
            <For each=sections key=|id| *id let:id>
                <SectionView id/>
            </For>
        </main>
    }
    .into_any()
}

/// Records the moment of first render for measurement (`window.__workplanReadyAt`).
fn mark_ready() {
    let Some(window) = web_sys::window() else { return };
    let now = window.performance().map(|p| p.now()).unwrap_or_default();
    let _ = js_sys::Reflect::set(&window, &"__workplanReadyAt".into(), &now.into());
}
