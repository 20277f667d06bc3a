//! Browser tests of filtering and search: facets, counts, keyword highlighting, URL hash, empty result, paging.

mod facets;
mod hash;
mod paging;
mod search;
mod status;
pub(crate) mod support;
