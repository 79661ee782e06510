//! The draft file: a report saved as versioned JSON (docs/draft-format.md).
//!
//! ```json
//! { "schema": "xxgk-report/draft", "version": 3, "report": { … } }
//! ```
//!
//! Loading checks, in order: that the text is JSON, that it is a draft, that
//! its version is one this program reads, then the shape of every field,
//! naming the path of the first wrong one (`report.table3.granted.natural`).
//! Older versions are brought up to date by [`MIGRATIONS`], one function per
//! version step, before the shape is checked.

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::format::{format, table2, table3, FormatVersion, TableId};
use crate::model::{Report, UnitLevel};

/// The `schema` every draft file carries.
pub const SCHEMA: &str = "xxgk-report/draft";

/// The version this program writes, and the newest it reads.
pub const VERSION: u64 = 3;

/// One step of migration: a version-n `report` object in, version n + 1 out.
type Migration = fn(Value) -> Result<Value, DraftError>;

/// `MIGRATIONS[n - 1]` upgrades a version-n report to version n + 1.
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3];

const _: () = assert!(MIGRATIONS.len() as u64 + 1 == VERSION, "one migration per version step");

/// Years a report can cover: the 条例 took effect in 2008.
const YEARS: std::ops::RangeInclusive<u64> = 2008..=2100;

#[derive(Serialize)]
struct Envelope<'a> {
    schema: &'static str,
    version: u64,
    report: &'a Report,
}

/// The report as a draft file (pretty-printed JSON, keys in a fixed order).
pub fn to_json(report: &Report) -> String {
    let envelope = Envelope { schema: SCHEMA, version: VERSION, report };
    // Strings, numbers and maps with string keys only: serializing cannot fail.
    let mut json = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    json.push('\n');
    json
}

/// Reads a draft file, migrating older versions and checking every field.
pub fn from_json(text: &str) -> Result<Report, DraftError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text); // Notepad's BOM
    if text.trim().is_empty() {
        return Err(DraftError::Empty);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| DraftError::NotJson { line: e.line(), column: e.column() })?;
    let Value::Object(mut envelope) = value else { return Err(DraftError::NotADraft) };
    if envelope.get("schema").and_then(Value::as_str) != Some(SCHEMA) {
        return Err(DraftError::NotADraft);
    }
    let version = match envelope.get("version") {
        Some(v) => v.as_u64().filter(|&n| n >= 1).ok_or_else(|| invalid("version", "应为正整数，如 1"))?,
        None => return Err(invalid("version", "缺少草稿格式版本号")),
    };
    if version > VERSION {
        return Err(DraftError::NewerVersion { found: version });
    }
    for key in envelope.keys() {
        if !matches!(key.as_str(), "schema" | "version" | "report") {
            return Err(invalid(key, "草稿文件中没有这一项"));
        }
    }
    let report = envelope.remove("report").ok_or_else(|| invalid("report", "缺少报告内容"))?;
    let report = migrate(MIGRATIONS, version, report)?;
    check_report(&report)?;
    let mut report: Report = serde_json::from_value(report)
        .map_err(|e| invalid("report", &format!("结构不符合草稿格式（{e}）")))?;
    drop_blank_cells(&mut report);
    Ok(report)
}

/// Version 2 adds `table_intros`, the paragraphs before 表二、表三、表四:
/// a version-1 report has none.
fn v1_to_v2(mut report: Value) -> Result<Value, DraftError> {
    if let Value::Object(map) = &mut report {
        map.entry("table_intros").or_insert_with(|| {
            Value::Object(TableId::ALL.iter().map(|id| (id.key().to_string(), Value::from(""))).collect())
        });
    }
    Ok(report)
}

/// Version 3 adds `verified` (the warnings marked 「已核实」) and, in
/// `previous`, last year's 表二 and the 总计 columns of 表三 and 表四: a
/// version-2 report has no mark, and last year's tables are unknown.
fn v2_to_v3(mut report: Value) -> Result<Value, DraftError> {
    if let Value::Object(map) = &mut report {
        map.entry("verified").or_insert_with(|| Value::Array(Vec::new()));
        if let Some(Value::Object(previous)) = map.get_mut("previous") {
            for key in PREVIOUS_TABLES {
                previous.entry(key).or_insert_with(|| Value::Object(Map::new()));
            }
        }
    }
    Ok(report)
}

fn migrate(steps: &[Migration], from: u64, mut report: Value) -> Result<Value, DraftError> {
    for step in &steps[(from - 1) as usize..] {
        report = step(report)?;
    }
    Ok(report)
}

/// Blank is absent in the model; a file may still spell it `""`.
fn drop_blank_cells(report: &mut Report) {
    for id in TableId::ALL {
        let table = &mut report.table_mut(id).0;
        for cols in table.values_mut() {
            cols.retain(|_, text| !text.trim().is_empty());
        }
        table.retain(|_, cols| !cols.is_empty());
    }
}

/// Why a draft file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    Empty,
    /// Not JSON at all; where the reader gave up (1-based).
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not a draft of this program.
    NotADraft,
    /// Saved by a newer program.
    NewerVersion {
        found: u64,
    },
    /// A field is missing, unknown or of the wrong kind.
    Invalid {
        path: String,
        problem: String,
    },
}

fn invalid(path: &str, problem: &str) -> DraftError {
    DraftError::Invalid { path: path.to_string(), problem: problem.to_string() }
}

impl DraftError {
    /// What went wrong, in Chinese, for the person who picked the file.
    pub fn message(&self) -> String {
        match self {
            DraftError::Empty => "文件是空的，不是年度报告草稿".to_string(),
            DraftError::NotJson { line, column } => {
                format!("无法读取：这不是草稿文件，或文件已损坏（第 {line} 行第 {column} 列附近格式有误）")
            }
            DraftError::NotADraft => "这不是年度报告草稿文件（草稿文件应以 \"schema\": \"xxgk-report/draft\" 标明）".to_string(),
            DraftError::NewerVersion { found } => format!(
                "这个草稿由更新版本的程序保存（草稿格式第 {found} 版，本程序只能读取到第 {VERSION} 版），请使用最新版本的程序打开"
            ),
            DraftError::Invalid { path, problem } => format!("草稿内容有误：{path}：{problem}"),
        }
    }

    /// The path of the offending field, for shape errors.
    pub fn path(&self) -> Option<&str> {
        match self {
            DraftError::Invalid { path, .. } => Some(path),
            _ => None,
        }
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for DraftError {}

/// What a field of `report` holds (see docs/draft-format.md).
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Year,
    Format,
    UnitLevel,
    TitleForm,
    Sections,
    TableIntros,
    Table(TableId),
    Date,
    Bool,
    Previous,
    Verified,
}

/// The fields of `report`: name, kind, required.
const REPORT_FIELDS: &[(&str, Kind, bool)] = &[
    ("unit_name", Kind::Text, true),
    ("unit_level", Kind::UnitLevel, false),
    ("year", Kind::Year, true),
    ("format", Kind::Format, true),
    ("doc_number", Kind::Text, false),
    ("title_form", Kind::TitleForm, false),
    ("addressee", Kind::Text, false),
    ("preamble", Kind::Text, false),
    ("sections", Kind::Sections, false),
    ("table_intros", Kind::TableIntros, false),
    ("table2", Kind::Table(TableId::Table2), false),
    ("table3", Kind::Table(TableId::Table3), false),
    ("table4", Kind::Table(TableId::Table4), false),
    ("signature_org", Kind::Text, false),
    ("signature_date", Kind::Date, false),
    ("imprint_org", Kind::Text, false),
    ("imprint_date", Kind::Date, false),
    ("auto_totals", Kind::Bool, false),
    ("previous", Kind::Previous, false),
    ("verified", Kind::Verified, false),
];

const SECTION_FIELDS: [&str; 3] = ["overview", "problems", "other"];

type Checked = Result<(), DraftError>;

fn check_report(report: &Value) -> Checked {
    let report = object(report, "report")?;
    for &(name, _, required) in REPORT_FIELDS {
        if required && !report.contains_key(name) {
            return Err(invalid(&format!("report.{name}"), "缺少这一项"));
        }
    }
    // The format decides which table cells exist, so it is read first.
    let version = format_version(report.get("format").unwrap_or(&Value::Null), "report.format")?;
    for (name, value) in report {
        let path = format!("report.{name}");
        let Some(&(_, kind, _)) = REPORT_FIELDS.iter().find(|(n, _, _)| n == name) else {
            return Err(invalid(&path, "草稿格式中没有这一项"));
        };
        check_field(kind, value, &path, version)?;
    }
    Ok(())
}

fn check_field(kind: Kind, value: &Value, path: &str, version: FormatVersion) -> Checked {
    match kind {
        Kind::Text => text(value, path).map(drop),
        Kind::Year => year(value, path),
        Kind::Format => format_version(value, path).map(drop),
        Kind::UnitLevel => match value {
            Value::Null => Ok(()),
            Value::String(s) if UnitLevel::from_key(s).is_some() => Ok(()),
            _ => Err(invalid(path, &one_of(UnitLevel::ALL.map(UnitLevel::key).as_slice(), true))),
        },
        Kind::TitleForm => match value.as_str() {
            Some("annual" | "submission") => Ok(()),
            _ => Err(invalid(path, &one_of(&["annual", "submission"], false))),
        },
        Kind::Sections => texts(value, path, &SECTION_FIELDS),
        Kind::TableIntros => texts(value, path, &TableId::ALL.map(TableId::key)),
        Kind::Table(id) => table(value, path, id, version),
        Kind::Date => date(value, path),
        Kind::Bool => match value {
            Value::Bool(_) => Ok(()),
            _ => Err(invalid(path, "应为 true 或 false")),
        },
        Kind::Previous => previous(value, path),
        Kind::Verified => verified(value, path),
    }
}

/// An object with exactly these text fields, all present.
fn texts(value: &Value, path: &str, names: &[&str]) -> Checked {
    let map = object(value, path)?;
    known_keys(map, path, |k| names.contains(&k))?;
    for name in names {
        let field = format!("{path}.{name}");
        text(map.get(*name).ok_or_else(|| invalid(&field, "缺少这一项"))?, &field)?;
    }
    Ok(())
}

fn object<'v>(value: &'v Value, path: &str) -> Result<&'v Map<String, Value>, DraftError> {
    value.as_object().ok_or_else(|| invalid(path, "应为对象（{ … }）"))
}

fn text<'v>(value: &'v Value, path: &str) -> Result<&'v str, DraftError> {
    value.as_str().ok_or_else(|| invalid(path, "应为文本（用英文双引号括起来）"))
}

fn known_keys(map: &Map<String, Value>, path: &str, known: impl Fn(&str) -> bool) -> Checked {
    match map.keys().find(|k| !known(k)) {
        Some(k) => Err(invalid(&format!("{path}.{k}"), "草稿格式中没有这一项")),
        None => Ok(()),
    }
}

fn one_of(keys: &[&str], or_null: bool) -> String {
    let list = keys.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join("、");
    if or_null {
        format!("应为 {list} 之一，或 null")
    } else {
        format!("应为 {list} 之一")
    }
}

fn year(value: &Value, path: &str) -> Checked {
    match value.as_u64() {
        Some(y) if YEARS.contains(&y) => Ok(()),
        _ => Err(invalid(path, &format!("应为报告年度，{}—{} 之间的整数", YEARS.start(), YEARS.end()))),
    }
}

fn format_version(value: &Value, path: &str) -> Result<FormatVersion, DraftError> {
    match value.as_str() {
        Some("2019") => Ok(FormatVersion::Trial2019),
        Some("2021") => Ok(FormatVersion::Official2021),
        _ => Err(invalid(path, "应为 \"2019\"（试行格式）或 \"2021\"")),
    }
}

/// `""` or `YYYY-MM-DD`, a real date.
fn date(value: &Value, path: &str) -> Checked {
    let s = text(value, path)?;
    if s.is_empty() || is_date(s) {
        Ok(())
    } else {
        Err(invalid(path, "应为空，或 YYYY-MM-DD 形式的日期，如 2024-01-31"))
    }
}

fn is_date(s: &str) -> bool {
    crate::date::Date::is_iso(s)
}

/// Row key → column key → text, every cell one of the format's. Each row's
/// columns are looked up once, and paths are written only for the message of
/// a wrong cell: `xxgk-report summarize` reads 10,000 drafts of ~400 cells.
fn table(value: &Value, path: &str, id: TableId, version: FormatVersion) -> Checked {
    let spec = format(version).table(id);
    let mut known: Vec<&str> = Vec::new();
    for (row, cols) in object(value, path)? {
        let row_path = || format!("{path}.{row}");
        known.clear();
        known.extend(spec.fields.iter().filter(|f| f.key.row == row).map(|f| f.key.col));
        let Some(first) = spec.fields.iter().find(|f| f.key.row == row) else {
            return Err(invalid(
                &row_path(),
                &format!("{}（{}格式）没有这一行", id.short_name(), version.key()),
            ));
        };
        let cols = cols.as_object().ok_or_else(|| invalid(&row_path(), "应为对象（{ … }）"))?;
        for (col, cell) in cols {
            let cell_path = || format!("{}.{col}", row_path());
            if !known.contains(&col.as_str()) {
                return Err(invalid(
                    &cell_path(),
                    &format!("{}「{}」行没有这一列", id.short_name(), first.row_label),
                ));
            }
            if !cell.is_string() {
                return Err(invalid(&cell_path(), "应为文本（用英文双引号括起来）"));
            }
        }
    }
    Ok(())
}

/// What `previous` holds beside its year: the fields of version 1, then those of version 3.
const PREVIOUS_FIELDS: [&str; 5] =
    ["carried_forward", "in_force", "table2", "table3_totals", "table4_totals"];
const PREVIOUS_TABLES: [&str; 3] = ["table2", "table3_totals", "table4_totals"];

/// Last year's figures: `null`, or `{ year, carried_forward, in_force, table2,
/// table3_totals, table4_totals }`.
fn previous(value: &Value, path: &str) -> Checked {
    if value.is_null() {
        return Ok(());
    }
    let prev = object(value, path)?;
    known_keys(prev, path, |k| k == "year" || PREVIOUS_FIELDS.contains(&k))?;
    let field = |name: &str| {
        let p = format!("{path}.{name}");
        prev.get(name).map(|v| (v, p.clone())).ok_or_else(|| invalid(&p, "缺少这一项"))
    };
    let (y, p) = field("year")?;
    year(y, &p)?;
    let columns: Vec<&str> = table3::COLUMNS.iter().map(|(k, _)| *k).collect();
    let rows = [table2::RULES, table2::NORMATIVE_DOCS];
    // Last year may be in either edition: a row of either counts.
    let rows_of = |id: TableId| -> Vec<&'static str> {
        let mut rows: Vec<&'static str> = Vec::new();
        for version in [FormatVersion::Official2021, FormatVersion::Trial2019] {
            for f in &format(version).table(id).fields {
                if !rows.contains(&f.key.row) {
                    rows.push(f.key.row);
                }
            }
        }
        rows
    };
    let (t3_rows, t4_rows) = (rows_of(TableId::Table3), rows_of(TableId::Table4));
    for (name, keys) in [
        ("carried_forward", columns.as_slice()),
        ("in_force", rows.as_slice()),
        ("table3_totals", t3_rows.as_slice()),
        ("table4_totals", t4_rows.as_slice()),
    ] {
        let (v, p) = field(name)?;
        let map = object(v, &p)?;
        known_keys(map, &p, |k| keys.contains(&k))?;
        for (k, cell) in map {
            text(cell, &format!("{p}.{k}"))?;
        }
    }
    let (v, p) = field("table2")?;
    table(v, &p, TableId::Table2, FormatVersion::Official2021)
        .or_else(|e| table(v, &p, TableId::Table2, FormatVersion::Trial2019).map_err(|_| e))
}

/// The warnings marked 「已核实」: a list of `{ check, figures, quote, note }`.
fn verified(value: &Value, path: &str) -> Checked {
    let list = value.as_array().ok_or_else(|| invalid(path, "应为列表（[ … ]）"))?;
    for (i, mark) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let map = object(mark, &p)?;
        known_keys(map, &p, |k| matches!(k, "check" | "figures" | "quote" | "note"))?;
        for name in ["check", "figures", "quote", "note"] {
            let field = format!("{p}.{name}");
            let value = map.get(name).ok_or_else(|| invalid(&field, "缺少这一项"))?;
            if name == "figures" {
                for (k, cell) in object(value, &field)? {
                    text(cell, &format!("{field}.{k}"))?;
                }
            } else {
                text(value, &field)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::FieldKey;
    use crate::model::{PreviousYear, TitleForm, Verified};

    fn sample() -> Report {
        let mut r = Report::new(2023);
        r.unit_name = "平潭综合实验区市场监督管理局".to_string();
        r.unit_level = Some(UnitLevel::LocalDepartment);
        r.doc_number = "尔政字〔2022〕8号".to_string();
        r.title_form = TitleForm::Submission;
        r.sections.overview = "2023年，……".to_string();
        r.table_intros.table3 = "2023年共收到政府信息公开申请1件。".to_string();
        r.signature_date = "2024-01-31".to_string();
        r.set_raw(FieldKey::new(TableId::Table3, "granted", "natural"), "１,２");
        r.set_raw(FieldKey::new(TableId::Table2, "fees", "amount"), "24252.311082");
        let mut previous = PreviousYear { year: 2022, ..Default::default() };
        previous.table2.set("licensing", "decisions", "550");
        previous.table3_totals.insert("new_received".to_string(), "12".to_string());
        r.previous = Some(previous);
        r.verified.push(Verified {
            check: "plausible.jump.licensing.decisions".to_string(),
            figures: [("table2.licensing.decisions".to_string(), "9487".to_string())].into_iter().collect(),
            quote: String::new(),
            note: "已在第一部分说明".to_string(),
        });
        r
    }

    fn wrap(report: &str) -> String {
        format!(r#"{{"schema":"xxgk-report/draft","version":1,"report":{report}}}"#)
    }

    fn minimal(extra: &str) -> String {
        wrap(&format!(r#"{{"unit_name":"某局","year":2023,"format":"2021"{extra}}}"#))
    }

    fn err(text: &str) -> DraftError {
        from_json(text).expect_err("should be rejected")
    }

    #[test]
    fn round_trip_is_identical() {
        let r = sample();
        let json = to_json(&r);
        assert!(
            json.starts_with("{\n  \"schema\": \"xxgk-report/draft\",\n  \"version\": 3,\n  \"report\": {")
        );
        assert_eq!(from_json(&json).unwrap(), r);
        assert_eq!(to_json(&from_json(&json).unwrap()), json);
    }

    #[test]
    fn a_minimal_draft_takes_the_defaults() {
        let r = from_json(&minimal("")).unwrap();
        assert_eq!(r.unit_name, "某局");
        assert!(r.auto_totals);
        assert_eq!(r.previous, None);
        assert_eq!(r.table3, Default::default());
    }

    #[test]
    fn blank_cells_in_the_file_are_absent() {
        let r = from_json(&minimal(
            r#","table3":{"granted":{"natural":" ","business":"1"},"partly_granted":{"natural":""}}"#,
        ))
        .unwrap();
        assert_eq!(r.table3.0.len(), 1);
        assert_eq!(r.table3.get("granted", "business"), Some("1"));
    }

    #[test]
    fn not_json() {
        assert_eq!(err(""), DraftError::Empty);
        assert_eq!(err("PK\u{3}\u{4}"), DraftError::NotJson { line: 1, column: 1 });
        let e = err("{\n  \"schema\": ,\n}");
        assert!(matches!(e, DraftError::NotJson { line: 2, .. }), "{e:?}");
        assert!(e.message().contains("第 2 行"));
    }

    #[test]
    fn json_but_not_a_draft() {
        for text in ["[]", "12", r#"{"name":"x"}"#, r#"{"schema":"other","version":1}"#] {
            assert_eq!(err(text), DraftError::NotADraft, "{text}");
        }
        assert!(DraftError::NotADraft.message().starts_with("这不是年度报告草稿文件"));
    }

    #[test]
    fn a_newer_version_says_so() {
        let e = err(r#"{"schema":"xxgk-report/draft","version":4,"report":{}}"#);
        assert_eq!(e, DraftError::NewerVersion { found: 4 });
        assert!(e.message().contains("更新版本的程序"), "{}", e.message());
        assert_eq!(err(r#"{"schema":"xxgk-report/draft","version":0,"report":{}}"#).path(), Some("version"));
        assert_eq!(
            err(r#"{"schema":"xxgk-report/draft","version":"1","report":{}}"#).path(),
            Some("version")
        );
    }

    #[test]
    fn shape_errors_name_the_path() {
        let cases = [
            (wrap("[]"), "report"),
            (wrap(r#"{"year":2023,"format":"2021"}"#), "report.unit_name"),
            (minimal(r#","year2":1"#), "report.year2"),
            (wrap(r#"{"unit_name":"x","year":"2023","format":"2021"}"#), "report.year"),
            (wrap(r#"{"unit_name":"x","year":1999,"format":"2021"}"#), "report.year"),
            (wrap(r#"{"unit_name":"x","year":2023,"format":"2022"}"#), "report.format"),
            (minimal(r#","unit_level":"ministry""#), "report.unit_level"),
            (minimal(r#","title_form":"letter""#), "report.title_form"),
            (minimal(r#","auto_totals":"yes""#), "report.auto_totals"),
            (minimal(r#","signature_date":"2024-02-30""#), "report.signature_date"),
            (minimal(r#","sections":{"overview":"","problems":""}"#), "report.sections.other"),
            (minimal(r#","sections":{"overview":1,"problems":"","other":""}"#), "report.sections.overview"),
            (minimal(r#","table3":{"granted":{"natural":12}}"#), "report.table3.granted.natural"),
            (minimal(r#","table_intros":{"table2":"","table3":""}"#), "report.table_intros.table4"),
            (
                minimal(r#","table_intros":{"table2":"","table3":"","table4":"","table5":""}"#),
                "report.table_intros.table5",
            ),
            (
                minimal(r#","table_intros":{"table2":1,"table3":"","table4":""}"#),
                "report.table_intros.table2",
            ),
            (minimal(r#","table3":{"granted":[]}"#), "report.table3.granted"),
            (minimal(r#","previous":{"year":2022,"carried_forward":{}}"#), "report.previous.in_force"),
            (
                minimal(r#","previous":{"year":2022,"carried_forward":{"people":"1"},"in_force":{}}"#),
                "report.previous.carried_forward.people",
            ),
        ];
        for (text, path) in cases {
            let e = err(&text);
            assert_eq!(e.path(), Some(path), "{text}: {e:?}");
            assert!(e.message().starts_with(&format!("草稿内容有误：{path}：")), "{}", e.message());
        }
    }

    #[test]
    fn unknown_table_keys_are_rejected_with_their_path() {
        let e = err(&minimal(r#","table3":{"granted":{"naturel":"1"}}"#));
        assert_eq!(e.path(), Some("report.table3.granted.naturel"));
        assert_eq!(
            e.message(),
            "草稿内容有误：report.table3.granted.naturel：表三「（一）予以公开」行没有这一列"
        );
        let e = err(&minimal(r#","table2":{"procurement":{"amount":"1"}}"#));
        assert_eq!(e.message(), "草稿内容有误：report.table2.procurement：表二（2021格式）没有这一行");
        // The same row is fine in the 2019 format.
        let ok =
            wrap(r#"{"unit_name":"x","year":2020,"format":"2019","table2":{"procurement":{"amount":"1"}}}"#);
        assert!(from_json(&ok).is_ok());
    }

    #[test]
    fn a_version_1_draft_gains_empty_table_intros() {
        let r = from_json(&minimal(r#","sections":{"overview":"一","problems":"","other":""}"#)).unwrap();
        assert_eq!(r.table_intros, Default::default());
        assert_eq!(r.sections.overview, "一");
        let v2 = to_json(&r);
        assert!(v2.contains("\"version\": 3,"), "{v2}");
        assert!(v2.contains("\"table_intros\": {\n      \"table2\": \"\","), "{v2}");
        // A version-1 file that already spelled the key (hand-edited) keeps it.
        let r = from_json(&minimal(r#","table_intros":{"table2":"二","table3":"","table4":""}"#)).unwrap();
        assert_eq!(r.table_intros.get(TableId::Table2), "二");
    }

    fn v2(report: &str) -> String {
        format!(r#"{{"schema":"xxgk-report/draft","version":2,"report":{report}}}"#)
    }

    #[test]
    fn a_version_2_draft_gains_no_marks_and_unknown_last_year_tables() {
        let r = from_json(&v2(
            r#"{"unit_name":"某局","year":2023,"format":"2021","previous":{"year":2022,"carried_forward":{"total":"3"},"in_force":{"rules":"1"}}}"#,
        ))
        .unwrap();
        assert!(r.verified.is_empty());
        let p = r.previous.clone().unwrap();
        assert_eq!(p.carried_forward["total"], "3");
        assert_eq!(p.in_force["rules"], "1");
        assert_eq!((p.table2, p.table3_totals, p.table4_totals), Default::default());
        let v3 = to_json(&r);
        assert!(v3.contains("\"version\": 3,"), "{v3}");
        assert!(v3.contains("\"table3_totals\": {}"), "{v3}");
        assert!(v3.ends_with("\"verified\": []\n  }\n}\n"), "{v3}");
        // A version-2 draft without last year's figures stays without.
        let r =
            from_json(&v2(r#"{"unit_name":"某局","year":2023,"format":"2021","previous":null}"#)).unwrap();
        assert_eq!(r.previous, None);
    }

    #[test]
    fn version_3_shape_errors_name_the_path() {
        let v3 = |extra: &str| {
            format!(
                r#"{{"schema":"xxgk-report/draft","version":3,"report":{{"unit_name":"某局","year":2023,"format":"2021"{extra}}}}}"#
            )
        };
        let last = |tables: &str| {
            v3(&format!(r#","previous":{{"year":2022,"carried_forward":{{}},"in_force":{{}}{tables}}}"#))
        };
        let all = r#","table2":{},"table3_totals":{},"table4_totals":{}"#;
        assert!(from_json(&last(all)).is_ok());
        // Last year's 表二 in the 2019 edition is fine in a 2021 report.
        let t2_2019 = r#","table2":{"procurement":{"amount":"3"}},"table3_totals":{"other_handling":"1"},"table4_totals":{}"#;
        assert_eq!(
            from_json(&last(t2_2019)).unwrap().previous.unwrap().table2.get("procurement", "amount"),
            Some("3")
        );
        let mark = |m: &str| v3(&format!(r#","verified":[{m}]"#));
        let cases = [
            (last(r#","table2":{},"table3_totals":{}"#), "report.previous.table4_totals"),
            (
                last(r#","table2":{"licensing":{"amount":"1"}},"table3_totals":{},"table4_totals":{}"#),
                "report.previous.table2.licensing.amount",
            ),
            (
                last(r#","table2":{},"table3_totals":{"granted_x":"1"},"table4_totals":{}"#),
                "report.previous.table3_totals.granted_x",
            ),
            (
                last(r#","table2":{},"table3_totals":{},"table4_totals":{"review":2}"#),
                "report.previous.table4_totals.review",
            ),
            (v3(r#","verified":{}"#), "report.verified"),
            (mark(r#"{"check":"x","figures":{},"quote":""}"#), "report.verified[0].note"),
            (
                mark(r#"{"check":"x","figures":{"table2.fees.amount":1},"quote":"","note":""}"#),
                "report.verified[0].figures.table2.fees.amount",
            ),
            (mark(r#"{"check":"x","figures":{},"quote":"","note":"","when":1}"#), "report.verified[0].when"),
            (mark(r#""x""#), "report.verified[0]"),
        ];
        for (text, path) in cases {
            let e = err(&text);
            assert_eq!(e.path(), Some(path), "{text}: {e:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let json = format!("\u{feff}{}", to_json(&sample()));
        assert_eq!(from_json(&json).unwrap(), sample());
    }

    #[test]
    fn migrations_run_in_order_from_the_files_version() {
        fn v1_to_v2(mut r: Value) -> Result<Value, DraftError> {
            r["steps"] = Value::from("1→2");
            Ok(r)
        }
        fn v2_to_v3(mut r: Value) -> Result<Value, DraftError> {
            let s = r["steps"].as_str().unwrap_or("").to_string();
            r["steps"] = Value::from(format!("{s},2→3"));
            Ok(r)
        }
        let steps: &[Migration] = &[v1_to_v2, v2_to_v3];
        let out = migrate(steps, 1, serde_json::json!({})).unwrap();
        assert_eq!(out["steps"], "1→2,2→3");
        let out = migrate(steps, 2, serde_json::json!({})).unwrap();
        assert_eq!(out["steps"], ",2→3");
        let out = migrate(steps, 3, serde_json::json!({"steps": "x"})).unwrap();
        assert_eq!(out["steps"], "x");
    }

    #[test]
    fn dates() {
        for ok in ["2024-01-31", "2024-02-29", "2000-02-29"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "2024-1-31",
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024/01/31",
            "２０２４-01-31",
            "2024-00-10",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
