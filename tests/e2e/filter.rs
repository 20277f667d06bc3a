//! Browser tests of filtering and search: facets, counts, keyword highlighting, URL hash, empty result.

mod facets;
mod hash;
mod search;
mod status;
mod support;
