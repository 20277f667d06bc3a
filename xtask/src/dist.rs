//! `cargo xtask dist`: builds the app to MVP wasm and inlines it (deflated), its JS glue and the CSS into one HTML file.

use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use wasmparser::{Validator, WasmFeatures};

use crate::inline::{Payload, assemble, deflate, gzip_len, read_css, report_external_refs};
use crate::npm;
use crate::sections::drop_custom_section;
use crate::tools::{WASM_TARGET, ensure_wasm_target};
use crate::{Result, cargo, no_args, root, run as sh, size, target_dir};

/// npm `binaryen` major version whose `wasm-opt` has the lowering passes we need.
const BINARYEN: &str = "132";
/// npm `tiny-inflate` version: the inflater for browsers without `DecompressionStream` (Firefox < 113).
/// The smallest that parses as ES2020 (9 KB, ES5; pako's inflate dist is 22 KB, fflate's UMD 33 KB).
const TINY_INFLATE: &str = "1.0.3";
/// npm `terser` major version: minifies wasm-bindgen's JS glue and the inflater (comments,
/// indentation, local names; top-level names and exports stay as they are).
const TERSER: &str = "5";
/// terser's options: ES2020 output at most, as the page script must parse in Chrome 80.
const TERSER_FLAGS: &[&str] = &["--ecma", "2020", "--compress", "--mangle"];
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
/// First merges functions that differ only in constants (generic copies). `--low-memory-unused`
/// lets constant offsets fold into loads and stores: it assumes no address computation wraps
/// around into the first 1 KiB, which holds for Rust's pointers (the wasm is 0.5% smaller).
const OPT_FLAGS: &[&str] = &[
    "--mvp-features",
    "--enable-mutable-globals",
    "--merge-similar-functions",
    "-Oz",
    "--low-memory-unused",
];
/// Wasm 1.0 (MVP) plus mutable globals: what Chrome 80 / Firefox 78 era browsers run.
const FEATURES: WasmFeatures = WasmFeatures::WASM1;
/// Target-specific rustflags variable: host builds (tests, build scripts) stay untouched.
const RUSTFLAGS_VAR: &str = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";
/// Compiles wasm-bindgen's runtime without its externref code (`cfg(wbg_reference_types)`);
/// with it, the module imports `__wbindgen_externref_xform__` and needs reference types.
/// The prebuilt std still says `+reference-types` in `target_features`, hence the
/// section is dropped before wasm-bindgen as well.
/// `--cfg erase_components` makes Leptos type-erase views and components (`AnyView`): fewer
/// monomorphised copies, a smaller wasm.
const WASM_RUSTFLAGS: &str = "-Ctarget-feature=-reference-types,-multivalue --cfg erase_components";

/// Set (to anything) to have `cargo xtask dist` also write the wasm with its function names.
const NAMES_VAR: &str = "WORKPLAN_WASM_NAMES";

/// `cargo xtask dist`.
pub fn main(args: &[String]) -> Result<()> {
    no_args(args)?;
    build(std::env::var_os(NAMES_VAR).is_some()).map(|_| ())
}

/// What a build made: the page, and the parts it carries (for `cargo xtask bench`'s sizes).
pub struct Built {
    /// Absolute path of `dist/workplan.html`.
    pub html: PathBuf,
    /// The final wasm (MVP, optimised), before it is deflated into the page.
    pub wasm: Vec<u8>,
    /// wasm-bindgen's JS glue as inlined.
    pub glue: String,
    /// When asked for: the same wasm optimised once more keeping its function names
    /// (`wasm-opt -g`), for telling what its bytes are (`target/xtask-dist/workplan_named.wasm`).
    pub named: Option<Vec<u8>>,
}

/// Builds `dist/workplan.html` and returns its absolute path.
pub fn run() -> Result<PathBuf> {
    build(false).map(|b| b.html)
}

/// Builds `dist/workplan.html`; returns it with its parts, and with the named wasm if `names`.
pub fn build(names: bool) -> Result<Built> {
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
    let (wasm, _) = drop_custom_section(&wasm_opt(&bindgen_wasm, false)?, |_| true)?;
    let opt_time = start.elapsed() - cargo_time - bindgen_time;
    let named = names.then(|| named_wasm(&bindgen_wasm)).transpose()?;
    validate(&wasm)?;
    let glue = minify_js("glue", &glue)?;

    let template_path = root.join("index.html");
    let template = fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let css = read_css(&root.join("style"))?;
    report_external_refs(&[("index.html", &template), ("CSS", &css), ("JS glue", &glue)]);
    let inflater = npm::package_exact("tiny-inflate", TINY_INFLATE)?.join("index.js");
    let inflater = fs::read_to_string(&inflater)
        .map_err(|e| format!("cannot read {}: {e}", inflater.display()))?;
    let inflater = minify_js("inflate", &inflater)?;
    let zlib = deflate(&wasm)?;
    let payload = Payload {
        zlib: &zlib,
        size: wasm.len(),
        inflater: &inflater,
    };
    let html = assemble(&template, &css, &glue, &payload)?;

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
    println!(
        "  zlib   {}  base64 {}  (the wasm as the page carries it)",
        size(zlib.len()),
        size(zlib.len().div_ceil(3) * 4)
    );
    println!("  glue   {}", size(glue.len()));
    println!(
        "  took   {:.1} s (cargo {:.1} s, wasm-bindgen {:.1} s, wasm-opt {:.1} s)",
        start.elapsed().as_secs_f64(),
        cargo_time.as_secs_f64(),
        bindgen_time.as_secs_f64(),
        opt_time.as_secs_f64()
    );
    Ok(Built {
        html: out,
        wasm,
        glue,
        named,
    })
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

/// Runs wasm-bindgen (web target) in memory; returns the JS glue and the wasm bytes.
fn bindgen(wasm: Vec<u8>) -> Result<(String, Vec<u8>)> {
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_bytes("workplan", wasm)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?
        .typescript(false)
        // Kept for `named_wasm`; the page's wasm-opt run drops them (no `-g`).
        .remove_name_section(false)
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

/// The wasm optimised as for the page but keeping function names; written beside the build
/// for `twiggy` and returned without its other custom sections.
fn named_wasm(bindgen_wasm: &[u8]) -> Result<Vec<u8>> {
    let (named, _) = drop_custom_section(&wasm_opt(bindgen_wasm, true)?, |name| name != b"name")?;
    let path = target_dir().join("xtask-dist").join("workplan_named.wasm");
    fs::write(&path, &named).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("  named wasm (function names kept): {}", path.display());
    Ok(named)
}

/// Runs npm binaryen's wasm-opt (installed into the target dir on first use); `names` keeps
/// the function names (`-g`), which leaves the code as it is but for a few bytes.
fn wasm_opt(wasm: &[u8], names: bool) -> Result<Vec<u8>> {
    let package = npm::package("binaryen", BINARYEN)?;
    let work = target_dir().join("xtask-dist");
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let input = work.join("workplan_bindgen.wasm");
    let lowered = work.join("workplan_lowered.wasm");
    let output = work.join(if names {
        "workplan_bg_named.wasm"
    } else {
        "workplan_bg.wasm"
    });
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
            .args(names.then_some("-g"))
            .arg("-o")
            .arg(to))?;
    }
    fs::read(&output).map_err(|e| format!("cannot read {}: {e}", output.display()).into())
}

/// Runs npm terser on `js` (a module or script; `name` names its files) and returns it minified.
fn minify_js(name: &str, js: &str) -> Result<String> {
    let package = npm::package("terser", TERSER)?;
    let work = target_dir().join("xtask-dist");
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let (input, output) = (
        work.join(format!("{name}.js")),
        work.join(format!("{name}.min.js")),
    );
    fs::write(&input, js).map_err(|e| format!("cannot write {}: {e}", input.display()))?;
    sh(Command::new("node")
        .arg(package.join("bin").join("terser"))
        .arg(&input)
        .args(TERSER_FLAGS)
        .arg("-o")
        .arg(&output))?;
    fs::read_to_string(&output).map_err(|e| format!("cannot read {}: {e}", output.display()).into())
}

/// Fails unless `wasm` validates with only the MVP + mutable-global features.
fn validate(wasm: &[u8]) -> Result<()> {
    Validator::new_with_features(FEATURES)
        .validate_all(wasm)
        .map_err(|e| format!("final wasm uses more than MVP + mutable-global: {e}"))?;
    println!("wasm validated against wasm 1.0 = MVP + mutable-global only: {FEATURES:?}");
    Ok(())
}
