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
    /// The preview is built (it is needed for printing); it is built lazily,
    /// when the page is first idle, opened, or about to print.
    pub preview_built: RwSignal<bool>,
    /// Between `beforeprint` and `afterprint`: the preview must be current even while hidden.
    pub printing: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
}

impl Ui {
    /// Shows the form or the preview.
    pub fn show_preview(&self, show: bool) {
        self.preview_built.set(true);
        self.preview.set(show);
    }

    /// Builds the preview now (for printing), if it is not built yet.
    pub fn build_preview(&self) {
        if !self.preview_built.get_untracked() {
            self.preview_built.set(true);
        }
    }

    /// Whether the preview must show the report as it is now: shown, or being printed. While
    /// hidden it keeps what it last showed, so that typing does not rebuild it.
    pub fn preview_live(&self) -> bool {
        self.preview.get() || self.printing.get()
    }

    pub fn notify(&self, text: impl Into<String>, tone: Tone) {
        self.notice.set(Some(Notice { text: text.into(), tone }));
    }
}

pub fn provide_ui() -> Ui {
    let ui = Ui {
        preview: RwSignal::new(false),
        preview_built: RwSignal::new(false),
        printing: RwSignal::new(false),
        notice: RwSignal::new(None),
    };
    provide_context(ui);
    ui
}

pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}
