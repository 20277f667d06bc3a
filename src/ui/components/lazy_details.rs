//! A collapsible part (`<details>`) whose body is built only once it is first opened.
//!
//! Every `<details>` of the app goes through [`LazyDetails`]: a closed part costs its
//! summary line and nothing more. Its body is built the first time it opens (by the user,
//! by `open` turning true, or because the page is about to print) and then stays built, so
//! closing and reopening it keeps what was typed inside.
//!
//! Printing: the page sets [`crate::ui::state::AppState::print_all`] on `beforeprint`; every
//! lazy part then builds its body and opens itself (the print CSS cannot show the body of a
//! closed `<details>` in Chrome 80 or Firefox 78), and closes again on `afterprint` unless it
//! was open before.
//!
//! Trade-off, accepted: the browser's find-in-page (Ctrl+F) does not see the text of a part
//! that was never opened, such as the log of a collapsed 进展填报 panel. The app's own search
//! box does search it (and filters the tasks to the ones that match).

use crate::ui::page_events::open_for_print;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A `<details class=class>` with `summary` always shown and its children built on first opening.
#[component]
pub fn LazyDetails(
    /// The `class` of the `<details>` element.
    class: &'static str,
    /// What the `<summary>` line shows.
    #[prop(into)]
    summary: ViewFnOnce,
    /// Opens the part whenever it turns true (and so builds it); it starts open if true at first.
    #[prop(optional, into)]
    open: Signal<bool>,
    /// The body.
    children: ChildrenFn,
) -> impl IntoView {
    let app = use_app();
    let toggled = RwSignal::new(false);
    // Latches: once built, the body stays (the memo stops tracking anything once true).
    let built = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || open.get() || toggled.get() || app.print_all.get()
    });
    let node = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        let printing = app.print_all.get();
        if let Some(el) = node.get() {
            open_for_print(&el, printing);
        }
    });
    view! {
        // A closed part can only toggle by opening, so any `toggle` means it has been open.
        <details class=class node_ref=node prop:open=move || open.get() on:toggle=move |_| toggled.set(true)>
            <summary>{summary.run()}</summary>
            {move || built.get().then(|| children())}
        </details>
    }
}
