//! Page-wide events: text being typed is kept when the page is left or hidden, the leave-page
//! prompt while changes are not in a file, files dropped onto the page (an export, a bundle,
//! or a saved copy of the page), and printing.

use super::import::import_files;
use super::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Marks a field typed in since its last `change`.
const TYPING: &str = "data-typing";

/// Fields keep what is typed in them when they are left (`change`); a page closed, reloaded or
/// hidden (another program, a minimised window) before that would lose it. This sends the
/// field being typed in its `change` now, so its text goes the way any change goes.
fn commit_typing() {
    let field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    // Bubbling, as the browser's own: handlers may listen at the document.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Some(field) = field.filter(|f| f.has_attribute(TYPING))
        && let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init)
    {
        let _ = field.dispatch_event(&change);
    }
}

/// The element an event is for.
fn target_of(e: &web_sys::Event) -> Option<web_sys::Element> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

/// Keeps text being typed when the page is hidden or left: see [`commit_typing`]. Only text
/// typed since the field's last `change` counts (a file picker's would import again).
pub fn install_commit_on_leave() {
    let typing = window_event_listener_untyped("input", |e| {
        let typed = target_of(&e).filter(|f| {
            f.dyn_ref::<web_sys::HtmlInputElement>()
                .map_or(f.tag_name() == "TEXTAREA", |i| {
                    matches!(i.type_().as_str(), "text" | "search" | "number" | "date")
                })
        });
        // Marked once: no change to the page at each keystroke.
        if let Some(field) = typed.filter(|f| !f.has_attribute(TYPING)) {
            let _ = field.set_attribute(TYPING, "");
        }
    });
    let left = window_event_listener_untyped("change", |e| {
        if let Some(field) = target_of(&e) {
            let _ = field.remove_attribute(TYPING);
        }
    });
    let hidden = window_event_listener_untyped("visibilitychange", |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            commit_typing();
        }
    });
    let hide = window_event_listener_untyped("pagehide", |_| commit_typing());
    on_cleanup(move || {
        for handle in [typing, left, hidden, hide] {
            handle.remove();
        }
    });
}

/// Asks before the tab closes when changes have not gone into a file (a setting, on by default).
pub fn install_leave_prompt(state: AppState) {
    let handle = window_event_listener_untyped("beforeunload", move |e| {
        // What is being typed counts: it is saved, and is a change not yet in a file.
        commit_typing();
        let on = state.settings.with_untracked(|s| s.warn_on_leave);
        if on && state.unsaved_changes() > 0 {
            e.prevent_default();
            if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                e.set_return_value("有修改尚未导出，确定要离开吗？");
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// Imports files dropped anywhere on the page.
pub fn install_drop(state: AppState) {
    let over = window_event_listener_untyped("dragover", |e| e.prevent_default());
    let drop = window_event_listener_untyped("drop", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else {
            return;
        };
        e.prevent_default();
        let Some(files) = e.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        import_files(
            state,
            (0..files.length()).filter_map(|i| files.get(i)).collect(),
        );
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// Marks a `<details>` opened only for printing, to be closed again afterwards.
const PRINT_OPENED: &str = "data-print-opened";

/// Sets [`AppState::print_all`] from `beforeprint` until `afterprint`: every collapsible
/// part builds its body and opens for the printout (see `components::LazyDetails`).
pub fn install_print(state: AppState) {
    let before = window_event_listener_untyped("beforeprint", move |_| state.print_all.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| state.print_all.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

/// While `printing`, opens the `<details>` `el` if it is closed (remembering that it was);
/// afterwards, closes it again if it was opened for printing only.
pub fn open_for_print(el: &web_sys::Element, printing: bool) {
    if printing {
        if !el.has_attribute("open") {
            let _ = el.set_attribute("open", "");
            let _ = el.set_attribute(PRINT_OPENED, "");
        }
    } else if el.has_attribute(PRINT_OPENED) {
        let _ = el.remove_attribute("open");
        let _ = el.remove_attribute(PRINT_OPENED);
    }
}
