//! Screen state that is not part of the report: which view is shown and the
//! latest notice (e.g. what a paste did). Not undoable, not saved.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
}

/// A message about something the user just did, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub tone: Tone,
}

#[derive(Clone, Copy)]
pub struct Ui {
    /// Show the document as printed instead of the form.
    pub preview: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
}

impl Ui {
    pub fn notify(&self, text: impl Into<String>, tone: Tone) {
        self.notice.set(Some(Notice { text: text.into(), tone }));
    }
}

pub fn provide_ui() -> Ui {
    let ui = Ui { preview: RwSignal::new(false), notice: RwSignal::new(None) };
    provide_context(ui);
    ui
}

pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}
