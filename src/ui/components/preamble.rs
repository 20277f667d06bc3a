//! The collapsible 总体要求 preamble.

use super::LazyDetails;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The preamble, open by default, collapsible; a plan without one shows none.
#[component]
pub fn Preamble() -> impl IntoView {
    let plan = use_app().plan;
    let text = move || plan.with(|p| p.preamble.clone());
    let has_text = move || plan.with(|p| !p.preamble.trim().is_empty());
    view! {
        <Show when=has_text>
            <LazyDetails class="preamble" summary=|| "总体要求" open=true>
                <p class="preamble-text">{text}</p>
            </LazyDetails>
        </Show>
    }
}
