//! Periods, who has not reported, and the reminder text.

use super::*;
use crate::model::stamp::ItemId;
use crate::model::stats::testkit::{Kit, date, ids, stamp};
use crate::model::status::Status;

const BEIJING: i32 = 480;
const HOUR: i64 = 3_600_000;

/// Stamp time of local `hour`:00 on a day in 2023, 北京时间.
fn at(m: u8, d: u8, hour: i64) -> i64 {
    local_day_start_ms(date(2023, m, d), BEIJING) + hour * HOUR
}

fn labels(units: &[Responsible]) -> Vec<&str> {
    units.iter().map(Responsible::label).collect()
}

#[test]
fn months_and_labels() {
    let july = Period::month_of(date(2023, 7, 15));
    assert_eq!(
        (july.start, july.end),
        (date(2023, 7, 1), date(2023, 7, 31))
    );
    assert_eq!(july.label(), "2023年7月");
    assert!(july.contains(date(2023, 7, 31)) && !july.contains(date(2023, 8, 1)));
    assert_eq!(Period::month_of(date(2024, 2, 1)).end, date(2024, 2, 29));
    assert_eq!(
        july.start_ms(BEIJING),
        1_688_140_800_000,
        "2023-06-30T16:00Z"
    );
    assert_eq!(july.end_ms(BEIJING), at(8, 1, 0));
    let half = Period {
        start: date(2023, 7, 1),
        end: date(2023, 7, 15),
    };
    assert_eq!(half.label(), "2023年7月1日至2023年7月15日");
}

#[test]
fn reports_count_only_inside_the_period_and_only_by_the_unit() {
    let mut kit = Kit::plan_2023();
    kit.plan.units.remove("文源司法所");
    kit.plan.units.remove("暮云司法所");
    let july = Period::month_of(date(2023, 7, 1));
    let p = &mut kit.progress;
    p.task_mut(TaskId(7))
        .add_log(
            ItemId("a".into()),
            date(2023, 7, 3),
            "已制定",
            &stamp(at(7, 3, 9), Some("普法与依法治理科")),
        )
        .expect("log");
    // A part keyed by the unit counts whoever set it.
    p.task_mut(TaskId(8)).set_part(
        "执法监督与法制审查科",
        Some(Status::InProgress),
        &stamp(at(7, 2, 9), None),
    );
    // One hour before the period: does not count.
    p.task_mut(TaskId(8)).set_status(
        Some(Status::InProgress),
        &stamp(at(6, 30, 23), Some("行政复议与应诉科")),
    );
    // Local 00:00 of 1 August is already the next period.
    p.task_mut(TaskId(8))
        .set_percent(Some(10), &stamp(at(8, 1, 0), Some("办公室")));
    // 23:59 on the last day counts.
    p.task_mut(TaskId(14))
        .add_log(
            ItemId("b".into()),
            date(2023, 7, 31),
            "已召开",
            &stamp(at(7, 31, 24) - 60_000, Some("社区矫正管理科")),
        )
        .expect("log");
    // A 司法所 the registry does not know reports for the memberless 各司法所 row.
    p.task_mut(TaskId(14))
        .set_percent(Some(20), &stamp(at(7, 10, 9), Some("文源司法所")));
    let missing = not_reported(&kit.plan, &kit.progress, &ids([7, 8, 14]), &july, BEIJING);
    assert_eq!(labels(&missing), ["行政复议与应诉科", "办公室"]);
    // Reports on tasks outside the given ids do not count.
    let only_8 = not_reported(&kit.plan, &kit.progress, &ids([8]), &july, BEIJING);
    assert_eq!(
        labels(&only_8),
        ["行政复议与应诉科", "普法与依法治理科", "办公室"]
    );
    // In UTC the 23:00 stamp of 30 June (15:00Z) is still June, and 00:00 of 1 August (16:00Z
    // on 31 July) is July.
    let utc = not_reported(&kit.plan, &kit.progress, &ids([8]), &july, 0);
    assert_eq!(labels(&utc), ["行政复议与应诉科", "普法与依法治理科"]);
    let august = Period::month_of(date(2023, 8, 1));
    let none = not_reported(&kit.plan, &kit.progress, &ids([14]), &august, BEIJING);
    assert_eq!(labels(&none), ["社区矫正管理科", "各司法所"]);
    // With its members registered, the group is expanded and each member answers for itself.
    kit.plan.units.insert("文源司法所");
    kit.plan.units.insert("暮云司法所");
    let members = not_reported(&kit.plan, &kit.progress, &ids([14]), &july, BEIJING);
    assert_eq!(labels(&members), ["暮云司法所"]);
}

#[test]
fn reminder_wording() {
    let july = Period::month_of(date(2023, 7, 1));
    let units = [
        Responsible::Unit(UnitId("办公室".into())),
        Responsible::Group("各司法所".into()),
    ];
    assert_eq!(
        reminder_text(&units, &july, Some(date(2023, 8, 5))),
        "以下单位尚未报送2023年7月工作进展：办公室、各司法所。请于2023年8月5日前报送。"
    );
    assert_eq!(
        reminder_text(&units[..1], &july, None),
        "以下单位尚未报送2023年7月工作进展：办公室。请尽快报送。"
    );
    assert_eq!(
        reminder_text(&[], &july, None),
        "2023年7月工作进展各单位均已报送。"
    );
}
