//! The collapsible 总体要求 preamble.

use crate::ui::state::use_app;
use leptos::prelude::*;

/// The preamble, open by default, collapsible.
#[component]
pub fn Preamble() -> impl IntoView {
    let plan = use_app().plan;
    let text = move || plan.with(|p| p.preamble.clone());
    view! {
        <details class="preamble" open>
            <summary>"总体要求"</summary>
            <p class="preamble-text">{text}</p>
        </details>
    }
}
