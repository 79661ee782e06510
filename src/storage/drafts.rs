//! What the components get: the store, the open draft's session, and its
//! save status, provided together as [`Drafts`].

use leptos::prelude::*;

use super::session::Session;
use super::status::{self, SaveStatus};
use super::store::{SetAside, Store};
use super::{autosave, tabs};
use crate::state::EditorState;

/// The drafts of this browser and the one open in the editor. `Copy`.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// The stored drafts: reads, writes, the list.
    pub store: Store,
    /// The open draft, and another window's changes to it.
    pub session: Session,
    /// Whether the open draft is saved (derived).
    pub status: Memo<SaveStatus>,
}

/// What start-up found that the user must hear about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartUp {
    /// Records that no longer read, and what became of them.
    pub set_aside: Vec<SetAside>,
    /// The last draft did not open.
    pub not_opened: Option<String>,
}

/// Opens the stored drafts for `editor` and the last draft in it, provides
/// [`Drafts`] to every component, and starts saving. Returns what the user
/// must be told about start-up.
pub fn install(editor: EditorState) -> StartUp {
    let (store, set_aside) = Store::open();
    let session = Session::new(editor, store);
    let reference = Memo::new(move |_| session.meta.with(|m| m.reference.clone()));
    editor.read_last_year_from(reference.into());
    let drafts = Drafts { store, session, status: status::derive(session, store) };
    provide_context(drafts);
    let not_opened = session.start().err();
    autosave::install(session);
    tabs::install(session, store);
    StartUp { set_aside, not_opened }
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}
