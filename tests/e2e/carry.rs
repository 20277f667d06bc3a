//! Browser tests of carrying the data: the saved copy with every plan inside, the choice when it meets local data, leave prompt, paste and drop, 数据与存储.

mod choice;
mod corrupt;
mod data_dialog;
mod large;
mod leave;
mod open_copy;
mod paste_drop;
pub(crate) mod support;
