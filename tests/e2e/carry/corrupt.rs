//! A copy whose embedded block is damaged starts with the local data, says so, and leaves the local progress intact.

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, open_app};

#[test]
fn a_copy_with_a_cut_data_block_starts_with_the_local_data() {
    let scratch = Scratch::new("corrupt");
    let a = Session::new();
    let dir = scratch.downloads(&a, "a");
    open_app(&a);
    click_status(&a, 3, "done");
    wait_status(&a, 3, "done");
    let (_, html) = save_copy(&a, &dir);

    // Cut the JSON in the middle; the page around it stays whole.
    let (start, end) = embed_span(&html).expect("data block");
    let json = embedded_json(&html);
    let mut half = json.len() / 2;
    while !json.is_char_boundary(half) {
        half -= 1;
    }
    let cut = format!(
        "{}{EMBED_OPEN}{}</script>{}",
        &html[..start],
        &json[..half],
        &html[end..]
    );
    let damaged = scratch.write("damaged.html", &cut);

    let s = Session::new();
    open_app(&s);
    click_status(&s, 5, "lagging");
    wait_status(&s, 5, "lagging");
    let key = format!("workplan:progress:{DEFAULT_ID}");
    assert!(
        poll_js(
            &s,
            "return localStorage.getItem(arguments[0]) !== null;",
            vec![Value::from(key.clone())]
        ),
        "the local change is stored"
    );
    let stored_before = stored_json(&s, &key);

    open_file(&s, &damaged);
    wait_notice(&s, "这个副本中保存的数据无法读取");
    let warned = js(
        &s,
        "return [...document.querySelectorAll('.notice')]
                 .filter(n => n.textContent.includes('这个副本中保存的数据无法读取'))
                 .map(n => n.className + ' ' + (n.getAttribute('role') || ''));",
    );
    assert!(
        warned.to_string().contains("warning"),
        "the message is a warning notice: {warned}"
    );
    assert!(!copy_dialog_shown(&s), "nothing to choose from");
    assert_eq!(status_of(&s, 5), "lagging", "the local data is shown");
    assert_ne!(
        status_of(&s, 3),
        "done",
        "nothing of the damaged block is taken"
    );
    assert_eq!(
        stored_json(&s, &key),
        stored_before,
        "the local progress is intact"
    );

    // The page still works: a change is saved as usual.
    click_status(&s, 9, "done");
    wait_status(&s, 9, "done");
    open_app(&s);
    wait_status(&s, 5, "lagging");
    wait_status(&s, 9, "done");
}
