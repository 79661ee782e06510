//! Spreadsheet behaviour of the tables, free of the DOM: where keys move the
//! focus and where a pasted block lands.

pub mod layout;
pub mod markup;
pub mod paste;

pub use layout::{FieldLayout, Move};
pub use paste::plan_paste;
