//! Tests of the inlining: escaping, the glue's export, the CSP check and the assembled page.

use super::*;

#[test]
fn escapes_script_end_tags_in_any_case() {
    let out = escape_script("a='</script>'; b='</SCRIPT '; c='<script>'").expect("utf-8");
    assert_eq!(out, "a='<\\/script>'; b='<\\/SCRIPT '; c='<script>'");
}

#[test]
fn finds_the_default_export() {
    let glue = "function __wbg_init() {}\nexport { initSync, __wbg_init as default };";
    assert_eq!(default_export(glue), Some("__wbg_init"));
    assert_eq!(default_export("export { a };"), None);
}

#[test]
fn csp_suits_chrome_80() {
    let csp = |src: &str| {
        format!(
            "<meta content=\"default-src 'none'; script-src {src}; style-src 'unsafe-inline'\">"
        )
    };
    assert!(check_csp(&csp("'unsafe-inline' 'unsafe-eval'")).is_ok());
    assert!(check_csp(&csp("'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'")).is_err());
    assert!(check_csp(&csp("'unsafe-inline' 'wasm-unsafe-eval'")).is_err());
    assert!(check_csp("<head></head>").is_err());
    let index = include_str!("../../../index.html");
    assert_eq!(check_csp(index).map_err(|e| e.to_string()), Ok(()));
}

#[test]
fn fills_both_markers_once() {
    let template = format!(
        "<meta content=\"script-src 'unsafe-eval'\"><head>{STYLE_MARKER}</head><body>{SCRIPT_MARKER}</body>"
    );
    let glue = "async function init(x) {}\nexport { init as default };";
    let wasm = Payload {
        zlib: b"\0asm",
        size: 8,
        inflater: "module.exports = f;",
    };
    let html = assemble(&template, "p{}", glue, &wasm).expect("assembles");
    assert!(html.contains("<style>\np{}</style>"));
    assert_eq!(html.matches("<script type=\"module\">").count(), 1);
    assert!(html.contains("init({ module_or_path: bytes })"));
    assert!(html.contains(
        "<script type=\"application/octet-stream\" id=\"wasm-payload\">AGFzbQ==</script>"
    ));
    assert!(html.contains("document.getElementById('wasm-payload').textContent"));
    assert!(html.contains("Uint8Array.fromBase64(t)") && html.contains("atob(t)"));
    assert!(html.contains("new DecompressionStream('deflate')"));
    assert!(html.contains("const __workplan_wasm_size = 8;"));
    assert!(html.contains("z.length !== 4)"));
    assert!(html.contains("h >>> 0 !== 3082395410"));
    assert!(assemble("<body></body>", "", glue, &wasm).is_err());
    let required = Payload {
        inflater: "module.exports = require('x');",
        ..wasm
    };
    assert!(assemble(&template, "", glue, &required).is_err());
}

#[test]
fn deflate_is_zlib() {
    let z = deflate(&[7; 1000]).expect("deflates");
    assert_eq!(z[0] & 0x0f, 8, "CM = deflate");
    assert_eq!((u16::from(z[0]) << 8 | u16::from(z[1])) % 31, 0, "FCHECK");
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&z[..]), &mut out)
        .expect("inflates");
    assert_eq!(out, [7; 1000]);
}
