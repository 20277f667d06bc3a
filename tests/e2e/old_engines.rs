//! The shipped page's script and CSS stay within what Chrome 80 and Firefox ESR 78 understand.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::webdriver::dist_path;

/// The page's one module script and all of its CSS.
fn parts() -> (String, String) {
    let html = std::fs::read_to_string(dist_path()).expect("read the dist file");
    let between = |open: &str, close: &str| -> String {
        let start = html
            .find(open)
            .unwrap_or_else(|| panic!("no {open} in the page"))
            + open.len();
        let end = start + html[start..].find(close).expect("closing tag");
        html[start..end].to_owned()
    };
    (
        between("<script type=\"module\">", "</script>"),
        between("<style>", "</style>"),
    )
}

/// Parses `js` as an ES2020 module with acorn; `Err` carries acorn's message.
fn parse_es2020(js: &str) -> Result<(), String> {
    let modules = std::env::var_os("WORKPLAN_NPM")
        .map(PathBuf::from)
        .expect("WORKPLAN_NPM is not set: run the browser tests with `cargo xtask test`");
    let acorn = modules.join("acorn");
    let script = format!(
        "const acorn = require({:?}); let src = ''; process.stdin.on('data', d => src += d);
         process.stdin.on('end', () => {{ try {{ acorn.parse(src, {{ ecmaVersion: 2020, sourceType: 'module' }}); }}
         catch (e) {{ console.error(e.message); process.exit(1); }} }});",
        acorn.to_string_lossy()
    );
    let mut child = Command::new("node")
        .args(["-e", &script])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run node");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(js.as_bytes())
        .expect("feed node");
    let out = child.wait_with_output().expect("node finished");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn page_script_is_es2020() {
    let (js, _) = parts();
    assert_eq!(parse_es2020(&js), Ok(()));
    // The check can fail: logical assignment (ES2021) is newer than Chrome 80.
    assert!(parse_es2020("let a = null; a ??= 1;").is_err());
    assert_eq!(parse_es2020("const b = globalThis?.x ?? 2;"), Ok(()));
}

#[test]
fn the_wasm_inflates_with_what_old_engines_have() {
    let (js, _) = parts();
    // Chrome 80 knows 'deflate' (zlib) and 'gzip'; 'deflate-raw' is Chrome 103+.
    assert!(js.contains("new DecompressionStream('deflate')"));
    assert!(
        !js.contains("deflate-raw"),
        "'deflate-raw' needs Chrome 103+"
    );
    // Firefox ESR 78 has no DecompressionStream: the inflater is inlined, never fetched.
    assert!(js.contains("typeof DecompressionStream !== 'function'"));
    assert!(js.contains("const __workplan_inflate = (function () {"));
    assert!(!js.contains("import("), "no dynamic import");
}

#[test]
fn css_uses_nothing_newer_than_chrome_80() {
    let (_, css) = parts();
    // Flexbox `gap` is Chrome 84; the selectors and properties below are newer still.
    let too_new = [
        "gap:",
        ":is(",
        ":where(",
        ":has(",
        "aspect-ratio",
        "inset:",
        "@layer",
        "@container",
        "color-mix(",
        "oklch(",
        "dvh",
        "svh",
        "text-wrap",
    ];
    let found: Vec<&str> = too_new
        .iter()
        .copied()
        .filter(|f| css.contains(f))
        .collect();
    assert!(
        found.is_empty(),
        "CSS uses features Chrome 80 lacks: {found:?}"
    );
    assert!(css.contains("@media print"), "sanity: the CSS was found");
}
