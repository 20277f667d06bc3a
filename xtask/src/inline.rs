//! Inlining for `cargo xtask dist`: fills index.html's markers with the CSS, the JS glue and the
//! wasm, shipped zlib-deflated in base64 and inflated at start (`DecompressionStream`, else a JS inflater).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;

use crate::Result;

/// Replaced by one `<style>` holding `style/*.css`.
const STYLE_MARKER: &str = "<!-- workplan:style -->";
/// Replaced by one `<script type="module">` (the glue plus the bootstrap) and the payload element.
const SCRIPT_MARKER: &str = "<!-- workplan:script -->";
/// Id of the script element (of a type browsers do not run) that holds the wasm in base64.
const PAYLOAD_ID: &str = "wasm-payload";
/// Shown at the top of the page when the running app stops on an internal error (a wasm trap:
/// a panic aborts, then traps), so that the page does not just stop answering.
const CRASH: &str = "程序内部出错，页面已停止响应。请按 F5 刷新页面后继续：已保存的内容不受影响，最后一步操作可能需要重做。若反复出现，请刷新后先“导出数据”备份，再联系维护人员。";
/// Shown in `#boot-msg` when the page's own payload is cut or changed (a copy broken in
/// transit): the file, not the browser, is at fault.
const DAMAGED: &str = "无法启动：这个页面文件不完整或已损坏（可能在复制、下载或邮件传送时被截断）。请重新获取一份完整的文件再打开；浏览器中已保存的数据不受影响。";
/// Shown in `#boot-msg` when the wasm cannot start.
const BOOT_ERROR: &str =
    "无法启动：此浏览器版本过旧或禁用了 WebAssembly。请使用较新的 Chrome、Edge 或 Firefox 打开。";

/// The wasm as the page carries it, and the JS that inflates it where the browser cannot.
pub struct Payload<'a> {
    /// The wasm, zlib-deflated ([`deflate`]): what `DecompressionStream('deflate')` reads (Chrome 80+;
    /// `'deflate-raw'` is Chrome 103+).
    pub zlib: &'a [u8],
    /// The wasm's size in bytes: the fallback inflates into a buffer of exactly this size.
    pub size: usize,
    /// npm `tiny-inflate`'s `index.js` (CommonJS, ES5): raw deflate into a preallocated buffer.
    pub inflater: &'a str,
}

/// `bytes` in the zlib format, by zopfli: 4 % smaller than zlib's level 9 on the wasm. One
/// iteration (7 s in xtask's debug build) gets all but 0.2 % of what 15 would.
pub fn deflate(bytes: &[u8]) -> Result<Vec<u8>> {
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::MIN,
        ..zopfli::Options::default()
    };
    let mut z = Vec::new();
    zopfli::compress(options, zopfli::Format::Zlib, bytes, &mut z)?;
    Ok(z)
}

/// Size of `bytes` after gzip at the best level.
pub fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    Ok(gz.finish()?.len())
}

/// Concatenates `style/*.css` in file-name order.
pub fn read_css(dir: &Path) -> Result<String> {
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

/// Checks the template's `script-src` for what Chrome 80 needs and accepts silently.
///
/// Chrome 80 compiles wasm only under `'unsafe-eval'`, and logs a console *error* for a source
/// it does not know, such as `'wasm-unsafe-eval'` (Chrome 97+). Newer browsers let
/// `'unsafe-eval'` allow wasm too, so `'wasm-unsafe-eval'` beside it would grant nothing more.
fn check_csp(template: &str) -> Result<()> {
    let script_src = template
        .split(['"', ';'])
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))
        .ok_or("index.html has no Content-Security-Policy `script-src` directive")?;
    if !script_src.contains("'unsafe-eval'") {
        return Err(
            "CSP `script-src` must keep 'unsafe-eval': Chrome 80 compiles wasm only with it".into(),
        );
    }
    if script_src.contains("'wasm-unsafe-eval'") {
        let why = "Chrome 80 logs an unknown source as a console error, and 'unsafe-eval' already allows wasm";
        return Err(format!("CSP `script-src` must not list 'wasm-unsafe-eval': {why}").into());
    }
    Ok(())
}

/// Fills the template's markers with the CSS and one module script (glue, inflater, bootstrap).
pub fn assemble(template: &str, css: &str, glue: &str, wasm: &Payload) -> Result<String> {
    check_csp(template)?;
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
    let inflate = commonjs(wasm.inflater)?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm.zlib);
    let (size, zlen, fnv, boot_error) = (wasm.size, wasm.zlib.len(), fnv1a(wasm.zlib), BOOT_ERROR);
    // Decoding runs inside the promise chain, so any failure ends in the boot message (a
    // damaged stream rejects the read; the writer's own rejections say the same and are dropped). The
    // payload sits in a script element the browser neither runs nor compiles, so the HTML
    // parse stays quick; its length is checked first. Browsers with `Uint8Array.fromBase64`
    // decode it natively; older ones go through `atob` and a copy. `DecompressionStream` checks the zlib
    // Adler-32 itself; the fallback checks the payload's FNV-1a first (tiny-inflate loops
    // forever on cut input) and reads the raw deflate stream between the 2-byte zlib header
    // and the Adler-32.
    // `window.__workplanInflated` tells the tests which way ran: 'stream' or 'js'.
    // A wasm trap once running (an event handler's or a task's) shows `#crash` once.
    let bootstrap = format!(
        r#"
const __workplan_crash = (e) => {{
  if (!(e instanceof WebAssembly.RuntimeError) || document.getElementById('crash')) return;
  const d = document.createElement('div');
  d.id = 'crash';
  d.className = 'crash';
  d.setAttribute('role', 'alert');
  d.textContent = '{CRASH}';
  document.body.prepend(d);
}};
window.addEventListener('error', (ev) => __workplan_crash(ev.error));
window.addEventListener('unhandledrejection', (ev) => __workplan_crash(ev.reason));
const __workplan_inflate = {inflate};
const __workplan_wasm_size = {size};
const __workplan_damaged = (why) => Object.assign(new Error(why), {{ damaged: true }});
const __workplan_via = (how, bytes) => {{ window.__workplanInflated = how; return bytes; }};
Promise.resolve()
  .then(() => {{
    const t = document.getElementById('{PAYLOAD_ID}').textContent;
    let z;
    if (typeof Uint8Array.fromBase64 === 'function') z = Uint8Array.fromBase64(t);
    else {{
      const s = atob(t);
      z = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) z[i] = s.charCodeAt(i);
    }}
    if (z.length !== {zlen}) throw __workplan_damaged('wasm payload damaged (' + z.length + ' bytes)');
    if (typeof DecompressionStream !== 'function') {{
      let h = 0x811c9dc5;
      for (let i = 0; i < z.length; i++) h = Math.imul(h ^ z[i], 0x01000193);
      if (h >>> 0 !== {fnv}) throw __workplan_damaged('wasm payload damaged');
      return __workplan_via('js', __workplan_inflate(z.subarray(2, z.length - 4), new Uint8Array(__workplan_wasm_size)));
    }}
    const ds = new DecompressionStream('deflate');
    const w = ds.writable.getWriter();
    w.write(z).catch(() => {{}});
    w.close().catch(() => {{}});
    return new Response(ds.readable).arrayBuffer().then(
      (b) => __workplan_via('stream', new Uint8Array(b)),
      (e) => {{ throw __workplan_damaged(String(e)); }});
  }})
  .then((bytes) => {{
    if (bytes.length !== __workplan_wasm_size) throw __workplan_damaged('wasm inflated to ' + bytes.length + ' bytes, not ' + __workplan_wasm_size);
    return {init}({{ module_or_path: bytes }});
  }})
  .then(() => {{ const b = document.getElementById('boot'); if (b) b.remove(); }})
  .catch((e) => {{
    console.error(e);
    const m = document.getElementById('boot-msg');
    if (m) m.textContent = e && e.damaged ? '{DAMAGED}' : '{boot_error}（错误：' + String(e) + '）';
  }});
"#
    );
    let script = escape_script(&format!("{glue}\n{bootstrap}"))?;
    let style = format!("<style>\n{css}</style>");
    let script = format!(
        "<script type=\"module\">\n{script}</script>\n\
         <script type=\"application/octet-stream\" id=\"{PAYLOAD_ID}\">{b64}</script>"
    );
    Ok(template
        .replacen(STYLE_MARKER, &style, 1)
        .replacen(SCRIPT_MARKER, &script, 1))
}

/// 32-bit FNV-1a of `bytes`, as the bootstrap computes it with `Math.imul`.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A CommonJS file that only sets `module.exports`, as an expression yielding that export.
fn commonjs(src: &str) -> Result<String> {
    if !src.contains("module.exports") || src.contains("require(") {
        return Err("the JS inflater must set `module.exports` and require nothing".into());
    }
    Ok(format!(
        "(function () {{\n/* tiny-inflate (MIT) (c) Devon Govett */\nconst module = {{ exports: {{}} }};\n{}\nreturn module.exports;\n}})()",
        src.trim()
    ))
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
pub fn report_external_refs(parts: &[(&str, &str)]) {
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

#[cfg(test)]
mod tests;
