//! Benchmark (ignored; `cargo xtask bench`): search keystroke latency and load time with a synthetic 5,000-task plan.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::webdriver::{Session, open_app, wait_ready};
use workplan::model::{Date, Filter, FilterContext, Progress};
use workplan::parse::parse_plan;
use workplan::snapshot::{encode_plan, encode_progress};

const SECTIONS: u32 = 50;
const TASKS_PER_SECTION: u32 = 100;
const TOTAL: usize = (SECTIONS * TASKS_PER_SECTION) as usize;

/// Chinese numeral for 1..=99, as section headings write it (一, 十, 十一, 二十, 九十九).
fn chinese_numeral(n: u32) -> String {
    assert!((1..=99).contains(&n), "numeral out of range: {n}");
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
    match tens {
        0 => D[units].to_string(),
        1 => format!("十{}", D[units]),
        _ => format!("{}十{}", D[tens], D[units]),
    }
}

const TOPICS: [&str; 11] = [
    "法治宣传",
    "矛盾纠纷调解",
    "公共法律服务",
    "社区矫正",
    "行政复议",
    "法律援助",
    "队伍建设",
    "营商环境",
    "基层治理",
    "普法教育",
    "执法监督",
];
const VERBS: [&str; 7] = ["深化", "推进", "加强", "完善", "落实", "统筹", "提升"];
const SENTENCES: [&str; 13] = [
    "严格开展重大行政决策合法性审查，规范行政规范性文件管理。",
    "坚持和发展新时代法治建设经验，推动工作向基层纵深推进。",
    "常态化开展企业“法治体检”服务，优化法治化营商环境。",
    "健全人民调解、行政调解、司法调解联动工作体系。",
    "加强律师事务所、基层法律服务所的行业监管。",
    "推进社区矫正队伍建设，增强执法意识、规范执法行为。",
    "深入实施“八五”普法规划，推动普法宣传与社会治理融合发展。",
    "畅通法律援助“绿色通道”，对符合条件的案件应援尽援。",
    "完善行政复议案件审理机制，常态化运用公开听证方式审理案件。",
    "建立健全干部学习培训考核评价制度和激励约束制度。",
    "加大监督执纪力度，持续推进清廉司法行政建设。",
    "紧扣法治乡村目标，加快村（社区）法律顾问工作提档升级。",
    "及时抓好调研成果及转化运用，推动工作再上新台阶。",
];
const UNITS: [&str; 5] = [
    "办公室、各司法所",
    "普法与依法治理科、文源司法所",
    "各科室、司法所",
    "行政复议与应诉科、执法监督与法制审查科",
    "公共法律服务管理科、暮云司法所",
];

/// Plan text with `SECTIONS` × `TASKS_PER_SECTION` tasks; words occur with varied frequency.
fn synthetic_plan_text() -> String {
    let mut out = String::from(
        "某区司法局五千项工作要点（性能测试）\n发布时间 : 2023-06-01 来源:某区司法局\n总体要求：以性能测试为目的生成的工作要点。\n",
    );
    let mut i = 0u32;
    for sec in 1..=SECTIONS {
        out.push_str(&format!(
            "{}、第{sec}部分：{}\n",
            chinese_numeral(sec),
            TOPICS[sec as usize % TOPICS.len()]
        ));
        for _ in 0..TASKS_PER_SECTION {
            i += 1;
            let k = i as usize;
            let title = format!(
                "{}{}工作第{i}项",
                VERBS[k % VERBS.len()],
                TOPICS[k % TOPICS.len()]
            );
            let mut body = format!(
                "围绕{}重点任务编号{i}号开展工作。",
                TOPICS[(k / 7) % TOPICS.len()]
            );
            for j in 0..3 {
                body.push_str(SENTENCES[(k * (j + 3) + j * 5 + k / 13) % SENTENCES.len()]);
            }
            if k % 1000 == 123 {
                body.push_str("坚持发展新时代“枫桥经验”，就地化解矛盾。");
            }
            out.push_str(&format!(
                "{i}.{title}。{body}(责任部门:{})\n",
                UNITS[k % UNITS.len()]
            ));
        }
    }
    out
}

/// `(median, p90, max)` of `xs` (nearest-rank).
fn stats(xs: &[f64]) -> (f64, f64, f64) {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = |p: f64| v[((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    (rank(0.5), rank(0.9), *v.last().unwrap_or(&f64::NAN))
}

/// One keystroke: sets `#search`, fires `input`, and times the dispatch, the last DOM
/// mutation under `#app` (a MutationObserver; `null` if nothing changed), and the next
/// animation frame. Leptos applies the update in microtasks after the dispatch returns, so
/// the wait ends only when both a MessageChannel task (run after every queued microtask) and
/// the frame have come.
const KEYSTROKE_JS: &str = r#"
const done = arguments[arguments.length - 1];
const input = document.querySelector('#search');
const count = () => document.querySelector('.result-count').textContent.trim();
const before = count();
let lastMutation = null;
const observer = new MutationObserver(() => { lastMutation = performance.now(); });
observer.observe(document.querySelector('#app'),
    {subtree: true, childList: true, characterData: true, attributes: true});
input.value = arguments[0];
const t0 = performance.now();
input.dispatchEvent(new Event('input', {bubbles: true}));
const t1 = performance.now();
const atDispatch = count();
const out = {dispatch: t1 - t0, atDispatch, before};
let pending = 2;
const finish = () => { if (--pending === 0) {
    observer.disconnect();
    out.dom = lastMutation === null ? null : lastMutation - t0;
    out.after = count();
    out.rendered = document.querySelectorAll('article.task').length;
    out.marks = document.querySelectorAll('article.task mark').length;
    done(out);
} };
const ch = new MessageChannel();
ch.port1.onmessage = () => { out.settled = performance.now() - t0; finish(); };
ch.port2.postMessage(0);
requestAnimationFrame(() => { out.frame = performance.now() - t0; finish(); });
"#;

#[test]
#[ignore = "benchmark: run with `cargo xtask bench`"]
fn bench_search_5000() {
    let build = Instant::now();
    let text = synthetic_plan_text();
    let parsed = parse_plan(&text).expect("synthetic plan parses");
    let plan = parsed.plan;
    assert_eq!(plan.tasks.len(), TOTAL, "synthetic task count");
    assert_eq!(
        plan.sections.len(),
        SECTIONS as usize,
        "synthetic section count"
    );
    assert!(
        parsed.warnings.is_empty(),
        "synthetic plan warnings: {:?}",
        &parsed.warnings[..parsed.warnings.len().min(5)]
    );
    let progress = Progress::default();
    let today = Date::new(2023, 7, 1).expect("date");
    let native_count = |q: &str| {
        let f = Filter {
            query: q.to_string(),
            ..Filter::default()
        };
        let ctx = FilterContext {
            plan: &plan,
            progress: &progress,
            today,
        };
        f.prepare().matching(&ctx).len()
    };
    let words = [
        "合法性审查",
        "调解",
        "编号4321号",
        "枫桥经验",
        "法治建设",
        "zzz",
    ];
    let expected: Vec<usize> = words.iter().map(|w| native_count(w)).collect();
    let stored_plan = encode_plan(&plan);
    let stored_progress = encode_progress(&plan.id, &progress);
    let doc_len = stored_plan.len() + stored_progress.len();
    println!(
        "bench: synthetic plan {TOTAL} tasks, {} sections, stored plan {:.2} MB, built in {:.0} ms",
        SECTIONS,
        doc_len as f64 / 1e6,
        build.elapsed().as_secs_f64() * 1e3
    );
    for (w, n) in words.iter().zip(&expected) {
        println!("bench: native matches for {w:?}: {n}");
    }

    let s = Session::new();
    open_app(&s);
    // Put the synthetic plan into the library and make it the shown plan.
    let stored = s.execute(
        "const [id, plan, progress] = arguments;
         localStorage.setItem('workplan:plan:' + id, plan);
         localStorage.setItem('workplan:progress:' + id, progress);
         const settings = JSON.parse(localStorage.getItem('workplan:settings') || 'null')
             || { format: 'workplan-settings', version: 1, replica: 'bench' };
         settings.active_plan = id;
         localStorage.setItem('workplan:settings', JSON.stringify(settings));
         return localStorage.getItem('workplan:plan:' + id).length;",
        vec![
            Value::from(plan.id.0.as_str()),
            Value::from(stored_plan.as_str()),
            Value::from(stored_progress.as_str()),
        ],
    );
    assert_eq!(
        stored.as_u64(),
        Some(stored_plan.encode_utf16().count() as u64),
        "the synthetic plan was stored whole"
    );
    let reload = Instant::now();
    s.refresh();
    wait_ready(&s);
    let wall = reload.elapsed();
    let ready_at = s
        .execute("return window.__workplanReadyAt ?? null;", vec![])
        .as_f64();
    let all = format!("显示 {TOTAL} / {TOTAL} 项");
    s.wait_until(
        &format!("document.querySelector('.result-count')?.textContent.trim() === '{all}'"),
        Duration::from_secs(10),
    );
    let initial_rendered = s.find_all("article.task").len();
    let elements = s.execute("return document.getElementsByTagName('*').length;", vec![]);
    println!("bench: {elements} DOM elements at start ({initial_rendered} task cards)");
    match ready_at {
        Some(ms) => println!(
            "bench: load with {TOTAL} tasks: ready {ms:.0} ms after navigation start \
             (refresh→ready seen by the test {:.0} ms); {initial_rendered} task cards rendered",
            wall.as_secs_f64() * 1e3
        ),
        None => println!(
            "bench: window.__workplanReadyAt not set; refresh→ready {:.0} ms",
            wall.as_secs_f64() * 1e3
        ),
    }

    // Type each word key by key, then clear the box (one more keystroke).
    let mut dispatch = Vec::new();
    let mut dom = Vec::new();
    let mut frame = Vec::new();
    let mut sync_updates = 0usize;
    let mut keystrokes = 0usize;
    for (word, want) in words.iter().zip(&expected) {
        let chars: Vec<char> = word.chars().collect();
        let mut values: Vec<String> = (1..=chars.len())
            .map(|n| chars[..n].iter().collect())
            .collect();
        values.push(String::new());
        for (k, value) in values.iter().enumerate() {
            let r = s.execute_async(KEYSTROKE_JS, vec![json!(value)]);
            let num = |key: &str| r[key].as_f64().unwrap_or_else(|| panic!("{key} in {r}"));
            dispatch.push(num("dispatch"));
            if let Some(ms) = r["dom"].as_f64() {
                dom.push(ms);
            }
            frame.push(num("frame"));
            keystrokes += 1;
            if r["atDispatch"] == r["after"] && r["before"] != r["after"] {
                sync_updates += 1;
            }
            if k + 1 == chars.len() {
                let shown = format!("显示 {want} / {TOTAL} 项");
                assert_eq!(
                    r["after"],
                    shown.as_str(),
                    "query {word:?}: the browser's count differs from the native filter ({r})"
                );
                assert_eq!(
                    r["rendered"].as_u64(),
                    Some((*want).min(initial_rendered) as u64),
                    "query {word:?}: rendered cards ({r})"
                );
                println!(
                    "bench: {word:?} → {} ({} cards rendered, {} <mark>s); \
                     dispatch {:.1} ms, last DOM mutation {} ms, next frame {:.1} ms",
                    shown,
                    r["rendered"],
                    r["marks"],
                    num("dispatch"),
                    r["dom"]
                        .as_f64()
                        .map_or("–".into(), |ms| format!("{ms:.1}")),
                    num("frame")
                );
            }
        }
        assert_eq!(
            s.execute(
                "return document.querySelector('.result-count').textContent.trim();",
                vec![]
            ),
            all.as_str(),
            "clearing the box shows every task again"
        );
    }
    assert!(
        expected.iter().any(|n| *n < TOTAL) && expected.iter().any(|n| *n > 0),
        "the words must filter: {expected:?}"
    );

    let report = |name: &str, xs: &[f64]| {
        let (med, p90, max) = stats(xs);
        println!("bench: {name:<40} median {med:7.1} ms  p90 {p90:7.1} ms  max {max:7.1} ms");
    };
    println!("bench: {keystrokes} keystrokes in #search over {TOTAL} tasks");
    report("dispatch (input handler)", &dispatch);
    report(
        &format!("DOM updated ({} keystrokes changed it)", dom.len()),
        &dom,
    );
    report("until next frame", &frame);
    println!(
        "bench: the count was already updated when dispatch returned in {sync_updates} of the \
         keystrokes that changed it"
    );
}
