//! Bounded undo/redo over whole snapshots of a value.
//!
//! Snapshots (rather than inverse operations) keep every kind of edit undoable
//! with one mechanism: a keystroke, a pasted block, a year switch, a loaded
//! draft. A report is a few kilobytes, so a couple of hundred snapshots are cheap.

use std::collections::VecDeque;

/// How many undo steps are kept; older ones are dropped.
pub const DEFAULT_LIMIT: usize = 200;

/// Undo and redo stacks of snapshots taken before each step.
#[derive(Debug)]
pub struct History<T> {
    undo: VecDeque<T>,
    redo: Vec<T>,
    limit: usize,
    /// The coalescing group of the newest undo step, while it is still open:
    /// further edits of the same group join that step instead of adding one.
    open_group: Option<String>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History::new(DEFAULT_LIMIT)
    }
}

impl<T> History<T> {
    pub fn new(limit: usize) -> History<T> {
        History { undo: VecDeque::new(), redo: Vec::new(), limit: limit.max(1), open_group: None }
    }

    /// Records that a change is about to be made to a value that is now `before`.
    ///
    /// With `group` equal to the still-open group of the previous step (the
    /// same text field being typed into), the change joins that step.
    pub fn record(&mut self, before: T, group: Option<&str>) {
        self.redo.clear();
        if !group.is_some_and(|g| self.joins(g)) {
            self.undo.push_back(before);
            if self.undo.len() > self.limit {
                self.undo.pop_front();
            }
        }
        self.open_group = group.map(str::to_string);
    }

    /// Whether an edit of `group` joins the newest undo step (its snapshot is already kept, and
    /// nothing can be redone: an undo or a redo closes the group).
    pub fn joins(&self, group: &str) -> bool {
        self.open_group.as_deref() == Some(group)
    }

    /// Ends the open coalescing group: the next edit starts a new step even in the same field.
    pub fn seal(&mut self) {
        self.open_group = None;
    }

    /// Steps back: returns the value to restore, given the `current` one (kept for redo).
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop_back()?;
        self.redo.push(current);
        self.open_group = None;
        Some(previous)
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push_back(current);
        self.open_group = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open_group = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_steps() {
        let mut h = History::new(10);
        h.record(0, None);
        h.record(1, None);
        assert_eq!(h.undo(2), Some(1));
        assert_eq!(h.undo(1), Some(0));
        assert_eq!(h.undo(0), None);
        assert_eq!(h.redo(0), Some(1));
        assert_eq!(h.redo(1), Some(2));
        assert_eq!(h.redo(2), None);
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_sealed() {
        let mut h = History::new(10);
        h.record("", Some("a"));
        h.record("1", Some("a"));
        h.record("12", Some("a"));
        h.record("123", Some("b"));
        assert_eq!(h.undo("123x"), Some("123"));
        assert_eq!(h.undo("123"), Some(""));
        assert!(!h.can_undo());

        let mut h = History::new(10);
        h.record("", Some("a"));
        h.seal();
        h.record("1", Some("a"));
        assert_eq!(h.undo("2"), Some("1"));
    }

    #[test]
    fn a_new_edit_clears_redo_and_the_limit_drops_the_oldest() {
        let mut h = History::new(2);
        h.record(0, None);
        h.record(1, None);
        h.record(2, None);
        assert_eq!(h.undo(3), Some(2));
        assert_eq!(h.undo(2), Some(1));
        assert_eq!(h.undo(1), None);
        h.record(1, None);
        assert!(!h.can_redo());
    }

    #[test]
    fn only_typing_on_in_the_open_group_joins() {
        let mut h = History::new(10);
        assert!(!h.joins("a"));
        h.record("", Some("a"));
        assert!(h.joins("a") && !h.joins("b"));
        h.seal();
        assert!(!h.joins("a"));
        h.record("1", Some("a"));
        assert_eq!(h.undo("12"), Some("1"));
        assert!(!h.joins("a"), "after an undo the next keystroke starts a step (and clears redo)");
    }

    #[test]
    fn after_undo_typing_starts_a_new_step() {
        let mut h = History::new(10);
        h.record("", Some("a"));
        assert_eq!(h.undo("1"), Some(""));
        h.record("", Some("a"));
        h.record("5", Some("a"));
        assert_eq!(h.undo("56"), Some(""));
        assert!(!h.can_undo());
    }
}
