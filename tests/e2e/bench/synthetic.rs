//! Synthetic plans for the benchmark: plan text of any size, progress with log entries, and the export files a peer would email.

use workplan::model::{Date, ItemId, Plan, Progress, ReplicaId, Stamp, Status, TaskId, UnitId};
use workplan::parse::parse_plan;
use workplan::snapshot::{Snapshot, encode_pretty};

/// Sections of every synthetic plan (section numerals go up to 九十九).
pub const SECTIONS: u32 = 50;
/// Peer files differ from the base on every task whose number is `r` modulo this.
const PEER_STRIDE: u32 = 97;

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
/// Who writes the synthetic log entries.
const WRITERS: [&str; 4] = ["办公室", "普法与依法治理科", "文源司法所", "暮云司法所"];

/// Plan text with `tasks` tasks in [`SECTIONS`] sections; words occur with varied frequency.
/// Task bodies carry `sentences` sentences (the 20k plan uses fewer, to fit browser storage).
pub fn plan_text(tasks: u32, sentences: usize) -> String {
    assert_eq!(tasks % SECTIONS, 0, "tasks must fill {SECTIONS} sections");
    let mut out = format!(
        "某区司法局{tasks}项工作要点（性能测试）\n发布时间 : 2023-06-01 来源:某区司法局\n总体要求：以性能测试为目的生成的工作要点。\n"
    );
    let mut i = 0u32;
    for sec in 1..=SECTIONS {
        out.push_str(&format!(
            "{}、第{sec}部分：{}\n",
            chinese_numeral(sec),
            TOPICS[sec as usize % TOPICS.len()]
        ));
        for _ in 0..tasks / SECTIONS {
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
            for j in 0..sentences {
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

/// The parsed synthetic plan; panics unless it has exactly the tasks asked for and no warnings.
pub fn plan(tasks: u32, sentences: usize) -> Plan {
    let parsed = parse_plan(&plan_text(tasks, sentences)).expect("synthetic plan parses");
    assert_eq!(
        parsed.plan.tasks.len(),
        tasks as usize,
        "synthetic task count"
    );
    assert_eq!(parsed.plan.sections.len(), SECTIONS as usize, "sections");
    assert!(
        parsed.warnings.is_empty(),
        "synthetic plan warnings: {:?}",
        &parsed.warnings[..parsed.warnings.len().min(5)]
    );
    parsed.plan
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn stamp(at: i64, writer: usize, replica: &str) -> Stamp {
    Stamp {
        at,
        n: 0,
        by: Some(UnitId(WRITERS[writer % WRITERS.len()].into())),
        replica: ReplicaId(replica.into()),
    }
}

/// One log entry on `task`, written by `replica`.
fn log(progress: &mut Progress, task: u32, replica: &str, nth: u32, at: i64) {
    let k = task as usize;
    let day = Date::new(2023, 1 + (task % 12) as u8, 1 + (task % 28) as u8).expect("date");
    let text = format!(
        "第{task}项第{nth}次进展：{}",
        SENTENCES[(k * 7 + nth as usize) % SENTENCES.len()]
    );
    progress
        .task_mut(TaskId(task))
        .add_log(
            ItemId(format!("{replica}.{task}.{nth}")),
            day,
            &text,
            &stamp(at, k, replica),
        )
        .expect("log entry");
}

/// Progress as several units recorded it over the months: a log entry on every
/// `log_every`th task, a status on every third of those.
pub fn progress(tasks: u32, log_every: u32) -> Progress {
    let base = now_ms() - 30 * 86_400_000;
    let mut p = Progress::default();
    for task in (log_every..=tasks).step_by(log_every as usize) {
        let at = base + i64::from(task);
        log(&mut p, task, "bench", 1, at);
        if task % (3 * log_every) == 0 {
            let status = Status::ALL[(task as usize / 6) % Status::ALL.len()];
            p.task_mut(TaskId(task))
                .set_status(Some(status), &stamp(at, task as usize, "bench"));
        }
    }
    p
}

/// Log entries in `progress`.
pub fn log_count(progress: &Progress) -> usize {
    progress.tasks.values().map(|t| t.log.len()).sum()
}

/// An export file of `plan` with `progress`, as 导出数据 writes it.
pub fn export(plan: &Plan, progress: &Progress) -> String {
    encode_pretty(&Snapshot {
        saved_at: now_ms(),
        plan: plan.clone(),
        progress: progress.clone(),
    })
}

/// The export a peer emails back: everything in `base`, plus, on every task numbered `r`
/// modulo [`PEER_STRIDE`], a new log entry and a status. Different `r`s change different tasks.
pub fn peer_export(plan: &Plan, base: &Progress, r: u32) -> String {
    let replica = format!("peer{r}");
    let at = now_ms() - 60_000;
    let mut p = base.clone();
    let tasks = plan.tasks.len() as u32;
    for task in (r..=tasks).step_by(PEER_STRIDE as usize) {
        log(&mut p, task, &replica, 1, at + i64::from(task));
        p.task_mut(TaskId(task))
            .set_status(Some(Status::Done), &stamp(at, task as usize, &replica));
    }
    export(plan, &p)
}
