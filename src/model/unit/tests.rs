//! Unit registry: default groups, kinds by name, user-defined kinds and groups, renames.

use super::*;

#[test]
fn default_groups_are_recognised() {
    let reg = UnitRegistry::default();
    assert_eq!(reg.resolve("各科室"), Responsible::Group("各科室".into()));
    assert_eq!(reg.resolve("司法所"), reg.resolve("各司法所"));
    assert_eq!(
        reg.resolve("办公室"),
        Responsible::Unit(UnitId("办公室".into()))
    );
}

#[test]
fn kinds_follow_the_name() {
    assert_eq!(UnitKind::of_name("办公室").as_str(), UnitKind::OFFICE);
    assert_eq!(
        UnitKind::of_name("普法与依法治理科").as_str(),
        UnitKind::OFFICE
    );
    assert_eq!(
        UnitKind::of_name("文源司法所").as_str(),
        UnitKind::JUDICIAL_OFFICE
    );
    assert_eq!(UnitKind::of_name("区委政法委").as_str(), UnitKind::OTHER);
}

#[test]
fn group_covers_units_of_its_kind() {
    let mut reg = UnitRegistry::default();
    reg.insert("普法与依法治理科");
    reg.insert("文源司法所");
    reg.insert("各科室");
    assert_eq!(reg.units().len(), 2);
    let office = UnitId("普法与依法治理科".into());
    let jo = UnitId("文源司法所".into());
    let all_offices = reg.resolve("各科室");
    let all_jo = reg.resolve("司法所");
    assert!(reg.covers(&all_offices, &office));
    assert!(!reg.covers(&all_offices, &jo));
    assert!(reg.covers(&all_jo, &jo));
    assert_eq!(reg.expand(&all_jo), vec![jo]);
}

#[test]
fn user_defined_kinds_and_groups() {
    let mut reg = UnitRegistry::default();
    reg.insert("天心区人民法院");
    reg.insert("天心区人民检察院");
    assert!(reg.set_kind("天心区人民法院", UnitKind::new("政法单位")));
    assert!(reg.set_kind("天心区人民检察院", UnitKind::new("政法单位")));
    reg.set_group(GroupDef {
        name: "各政法单位".into(),
        aliases: vec![],
        kind: UnitKind::new("政法单位"),
    });
    let g = reg.resolve("各政法单位");
    assert_eq!(reg.expand(&g).len(), 2);
    assert!(reg.kinds().contains(&UnitKind::new("政法单位")));
    reg.rename("天心区人民法院", "区法院");
    assert_eq!(reg.kind_of("区法院").as_str(), "政法单位");
    reg.rename("区法院", "天心区人民检察院");
    assert_eq!(reg.units().len(), 1);
}
