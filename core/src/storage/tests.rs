//! The storage record, the drafts index and next year's report, against the
//! ways stored data goes wrong.

use serde_json::json;

use super::envelope::draft_text;
use super::import::{read_draft_file, too_large};
use super::keys::{backup_key, draft_key};
use super::*;
use crate::checks::{run_checks, CheckOptions, Status};
use crate::draft;
use crate::format::{table2, table3, FieldKey, FormatVersion, TableId};
use crate::model::{Report, TitleForm, UnitLevel};

fn t3(row: &'static str, col: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table3, row, col)
}

fn t2(row: &'static str, col: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table2, row, col)
}

/// 平潭综合实验区's 2021 report, as far as next year needs it: 结转 1 (自然人)
/// and 现行有效 0 / 665 (fixture 01); its 2022 report printed 上年结转 1 and
/// 现行有效 698 = 665 + 88 − 55 (fixture 02).
fn pingtan_2021() -> Report {
    let mut r = Report::new(2021);
    r.unit_name = "平潭综合实验区党工委管委会".to_string();
    r.unit_level = Some(UnitLevel::CountyGovernment);
    r.title_form = TitleForm::Annual;
    r.addressee = "福建省人民政府办公厅".to_string();
    r.doc_number = "岚综管〔2022〕3号".to_string();
    r.signature_date = "2022-01-28".to_string();
    r.imprint_org = "平潭综合实验区党政办公室".to_string();
    r.imprint_date = "2022-01-28".to_string();
    r.preamble = "本报告由平潭综合实验区党政办公室编制。".to_string();
    r.sections.overview = "2021年，平潭综合实验区深入贯彻……".to_string();
    r.sections.problems = "一是……".to_string();
    r.sections.other = "本年度未收取信息处理费。".to_string();
    for (col, _) in table3::COLUMNS[..6].iter() {
        r.set_raw(t3(table3::CARRIED_FORWARD, col), "0");
    }
    // Typed the way clerks type: full-width digits.
    r.set_raw(t3(table3::CARRIED_FORWARD, "natural"), "１");
    for (row, issued, repealed, in_force) in
        [(table2::RULES, "0", "0", "0"), (table2::NORMATIVE_DOCS, "69", "3", "665")]
    {
        r.set_raw(t2(row, table2::ISSUED), issued);
        r.set_raw(t2(row, table2::REPEALED), repealed);
        r.set_raw(t2(row, table2::IN_FORCE), in_force);
    }
    r
}

fn meta() -> DraftMeta {
    DraftMeta {
        app_version: "0.1.0".to_string(),
        saved_at_ms: 1_705_300_000_000,
        name: "第二稿".to_string(),
        reference: Some(NarrativeReference {
            year: 2020,
            preamble: String::new(),
            sections: Default::default(),
            ..Default::default()
        }),
    }
}

fn record(schema: u32, draft: serde_json::Value) -> String {
    json!({ "schema": schema, "app_version": "9.0.0", "saved_at": 5, "draft": draft }).to_string()
}

fn draft_value(report: &Report) -> serde_json::Value {
    serde_json::from_str(&draft::to_json(report)).unwrap()
}

// ---- the record ----

#[test]
fn a_record_reads_back_exactly() {
    let report = pingtan_2021();
    let text = encode(&report, &meta());
    let opened = decode(&text).unwrap();
    assert_eq!(opened, Opened { report, meta: meta(), access: Access::Editable });
    assert!(!text.contains('\n'), "compact, to spare the quota");
}

#[test]
fn a_record_without_the_optional_fields_reads() {
    let text = record(1, draft_value(&pingtan_2021()));
    let opened = decode(&text).unwrap();
    assert_eq!(
        opened.meta,
        DraftMeta { app_version: "9.0.0".to_string(), saved_at_ms: 5, ..DraftMeta::default() }
    );
    assert_eq!(opened.access, Access::Editable);
}

#[test]
fn damaged_records_say_what_is_wrong_and_ask_for_a_backup() {
    let whole = encode(&pingtan_2021(), &meta());
    let half = (0..=whole.len() / 2).rev().find(|&i| whole.is_char_boundary(i)).unwrap_or(0);
    let cases = [
        (&whole[..half], Unreadable::NotJson),
        ("", Unreadable::NotJson),
        ("[]", Unreadable::NotARecord),
        (r#"{"schema":1}"#, Unreadable::NotARecord),
        (r#"{"schema":"1","app_version":"","saved_at":0,"draft":{}}"#, Unreadable::NotARecord),
    ];
    for (raw, expected) in cases {
        let problem = decode(raw).unwrap_err();
        assert_eq!(problem, expected, "{raw:?}");
        assert!(problem.is_damage());
        assert!(problem.message().starts_with("保存的"), "{}", problem.message());
    }
}

#[test]
fn a_record_whose_draft_is_wrong_names_the_field() {
    let mut draft = draft_value(&pingtan_2021());
    draft["report"]["table3"]["granted"] = json!({ "natural": 12 });
    let problem = decode(&record(1, draft)).unwrap_err();
    assert!(problem.is_damage());
    assert!(problem.message().contains("report.table3.granted.natural"), "{}", problem.message());
    let problem = decode(&record(1, json!({ "hello": 1 }))).unwrap_err();
    assert!(problem.message().contains("不是年度报告草稿"), "{}", problem.message());
}

#[test]
fn a_newer_record_opens_read_only() {
    let report = pingtan_2021();
    let opened = decode(&record(SCHEMA_VERSION + 1, draft_value(&report))).unwrap();
    assert_eq!(opened.report, report);
    let Access::ReadOnly(message) = opened.access else { panic!("should be read-only") };
    assert!(message.contains("较新版本（9.0.0）") && message.contains("只能查看"), "{message}");
}

#[test]
fn a_newer_draft_opens_read_only_with_what_this_version_knows() {
    let mut draft = draft_value(&pingtan_2021());
    draft["version"] = json!(draft::VERSION + 1);
    draft["report"]["a_field_from_the_future"] = json!({ "x": 1 });
    let opened = decode(&record(1, draft)).unwrap();
    assert_eq!(opened.report, pingtan_2021());
    assert!(matches!(opened.access, Access::ReadOnly(_)));
}

#[test]
fn a_newer_draft_this_version_cannot_show_is_left_alone() {
    let draft = json!({ "schema": draft::SCHEMA, "version": draft::VERSION + 1, "report": { "units": [] } });
    let problem = decode(&record(1, draft.clone())).unwrap_err();
    assert_eq!(problem, Unreadable::Newer { app_version: "9.0.0".to_string() });
    assert!(!problem.is_damage(), "not damage: never moved to a backup key");
    assert!(problem.message().contains("较新版本（9.0.0）"));
    // A newer envelope around something this version cannot read: the same.
    let problem = decode(&record(SCHEMA_VERSION + 1, json!({ "shape": "unknown" }))).unwrap_err();
    assert!(!problem.is_damage());
}

#[test]
fn the_stored_draft_exports_as_stored() {
    let mut draft = draft_value(&pingtan_2021());
    draft["version"] = json!(draft::VERSION + 1);
    draft["report"]["a_field_from_the_future"] = json!("kept");
    let text = draft_text(&record(1, draft.clone())).unwrap();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), draft);
    assert_eq!(draft_text("{broken"), None);
}

// ---- the index ----

#[test]
fn the_index_lists_drafts_newest_first_and_sets_broken_ones_apart() {
    let id = |n: u64| DraftId::generate(n, 0);
    let mut older = meta();
    older.saved_at_ms = 10;
    older.name = String::new();
    let mut newer = meta();
    newer.saved_at_ms = 20;
    let mut unnamed = Report::new(2024);
    unnamed.unit_name = "  ".to_string();
    let records = [
        (draft_key(&id(1)), encode(&pingtan_2021(), &older)),
        (draft_key(&id(2)), encode(&unnamed, &newer)),
        (draft_key(&id(3)), "{\"schema\":1,".to_string()),
        (backup_key(&id(4), 7), "{broken".to_string()),
        ("another-app:settings".to_string(), "{}".to_string()),
        ("xxgk-report:draft:NOT-AN-ID".to_string(), "{}".to_string()),
    ];
    let index = DraftIndex::build(records.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let titles: Vec<String> = index.drafts.iter().map(DraftSummary::title).collect();
    assert_eq!(titles, ["第二稿", "平潭综合实验区党工委管委会 2021年"]);
    assert_eq!(index.drafts[0].unit_name, "");
    assert_eq!(draft_title("", 2024), "未命名机关 2024年");
    assert_eq!(index.drafts[1].year, 2021);
    assert_eq!(index.drafts[1].saved_at_ms, 10);
    assert_eq!(index.broken.len(), 1);
    assert_eq!(index.broken[0].id, id(3));
    assert_eq!(index.backups, [backup_key(&id(4), 7)]);
    assert_eq!(index.get(&id(2)).map(|d| d.year), Some(2024));
}

#[test]
fn the_index_follows_saves_and_deletes() {
    let mut index = DraftIndex::default();
    let report = pingtan_2021();
    let at = |ms| DraftMeta { saved_at_ms: ms, ..DraftMeta::default() };
    let a = DraftId::generate(1, 1);
    let b = DraftId::generate(2, 2);
    index.upsert(DraftSummary::new(a.clone(), &report, &at(100), &Access::Editable));
    index.upsert(DraftSummary::new(b.clone(), &Report::new(2024), &at(200), &Access::Editable));
    assert_eq!(index.drafts.iter().map(|d| &d.id).collect::<Vec<_>>(), [&b, &a]);
    index.upsert(DraftSummary::new(a.clone(), &report, &at(300), &Access::Editable));
    assert_eq!(index.drafts.len(), 2);
    assert_eq!(index.drafts[0].id, a, "the draft just saved comes first");
    index.remove(&a);
    assert_eq!(index.drafts.iter().map(|d| &d.id).collect::<Vec<_>>(), [&b]);
}

#[test]
fn the_index_follows_single_keys_written_elsewhere() {
    let a = DraftId::generate(1, 1);
    let key = draft_key(&a);
    let good = encode(&pingtan_2021(), &meta());
    let mut index = DraftIndex::build([(key.as_str(), good.as_str())]);
    assert_eq!(index.drafts.len(), 1);
    index.apply(&key, Some("{damaged"));
    assert!(index.drafts.is_empty());
    assert_eq!(index.broken.len(), 1);
    index.apply(&key, Some(&good));
    assert_eq!((index.drafts.len(), index.broken.len()), (1, 0));
    let backup = backup_key(&a, 9);
    index.apply(&backup, Some("{damaged"));
    assert_eq!(index.backups, std::slice::from_ref(&backup));
    index.apply(&backup, None);
    index.apply(&key, None);
    index.apply("another-app:x", Some("1"));
    assert_eq!(index, DraftIndex::default());
}

#[test]
fn an_import_for_the_same_unit_and_year_is_recognised() {
    let mut index = DraftIndex::default();
    let report = pingtan_2021();
    let id = DraftId::generate(1, 1);
    index.upsert(DraftSummary::new(id.clone(), &report, &DraftMeta::default(), &Access::Editable));
    let mut same = report.clone();
    same.unit_name = format!(" {} ", report.unit_name);
    assert_eq!(index.same_report(&same).map(|d| &d.id).collect::<Vec<_>>(), [&id]);
    same.year = 2022;
    assert_eq!(index.same_report(&same).count(), 0);
}

// ---- next year ----

#[test]
fn next_year_carries_the_unit_and_the_carried_forward_column_by_column() {
    let last = pingtan_2021();
    let next = next_year(&last);
    assert_eq!(next.year, 2022);
    assert_eq!(next.format, FormatVersion::Official2021);
    assert_eq!(next.unit_name, last.unit_name);
    assert_eq!(next.unit_level, last.unit_level);
    assert_eq!(next.addressee, last.addressee);
    assert_eq!(next.imprint_org, last.imprint_org);
    // What belongs to one year only is not carried.
    assert_eq!(
        (next.doc_number.as_str(), next.signature_date.as_str(), next.imprint_date.as_str()),
        ("", "", "")
    );
    // 上年结转 as fixture 02 printed it: 1 0 0 0 0 0 1 (the 总计 computed, the full-width 1 made canonical).
    let carried: Vec<Option<&str>> =
        table3::COLUMNS.iter().map(|(col, _)| next.raw(t3(table3::CARRIED_OVER, col))).collect();
    assert_eq!(carried, [Some("1"), Some("0"), Some("0"), Some("0"), Some("0"), Some("0"), Some("1")]);
    let previous = next.previous.as_ref().expect("cross-year checks on");
    assert_eq!(previous.year, 2021);
    assert_eq!(previous.carried_forward.get("total").map(String::as_str), Some("1"));
    assert_eq!(previous.in_force.get(table2::NORMATIVE_DOCS).map(String::as_str), Some("665"));
    // Nothing else of last year's tables.
    assert_eq!(next.table2, Default::default());
    assert_eq!(next.table4, Default::default());
    assert_eq!(next.table3.0.len(), 1);
}

#[test]
fn next_year_does_not_copy_the_narratives_but_keeps_them_for_reference() {
    let last = pingtan_2021();
    let next = next_year(&last);
    assert_eq!(next.sections, Default::default());
    assert_eq!(next.preamble, "");
    let reference = NarrativeReference::of(&last);
    assert_eq!(reference.year, 2021);
    assert_eq!(reference.sections, last.sections);
    assert!(!reference.is_empty());
    assert!(NarrativeReference::of(&Report::new(2021)).is_empty());
}

#[test]
fn next_year_switches_the_cross_year_checks_on_and_they_catch_a_changed_column() {
    let mut next = next_year(&pingtan_2021());
    // 平潭 2022: 现行有效 698 = 665 + 88 − 55.
    for (row, issued, repealed, in_force) in
        [(table2::RULES, "0", "0", "0"), (table2::NORMATIVE_DOCS, "88", "55", "698")]
    {
        next.set_raw(t2(row, table2::ISSUED), issued);
        next.set_raw(t2(row, table2::REPEALED), repealed);
        next.set_raw(t2(row, table2::IN_FORCE), in_force);
    }
    let status = |report: &Report, id: &str| {
        run_checks(report, CheckOptions::default()).into_iter().find(|r| r.id == id).map(|r| r.status)
    };
    for (col, _) in table3::COLUMNS {
        assert_eq!(status(&next, &format!("cross.carried_over.{col}")), Some(Status::Pass), "{col}");
    }
    assert_eq!(status(&next, "cross.in_force.normative_docs"), Some(Status::Pass));
    assert_eq!(status(&next, "cross.year"), Some(Status::Pass));
    next.set_raw(t3(table3::CARRIED_OVER, "business"), "2");
    assert_eq!(status(&next, "cross.carried_over.business"), Some(Status::Fail));
    assert_eq!(status(&next, "cross.carried_over.natural"), Some(Status::Pass));
}

#[test]
fn next_year_from_the_trial_format_moves_to_the_2021_format() {
    let mut last = Report::new(2020);
    assert_eq!(last.format, FormatVersion::Trial2019);
    last.unit_name = "某县某局".to_string();
    for (col, _) in table3::COLUMNS[..6].iter() {
        last.set_raw(t3(table3::CARRIED_FORWARD, col), "0");
    }
    last.set_raw(t3(table3::CARRIED_FORWARD, "natural"), "3");
    last.set_raw(t3(table3::CARRIED_FORWARD, "legal"), "2");
    let next = next_year(&last);
    assert_eq!(next.format, FormatVersion::Official2021);
    assert_eq!(next.raw(t3(table3::CARRIED_OVER, "total")), Some("5"));
    // The trial format's 表二 has no 现行有效件数 to compare with.
    assert_eq!(next.previous.unwrap().in_force, Default::default());
}

#[test]
fn next_year_of_an_unreadable_cell_carries_the_text_for_the_checks_to_flag() {
    let mut last = Report::new(2022);
    last.auto_totals = false;
    last.set_raw(t3(table3::CARRIED_FORWARD, "natural"), "两件");
    let next = next_year(&last);
    assert_eq!(next.raw(t3(table3::CARRIED_OVER, "natural")), Some("两件"));
    let results = run_checks(&next, CheckOptions::default());
    assert!(results.iter().any(|r| r.id == "value.table3.carried_over.natural" && r.status == Status::Fail));
}

// ---- files ----

#[test]
fn export_then_import_is_identical() {
    let report = pingtan_2021();
    let text = draft::to_json(&report);
    let back = read_draft_file(&export_file_name(&report), &text).unwrap();
    assert_eq!(back, report);
    assert_eq!(draft::to_json(&back), text);
    assert_eq!(
        export_file_name(&report),
        "平潭综合实验区党工委管委会2021年政府信息公开工作年度报告-草稿.json"
    );
}

#[test]
fn import_messages_name_the_file() {
    let e = read_draft_file("报告.docx", "PK\u{3}\u{4}").unwrap_err();
    assert!(e.starts_with("「报告.docx」无法导入：") && e.ends_with("（草稿文件的扩展名为 .json）"), "{e}");
    let newer = json!({ "schema": draft::SCHEMA, "version": draft::VERSION + 1, "report": {} }).to_string();
    let e = read_draft_file("新版本.json", &newer).unwrap_err();
    assert!(e.contains("「新版本.json」") && e.contains("更新版本的程序"), "{e}");
    assert!(!e.contains(".json）"), "no extension hint for a .json file: {e}");
    assert_eq!(
        too_large("大.json", 3 * 1024 * 1024),
        "「大.json」不是草稿文件：文件大小 3.0 MB，草稿文件通常不超过几十 KB"
    );
    assert!(too_large("x", 5_400_000).contains("文件大小 5.1 MB"), "rounded to tenths of a MiB");
    assert!(too_large("x", 2_568_000).contains("文件大小 2.4 MB"), "2.449 MiB");
}
