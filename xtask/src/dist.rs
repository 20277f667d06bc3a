//! `cargo xtask dist`: builds the app to MVP wasm and inlines it, its JS glue and the CSS into one HTML file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use base64::Engine;
use wasmparser::{Validator, WasmFeatures};

use crate::tools::{WASM_TARGET, ensure_wasm_target};
use crate::{Result, cargo, no_args, root, run as sh, size, target_dir};

/// npm `binaryen` major version whose `wasm-opt` has the lowering passes we need.
const BINARYEN: &str = "132";
/// wasm-opt pass 1: parse with the features rustc's std uses and lower them to MVP ops.
/// (`--mvp-features` here would reject the input; `-all` makes the lowering refuse memory64.)
const LOWER_FLAGS: &[&str] = &[
    "--enable-sign-ext",
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-mutable-globals",
    "--signext-lowering",
    "--llvm-memory-copy-fill-lowering",
    "--llvm-nontrapping-fptoint-lowering",
];
/// wasm-opt pass 2: optimise for size with only MVP features, so nothing post-MVP comes back.
const OPT_FLAGS: &[&str] = &["--mvp-features", "--enable-mutable-globals", "-Oz"];
/// Wasm 1.0 (MVP) plus mutable globals: what Chrome 80 / Firefox 78 era browsers run.
const FEATURES: WasmFeatures = WasmFeatures::WASM1;
/// Target-specific rustflags variable: host builds (tests, build scripts) stay untouched.
const RUSTFLAGS_VAR: &str = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";
/// Keeps wasm-bindgen's runtime off its externref (reference-types) code path.
const WASM_RUSTFLAGS: &str = "-Ctarget-feature=-reference-types,-multivalue";
const STYLE_MARKER: &str = "<!-- workplan:style -->";
const SCRIPT_MARKER: &str = "<!-- workplan:script -->";
const BOOT_ERROR: &str =
    "无法启动：此浏览器版本过旧或禁用了 WebAssembly。请使用较新的 Chrome、Edge 或 Firefox 打开。";

/// `cargo xtask dist`.
pub fn main(args: &[String]) -> Result<()> {
    no_args(args)?;
    run().map(|_| ())
}

/// Builds `dist/workplan.html` and returns its absolute path.
pub fn run() -> Result<PathBuf> {
    let start = Instant::now();
    let root = root();
    ensure_wasm_target()?;
    sh(cargo()
        .args(["build", "--release", "--target", WASM_TARGET])
        .args(["--bin", "workplan", "-p", "workplan"])
        .env(RUSTFLAGS_VAR, wasm_rustflags()))?;
    let rustc_wasm = target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join("workplan.wasm");
    let raw =
        fs::read(&rustc_wasm).map_err(|e| format!("cannot read {}: {e}", rustc_wasm.display()))?;

    let (stripped, dropped) = drop_custom_section(&raw, |name| name == b"target_features")?;
    if !dropped {
        eprintln!(
            "xtask: note: no `target_features` section found in {}",
            rustc_wasm.display()
        );
    }
    let cargo_time = start.elapsed();
    let (glue, bindgen_wasm) = bindgen(stripped)?;
    let bindgen_time = start.elapsed() - cargo_time;
    let (wasm, _) = drop_custom_section(&wasm_opt(&bindgen_wasm)?, |_| true)?;
    let opt_time = start.elapsed() - cargo_time - bindgen_time;
    validate(&wasm)?;

    let template_path = root.join("index.html");
    let template = fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let css = read_css(&root.join("style"))?;
    report_external_refs(&[("index.html", &template), ("CSS", &css), ("JS glue", &glue)]);
    let html = assemble(&template, &css, &glue, &wasm)?;

    let dist = root.join("dist");
    fs::create_dir_all(&dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;
    let out = dist.join("workplan.html");
    let tmp = dist.join(".workplan.html.tmp");
    fs::write(&tmp, &html).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    fs::rename(&tmp, &out).map_err(|e| format!("cannot rename to {}: {e}", out.display()))?;

    println!("dist: {}", out.display());
    println!(
        "  html   {}  gzip {}",
        size(html.len()),
        size(gzip_len(html.as_bytes())?)
    );
    println!(
        "  wasm   {}  gzip {}  (rustc {})",
        size(wasm.len()),
        size(gzip_len(&wasm)?),
        size(raw.len())
    );
    println!("  glue   {}", size(glue.len()));
    println!(
        "  took   {:.1} s (cargo {:.1} s, wasm-bindgen {:.1} s, wasm-opt {:.1} s)",
        start.elapsed().as_secs_f64(),
        cargo_time.as_secs_f64(),
        bindgen_time.as_secs_f64(),
        opt_time.as_secs_f64()
    );
    Ok(out)
}

/// `WASM_RUSTFLAGS` appended to whatever the caller already set for the wasm target.
fn wasm_rustflags() -> String {
    if std::env::var_os("RUSTFLAGS").is_some()
        || std::env::var_os("CARGO_ENCODED_RUSTFLAGS").is_some()
    {
        eprintln!(
            "xtask: warning: RUSTFLAGS is set and overrides {RUSTFLAGS_VAR}; the wasm may not be MVP"
        );
    }
    match std::env::var(RUSTFLAGS_VAR) {
        Ok(own) if !own.trim().is_empty() => format!("{own} {WASM_RUSTFLAGS}"),
        _ => WASM_RUSTFLAGS.to_owned(),
    }
}

/// Returns `wasm` without the custom sections whose name matches `drop`, and whether any was dropped.
///
/// Without `target_features` wasm-bindgen cannot switch to externref, so the
/// output can be lowered to MVP by wasm-opt.
fn drop_custom_section(wasm: &[u8], drop: impl Fn(&[u8]) -> bool) -> Result<(Vec<u8>, bool)> {
    const HEADER: &[u8] = b"\0asm\x01\0\0\0";
    if !wasm.starts_with(HEADER) {
        return Err("not a wasm module (bad header)".into());
    }
    let mut out = HEADER.to_vec();
    let mut dropped = false;
    let mut pos = HEADER.len();
    while pos < wasm.len() {
        let start = pos;
        let id = wasm[pos];
        pos += 1;
        let len = leb128(wasm, &mut pos)? as usize;
        let end = pos
            .checked_add(len)
            .filter(|&e| e <= wasm.len())
            .ok_or("wasm section runs past the end")?;
        let is_match = id == 0 && {
            let mut at = pos;
            let name_len = leb128(wasm, &mut at)? as usize;
            let name = at.checked_add(name_len).and_then(|e| wasm.get(at..e));
            drop(name.ok_or("custom section name runs past the end")?)
        };
        if is_match {
            dropped = true;
        } else {
            out.extend_from_slice(&wasm[start..end]);
        }
        pos = end;
    }
    Ok((out, dropped))
}

/// Reads an unsigned LEB128 u32 at `*pos` and advances past it.
fn leb128(bytes: &[u8], pos: &mut usize) -> Result<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*pos).ok_or("truncated LEB128 in wasm")?;
        *pos += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("LEB128 longer than 5 bytes in wasm".into())
}

/// Runs wasm-bindgen (web target) in memory; returns the JS glue and the wasm bytes.
fn bindgen(wasm: Vec<u8>) -> Result<(String, Vec<u8>)> {
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_bytes("workplan", wasm)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?
        .typescript(false)
        .remove_name_section(true)
        .remove_producers_section(true);
    let mut output = bindgen
        .generate_output()
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?;
    let snippets = output
        .snippets()
        .iter()
        .filter(|(_, list)| !list.is_empty());
    let mut extra: Vec<&str> = snippets.map(|(crate_id, _)| crate_id.as_str()).collect();
    extra.extend(output.local_modules().keys().map(String::as_str));
    if !extra.is_empty() {
        return Err(format!(
            "wasm-bindgen produced JS snippet files, which cannot be inlined yet: {extra:?}"
        )
        .into());
    }
    if output.js().contains("__wbindgen_externrefs") {
        return Err(
            "wasm-bindgen switched to externref (reference-types); the module would not be MVP"
                .into(),
        );
    }
    Ok((output.js().to_owned(), output.wasm_mut().emit_wasm()))
}

/// Runs npm binaryen's wasm-opt (installed into the target dir on first use).
fn wasm_opt(wasm: &[u8]) -> Result<Vec<u8>> {
    let prefix = target_dir().join("xtask-npm");
    let package = prefix.join("node_modules").join("binaryen");
    let manifest = fs::read_to_string(package.join("package.json")).unwrap_or_default();
    if !manifest.contains(&format!("\"version\": \"{BINARYEN}.")) {
        let spec = format!("binaryen@{BINARYEN}");
        sh(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .arg(spec))?;
    }
    let work = target_dir().join("xtask-dist");
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let input = work.join("workplan_bindgen.wasm");
    let lowered = work.join("workplan_lowered.wasm");
    let output = work.join("workplan_bg.wasm");
    fs::write(&input, wasm).map_err(|e| format!("cannot write {}: {e}", input.display()))?;
    let wasm_opt = package.join("bin").join("wasm-opt");
    for (from, flags, to) in [
        (&input, LOWER_FLAGS, &lowered),
        (&lowered, OPT_FLAGS, &output),
    ] {
        sh(Command::new("node")
            .arg(&wasm_opt)
            .arg(from)
            .args(flags)
            .arg("-o")
            .arg(to))?;
    }
    fs::read(&output).map_err(|e| format!("cannot read {}: {e}", output.display()).into())
}

/// Fails unless `wasm` validates with only the MVP + mutable-global features.
fn validate(wasm: &[u8]) -> Result<()> {
    Validator::new_with_features(FEATURES)
        .validate_all(wasm)
        .map_err(|e| format!("final wasm uses more than MVP + mutable-global: {e}"))?;
    println!("wasm validated against MVP + mutable-global only: {FEATURES:?}");
    Ok(())
}

/// Concatenates `style/*.css` in file-name order.
fn read_css(dir: &Path) -> Result<String> {
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "css"))
            .collect(),
        Err(e) => return Err(format!("cannot list {}: {e}", dir.display()).into()),
    };
    files.sort();
    if files.is_empty() {
        eprintln!("xtask: warning: no CSS files in {}", dir.display());
    }
    let mut css = String::new();
    for file in files {
        let text = fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        css.push_str(&text);
        if !css.ends_with('\n') {
            css.push('\n');
        }
    }
    if css.to_ascii_lowercase().contains("</style") {
        return Err("CSS contains `</style`, which would end the inline <style> early".into());
    }
    Ok(css)
}

/// Fills the template's markers with the CSS and one module script (glue + bootstrap).
fn assemble(template: &str, css: &str, glue: &str, wasm: &[u8]) -> Result<String> {
    for marker in [STYLE_MARKER, SCRIPT_MARKER] {
        let n = template.matches(marker).count();
        if n != 1 {
            return Err(
                format!("index.html must contain `{marker}` exactly once (found {n})").into(),
            );
        }
    }
    let lower = glue.to_ascii_lowercase();
    if lower.contains("<!--") && lower.contains("<script") {
        return Err(
            "JS glue contains `<!--` and `<script`; inlining it would break the HTML parse".into(),
        );
    }
    let init = default_export(glue)
        .ok_or("cannot find the default export (init function) in the JS glue")?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    let boot_error = BOOT_ERROR;
    let bootstrap = format!(
        r#"
const __workplan_wasm = (() => {{
  const s = atob("{b64}");
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}})();
{init}({{ module_or_path: __workplan_wasm }})
  .then(() => {{ const b = document.getElementById('boot'); if (b) b.remove(); }})
  .catch((e) => {{
    console.error(e);
    const m = document.getElementById('boot-msg');
    if (m) m.textContent = '{boot_error}（错误：' + String(e) + '）';
  }});
"#
    );
    let script = escape_script(&format!("{glue}\n{bootstrap}"))?;
    let style = format!("<style>\n{css}</style>");
    let script = format!("<script type=\"module\">\n{script}</script>");
    Ok(template
        .replacen(STYLE_MARKER, &style, 1)
        .replacen(SCRIPT_MARKER, &script, 1))
}

/// The local name exported `as default` by the glue (wasm-bindgen's `__wbg_init`).
fn default_export(glue: &str) -> Option<&str> {
    let at = glue.find(" as default")?;
    let before = &glue[..at];
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |i| i + 1);
    Some(&before[start..]).filter(|name| !name.is_empty())
}

/// Rewrites every `</script` (any case) as `<\/script` so the inline script cannot end early.
fn escape_script(js: &str) -> Result<String> {
    const NEEDLE: &[u8] = b"</script";
    let bytes = js.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes.len() - i >= NEEDLE.len()
            && bytes[i..i + NEEDLE.len()].eq_ignore_ascii_case(NEEDLE)
        {
            out.extend_from_slice(b"<\\/");
            out.extend_from_slice(&bytes[i + 2..i + NEEDLE.len()]);
            i += NEEDLE.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|e| format!("escaping broke UTF-8: {e}").into())
}

/// Prints (does not fail on) anything that looks like a reference to an external resource.
fn report_external_refs(parts: &[(&str, &str)]) {
    for (what, text) in parts {
        for needle in ["http://", "https://", "src=", "href="] {
            for (at, _) in text.match_indices(needle) {
                let from = text.floor_char_boundary(at.saturating_sub(30));
                let to = text.ceil_char_boundary((at + 50).min(text.len()));
                let context = text[from..to].replace('\n', " ");
                println!("xtask: note: {what} mentions `{needle}`: …{context}…");
            }
        }
    }
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    Ok(gz.finish()?.len())
}
