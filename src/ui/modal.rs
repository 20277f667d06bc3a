//! The dialog frame shared by every dialog: a backdrop, `role="dialog"`, a title, a close
//! button; Escape closes it. Opening puts the focus in its first field (or on 关闭), Tab and
//! Shift+Tab go round the dialog's controls without leaving it, and closing gives the focus
//! back to what had it. Which dialog is open lives in the store (`AppState::dialog`).

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

/// What Tab can reach in a dialog.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, a[href]";

/// Keeps Tab inside dialog `id`: from its last control to its first, and back with Shift.
fn keep_focus_inside(e: &web_sys::KeyboardEvent, id: &str) {
    let Some(list) = document()
        .get_element_by_id(id)
        .and_then(|m| m.query_selector_all(FOCUSABLE).ok())
    else {
        return;
    };
    let at = |i: u32| {
        list.item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let (Some(first), Some(last)) = (at(0), at(list.length().saturating_sub(1))) else {
        return;
    };
    let active = document().active_element();
    let is = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    };
    let inside = active.as_ref().is_some_and(|a| {
        document()
            .get_element_by_id(id)
            .is_some_and(|m| m.contains(Some(a)))
    });
    let to = match (e.shift_key(), inside) {
        (_, false) => Some(&first),
        (true, true) if is(&first) => Some(&last),
        (false, true) if is(&last) => Some(&first),
        _ => None,
    };
    if let Some(el) = to {
        e.prevent_default();
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
    // On the window, so that they work wherever the focus is (a click on the backdrop, say).
    let keys = window_event_listener(leptos::ev::keydown, move |e| match e.key().as_str() {
        "Escape" => close(),
        "Tab" => keep_focus_inside(&e, id),
        _ => {}
    });
    on_cleanup(move || keys.remove());
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
            <div class="modal" id=id role="dialog" aria-modal="true" aria-labelledby=labelled_by>
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
