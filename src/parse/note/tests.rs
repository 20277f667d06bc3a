//! Unit tests for responsibility notes.

use super::*;

fn units(note: &Note) -> Vec<(&str, Role)> {
    note.units.iter().map(|(n, r)| (n.as_str(), *r)).collect()
}

#[test]
fn labelled_notes_in_any_bracket() {
    let s = strip_notes("做好工作。(责任部门:各科室、司法所)");
    assert_eq!(s.text, "做好工作。");
    let note = s.note.expect("note");
    assert_eq!(
        units(&note),
        [("各科室", Role::Responsible), ("司法所", Role::Responsible)]
    );
    let s = strip_notes("推进改革。〔牵头单位：市司法局，责任单位：各区县政府〕");
    assert_eq!(
        units(&s.note.expect("note")),
        [("市司法局", Role::Lead), ("各区县政府", Role::Responsible)]
    );
    let s = strip_notes("推进改革。【牵头单位：甲；配合单位：乙、丙；责任领导：张三】");
    assert_eq!(
        units(&s.note.expect("note")),
        [
            ("甲", Role::Lead),
            ("乙", Role::Cooperating),
            ("丙", Role::Cooperating)
        ]
    );
}

#[test]
fn deadlines_inside_notes() {
    let note = strip_notes("建成平台。(责任单位:办公室;完成时限:6月底前)")
        .note
        .expect("note");
    assert_eq!(note.deadline.as_deref(), Some("6月底前"));
    assert_eq!(units(&note), [("办公室", Role::Responsible)]);
    let note = strip_notes("建成平台。(责任单位:办公室，年底前完成)")
        .note
        .expect("note");
    assert_eq!(note.deadline.as_deref(), Some("年底前"));
    assert_eq!(note.units.len(), 1);
}

#[test]
fn verb_style_notes() {
    let note = strip_notes("完善制度。（国家发展改革委、财政部牵头，各有关部门按职责分工负责）")
        .note
        .expect("note");
    assert_eq!(
        units(&note),
        [
            ("国家发展改革委", Role::Lead),
            ("财政部", Role::Lead),
            ("各有关部门", Role::Responsible)
        ]
    );
    let note = strip_notes("做好工作(市委政法委牵头，市法院、市检察院配合，2024年6月底前完成)")
        .note
        .expect("note");
    assert_eq!(note.units[2], ("市检察院".to_string(), Role::Cooperating));
    assert_eq!(note.deadline.as_deref(), Some("2024年6月底前"));
}

#[test]
fn ordinary_brackets_are_text() {
    for text in [
        "实施《法治建设规划(2021-2025年)》",
        "压实各级党委(党组)主体责任",
        "推动經濟高質量發(fā)展",
        "建设公共法律服务站(点)",
        "讨论(由谁来做)的问题",
    ] {
        let s = strip_notes(text);
        assert_eq!(s.note, None, "{text}");
        assert_eq!(s.text, text);
    }
}

#[test]
fn names_with_brackets_stay_whole() {
    let note = strip_notes("做好工作。(责任单位:各县(市、区)人民政府、市司法局)")
        .note
        .expect("note");
    assert_eq!(note.units[0].0, "各县(市、区)人民政府");
    assert_eq!(note.units.len(), 2);
}

#[test]
fn unclosed_note_drops_the_cut_name() {
    let s = strip_notes("做好工作。(责任单位:办公室、区政");
    assert_eq!(s.text, "做好工作。");
    let note = s.note.expect("note");
    assert_eq!(units(&note), [("办公室", Role::Responsible)]);
    assert_eq!(note.truncated.as_deref(), Some("区政"));
    let note = strip_notes("做好工作(区委政法委牵头，区法院、区检")
        .note
        .expect("note");
    assert_eq!(units(&note), [("区委政法委", Role::Lead)]);
    assert_eq!(note.truncated.as_deref(), Some("区法院、区检"));
}

#[test]
fn whole_note_lines() {
    let note = note_line("牽頭單位：區司法局").expect("note line");
    assert_eq!(units(&note), [("區司法局", Role::Lead)]);
    let note = note_line("协同责任单位：区法院、区检察院").expect("note line");
    assert_eq!(note.units[1].1, Role::Cooperating);
    assert_eq!(note_line("责任领导：张三"), Some(Note::default()));
    assert!(note_line("（区委组织部牵头，各街道负责）").is_some());
    assert_eq!(note_line("（2021-2025年）"), None);
    assert_eq!(note_line("加强党建工作"), None);
}

#[test]
fn text_after_the_note_is_reported() {
    let s = strip_notes("做好工作(责任单位:办公室)并报送材料。");
    assert_eq!(s.after.as_deref(), Some("并报送材料"));
    assert_eq!(strip_notes("做好工作(责任单位:办公室)。").after, None);
}

#[test]
fn a_labelled_note_may_end_the_text_without_brackets() {
    let s = strip_notes("推进法律援助便民。完成时限：2025年10月底");
    assert_eq!(s.text, "推进法律援助便民。");
    assert_eq!(
        s.note.expect("note").deadline.as_deref(),
        Some("2025年10月底")
    );
    let s = strip_notes("加强队伍建设。开展培训。牵头单位：办公室；责任单位：各科室");
    assert_eq!(s.text, "加强队伍建设。开展培训。");
    assert_eq!(
        units(&s.note.expect("note")),
        [("办公室", Role::Lead), ("各科室", Role::Responsible)]
    );
    // A label without its colon is prose; a bracket note after it still counts.
    let s = strip_notes("加强监管。责任单位要落实主体责任。(责任单位:办公室)");
    assert_eq!(s.text, "加强监管。责任单位要落实主体责任。");
    assert_eq!(
        units(&s.note.expect("note")),
        [("办公室", Role::Responsible)]
    );
    assert_eq!(s.after, None);
}
