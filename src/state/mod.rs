//! The editor state: one report signal, its undo history, and everything
//! derived from it.
//!
//! The root creates an [`EditorState`] and provides it through context; any
//! component gets it with [`use_editor`]. All writes go through the edit API,
//! which records undo steps; nothing else writes the report. Checks, totals,
//! cell marks and the summary are memos over the report: derived, never
//! written by effects.
//!
//! For a storage layer:
//! - observe [`EditorState::report`] (or the cheaper [`EditorState::revision`],
//!   which changes on every edit, undo, redo and load) to save drafts;
//! - [`EditorState::load`] replaces the report and clears the undo history;
//! - [`EditorState::set_read_only`] stops every edit, saying why (a draft from a newer version).
//!
//! ```ignore
//! let state = use_editor();
//! state.edit(|r| r.unit_name = "某某局".into());             // one undo step
//! state.type_into("unit_name", |r| { r.unit_name.push('局'); true });  // typing coalesces per field
//! state.undo();
//! let errors = move || state.tally.get().errors;             // derived
//! ```

mod history;
pub mod marks;
pub mod text_checks;
pub mod ui;

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use xxgk_core::checks::{run_checks, CheckOptions, CheckResult, Verifier};
use xxgk_core::format::FormatVersion;
use xxgk_core::model::Report;
use xxgk_core::storage::NarrativeReference;
use xxgk_core::totals::{self, ComputedTotals};

use history::History;
pub use marks::{CellMarks, Mark, Tally};
use text_checks::TextChecksChunk;

/// The editor's state. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct EditorState {
    report: RwSignal<Report>,
    history: StoredValue<History<Report>>,
    /// (can undo, can redo), kept beside the non-reactive history for the toolbar.
    can: RwSignal<(bool, bool)>,
    revision: RwSignal<u64>,
    /// Why the report cannot be edited (`None`: it can): the one record of it.
    locked: RwSignal<Option<String>>,
    read_only: Memo<bool>,
    /// The format edition of the report; changes only when the year switches it.
    pub version: Memo<FormatVersion>,
    /// Whether 总计 cells are computed (read-only) rather than typed.
    pub auto_totals: Memo<bool>,
    /// The report with every computed total filled in (what the preview and export show).
    pub with_totals: Memo<Report>,
    /// The computed totals alone (what the grid shows in them beside the typed cells).
    pub totals: Memo<ComputedTotals>,
    /// The table checks, re-run on every edit, then the text checks (they read
    /// every character), re-run once typing pauses: what the panel, the marks
    /// and the badge show.
    pub all_checks: Memo<Vec<CheckResult>>,
    /// Bumped once the report has not changed for [`TEXT_CHECK_PAUSE`].
    settled: RwSignal<u64>,
    /// The text checks' own wasm chunk, fetched after start-up.
    pub text_chunk: TextChecksChunk,
    /// Where last year's text comes from (the open draft's reference), for
    /// the repetition check; wired once by storage.
    last_year: RwSignal<Option<Signal<Option<NarrativeReference>>>>,
    /// Ids of the failing warnings marked 「已核实」 whose figures are unchanged.
    pub verified: Memo<Vec<String>>,
    pause: StoredValue<Option<TimeoutHandle>>,
    /// Cells taking part in failing checks.
    pub marks: Memo<CellMarks>,
    /// Counts for the summary badge.
    pub tally: Memo<Tally>,
}

impl EditorState {
    /// Creates the state (and its memos) under the current reactive owner.
    pub fn new(report: Report) -> EditorState {
        let report = RwSignal::new(report);
        let locked = RwSignal::new(None::<String>);
        let read_only = Memo::new(move |_| locked.with(Option::is_some));
        let version = Memo::new(move |_| report.with(|r| r.format));
        let auto_totals = Memo::new(move |_| report.with(|r| r.auto_totals));
        let with_totals = Memo::new(move |_| report.with(totals::with_totals));
        let totals = Memo::new(move |_| report.with(ComputedTotals::of));
        let checks = Memo::new(move |_| report.with(|r| run_checks(r, CheckOptions { at_export: false })));
        let settled = RwSignal::new(0u64);
        let last_year = RwSignal::new(None::<Signal<Option<NarrativeReference>>>);
        let text_chunk = TextChecksChunk::new();
        let text_checks = Memo::new(move |_| {
            settled.track();
            let Some(text) = text_chunk.get() else {
                return Vec::new();
            };
            let last = last_year.get().and_then(|source| source.get());
            report.with_untracked(|r| (text.run)(r, last.as_ref(), CheckOptions { at_export: false }))
        });
        let all_checks = Memo::new(move |_| {
            let mut all = checks.get();
            text_checks.with(|t| all.extend(t.iter().cloned()));
            all
        });
        let verified = Memo::new(move |_| {
            report.with(|r| {
                if r.verified.is_empty() {
                    return Vec::new();
                }
                let verifier = Verifier::new(r);
                all_checks
                    .with(|c| c.iter().filter(|x| verifier.find(x).is_some()).map(|x| x.id.clone()).collect())
            })
        });
        let marks = Memo::new(move |_| verified.with(|v| all_checks.with(|c| CellMarks::from_results(c, v))));
        let tally = Memo::new(move |_| verified.with(|v| all_checks.with(|c| Tally::from_checked(c, v))));
        EditorState {
            report,
            history: StoredValue::new(History::default()),
            can: RwSignal::new((false, false)),
            revision: RwSignal::new(0),
            locked,
            read_only,
            version,
            auto_totals,
            with_totals,
            totals,
            all_checks,
            settled,
            text_chunk,
            last_year,
            verified,
            pause: StoredValue::new(None),
            marks,
            tally,
        }
    }

    /// The report as typed (read-only handle; write through the edit API).
    pub fn report(&self) -> ReadSignal<Report> {
        self.report.read_only()
    }

    /// Reads last year's text from `source` (the open draft's reference) for
    /// the repetition check: storage calls this once, at start-up.
    pub fn read_last_year_from(&self, source: Signal<Option<NarrativeReference>>) {
        self.last_year.set(Some(source));
    }

    /// Increases on every change of the report (edit, undo, redo, load).
    pub fn revision(&self) -> ReadSignal<u64> {
        self.revision.read_only()
    }

    pub fn read_only(&self) -> Memo<bool> {
        self.read_only
    }

    /// Why the editor is read-only, if it is.
    pub fn locked(&self) -> ReadSignal<Option<String>> {
        self.locked.read_only()
    }

    /// Makes the editor read-only, saying why (e.g. a draft written by a newer version), or editable again.
    pub fn set_read_only(&self, why: Option<String>) {
        self.locked.set(why);
    }

    /// Applies `change` as one undo step (a button, a select, a pasted block, a year switch).
    /// Returns whether the report changed.
    pub fn edit(&self, change: impl FnOnce(&mut Report)) -> bool {
        if self.locked.with_untracked(Option::is_some) {
            return false;
        }
        let before = self.report.with_untracked(Report::clone);
        // Change in place, and notify only if something changed.
        let changed = self.report.try_update_untracked(|r| {
            change(r);
            *r != before
        });
        changed == Some(true) && self.changed(Some(before), None)
    }

    /// Applies a keystroke's worth of typing into the field named `field`
    /// (any stable name, e.g. a cell path); `change` returns whether it changed the report.
    /// Consecutive typing into the same field is one undo step until [`seal`](Self::seal) is
    /// called. Returns whether the report changed.
    pub fn type_into(&self, field: &str, change: impl FnOnce(&mut Report) -> bool) -> bool {
        if self.locked.with_untracked(Option::is_some) {
            return false;
        }
        // Typing on in the field of the open undo step joins it, whose snapshot is kept already:
        // no copy of the report per keystroke.
        let joins = self.history.with_value(|h| h.joins(field));
        let before = (!joins).then(|| self.report.with_untracked(Report::clone));
        self.report.try_update_untracked(change) == Some(true) && self.changed(before, Some(field))
    }

    /// Ends the current typing step: the next keystroke starts a new undo
    /// step even in the same field. Called when focus moves.
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    /// Replaces the report (a draft opened from storage or a file) and clears the history.
    pub fn load(&self, report: Report) {
        self.history.update_value(History::clear);
        self.report.set(report);
        self.after_change();
    }

    pub fn undo(&self) -> bool {
        self.step(History::undo)
    }

    pub fn redo(&self) -> bool {
        self.step(History::redo)
    }

    pub fn can_undo(&self) -> bool {
        self.can.with(|c| c.0)
    }

    pub fn can_redo(&self) -> bool {
        self.can.with(|c| c.1)
    }

    /// After a change of the report: records the undo step (`before`: the snapshot of a new step),
    /// tells the report's readers. Returns `true`.
    fn changed(&self, before: Option<Report>, group: Option<&str>) -> bool {
        if let Some(before) = before {
            self.history.update_value(|h| h.record(before, group));
        }
        self.report.notify();
        self.after_change();
        true
    }

    fn step(&self, go: fn(&mut History<Report>, Report) -> Option<Report>) -> bool {
        if self.locked.with_untracked(Option::is_some) {
            return false;
        }
        let current = self.report.with_untracked(Report::clone);
        let Some(restored) = self.history.try_update_value(|h| go(h, current)).flatten() else {
            return false;
        };
        self.report.set(restored);
        self.after_change();
        true
    }

    fn after_change(&self) {
        let can = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can.get_untracked() != can {
            self.can.set(can);
        }
        self.revision.update(|n| *n += 1);
        self.recheck_text_later();
    }

    /// Runs the text checks once the report has stayed the same for [`TEXT_CHECK_PAUSE`].
    fn recheck_text_later(&self) {
        if let Some(handle) = self.pause.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let (settled, text_chunk) = (self.settled, self.text_chunk);
        let handle = set_timeout_with_handle(
            move || {
                // Not fetched yet, or it failed (offline): ask (again) now that typing pauses.
                text_chunk.fetch();
                settled.update(|n| *n += 1);
            },
            TEXT_CHECK_PAUSE,
        )
        .ok();
        self.pause.set_value(handle);
    }
}

/// How long typing must pause before the text checks run again.
pub const TEXT_CHECK_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// Creates the editor state for `report` and provides it to every component below.
pub fn provide_editor(report: Report) -> EditorState {
    let state = EditorState::new(report);
    provide_context(state);
    state
}

/// The editor state provided by [`provide_editor`].
pub fn use_editor() -> EditorState {
    expect_context::<EditorState>()
}
