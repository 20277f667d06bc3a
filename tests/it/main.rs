//! Integration tests: the pure core (parser, model, snapshots) on real plan text.

mod budget;
mod filter;
mod format;
mod laws;
mod parse_docs;
mod seed;
mod stored;
