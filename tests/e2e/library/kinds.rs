//! 单位管理's kinds and groups: a kind and a new group survive a reload; task counts include groups; an empty kind is refused by name and changes nothing.

use super::support::*;
use super::units::unit_row;
use crate::webdriver::{Session, open_app, wait_ready};

#[test]
fn unit_kind_and_a_new_group() {
    let s = Session::new();
    open_app(&s);
    open_dialog(&s, "button#manage-units", "#units-dialog");
    set_value(
        &s,
        &format!("{} input.unit-kind", unit_row("办公室")),
        "综合部门",
    );
    set_value(&s, "#units-dialog input#group-name", "各综合部门");
    set_value(&s, "#units-dialog input#group-kind", "综合部门");
    click(&s, "#units-dialog button#add-group");
    wait_shown(&s, r#"#units-dialog tr.group-row[data-group="各综合部门"]"#);
    close_dialog(&s, "#units-dialog");
    s.refresh();
    wait_ready(&s);
    open_dialog(&s, "button#manage-units", "#units-dialog");
    let kind = s
        .find(&format!("{} input.unit-kind", unit_row("办公室")))
        .property("value");
    assert_eq!(kind, "综合部门", "办公室's kind after reload");
    assert!(
        shown(&s, r#"#units-dialog tr.group-row[data-group="各综合部门"]"#),
        "the new group is listed after reload"
    );
}

#[test]
fn task_counts_and_a_cleared_kind_refused_by_name() {
    let s = Session::new();
    open_app(&s);
    open_dialog(&s, "button#manage-units", "#units-dialog");
    let count = |unit: &str| {
        s.find(&format!("{} .unit-count", unit_row(unit)))
            .property("textContent")
    };
    assert_eq!(
        count("文源司法所"),
        "0（含分组 17）",
        "named by no task, in 17 through 各司法所"
    );
    assert_eq!(
        count("办公室"),
        "1（含分组 9）",
        "as the 责任部门 chips count"
    );
    let kind_box = format!("{} input.unit-kind", unit_row("办公室"));
    let before = s.find(&kind_box).property("value");
    assert_eq!(before, "科室", "办公室 starts as a 科室");
    set_value(&s, &kind_box, "");
    let said = notices(&s);
    assert!(
        said.contains("类型不能为空"),
        "the notice names the kind, not a name or title: {said}"
    );
    assert_eq!(
        s.find(&kind_box).property("value"),
        "科室",
        "the box shows the kind kept"
    );

    // A group without a kind is refused too, and keeps the name typed for completing.
    set_value(&s, "#units-dialog input#group-name", "各综合部门");
    click(&s, "#units-dialog button#add-group");
    assert!(
        notices(&s).matches("类型不能为空").count() >= 1,
        "the group's missing kind is named"
    );
    assert_eq!(
        s.find("#units-dialog input#group-name").property("value"),
        "各综合部门",
        "the typed group name stays"
    );
    assert!(
        !shown(&s, r#"#units-dialog tr.group-row[data-group="各综合部门"]"#),
        "no group was added"
    );
    close_dialog(&s, "#units-dialog");
    s.refresh();
    wait_ready(&s);
    open_dialog(&s, "button#manage-units", "#units-dialog");
    assert_eq!(
        s.find(&kind_box).property("value"),
        "科室",
        "the stored kind is unchanged"
    );
}
