//! What the user is told about saving: the status line and the conflict
//! with another window.

use super::clock;

/// The save status shown in the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing typed yet into a draft that has never been saved.
    Untouched,
    /// An edit waits for the autosave.
    Saving,
    /// Saved at this time (ms since 1970).
    Saved(u64),
    /// The last attempt failed; the draft is kept in memory.
    Failed(String),
    /// Nothing is written: another window changed the draft, or it is read-only.
    Held(String),
}

impl SaveStatus {
    pub fn text(&self) -> String {
        match self {
            SaveStatus::Untouched => "尚未修改".to_string(),
            SaveStatus::Saving => "保存中…".to_string(),
            SaveStatus::Saved(at) => format!("已保存 {}", clock::time_of_day(*at)),
            SaveStatus::Failed(why) => format!("保存失败：{why}"),
            SaveStatus::Held(why) => format!("未保存：{why}"),
        }
    }

    /// A short machine-readable state for styling and tests.
    pub fn state(&self) -> &'static str {
        match self {
            SaveStatus::Untouched => "untouched",
            SaveStatus::Saving => "saving",
            SaveStatus::Saved(_) => "saved",
            SaveStatus::Failed(_) => "failed",
            SaveStatus::Held(_) => "held",
        }
    }
}

/// What another window did to the draft open here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// It saved other content.
    Changed,
    /// It deleted the draft.
    Deleted,
}

impl Conflict {
    pub fn message(self) -> &'static str {
        match self {
            Conflict::Changed => "此草稿已在另一窗口修改",
            Conflict::Deleted => "此草稿已在另一窗口删除",
        }
    }
}
