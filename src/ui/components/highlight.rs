//! Text with the current search terms marked.

use crate::model::segments;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Renders `text`, wrapping matches of the search query in `<mark>`.
#[component]
pub fn Highlight(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let query = use_app().query;
    move || {
        let q = query.get();
        text.with(|t| {
            if q.trim().is_empty() {
                return vec![t.clone().into_any()];
            }
            segments(t, &q)
                .into_iter()
                .map(|(piece, hit)| {
                    if hit {
                        view! { <mark>{piece}</mark> }.into_any()
                    } else {
                        piece.into_any()
                    }
                })
                .collect::<Vec<_>>()
        })
    }
}
