//! The filter in the URL hash, in the browser: reload keeps the view, back/forward move between views, links open a view.

use serde_json::{Value, json};

use super::support::*;
use crate::webdriver::{Session, dist_url, open_app, wait_ready};

/// Percent-encodes UTF-8 the way the app writes the hash (unreserved characters kept).
fn pct(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn history_length(s: &Session) -> u64 {
    s.execute("return history.length;", vec![])
        .as_u64()
        .expect("history.length")
}

fn wait_hash(s: &Session, hash: &str) {
    let cond = format!("location.hash === {}", Value::from(hash));
    if !s.poll_until(&cond, T) {
        panic!("expected location.hash {hash:?}; page shows {}", view(s));
    }
}

#[test]
fn filter_survives_reload_through_the_hash() {
    let s = Session::new();
    open_app(&s);
    click_chip(&s, "section", "2");
    click_chip(&s, "section", "5");
    click_chip(&s, "unit", "各司法所");
    click_chip(&s, "status", "not-started");
    set_search(&s, "调解");
    wait_shown(&s, &[5, 13]);
    let hash = format!(
        "#q={}&s=2,5&u={}&st=not-started",
        pct("调解"),
        pct("各司法所")
    );
    wait_hash(&s, &hash);

    s.refresh();
    wait_ready(&s);
    wait_shown(&s, &[5, 13]);
    let v = view(&s);
    assert_eq!(v["hash"], hash.as_str(), "{v}");
    assert_eq!(v["query"], "调解", "the search box is refilled: {v}");
    assert_eq!(
        v["pressed"],
        json!([
            "section:2",
            "section:5",
            "unit:各司法所",
            "status:not-started"
        ]),
        "{v}"
    );
    assert_eq!(v["sections"], json!([2, 5]), "{v}");
    assert!(
        marks_in(&s, 13, ".task-body").iter().any(|m| m == "调解"),
        "highlighting is restored too"
    );
}

#[test]
fn back_and_forward_move_between_views() {
    let s = Session::new();
    open_app(&s);
    let start = history_length(&s);

    click_chip(&s, "section", "2");
    wait_shown(&s, &[4, 5, 6]);
    wait_hash(&s, "#s=2");
    click_chip(&s, "section", "5");
    wait_shown(&s, &[4, 5, 6, 13, 14, 15]);
    wait_hash(&s, "#s=2,5");
    assert_eq!(
        history_length(&s),
        start + 2,
        "each facet click adds a history entry"
    );

    // Typing replaces the entry after the first keystroke: one entry for the whole word.
    let typed = format!("#q={}&s=2,5", pct("调解"));
    s.find("#search").send_keys("调");
    wait_hash(&s, &format!("#q={}&s=2,5", pct("调")));
    s.find("#search").send_keys("解");
    wait_hash(&s, &typed);
    wait_shown(&s, &[5, 13]);
    assert_eq!(
        history_length(&s),
        start + 3,
        "typing adds one history entry, not one per key"
    );

    s.back();
    wait_shown(&s, &[4, 5, 6, 13, 14, 15]);
    assert_eq!(
        view(&s)["query"],
        "",
        "back leaves the search of the later view"
    );
    s.back();
    wait_shown(&s, &[4, 5, 6]);
    s.back();
    wait_shown(&s, &ALL);
    assert_eq!(view(&s)["pressed"], json!([]));

    s.forward();
    wait_shown(&s, &[4, 5, 6]);
    s.forward();
    wait_shown(&s, &[4, 5, 6, 13, 14, 15]);
    s.forward();
    wait_shown(&s, &[5, 13]);
    let v = view(&s);
    assert_eq!(v["query"], "调解", "{v}");
    assert_eq!(v["hash"], typed.as_str(), "{v}");
}

#[test]
fn opening_a_link_with_a_hash_shows_that_view() {
    let s = Session::new();
    s.goto(&format!("{}#s=2", dist_url()));
    wait_ready(&s);
    wait_shown(&s, &[4, 5, 6]);
    let v = view(&s);
    assert_eq!(v["sections"], json!([2]), "only section 2 is rendered: {v}");
    assert_eq!(v["pressed"], json!(["section:2"]), "{v}");

    // A pasted link to another view while the app is open (same document, new hash).
    s.goto(&format!("{}#q={}", dist_url(), pct("合法性审查")));
    wait_shown(&s, &[4, 5, 8]);
    assert_eq!(view(&s)["query"], "合法性审查");

    // A damaged hash is read leniently: the readable part applies, the rest is ignored.
    let fresh = Session::new();
    fresh.goto(&format!("{}#s=3,x&zzz=1&st=nope&q=%ZZ", dist_url()));
    wait_ready(&fresh);
    wait_shown(&fresh, &[]);
    fresh.goto(&format!("{}#s=3,x&zzz=1&st=nope", dist_url()));
    wait_shown(&fresh, &[7, 8, 9]);
}
