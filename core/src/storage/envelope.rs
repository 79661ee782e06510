//! The localStorage record of one draft: a versioned envelope around the
//! draft file, exactly as [`crate::draft`] writes it for export.
//!
//! ```json
//! {"schema":1,"app_version":"0.1.0","saved_at":1705300000000,"name":"","draft":{…the draft file…}}
//! ```
//!
//! Reading a record never panics and never loses text: every way it can be
//! unreadable is an [`Unreadable`] the caller can act on (set the raw text
//! aside, or leave a newer version's record alone), a draft written by a newer
//! version opens read-only, and an older draft is migrated by [`crate::draft`].

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::next_year::NarrativeReference;
use crate::draft::{self, DraftError};
use crate::model::Report;

/// The envelope layout this build writes. Raise it when the envelope itself
/// (not the draft inside, which has its own version) changes shape.
pub const SCHEMA_VERSION: u32 = 1;

/// What is kept beside the report but is not part of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftMeta {
    /// Version of the app that saved it.
    pub app_version: String,
    /// When it was saved, in ms since 1970 (UTC).
    pub saved_at_ms: u64,
    /// A name the user gave the draft; empty means 「机关 + 年度」.
    pub name: String,
    /// Last year's narratives, when the draft was started from last year's.
    pub reference: Option<NarrativeReference>,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    schema: u32,
    app_version: String,
    saved_at: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reference: Option<NarrativeReference>,
    draft: Json,
}

/// The record for `report`: compact JSON, to make the most of the quota.
pub fn encode(report: &Report, meta: &DraftMeta) -> String {
    let draft = serde_json::from_str(&draft::to_json(report)).expect("draft::to_json writes valid JSON");
    let envelope = Envelope {
        schema: SCHEMA_VERSION,
        app_version: meta.app_version.clone(),
        saved_at: meta.saved_at_ms,
        name: meta.name.clone(),
        reference: meta.reference.clone(),
        draft,
    };
    serde_json::to_string(&envelope).expect("an envelope always serialises")
}

/// How a stored draft may be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    Editable,
    /// Written by a newer version: shown, never saved over. The message says so.
    ReadOnly(String),
}

/// A record read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub report: Report,
    pub meta: DraftMeta,
    pub access: Access,
}

/// Why a record could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON at all, e.g. cut off by a full disk or edited by hand.
    NotJson,
    /// JSON, but not a draft record.
    NotARecord,
    /// A record whose draft the draft reader rejects (its message says where).
    BadDraft(String),
    /// Written by a newer version in a shape this one cannot even show.
    Newer { app_version: String },
}

impl Unreadable {
    pub fn message(&self) -> String {
        match self {
            Unreadable::NotJson => "保存的数据已损坏（不是完整的 JSON）".to_string(),
            Unreadable::NotARecord => "保存的数据不是本程序的草稿记录".to_string(),
            Unreadable::BadDraft(message) => format!("保存的草稿无法读取：{message}"),
            Unreadable::Newer { app_version } => {
                format!("此草稿由较新版本（{app_version}）保存，本版本无法打开；请使用新版本")
            }
        }
    }

    /// True when the record is damaged (as opposed to merely newer): its raw
    /// text should be set aside under a backup key.
    pub fn is_damage(&self) -> bool {
        !matches!(self, Unreadable::Newer { .. })
    }
}

/// Reads a record written by [`encode`] (by this or any other version).
pub fn decode(raw: &str) -> Result<Opened, Unreadable> {
    let json: Json = serde_json::from_str(raw).map_err(|_| Unreadable::NotJson)?;
    let envelope: Envelope = serde_json::from_value(json).map_err(|_| Unreadable::NotARecord)?;
    let meta = DraftMeta {
        app_version: envelope.app_version,
        saved_at_ms: envelope.saved_at,
        name: envelope.name,
        reference: envelope.reference,
    };
    let newer_envelope = envelope.schema > SCHEMA_VERSION;
    match draft::from_json(&envelope.draft.to_string()) {
        Ok(report) if !newer_envelope => Ok(Opened { report, meta, access: Access::Editable }),
        Ok(report) => Ok(read_only(report, meta)),
        Err(DraftError::NewerVersion { .. }) => match newer_report(&envelope.draft) {
            Some(report) => Ok(read_only(report, meta)),
            None => Err(Unreadable::Newer { app_version: meta.app_version }),
        },
        Err(_) if newer_envelope => Err(Unreadable::Newer { app_version: meta.app_version }),
        Err(error) => Err(Unreadable::BadDraft(error.message())),
    }
}

/// What this version can make of a newer version's draft, to show it: the
/// fields it knows (unknown ones are ignored, missing ones take defaults).
fn newer_report(draft: &Json) -> Option<Report> {
    if draft.get("schema")?.as_str()? != draft::SCHEMA {
        return None;
    }
    serde_json::from_value(draft.get("report")?.clone()).ok()
}

fn read_only(report: Report, meta: DraftMeta) -> Opened {
    let message = format!(
        "此草稿由较新版本（{}）保存，本版本只能查看，不能修改，以免丢失新版本的内容；请使用新版本继续编辑",
        meta.app_version
    );
    Opened { report, meta, access: Access::ReadOnly(message) }
}

/// The draft file inside a record, as stored (pretty-printed), for exporting
/// a draft this version can only show: nothing a newer version wrote is dropped.
pub fn draft_text(raw: &str) -> Option<String> {
    let json: Json = serde_json::from_str(raw).ok()?;
    serde_json::to_string_pretty(json.get("draft")?).ok()
}
