//! `cargo xtask` entry point: the command table and small shared helpers for running processes.

mod bench;
mod chrome80;
mod dist;
mod inline;
mod npm;
mod sections;
mod test;
#[cfg(test)]
mod tidy;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Error type of every task: a boxed error carrying a human-readable message.
pub type Error = Box<dyn std::error::Error>;

/// Result type of every task.
pub type Result<T> = std::result::Result<T, Error>;

/// A command of the table: name, one-line description, entry point.
type Task = (&'static str, &'static str, fn(&[String]) -> Result<()>);

/// Every command `cargo xtask` understands.
const TASKS: &[Task] = &[
    (
        "dist",
        "build the single self-contained file dist/workplan.html",
        dist::main,
    ),
    (
        "test",
        "cargo fmt --check, dist, then all workspace tests incl. browser e2e [-- TEST ARGS]",
        test::main,
    ),
    (
        "bench",
        "the performance record: dist sizes and browser figures with budgets → target/bench/bench.json",
        bench::main,
    ),
    ("help", "print this help", help),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first() else {
        usage();
        return ExitCode::from(2);
    };
    let Some((_, _, task)) = TASKS.iter().find(|(n, _, _)| n == name) else {
        eprintln!("xtask: unknown command `{name}`\n");
        usage();
        return ExitCode::from(2);
    };
    match task(&args[1..]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {name}: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn help(_args: &[String]) -> Result<()> {
    print!("{}", usage_text());
    Ok(())
}

fn usage() {
    eprint!("{}", usage_text());
}

fn usage_text() -> String {
    let mut text = String::from("usage: cargo xtask <command>\n\ncommands:\n");
    for (name, about, _) in TASKS {
        text.push_str(&format!("  {name:<6} {about}\n"));
    }
    text
}

/// Fails when a command that takes no arguments got some.
pub fn no_args(args: &[String]) -> Result<()> {
    match args.first() {
        None => Ok(()),
        Some(a) => Err(format!("unexpected argument `{a}`").into()),
    }
}

/// The workspace root (the directory holding the root `Cargo.toml`).
pub fn root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
}

/// The cargo target directory: `$CARGO_TARGET_DIR` if set, else `<root>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// A `Command` for the cargo that runs us (`$CARGO`), started in the workspace root.
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// Prints `cmd` like a shell line, runs it with inherited stdio, fails unless it exits 0.
pub fn run(cmd: &mut Command) -> Result<()> {
    let line = show(cmd);
    eprintln!("$ {line}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})").into())
    }
}

/// Runs `cmd` silently and returns its stdout, failing unless it exits 0.
pub fn output(cmd: &mut Command) -> Result<String> {
    let line = show(cmd);
    let out = cmd
        .output()
        .map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!("`{line}` failed ({}): {}", out.status, err.trim()).into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn show(cmd: &Command) -> String {
    let mut line = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// Formats a byte count as `123 456 B (120.6 KiB)`.
pub fn size(bytes: usize) -> String {
    format!("{bytes} B ({:.1} KiB)", bytes as f64 / 1024.0)
}
