//! 汇总 over the eight real reports in core/fixtures/: the totals were added
//! up by hand (and with Python's decimal module) from the published tables.

use std::path::PathBuf;

use xxgk_core::format::{format, table2, table3, table4, FieldKey, FormatVersion, TableId};
use xxgk_core::summary::{summarize, Batch, Summation, KEY_FIGURES};
use xxgk_core::value::{self, Decimal};

fn batch() -> Batch {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()) && n.ends_with(".json"))
        .collect();
    names.sort();
    let mut batch = Batch::new();
    for name in &names {
        batch.add_file(name, &std::fs::read(dir.join(name)).unwrap());
    }
    batch
}

fn summation() -> (Batch, Summation) {
    let batch = batch();
    let entries: Vec<_> = batch.entries.iter().collect();
    let s = summarize(&entries, "平潭综合实验区（汇总）", 2023);
    (batch, s)
}

fn t3(row: &'static str, col: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table3, row, col)
}

#[test]
fn eight_units_with_their_check_counts() {
    let batch = batch();
    assert_eq!(batch.entries.len(), 8);
    assert!(batch.unreadable.is_empty());
    let errors: Vec<usize> = batch.entries.iter().map(|e| e.row.errors).collect();
    assert_eq!(errors, [0, 0, 0, 3, 0, 0, 1, 0]);
    let warnings: Vec<usize> = batch.entries.iter().map(|e| e.row.warnings).collect();
    // 11: 现行有效 below 制发, and 表四's cases above its 2 applications (plausible.appeals).
    assert_eq!(warnings, [0, 0, 0, 0, 0, 0, 2, 0]);
    // 10: 表二's three 规章 cells and 表三's two （六） rows (7 columns each); 11: 表二's 规章.
    let blanks: Vec<usize> = batch.entries.iter().map(|e| e.row.blanks).collect();
    assert_eq!(blanks, [0, 0, 0, 0, 0, 17, 3, 0]);
    assert_eq!(batch.duplicates().count(), 0);
    // 06 (平潭自然资源与生态环境局 2023): 新收 19.
    assert_eq!(batch.entries[3].row.figures[0], Some(Decimal::from_int(19)));
    assert_eq!(KEY_FIGURES[6].label, "收费（万元）");
    assert_eq!(batch.entries[0].row.figures[6], Some("24252.311082".parse().unwrap()));
}

#[test]
fn totals_are_the_hand_computed_sums() {
    let (_, s) = summation();
    assert_eq!(s.summed.len(), 8);
    assert!(s.skipped.is_empty());
    assert_eq!(s.other_year, [0, 1, 2, 6, 7]);
    let r = &s.report;
    assert_eq!(r.unit_name, "平潭综合实验区（汇总）");
    assert_eq!(r.year, 2023);
    assert_eq!(r.format, FormatVersion::Official2021);
    let cell = |key: FieldKey| r.raw(key).map(str::to_string);
    let expect = [
        (t3(table3::NEW_RECEIVED, table3::TOTAL_COL), "3317"),
        (t3(table3::NEW_RECEIVED, "natural"), "3189"),
        (t3(table3::TOTAL_HANDLED, table3::TOTAL_COL), "3248"),
        (t3(table3::CARRIED_FORWARD, table3::TOTAL_COL), "104"),
        (FieldKey::new(TableId::Table4, table4::BLOCKS[0].0, table4::TOTAL_COL), "360"),
        (FieldKey::new(TableId::Table4, table4::BLOCKS[1].0, table4::TOTAL_COL), "40"),
        (FieldKey::new(TableId::Table2, table2::NORMATIVE_DOCS, table2::IN_FORCE), "1520"),
        (FieldKey::new(TableId::Table2, "licensing", "decisions"), "463378"),
        (FieldKey::new(TableId::Table2, "penalty", "decisions"), "3989428"),
        // 24252.311082 + 9116.36 + 96171.6 (万元): all six decimals kept.
        (FieldKey::new(TableId::Table2, table2::FEES, table2::AMOUNT), "129540.271082"),
    ];
    for (key, total) in expect {
        assert_eq!(cell(key).as_deref(), Some(total), "{key}");
    }
}

#[test]
fn cells_blank_in_some_unit_stay_blank_naming_those_units() {
    let (batch, s) = summation();
    let blank = |key: FieldKey| s.blanks.iter().find(|b| b.key == key);
    let rules = FieldKey::new(TableId::Table2, table2::RULES, table2::IN_FORCE);
    assert_eq!(s.report.raw(rules), None);
    let b = blank(rules).expect("规章 现行有效件数 listed");
    let names: Vec<&str> = b.blank_in.iter().map(|&i| batch.entries[i].source.as_str()).collect();
    assert_eq!(
        names,
        ["10_pingtan-shichang-jiandu-guanliju-2023.json", "11_pingtan-shehui-shiyeju-2024.json"]
    );
    assert_eq!(b.label, "规章 · 现行有效件数");
    let misc = blank(t3("other_misc", "natural")).expect("（六）3.其他 listed");
    assert_eq!(misc.blank_in, [5]);
    // 3 cells of 表二 and 14 of 表三, nothing else.
    assert_eq!(s.blanks.len(), 17);
    assert!(s.blanks.iter().all(|b| b.invalid_in.is_empty()));
}

#[test]
fn every_cell_is_the_sum_of_the_units_or_blank() {
    let (batch, s) = summation();
    for f in format(FormatVersion::Official2021).fields() {
        let mut total = Some(Decimal::ZERO);
        for e in &batch.entries {
            let v = e.report.raw(f.key).and_then(|raw| value::parse(f.kind, raw).unwrap());
            total = match (total, v) {
                (Some(t), Some(v)) => t.checked_add(v.to_decimal()),
                _ => None,
            };
        }
        let got = s.report.raw(f.key).map(|raw| value::parse(f.kind, raw).unwrap().unwrap().to_decimal());
        assert_eq!(got, total, "{}", f.key);
    }
}

#[test]
fn the_summary_is_an_ordinary_draft() {
    let (_, s) = summation();
    let text = xxgk_core::draft::to_json(&s.report);
    let back = xxgk_core::draft::from_json(&text).unwrap();
    assert_eq!(back, s.report);
    // Typed totals (as the units published them) are summed too, so 06's and 11's
    // errors carry over into the summary's checks.
    let row = xxgk_core::summary::UnitRow::of(&back);
    assert!(row.errors > 0);
}
