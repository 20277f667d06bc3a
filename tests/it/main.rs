//! Integration tests: the pure core (parser, model, snapshots) on real plan text.

mod filter;
mod seed;
