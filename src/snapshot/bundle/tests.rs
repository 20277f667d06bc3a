//! Bundles: round trips, embedding in a page, and telling the kinds of import apart.

use super::*;
use crate::model::{ReplicaId, Stamp, Status, TaskId};
use crate::parse::parse_plan;

fn bundle() -> Bundle {
    let plan = parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan;
    let mut progress = Progress::default();
    let stamp = Stamp {
        at: 3,
        n: 0,
        by: None,
        replica: ReplicaId("r".into()),
    };
    progress
        .task_mut(TaskId(1))
        .set_status(Some(Status::Done), &stamp);
    progress
        .task_mut(TaskId(2))
        .add_log(
            crate::model::ItemId("r.1".into()),
            crate::model::Date::new(2023, 7, 1).expect("date"),
            "含有</script><!-- 的文字",
            &stamp,
        )
        .expect("log");
    Bundle {
        saved_at: 9,
        active: Some(plan.id.clone()),
        plans: vec![Entry { plan, progress }],
    }
}

#[test]
fn round_trips_through_a_page() {
    let b = bundle();
    let page = "<html><head><title>t</title></head><body><script type=\"module\">x()</script></body></html>";
    let saved = with_embedded(page, &embed_element(&encode_bundle(&b, false)));
    assert!(!saved[..saved.find("</head>").expect("head")].contains("</script><!--"));
    assert_eq!(decode_any(&saved), Ok(Incoming::Many(b.clone())));
    // Saving a saved page again replaces the block instead of adding one.
    let mut b2 = b.clone();
    b2.saved_at = 10;
    let again = with_embedded(&saved, &embed_element(&encode_bundle(&b2, false)));
    assert_eq!(again.matches(EMBED_ID).count(), 1);
    assert_eq!(decode_any(&again), Ok(Incoming::Many(b2)));
}

#[test]
fn tells_the_kinds_apart() {
    let b = bundle();
    let one = b.snapshots().next().expect("one plan");
    assert_eq!(
        decode_any(&crate::snapshot::encode_pretty(&one)),
        Ok(Incoming::One(one))
    );
    assert_eq!(
        decode_any("<html><body>no data</body></html>"),
        Err(SnapshotError::NoEmbeddedData)
    );
    let page = with_embedded(
        "<head></head>",
        &embed_element("{\"format\":\"workplan-bundle\",\"version\":1,\"saved"),
    );
    assert_eq!(decode_any(&page), Err(SnapshotError::Truncated));
}
