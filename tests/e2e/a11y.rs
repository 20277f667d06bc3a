//! Accessibility gate: axe-core (from npm, `WORKPLAN_NPM`) runs inside the page on the main
//! view and on every dialog; any `serious` or `critical` violation fails the test.
//!
//! Each view is one line in [`views!`]: a test name and a function that brings a freshly
//! opened app into that view (see `a11y/views.rs`).

mod axe;
mod views;

use crate::webdriver::{Session, open_app};

/// Opens the app, applies `setup`, runs axe on the whole document and asserts that nothing
/// serious or critical is reported. Moderate and minor findings are printed, not failed.
fn check(view: &str, setup: fn(&Session)) {
    let s = Session::new();
    open_app(&s);
    setup(&s);
    let found = axe::run(&s);
    let (blocking, other): (Vec<_>, Vec<_>) = found.into_iter().partition(axe::Violation::blocks);
    if !other.is_empty() {
        eprintln!(
            "a11y {view}: {} moderate/minor finding(s) (not failing):\n{}",
            other.len(),
            axe::report(&other)
        );
    }
    assert!(
        blocking.is_empty(),
        "a11y {view}: {} serious/critical axe violation(s):\n{}",
        blocking.len(),
        axe::report(&blocking)
    );
}

/// One `#[test]` per view: `test_name => setup,` where `setup` is a `fn(&Session)`, e.g.
/// `statistics => |s| views::open(s, "button#stats", "#stats-view"),`.
macro_rules! views {
    ($($name:ident => $setup:expr,)*) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name), $setup);
            }
        )*
    };
}

views! {
    main_view_with_report_open => views::main_with_report,
    main_view_filtered => views::filtered,
    new_plan_dialog => views::new_plan,
    new_plan_dialog_with_preview => views::new_plan_preview,
    library_dialog => views::library,
    edit_mode => views::edit_mode,
    task_dialog => views::task_dialog,
    units_dialog => views::units,
    data_dialog => views::data,
    paste_dialog => views::paste,
    copy_choice_dialog => views::copy_choice,
    statistics => views::statistics,
    import_preview_dialog => views::import_preview,
    report_text_dialog => views::report_text,
}
