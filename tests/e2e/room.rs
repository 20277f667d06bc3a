//! Room in storage, in Chromium and Firefox: two 300-task plans with a year of monthly reports each (18,000 log entries) are stored as the app stores them, open whole after a reload, and take an edit that the app saves; and a version-1 stored progress still opens and is saved compactly.

use std::sync::OnceLock;
use std::time::Duration;

use serde_json::{Value, json};
use workplan::model::{Plan, PlanId, Progress, Status, TaskId};
use workplan::snapshot::{decode_progress, encode_plan, encode_progress};

use crate::firefox::{Firefox, READY};
use crate::webdriver::{Session, dist_url, open_app};
use crate::year_plan;

/// The browser's storage for every local page, in characters (UTF-16 units).
const QUOTA_CHARS: u64 = 5_242_880;
/// How long opening a plan with 18,000 entries may take before the test gives up.
const OPEN: Duration = Duration::from_secs(60);

/// Two plans, their progress and their stored values: `(plan, progress, plan text, progress text)`.
fn plans() -> &'static [(Plan, Progress, String, String)] {
    static PLANS: OnceLock<Vec<(Plan, Progress, String, String)>> = OnceLock::new();
    PLANS.get_or_init(|| {
        ["甲", "乙"]
            .into_iter()
            .map(|tag| {
                let plan = year_plan::plan(tag);
                let progress = year_plan::progress(&plan);
                let plan_text = encode_plan(&plan);
                let progress_text = encode_progress(&plan.id, &progress);
                (plan, progress, plan_text, progress_text)
            })
            .collect()
    })
}

/// What the scenario needs of a browser.
trait Page {
    fn run(&mut self, script: &str, args: Vec<Value>) -> Value;
    fn reload(&mut self);
    fn wait(&mut self, condition: &str);
}

impl Page for Session {
    fn run(&mut self, script: &str, args: Vec<Value>) -> Value {
        self.execute(script, args)
    }
    fn reload(&mut self) {
        self.refresh();
    }
    fn wait(&mut self, condition: &str) {
        self.wait_until(condition, OPEN);
    }
}

impl Page for Firefox {
    fn run(&mut self, script: &str, args: Vec<Value>) -> Value {
        self.js_with(script, args)
    }
    fn reload(&mut self) {
        self.cmd("WebDriver:Refresh", json!({}));
    }
    fn wait(&mut self, condition: &str) {
        self.wait_for(condition, OPEN);
    }
}

/// Stores `[key, value]` pairs and makes plan `arguments[1]` the shown one; returns `true`
/// or the error the browser raised.
const STORE: &str = "const [pairs, active] = arguments;
     try {
       for (const [k, v] of pairs) {
         localStorage.setItem(k, v);
         if (localStorage.getItem(k) !== v) return 'not kept: ' + k;
       }
       const settings = JSON.parse(localStorage.getItem('workplan:settings') || 'null')
           || { format: 'workplan-settings', version: 1, replica: 'room-test' };
       settings.active_plan = active;
       localStorage.setItem('workplan:settings', JSON.stringify(settings));
       return true;
     } catch (e) { return e.name + ': ' + e.message; }";

/// Characters in use: every key and value.
const USED: &str = "return Object.keys(localStorage)
     .reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0);";

/// Opens task `n`'s 进展填报 panel (a plan this long builds it on opening) and checks that
/// it shows 60 entries, its first and its last.
fn shows_the_year(page: &mut dyn Page, n: u32, browser: &str) {
    let card = format!("article.task[data-task=\"{n}\"]");
    reveal(page, &card);
    let count = page.run(
        "const c = document.querySelector(arguments[0]);
         c.querySelector('details.task-report summary').click();
         return c.querySelector('.report-count').textContent;",
        vec![json!(card)],
    );
    assert_eq!(count, json!("（60 条记录）"), "{browser}: task {n}'s count");
    page.wait(&format!(
        "document.querySelectorAll('{card} li.log-entry .log-body').length === 60"
    ));
    let first = year_plan::entry_text(n, 0, 1);
    let last = year_plan::entry_text(n, 4, 12);
    let both = page.run(
        "const bodies = [...document.querySelectorAll(arguments[0] + ' li.log-entry .log-body')]
             .map(e => e.textContent.trim());
         return bodies.includes(arguments[1]) && bodies.includes(arguments[2]);",
        vec![json!(card), json!(first), json!(last)],
    );
    assert_eq!(
        both, true,
        "{browser}: task {n} shows its first and last entries"
    );
}

/// Clicks 显示更多 until `card` is rendered (a long plan renders in pages).
fn reveal(page: &mut dyn Page, card: &str) {
    loop {
        let state = page.run(
            "return [!!document.querySelector(arguments[0]),
                     document.querySelectorAll('article.task').length,
                     !!document.querySelector('button.show-more')];",
            vec![json!(card)],
        );
        let rendered = state[1].as_u64().unwrap_or(0);
        if state[0] == json!(true) || state[2] != json!(true) {
            return;
        }
        page.run(
            "document.querySelector('button.show-more').click(); return null;",
            vec![],
        );
        page.wait(&format!(
            "document.querySelectorAll('article.task').length > {rendered}"
        ));
    }
}

fn title_is(title: &str) -> String {
    format!("document.querySelector('h1.plan-title')?.textContent === {title:?}")
}

/// Stores both plans, reloads, checks both open whole, edits the second and checks what the
/// app saved. `browser` names the browser in messages.
fn two_plans_fit_and_open(page: &mut dyn Page, browser: &str) {
    let [(a, _, a_plan, a_progress), (b, b_progress, b_plan, b_text)] = plans() else {
        unreachable!("two plans")
    };
    let key = |kind: &str, p: &Plan| format!("workplan:{kind}:{}", p.id);
    let pairs = json!([
        [key("plan", a), a_plan],
        [key("progress", a), a_progress],
        [key("plan", b), b_plan],
        [key("progress", b), b_text],
    ]);
    let stored = page.run(STORE, vec![pairs, json!(a.id.0)]);
    assert_eq!(
        stored, true,
        "{browser}: storage takes both plans: {stored}"
    );
    let used = page.run(USED, vec![]).as_u64().unwrap_or(u64::MAX);
    println!("room: {browser}: two plans stored, {used} of {QUOTA_CHARS} characters in use");
    assert!(used <= QUOTA_CHARS, "{browser}: {used} characters in use");

    page.reload();
    page.wait(READY);
    page.wait(&title_is(&a.title));
    let ready = page.run("return window.__workplanReadyAt ?? null;", vec![]);
    println!("room: {browser}: ready {ready} ms after navigation start, with plan 甲 open");
    for n in [1, 30] {
        shows_the_year(page, n, browser);
    }
    page.run(
        "const s = document.querySelector('select#plan-switch');
         s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));
         return null;",
        vec![json!(b.id.0)],
    );
    page.wait(&title_is(&b.title));
    for n in [1, 17] {
        shows_the_year(page, n, browser);
    }

    // An edit the app saves: the whole progress written again, by the app.
    page.run(
        "document.querySelector('article.task[data-task=\"2\"] button.status-btn[data-status=\"done\"]').click();
         return null;",
        vec![],
    );
    let progress_key = key("progress", b);
    page.wait(&format!(
        "localStorage.getItem({progress_key:?}).length !== {}",
        b_text.encode_utf16().count()
    ));
    let saved = page.run(
        "return localStorage.getItem(arguments[0]);",
        vec![json!(progress_key)],
    );
    let saved = saved.as_str().expect("the progress is still stored");
    let mut got = decode_progress(&b.id, saved).expect("what the app saved reads");
    let status = got.task_mut(TaskId(2)).status.take().map(|s| s.value);
    assert_eq!(
        status,
        Some(Some(Status::Done)),
        "{browser}: the edit was saved"
    );
    let mut want = b_progress.clone();
    want.task_mut(TaskId(2)).status = None;
    assert_eq!(
        year_plan::log_entries(&got),
        18_000,
        "{browser}: every entry kept"
    );
    assert!(
        got == want,
        "{browser}: the rest of the progress is kept as it was"
    );
    let failed = page.run(
        "return [...document.querySelectorAll('.notice')].map(n => n.textContent).join(' | ');",
        vec![],
    );
    let failed = failed.as_str().unwrap_or("");
    for words in ["保存失败", "存储空间已满", "存储空间不足", "禁止了本地存储"]
    {
        assert!(
            !failed.contains(words),
            "{browser}: no storage failure: {failed}"
        );
    }
    assert!(
        failed.contains("浏览器存储空间已用 82%"),
        "{browser}: the page says how full storage is: {failed}"
    );
    let used = page.run(USED, vec![]).as_u64().unwrap_or(u64::MAX);
    println!("room: {browser}: after the app saved an edit, {used} characters in use");
}

#[test]
fn two_year_plans_fit_and_open_in_chromium() {
    let mut s = Session::new();
    open_app(&s);
    two_plans_fit_and_open(&mut s, "Chromium");
}

#[test]
fn two_year_plans_fit_and_open_in_firefox() {
    let mut ff = Firefox::start();
    ff.cmd("WebDriver:Navigate", json!({"url": dist_url()}));
    ff.wait(READY);
    two_plans_fit_and_open(&mut ff, "Firefox");
}

/// Stored progress as version 1 wrote it (tasks 3, 5 and 19 of the embedded plan).
const V1_PROGRESS: &str = include_str!("../fixtures/stored/v1-progress.json");

#[test]
fn version_one_progress_opens_and_is_saved_compactly() {
    let mut s = Session::new();
    open_app(&s);
    let id = "plan-d046933b05f415f1";
    let key = format!("workplan:progress:{id}");
    let pairs = json!([[key, V1_PROGRESS.trim_end()]]);
    assert_eq!(s.run(STORE, vec![pairs, json!(id)]), true);
    s.refresh();
    s.wait(READY);
    s.wait(
        "document.querySelector('article.task[data-task=\"3\"]')?.dataset.status === 'in-progress'",
    );
    let v1 = decode_progress(&PlanId(id.into()), V1_PROGRESS).expect("version 1 reads");
    // The 进展填报 panel is built when first opened.
    s.run(
        "document.querySelector('article.task[data-task=\"3\"] details.task-report > summary').click();
         return null;",
        vec![],
    );
    s.wait("!!document.querySelector('article.task[data-task=\"3\"] .report-grid')");
    let shown = s.run(
        "return document.querySelectorAll('article.task[data-task=\"3\"] li.log-entry').length;",
        vec![],
    );
    let visible = v1
        .task(TaskId(3))
        .map_or(0, |t| t.log.values().filter(|e| !e.withdrawn.value).count());
    assert_eq!(shown, json!(visible), "task 3's log entries show");
    s.run(
        "document.querySelector('article.task[data-task=\"4\"] button.status-btn[data-status=\"done\"]').click();
         return null;",
        vec![],
    );
    s.wait(&format!(
        "JSON.parse(localStorage.getItem({key:?})).version === 2"
    ));
    let saved = s.execute(
        "return localStorage.getItem(arguments[0]);",
        vec![json!(key)],
    );
    let mut got =
        decode_progress(&PlanId(id.into()), saved.as_str().unwrap_or("")).expect("version 2 reads");
    assert!(got.tasks.remove(&TaskId(4)).is_some(), "the edit was saved");
    assert!(got == v1, "the version-1 progress is kept whole");
}
