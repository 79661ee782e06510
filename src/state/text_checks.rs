//! The checks on the narratives and the standard sentences, in a wasm chunk of their own
//! (docs/first-load.md): their word lists and scanners are not needed to type the first figure.
//! The chunk is fetched once the page has started (or at the first pause in typing, or the first
//! 「插入…标准表述」); until it is in, the panel has only the table checks.

use leptos::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};
use xxgk_core::checks::text::drafting;
use xxgk_core::checks::{run_text_checks, CheckOptions, CheckResult};
use xxgk_core::model::Report;
use xxgk_core::storage::NarrativeReference;

/// Writes a standard sentence from the tables, or says why it cannot.
pub type Drafting = fn(&Report) -> Result<String, &'static str>;

/// The functions the chunk holds.
#[derive(Clone, Copy)]
pub struct TextChecks {
    pub run: fn(&Report, Option<&NarrativeReference>, CheckOptions) -> Vec<CheckResult>,
    /// 「插入申请办理情况标准表述」.
    pub applications: Drafting,
    /// 「插入复议、诉讼情况标准表述」.
    pub appeals: Drafting,
}

#[wasm_split(text_checks, fallible)]
fn text_checks_chunk() -> Result<TextChecks, SplitLoaderError> {
    Ok(TextChecks { run: run_text_checks, applications: drafting::applications, appeals: drafting::appeals })
}

/// Where the chunk is; once in, its functions.
#[derive(Clone, Copy)]
enum Loading {
    NotAsked,
    Fetching,
    /// It could not be fetched (offline before the service worker stored it); asked again at the
    /// next pause in typing.
    Failed,
    Ready(TextChecks),
}

/// The text checks' chunk as the editor sees it: one signal.
#[derive(Clone, Copy)]
pub struct TextChecksChunk(RwSignal<Loading>);

impl TextChecksChunk {
    pub fn new() -> TextChecksChunk {
        TextChecksChunk(RwSignal::new(Loading::NotAsked))
    }

    /// The functions, if fetched (tracked: a memo reading this re-runs when they come).
    pub fn get(&self) -> Option<TextChecks> {
        match self.0.get() {
            Loading::Ready(functions) => Some(functions),
            _ => None,
        }
    }

    /// Whether the last fetch failed (tracked).
    pub fn failed(&self) -> bool {
        matches!(self.0.get(), Loading::Failed)
    }

    /// Fetches the chunk unless it is in or on its way.
    pub fn fetch(&self) {
        if matches!(self.0.get_untracked(), Loading::Fetching | Loading::Ready(_)) {
            return;
        }
        let chunk = *self;
        chunk.0.set(Loading::Fetching);
        leptos::task::spawn_local(async move {
            chunk.arrived(text_checks_chunk().await);
        });
    }

    /// The functions, fetching them first if needed (for a button: the chunk is usually in by then).
    pub async fn ready(&self) -> Result<TextChecks, SplitLoaderError> {
        if let Loading::Ready(functions) = self.0.get_untracked() {
            return Ok(functions);
        }
        let result = text_checks_chunk().await;
        self.arrived(result.clone());
        result
    }

    fn arrived(&self, result: Result<TextChecks, SplitLoaderError>) {
        self.0.set(match result {
            Ok(functions) => Loading::Ready(functions),
            Err(_) => Loading::Failed,
        });
    }
}
