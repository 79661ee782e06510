//! Importing a published report (a Word/WPS `.docx`, a portal page, pasted
//! text) into a draft.
//!
//! Each reader turns its input into the neutral [`Document`]; the recogniser
//! turns a [`Document`] into a report by its labels, never by position, and
//! says in an import report what it found, guessed or could not place.

pub mod document;
pub mod readers;

pub use document::{Block, Cell, Document, Table};
