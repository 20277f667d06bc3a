//! Cold start: the app in a new browser profile per load, interleaved with the static limit — a
//! copy of the ready app's DOM without its scripts — and the ratio of their LCPs pair by pair.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::probe::{self, TASK};
use super::report::{median, num, round, summary};
use crate::webdriver::{dist_url, file_url, wait_ready};

/// Quiet time without a new LCP candidate before a load's figures are read.
const QUIET_MS: u32 = 300;

/// Loads the app once and saves its ready DOM, `<script>` elements removed, as `static.html` in
/// `dir`: the page as it would be if the same DOM came with the HTML and no code ran.
pub fn static_page(dir: &Path) -> PathBuf {
    let s = probe::session();
    s.goto(&dist_url());
    wait_ready(&s);
    probe::settle(&s, QUIET_MS);
    let html = s.execute(
        "const root = document.documentElement.cloneNode(true);
         root.querySelectorAll('script').forEach((e) => e.remove());
         return '<!DOCTYPE html>\\n' + root.outerHTML;",
        vec![],
    );
    let html = html.as_str().expect("outerHTML");
    assert!(
        html.contains("article") && !html.contains("<script"),
        "the static copy has the tasks and no scripts"
    );
    let path = dir.join("static.html");
    std::fs::write(&path, html).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    path
}

/// One load in a new profile: the figures of [`probe::load_figures`] once the page settled.
fn load(url: &str, app: bool) -> Value {
    let s = probe::session();
    s.goto(url);
    if app {
        wait_ready(&s);
    }
    assert!(
        s.poll_until(
            &format!("document.querySelector('{TASK}') !== null"),
            std::time::Duration::from_secs(10)
        ),
        "no task shown at {url}"
    );
    probe::settle(&s, QUIET_MS);
    probe::load_figures(&s)
}

/// `pairs` × (app load, static load), each in a new profile; figures in ms since navigation start.
pub fn run(static_html: &Path, pairs: usize) -> Value {
    let (app_url, static_url) = (dist_url(), file_url(static_html));
    let mut app = Vec::new();
    let mut stat = Vec::new();
    for _ in 0..pairs {
        app.push(load(&app_url, true));
        stat.push(load(&static_url, false));
    }
    let col =
        |loads: &[Value], key: &str| -> Vec<f64> { loads.iter().map(|v| num(v, key)).collect() };
    let app_lcp = col(&app, "lcp");
    let static_lcp = col(&stat, "lcp");
    let ratios: Vec<f64> = app_lcp
        .iter()
        .zip(&static_lcp)
        .map(|(a, s)| a / s)
        .collect();
    let dom = col(&app, "dom");
    let tags =
        |loads: &[Value]| -> Vec<Value> { loads.iter().map(|v| v["lcpTag"].clone()).collect() };
    println!(
        "bench: cold start, {pairs} pairs: app LCP {:.1} ms, static LCP {:.1} ms, ratio {:.2}, \
         first task {:.1} ms, {} elements",
        median(&app_lcp),
        median(&static_lcp),
        median(&ratios),
        median(&col(&app, "firstTask")),
        median(&dom)
    );
    json!({
        "pairs": pairs,
        "app_lcp_ms": summary(&app_lcp),
        "static_lcp_ms": summary(&static_lcp),
        "lcp_ratio": summary(&ratios),
        "first_task_ms": summary(&col(&app, "firstTask")),
        "first_task_frame_ms": summary(&col(&app, "firstTaskFrame")),
        "ready_ms": summary(&col(&app, "ready")),
        "static_first_task_ms": summary(&col(&stat, "firstTask")),
        "dom_elements": round(median(&dom)),
        "static_dom_elements": round(median(&col(&stat, "dom"))),
        "app_lcp_element": tags(&app),
        "static_lcp_element": tags(&stat),
    })
}
