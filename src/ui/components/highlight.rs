//! Text with the current search terms marked.

use crate::model::segments;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Renders `text`, wrapping matches of the search query in `<mark>`. The pieces are compared
/// before redrawing, so a keystroke that leaves this text's marks alone changes nothing here.
#[component]
pub fn Highlight(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let query = use_app().query;
    let pieces = Memo::new(move |_| {
        let q = query.get();
        text.with(|t| {
            if q.trim().is_empty() {
                vec![(t.clone(), false)]
            } else {
                segments(t, &q)
            }
        })
    });
    move || {
        pieces
            .get()
            .into_iter()
            .map(|(piece, hit)| {
                if hit {
                    view! { <mark>{piece}</mark> }.into_any()
                } else {
                    piece.into_any()
                }
            })
            .collect::<Vec<_>>()
    }
}
