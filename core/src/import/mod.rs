//! Importing a published report (a Word/WPS `.docx`, a portal page, pasted
//! text) into a draft.
//!
//! Each reader turns its input into the neutral [`Document`]; the recogniser
//! turns a [`Document`] into a report by its labels, never by position, and
//! says in an import report what it found, guessed or could not place.

mod dates;
pub mod document;
pub mod file;
mod grid;
mod labels;
mod normalize;
mod outline;
pub mod plain;
pub mod readers;
mod recognise;
pub mod report;
pub mod source;
mod tables;

pub use document::{Block, Cell, Document, Table};
pub use file::{import_file, FileError};
pub use plain::read_plain_text;
pub use recognise::{recognise, ImportError, Imported};
pub use report::{ImportReport, Note, NoteKind};
pub use source::{import, Source};
