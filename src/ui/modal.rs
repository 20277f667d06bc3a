//! The dialog frame shared by every dialog: a backdrop, `role="dialog"`, a title, a close
//! button; Escape closes it. Opening puts the focus in its first field (or on 关闭), closing
//! gives it back to what had it. Which dialog is open lives in the store (`AppState::dialog`).

use super::components::Notices;
use super::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first field of dialog `id`, or its 关闭 button when it has none.
fn focus_first(id: &str) {
    let field = format!(
        "#{id} .modal-body input:not([type=hidden]):not([disabled]), #{id} .modal-body textarea:not([readonly]), #{id} .modal-body select"
    );
    let first = [field, format!("#{id} .dialog-close")]
        .iter()
        .find_map(|css| document().query_selector(css).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = first {
        let _ = el.focus();
    }
}

/// A modal dialog with `id` and `title` around `children`.
#[component]
pub fn Modal(id: &'static str, title: Signal<String>, children: Children) -> impl IntoView {
    let app = use_app();
    let close = move || app.dialog.set(None);
    let heading = format!("{id}-title");
    // The page's earlier notices wait behind the dialog; it shows the ones raised inside it.
    let from = app.dialog_notices.get_value();
    let labelled_by = heading.clone();
    // What had the focus (the button that opened the dialog) gets it back on closing.
    let opener = StoredValue::new_local(document().active_element());
    Effect::new(move |_| focus_first(id));
    on_cleanup(move || {
        if let Some(el) = opener
            .try_get_value()
            .flatten()
            .filter(|el| el.is_connected())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
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
