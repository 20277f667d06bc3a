//! 我的任务 narrowed by role: 牵头 shows the tasks 本部门 leads, 配合 those it co-operates on; the URL hash carries the choice.

use serde_json::Value;

use super::support::*;
use crate::progress::support::choose_unit;
use crate::webdriver::{Session, open_app, wait_ready, written_hash};

/// 办公室 leads task 1, co-operates on task 2, is responsible for task 3; task 4 is not its.
const ROLES: &str = "2025年角色测试工作要点
一、综合事务
1.统筹年度重点工作。按季度调度推进。(牵头单位:办公室;配合单位:法制科)
2.完善规范性文件审查。逐件登记备案。(牵头单位:法制科;配合单位:办公室)
3.做好机关后勤保障。(责任单位:办公室)
4.开展执法案卷评查。(责任单位:法制科)
";
const ROLES_TITLE: &str = "2025年角色测试工作要点";

fn pressed(s: &Session, css: &str) -> bool {
    s.find(css).attr("aria-pressed").as_deref() == Some("true")
}

/// Waits until the cards shown are exactly `ids`.
fn wait_cards(s: &Session, ids: &[u32], when: &str) {
    wait_cards_with(s, ids, &[], when);
}

/// Waits until the cards shown are all of `ids`, none of the others, with each of `either`
/// allowed to be shown or not (a sole responsible unit: neither clearly 牵头 nor 配合).
fn wait_cards_with(s: &Session, ids: &[u32], either: &[u32], when: &str) {
    let ok = poll_js(
        s,
        "const shown = [...document.querySelectorAll('article.task')].map(a => +a.dataset.task);
         const [must, may] = [arguments[0], arguments[1]];
         return must.every(i => shown.includes(i)) && shown.every(i => must.includes(i) || may.includes(i));",
        vec![Value::from(ids.to_vec()), Value::from(either.to_vec())],
    );
    assert!(
        ok,
        "{when}: expected tasks {ids:?}; shown {:?} (hash {:?})",
        card_ids(s),
        js(s, "return location.hash;")
    );
}

#[test]
fn role_buttons_narrow_my_tasks_and_live_in_the_hash() {
    let s = Session::new();
    open_app(&s);
    create_plan(&s, ROLES, ROLES_TITLE);
    let ids = card_ids(&s);
    assert_eq!(ids.len(), 4, "the role plan's tasks: {ids:?}");
    choose_unit(&s, "办公室");
    click(&s, "button#my-tasks");
    wait_cards(&s, &ids[..3], "我的任务 for 办公室");

    click(&s, "button#my-role-lead");
    wait_cards_with(&s, &ids[..1], &ids[2..3], "我的任务 + 牵头");
    assert!(pressed(&s, "button#my-role-lead"), "牵头 is pressed");
    let hash = written_hash(&s);
    assert!(
        hash.contains("role=lead"),
        "the hash carries role=lead: {hash}"
    );

    click(&s, "button#my-role-coop");
    wait_cards_with(&s, &ids[1..2], &ids[2..3], "我的任务 + 配合");
    assert!(
        pressed(&s, "button#my-role-coop") && !pressed(&s, "button#my-role-lead"),
        "配合 pressed, 牵头 released"
    );
    let hash = written_hash(&s);
    assert!(
        hash.contains("role=coop"),
        "the hash carries role=coop: {hash}"
    );

    s.refresh();
    wait_ready(&s);
    wait_h1(&s, ROLES_TITLE);
    wait_cards_with(&s, &ids[1..2], &ids[2..3], "配合 after reload");
    assert!(
        pressed(&s, "button#my-role-coop"),
        "配合 still pressed after reload"
    );

    click(&s, "button#my-role-coop");
    wait_cards(&s, &ids[..3], "配合 released");
    let hash = written_hash(&s);
    assert!(
        !hash.contains("role="),
        "no role in the hash once released: {hash}"
    );
}
