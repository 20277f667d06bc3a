//! Page-wide events: the leave-page prompt while changes are not in a file, files dropped
//! onto the page (an export, a bundle, or a saved copy of the page), and printing.

use super::import::import_files;
use super::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Asks before the tab closes when changes have not gone into a file (a setting, on by default).
pub fn install_leave_prompt(state: AppState) {
    let handle = window_event_listener_untyped("beforeunload", move |e| {
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
