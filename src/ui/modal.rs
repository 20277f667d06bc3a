//! The dialog frame shared by every dialog: a backdrop, `role="dialog"`, a title, a close
//! button; Escape closes it. Which dialog is open lives in the store (`AppState::dialog`).

use super::components::Notices;
use super::state::use_app;
use leptos::prelude::*;

/// A modal dialog with `id` and `title` around `children`.
#[component]
pub fn Modal(id: &'static str, title: Signal<String>, children: Children) -> impl IntoView {
    let app = use_app();
    let close = move || app.dialog.set(None);
    let heading = format!("{id}-title");
    // The page's earlier notices wait behind the dialog; it shows the ones raised inside it.
    let from = app.dialog_notices.get_value();
    let labelled_by = heading.clone();
    view! {
        <div class="modal-backdrop no-print">
            <div class="modal" id=id role="dialog" aria-modal="true" aria-labelledby=labelled_by
                on:keydown=move |e| if e.key() == "Escape" { close() }>
                <header class="modal-head">
                    <h2 id=heading>{title}</h2>
                    <button type="button" class="dialog-close" aria-label="关闭" on:click=move |_| close()>"关闭"</button>
                </header>
                <div class="modal-body">
                    <Notices from/>
                    {children()}
                </div>
            </div>
        </div>
    }
}
