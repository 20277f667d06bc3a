//! A year of monthly reporting on a large plan, for the storage budget (native and browser
//! tests): a 300-task plan, and progress with 18,000 log entries of 80 characters (5 units ×
//! 12 months × 300 tasks), each unit writing on its own PC once a month, plus each task's
//! status, percent and the five units' parts.
// Shared by two test binaries; each uses part of it.
#![allow(dead_code)]

use workplan::model::{
    Date, ItemId, Month, Plan, Progress, ReplicaId, ReportPart, Stamp, Status, UnitId,
};

/// Tasks in the plan.
pub const TASKS: u32 = 300;
/// Months of reporting.
pub const MONTHS: u32 = 12;
/// The reporting units, each on its own PC.
pub const UNITS: [&str; 5] = [
    "办公室",
    "普法与依法治理科",
    "公共法律服务管理科",
    "文源司法所",
    "暮云司法所",
];
/// Their PCs' replica ids, shaped like the app's (`<ms hex><random hex>`).
const REPLICAS: [&str; 5] = [
    "1895d5c6a2b3a7f4e21c9",
    "1895d61f0e4c1d2b88a07",
    "1895d7a3b9915e06f3b42",
    "1895d80c47d2ab19c5e6d",
    "1895d9e1f3a8c07d4b215",
];
/// Characters in one log entry.
pub const ENTRY_CHARS: usize = 80;
const SENTENCES: [&str; 8] = [
    "组织开展法治宣传教育进机关进乡村进社区进学校进企业活动，",
    "召开专题推进会议，研究部署重点工作，明确责任分工和时间节点，",
    "完成行政规范性文件合法性审查，提出修改意见并跟踪落实，",
    "深入辖区企业开展法治体检服务，收集意见建议并逐项回复，",
    "排查化解矛盾纠纷，调解成功率保持在较高水平，",
    "做好社区矫正对象日常管理，开展集中教育和公益活动，",
    "落实法律援助便民措施，办理援助案件并回访受援群众，",
    "整理工作台账和佐证材料，按时报送月度工作情况。",
];

/// Plan text for 300 tasks in 10 parts; `tag` makes the title (and so the plan id) distinct.
pub fn plan_text(tag: &str) -> String {
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut out = format!("2023年某区司法行政工作要点（{tag}）\n");
    for (s, numeral) in numerals.iter().enumerate() {
        out.push_str(&format!("{numeral}、第{}部分重点工作\n", s + 1));
        for k in 1..=TASKS / 10 {
            let n = s as u32 * (TASKS / 10) + k;
            let i = n as usize;
            let body: String = (0..3)
                .map(|j| SENTENCES[(i + j * 3) % SENTENCES.len()])
                .collect();
            out.push_str(&format!(
                "{n}.推进第{n}项重点任务。{body}（牵头单位：{}；责任单位：{}、{}、{}、{}）\n",
                UNITS[i % 5],
                UNITS[(i + 1) % 5],
                UNITS[(i + 2) % 5],
                UNITS[(i + 3) % 5],
                UNITS[(i + 4) % 5],
            ));
        }
    }
    out
}

/// The parsed plan.
pub fn plan(tag: &str) -> Plan {
    let parsed = workplan::parse::parse_plan(&plan_text(tag)).expect("the plan parses");
    assert_eq!(parsed.plan.tasks.len(), TASKS as usize, "every task parsed");
    parsed.plan
}

/// The text unit `u` writes on task `task` for month `m` (1-based): 80 characters.
pub fn entry_text(task: u32, u: usize, m: u32) -> String {
    let head = format!("{}{m}月第{task}项：", UNITS[u]);
    let i = (task as usize + u + m as usize) % SENTENCES.len();
    let tail = SENTENCES[i..].concat() + &SENTENCES[..i].concat();
    head.chars().chain(tail.chars()).take(ENTRY_CHARS).collect()
}

/// When unit `u` writes about task `task` in month index `m` (0-based, from January 2023):
/// on the 28th at 9:00 Beijing time, one task every 37 s, units an hour apart.
fn written_at(task: u32, u: usize, m: u32) -> (Date, i64) {
    let month = Date::new(2023 + (m / 12) as i32, (m % 12 + 1) as u8, 28).expect("a date");
    let day_start = month.days_since_epoch() * 86_400_000 - 8 * 3_600_000;
    let at = day_start + 9 * 3_600_000 + u as i64 * 3_600_000 + i64::from(task) * 37_000;
    (month, at)
}

/// Unit `u`'s stamp at `at`, on its own PC.
pub fn stamp(u: usize, at: i64) -> Stamp {
    Stamp {
        at,
        n: 0,
        by: Some(UnitId(UNITS[u].into())),
        replica: ReplicaId(REPLICAS[u].into()),
    }
}

/// The first `entries` log entries of the year (month by month, unit by unit, task by
/// task; past 12 months it runs on into the next year), each task's status and percent
/// (by its lead unit) and its five parts. Ids are made as the app makes them:
/// `<replica>.<ms>.<counter>`, the counter counting the entries of one sitting.
pub fn progress_with(plan: &Plan, entries: usize) -> Progress {
    let mut p = Progress::default();
    let tasks = plan.tasks.len() as u32;
    for i in 0..entries as u32 {
        let (m, u, k) = (i / (tasks * 5), (i / tasks % 5) as usize, i % tasks);
        let task = plan.tasks[k as usize].id;
        let (date, at) = written_at(k + 1, u, m);
        let id = ItemId(format!("{}.{at}.{}", REPLICAS[u], k + 1));
        p.task_mut(task)
            .add_log(id, date, &entry_text(k + 1, u, m + 1), &stamp(u, at))
            .expect("a log entry");
    }
    for (k, task) in plan.tasks.iter().enumerate() {
        let tp = p.task_mut(task.id);
        let (_, at) = written_at(k as u32 + 1, 0, MONTHS - 1);
        let lead = k % 5;
        tp.set_status(Some(Status::InProgress), &stamp(lead, at + 1));
        tp.set_percent(Some(90), &stamp(lead, at + 2));
        for (u, unit) in UNITS.iter().enumerate() {
            tp.set_part(unit, Some(Status::Done), &stamp(u, at + 3 + u as i64));
        }
    }
    p
}

/// The whole year: 18,000 log entries.
pub fn progress(plan: &Plan) -> Progress {
    progress_with(plan, (TASKS * MONTHS * 5) as usize)
}

/// The same year written as three-part monthly reports instead of log entries: 18,000
/// reports of 40 + 20 + 20 characters, each written at once (one stamp), besides each
/// task's status, percent and parts.
pub fn progress_as_reports(plan: &Plan) -> Progress {
    let mut p = progress_with(plan, 0);
    for m in 0..MONTHS {
        for (u, unit) in UNITS.iter().enumerate() {
            for (k, task) in plan.tasks.iter().enumerate() {
                let text = entry_text(k as u32 + 1, u, m + 1);
                let (date, at) = written_at(k as u32 + 1, u, m);
                let chars: Vec<char> = text.chars().collect();
                let parts = [&chars[..40], &chars[40..60], &chars[60..]];
                for (part, words) in ReportPart::ALL.into_iter().zip(parts) {
                    let words: String = words.iter().collect();
                    p.task_mut(task.id)
                        .set_report(Month::of(date), unit, part, &words, &stamp(u, at))
                        .expect("a report part");
                }
            }
        }
    }
    p
}

/// Log entries in `p`.
pub fn log_entries(p: &Progress) -> usize {
    p.tasks.values().map(|t| t.log.len()).sum()
}
