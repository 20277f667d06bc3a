//! Static checks of the dist file: the inlined (deflated) wasm is MVP + mutable-global only, and nothing is external.

use std::io::Read;

use wasmparser::{Validator, WasmFeatures};

use crate::webdriver::{base64_decode, dist_path};

/// Wasm 1.0 (the MVP) plus mutable globals: what the oldest supported browsers run.
const FEATURES: WasmFeatures = WasmFeatures::WASM1;

fn read_dist() -> String {
    let path = dist_path();
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Byte range of the longest run of base64 characters in `text` (the inlined wasm).
fn longest_base64_run(text: &str) -> (usize, usize) {
    let is_b64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=';
    let bytes = text.as_bytes();
    let (mut best, mut i) = ((0, 0), 0);
    while i < bytes.len() {
        if is_b64(bytes[i]) {
            let start = i;
            while i < bytes.len() && is_b64(bytes[i]) {
                i += 1;
            }
            if i - start > best.1 - best.0 {
                best = (start, i);
            }
        } else {
            i += 1;
        }
    }
    best
}

/// The number after `const __workplan_wasm_size = ` in the page: the wasm's size in bytes.
fn declared_size(html: &str) -> usize {
    const DECL: &str = "const __workplan_wasm_size = ";
    let at = html.find(DECL).expect("the page declares the wasm size") + DECL.len();
    let digits: String = html[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().expect("the wasm size is a number")
}

/// The wasm module inlined in the dist HTML: the base64 text of its payload element, zlib-inflated.
fn inlined_wasm(html: &str) -> Vec<u8> {
    let (start, end) = longest_base64_run(html);
    assert!(
        end - start > 1024,
        "no base64 blob of more than 1 KiB in the dist html"
    );
    let zlib = base64_decode(&html[start..end]).expect("the longest base64 literal decodes");
    let mut wasm = Vec::new();
    flate2::read::ZlibDecoder::new(&zlib[..])
        .read_to_end(&mut wasm)
        .expect("the longest base64 literal is zlib data (checksum included)");
    assert!(
        wasm.starts_with(b"\0asm\x01\0\0\0"),
        "the inflated payload is not a wasm 1 module (starts {:02x?})",
        &wasm[..wasm.len().min(8)]
    );
    assert_eq!(wasm.len(), declared_size(html), "inflated size");
    eprintln!(
        "wasm_features: wasm {} B, deflated {} B, base64 {} B",
        wasm.len(),
        zlib.len(),
        end - start
    );
    wasm
}

/// `(func (param i32) (result i32) local.get 0 <op>)` as a complete module.
fn tiny_module(op: u8) -> Vec<u8> {
    let mut m = b"\0asm\x01\0\0\0".to_vec();
    m.extend_from_slice(&[0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]); // type (i32)->i32
    m.extend_from_slice(&[0x03, 0x02, 0x01, 0x00]); // one function of type 0
    m.extend_from_slice(&[0x0a, 0x07, 0x01, 0x05, 0x00, 0x20, 0x00, op, 0x0b]); // code
    m
}

#[test]
fn validator_rejects_post_mvp_sign_extension() {
    // i32.eqz (0x45) is MVP; i32.extend8_s (0xc0) is the sign-extension proposal.
    Validator::new_with_features(FEATURES)
        .validate_all(&tiny_module(0x45))
        .expect("the MVP control module validates");
    let Err(err) = Validator::new_with_features(FEATURES).validate_all(&tiny_module(0xc0)) else {
        panic!("sign-extension ops must be rejected under MVP + mutable-global");
    };
    assert!(
        err.to_string().contains("sign extension"),
        "unexpected error: {err}"
    );
}

#[test]
fn inlined_wasm_is_mvp_plus_mutable_global_only() {
    let wasm = inlined_wasm(&read_dist());
    if let Err(e) = Validator::new_with_features(FEATURES).validate_all(&wasm) {
        panic!(
            "inlined wasm ({} bytes) needs more than MVP + mutable-global: {e}",
            wasm.len()
        );
    }
}

/// Lowercased HTML with the wasm blob cut out, so random base64 cannot fake a match.
fn html_without_wasm() -> String {
    let html = read_dist();
    let (start, end) = longest_base64_run(&html);
    format!("{}{}", &html[..start], &html[end..]).to_ascii_lowercase()
}

/// Values of every `name=` attribute-like occurrence (quoted or bare).
fn attr_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!("{name}=");
    let mut out = Vec::new();
    for (at, _) in html.match_indices(&needle) {
        let prev = html[..at].chars().next_back();
        let preceded_ok = prev.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        if !preceded_ok {
            continue;
        }
        let rest = html[at + needle.len()..].trim_start_matches(['"', '\'', ' ']);
        let end = rest.find(['"', '\'', ' ', '>']).unwrap_or(rest.len());
        out.push(&rest[..end]);
    }
    out
}

#[test]
fn html_references_no_external_resources() {
    let html = html_without_wasm();
    for name in ["src", "href", "srcset", "action", "poster", "data"] {
        for value in attr_values(&html, name) {
            assert!(
                !(value.starts_with("http:")
                    || value.starts_with("https:")
                    || value.starts_with("//")),
                "dist html has an external {name}={value}"
            );
        }
    }
    assert!(!html.contains("<link"), "dist html has a <link> element");
    for (at, _) in html.match_indices("<script") {
        let tag_end = html[at..].find('>').map_or(html.len(), |e| at + e);
        let tag = &html[at..tag_end];
        assert!(
            !tag.contains("src"),
            "dist html loads a script from elsewhere: {tag}>"
        );
    }
    for (at, _) in html.match_indices("url(") {
        let arg = html[at + 4..].trim_start_matches(['"', '\'', ' ']);
        assert!(
            !(arg.starts_with("http:") || arg.starts_with("https:") || arg.starts_with("//")),
            "dist css loads an external url({})",
            &arg[..arg.len().min(60)]
        );
    }
    assert!(!html.contains("@import"), "dist css has an @import");
}

#[test]
fn attr_values_finds_quoted_and_bare_values() {
    let html = r#"<img src="https://x/a.png"><a href=/local>x</a><p data-src="no">"#;
    assert_eq!(attr_values(html, "src"), vec!["https://x/a.png"]);
    assert_eq!(attr_values(html, "href"), vec!["/local"]);
}
