//! Drafts that are never lost: autosave into localStorage, several drafts,
//! JSON files, and what happens when storage fails or another window writes.
//!
//! The record format, the drafts index, next year's report and file names
//! are pure (`xxgk_core::storage`); this module reads and writes them, in
//! three parts with one job each:
//!
//! - the [`Store`](store::Store) reads and writes records and keeps the list of drafts;
//! - the [`Session`](session::Session) is the draft open in the editor: opening, saving every
//!   edit within half a second ([`autosave`]), and another window's changes
//!   to it ([`tabs`]);
//! - the [`SaveStatus`] is derived from both, never set.
//!
//! Nothing the user typed is dropped: a failed write keeps the report in
//! memory and the status says so; a record another window changed is never
//! written over without the user choosing to; a newer version's draft opens
//! read-only. What the user is told, and asked, is the components' business:
//! operations return what happened.

mod autosave;
pub mod clock;
mod drafts;
pub mod files;
mod library;
mod local;
mod session;
mod status;
mod store;
mod tabs;

pub use drafts::{install, use_drafts, Drafts, StartUp};
pub use local::StorageFailure;
pub use session::Conflict;
pub use status::SaveStatus;
pub use store::SetAside;
