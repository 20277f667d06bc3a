//! The core scenarios in a real intranet-era browser: Chromium 80 (chrome-aws-lambda@2.1.1) over CDP.
//!
//! `cargo xtask test` unpacks the browser and sets `CHROME80`; every scenario ends by asserting
//! that Chromium 80 logged no console error and fetched nothing but the page itself.

mod browser;
mod cdp;
mod dialogs;
mod files;
mod page;
mod scenarios;
mod selftest;
