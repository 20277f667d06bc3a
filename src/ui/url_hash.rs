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

/// The hash as written: `#` for none.
fn written_hash() -> String {
    match current_hash() {
        h if h.is_empty() => "#".to_string(),
        h => h,
    }
}

/// A history write waiting for the frame to be painted: the hash, whether it adds an entry
/// (any change but typing on in the search box does), and the hash it replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Pending {
    href: String,
    push: bool,
    from: String,
}

/// Reads the hash at start-up, follows later hash changes, and writes filter changes back.
/// A write costs the browser about a millisecond, so it waits until the frame showing the
/// change is painted; changes made before then are written as one.
pub fn install(state: AppState) {
    state.filter.set(from_hash(&current_hash()));
    // Typing in the search box replaces the history entry; any other change adds one.
    let last_written: StoredValue<Filter> = StoredValue::new(state.filter.get_untracked());
    let pending: StoredValue<Option<Pending>> = StoredValue::new(None);
    Effect::new(move |_| {
        let filter = state.filter.get();
        let target = match to_hash(&filter) {
            t if t.is_empty() => "#".to_string(),
            t => t,
        };
        let waiting = pending.get_value();
        let shown = waiting
            .as_ref()
            .map_or_else(written_hash, |p| p.href.clone());
        if shown == target {
            return;
        }
        let previous = last_written.get_value();
        let only_query = Filter {
            query: filter.query.clone(),
            ..previous.clone()
        } == filter;
        last_written.set_value(filter);
        let push = !only_query || previous.query.is_empty();
        let (push, from) = match &waiting {
            Some(w) => (push || w.push, w.from.clone()),
            None => (push, shown),
        };
        pending.set_value(Some(Pending {
            href: target,
            push,
            from,
        }));
        if waiting.is_none() {
            super::frame::after_paint(move || write(pending));
        }
    });
    // Back and forward between the app's entries fire `popstate`; a hash typed into the
    // address bar or a link fires `hashchange`. Either wins over a write not yet made.
    let follow = move || {
        pending.set_value(None);
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

/// Makes the waiting write, if any: through the history API, which changes the hash without
/// a fragment navigation (no scrolling to a fragment, no `hashchange`). A hash that changed
/// meanwhile (a link, the address bar) wins: its `hashchange` may still be on its way.
fn write(pending: StoredValue<Option<Pending>>) {
    let Some(Pending { href, push, from }) = pending.try_update_value(Option::take).flatten()
    else {
        return;
    };
    let now = written_hash();
    if now == href || now != from {
        return;
    }
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let null = wasm_bindgen::JsValue::NULL;
    let _ = if push {
        history.push_state_with_url(&null, "", Some(&href))
    } else {
        history.replace_state_with_url(&null, "", Some(&href))
    };
}
