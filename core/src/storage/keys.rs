//! Where drafts live in localStorage: one key per draft, so two tabs editing
//! two drafts never write the same key, and a broken record never takes the
//! others down with it.

use std::fmt;

const PREFIX: &str = "xxgk-report:";
const DRAFT: &str = "xxgk-report:draft:";
const BACKUP: &str = "xxgk-report:backup:";

/// The draft opened last, reopened at start-up.
pub const LAST_OPENED_KEY: &str = "xxgk-report:last-opened";

/// Written and removed once at start-up to learn whether storage works at all.
pub const PROBE_KEY: &str = "xxgk-report:probe";

/// The identity of a draft, stable across renames and edits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DraftId(String);

impl DraftId {
    /// A new id from the current time (ms) and some randomness: sortable by
    /// creation and unique across tabs.
    pub fn generate(now_ms: u64, entropy: u32) -> DraftId {
        DraftId(format!("{now_ms:x}-{entropy:08x}"))
    }

    /// Accepts only what [`generate`](DraftId::generate) could have made
    /// (lowercase hex digits and `-`), so an id can never smuggle a `:` into a key.
    pub fn parse(text: &str) -> Option<DraftId> {
        let ok = !text.is_empty()
            && text.len() <= 40
            && text.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c) || c == '-');
        ok.then(|| DraftId(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DraftId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The key holding a draft's envelope.
pub fn draft_key(id: &DraftId) -> String {
    format!("{DRAFT}{id}")
}

/// The draft a key belongs to, for keys written by [`draft_key`].
pub fn draft_id_of_key(key: &str) -> Option<DraftId> {
    key.strip_prefix(DRAFT).and_then(DraftId::parse)
}

/// Where the raw text of an unreadable record is set aside, never overwritten:
/// one key per incident.
pub fn backup_key(id: &DraftId, now_ms: u64) -> String {
    format!("{BACKUP}{id}:{now_ms}")
}

/// True for the key of a set-aside record (see [`backup_key`]), never for a draft's.
pub fn is_backup_key(key: &str) -> bool {
    key.starts_with(BACKUP)
}

/// True for any key this app writes (backups included): other apps on the
/// same origin are left alone.
pub fn is_app_key(key: &str) -> bool {
    key.starts_with(PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_round_trip_through_their_key() {
        let id = DraftId::generate(1_705_300_000_000, 0xdead_beef);
        assert_eq!(id.as_str(), "18d0bccfd00-deadbeef");
        let key = draft_key(&id);
        assert_eq!(key, "xxgk-report:draft:18d0bccfd00-deadbeef");
        assert_eq!(draft_id_of_key(&key), Some(id.clone()));
        assert!(is_app_key(&key));
        assert!(!is_backup_key(&key));
    }

    #[test]
    fn ids_with_foreign_characters_are_refused() {
        for bad in ["", "ABC", "a:b", "草稿", "a b", &"a".repeat(41)] {
            assert_eq!(DraftId::parse(bad), None, "{bad:?}");
        }
        assert_eq!(draft_id_of_key("xxgk-report:draft:"), None);
        assert_eq!(draft_id_of_key("other-app:draft:abc"), None);
        assert_eq!(draft_id_of_key(LAST_OPENED_KEY), None);
    }

    #[test]
    fn backup_keys_are_distinct_per_incident_and_not_drafts() {
        let id = DraftId::parse("abc-1").unwrap();
        let a = backup_key(&id, 1);
        let b = backup_key(&id, 2);
        assert_ne!(a, b);
        assert!(is_backup_key(&a));
        assert_eq!(draft_id_of_key(&a), None);
    }
}
