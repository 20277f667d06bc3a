//! Keeps the filter in the URL hash: bookmarks and copied links reopen a view; back/forward move between views.

use super::state::{AppState, PAGE_SIZE};
use crate::model::{Filter, from_hash, to_hash};
use leptos::ev;
use leptos::prelude::*;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

fn current_hash() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

/// Reads the hash at start-up, follows later hash changes, and writes filter changes back.
pub fn install(state: AppState) {
    state.filter.set(from_hash(&current_hash()));
    // Typing in the search box replaces the history entry; any other change adds one.
    let last_written: StoredValue<Filter> = StoredValue::new(state.filter.get_untracked());
    Effect::new(move |_| {
        let filter = state.filter.get();
        let target = to_hash(&filter);
        let hash = current_hash();
        if hash == target || (hash.is_empty() && target.is_empty()) {
            return;
        }
        let previous = last_written.get_value();
        let only_query = Filter {
            query: filter.query.clone(),
            ..previous.clone()
        } == filter;
        last_written.set_value(filter);
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let href = if target.is_empty() {
            "#".to_string()
        } else {
            target
        };
        // The history API changes the hash without a fragment navigation (no scrolling to a
        // fragment, no `hashchange`): cheap enough for every keystroke.
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if only_query && !previous.query.is_empty() {
            history.replace_state_with_url(&null, "", Some(&href))
        } else {
            history.push_state_with_url(&null, "", Some(&href))
        };
    });
    // Back and forward between the app's entries fire `popstate`; a hash typed into the
    // address bar or a link fires `hashchange`.
    let follow = move || {
        let filter = from_hash(&current_hash());
        if filter != state.filter.get_untracked() {
            last_written.set_value(filter.clone());
            state.limit.set(PAGE_SIZE);
            state.filter.set(filter);
        }
    };
    let on_hash = window_event_listener(ev::hashchange, move |_| follow());
    let on_pop = window_event_listener(ev::popstate, move |_| follow());
    on_cleanup(move || {
        on_hash.remove();
        on_pop.remove();
    });
}
