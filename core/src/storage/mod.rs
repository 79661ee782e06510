//! Drafts kept in the browser, without the browser: the localStorage record
//! of a draft and how it is read back whatever happened to it, the list of
//! drafts, starting a report from last year's, and the names of exported
//! files. The web app's `src/storage/` does the reading and writing.

pub mod envelope;
pub mod file_name;
pub mod import;
pub mod index;
pub mod keys;
pub mod next_year;

#[cfg(test)]
mod tests;

pub use envelope::{decode, encode, Access, DraftMeta, Opened, Unreadable, SCHEMA_VERSION};
pub use file_name::{docx_file_name, export_file_name};
pub use index::{draft_title, DraftIndex, DraftSummary};
pub use keys::DraftId;
pub use next_year::{next_year, NarrativeReference};
