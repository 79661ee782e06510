//! Property tests: any consistently generated report passes every check, with
//! automatic totals on and off; changing any single 表三/表四 cell makes a check
//! fail that names the cell; values read back what was written however it is typed.

use proptest::prelude::*;
use xxgk_core::checks::{run_checks, summarize, CheckOptions, Status, Summary};
use xxgk_core::format::{format, table2, table3, table4, FieldKey, TableId, ValueKind};
use xxgk_core::model::{Report, UnitLevel};
use xxgk_core::totals::{is_computed, with_totals};
use xxgk_core::value::{normalize, parse, Decimal, Value};

/// The ways people type the same count.
fn typed(n: u64, style: u8) -> String {
    let digits = n.to_string();
    match style % 5 {
        0 => digits,
        1 => group(&digits, ','),
        2 => group(&digits, '，'),
        3 => digits.chars().map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap()).collect(),
        _ => format!(" {digits}\u{3000}"),
    }
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Numbers to draw from, one after another.
struct Draw<'a> {
    numbers: &'a [u32],
    styles: &'a [u8],
    at: usize,
}

impl Draw<'_> {
    fn next(&mut self, below: u64) -> (u64, u8) {
        let i = self.at % self.numbers.len();
        self.at += 1;
        (self.numbers[i] as u64 % below, self.styles[i % self.styles.len()])
    }
}

fn t3(row: &'static str, col: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table3, row, col)
}

/// A report in which every rule holds, totals computed (auto_totals on).
fn consistent(trial_format: bool, level: UnitLevel, draw: &mut Draw) -> Report {
    let mut r = Report::new(if trial_format { 2020 } else { 2023 });
    r.unit_level = Some(level);
    let f = format(r.format);

    for field in &f.table2.fields {
        let (n, style) = draw.next(5000);
        let text = match field.kind {
            ValueKind::Count => typed(n, style),
            ValueKind::Delta => (n as i64 - 2500).to_string(),
            ValueKind::Amount => format!("{}.{:06}", n, draw.next(1_000_000).0),
        };
        r.set_raw(field.key, &text);
    }
    if !level.can_make_rules() {
        for field in f.table2.fields.iter().filter(|f| f.key.row == table2::RULES) {
            r.set_raw(field.key, "0");
        }
    }
    // 现行有效 at least 本年制发.
    for row in [table2::RULES, table2::NORMATIVE_DOCS] {
        let key = |col| FieldKey::new(TableId::Table2, row, col);
        if let (Some(Ok(Some(issued))), Some(Ok(Some(kept)))) = (
            r.raw(key(table2::ISSUED)).map(|t| parse(ValueKind::Count, t)),
            r.raw(key(table2::IN_FORCE)).map(|t| parse(ValueKind::Count, t)),
        ) {
            let total = issued.to_decimal().checked_add(kept.to_decimal()).unwrap();
            r.set_raw(key(table2::IN_FORCE), &total.to_string());
        }
    }

    let details = table3::detail_rows(r.format);
    let mut handled = [0u64; 6];
    for row in &details {
        for (i, (col, _)) in table3::COLUMNS[..6].iter().enumerate() {
            let (n, style) = draw.next(if draw.at.is_multiple_of(4) { 3000 } else { 20 });
            handled[i] += n;
            r.set_raw(t3(row, col), &typed(n, style));
        }
    }
    // 一 + 二 = （七）总计 + 四.
    for (i, (col, _)) in table3::COLUMNS[..6].iter().enumerate() {
        let forward = draw.next(50).0;
        let over = draw.next(handled[i] + forward + 1).0;
        let new = handled[i] + forward - over;
        r.set_raw(t3(table3::CARRIED_FORWARD, col), &typed(forward, 0));
        r.set_raw(t3(table3::CARRIED_OVER, col), &typed(over, 1));
        r.set_raw(t3(table3::NEW_RECEIVED, col), &typed(new, 2));
    }
    for (row, _, _) in table4::BLOCKS {
        for (col, _, _) in &table4::OUTCOMES[..4] {
            let (n, style) = draw.next(100);
            r.set_raw(FieldKey::new(TableId::Table4, row, col), &typed(n, style));
        }
    }
    r
}

fn all_pass(report: &Report) -> Result<(), TestCaseError> {
    let results = run_checks(report, CheckOptions { at_export: true });
    let bad: Vec<String> = results
        .iter()
        .filter(|r| r.status != Status::Pass)
        .map(|r| format!("{}: {}", r.id, r.explanation))
        .collect();
    prop_assert!(bad.is_empty(), "{:?}", bad);
    prop_assert_eq!(summarize(&results), Summary::default());
    Ok(())
}

fn inputs() -> impl Strategy<Value = (bool, usize, Vec<u32>, Vec<u8>)> {
    (
        any::<bool>(),
        0..UnitLevel::ALL.len(),
        prop::collection::vec(any::<u32>(), 64..400),
        prop::collection::vec(any::<u8>(), 1..32),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_consistent_report_passes_every_check((trial, level, numbers, styles) in inputs()) {
        let mut draw = Draw { numbers: &numbers, styles: &styles, at: 0 };
        let mut auto = consistent(trial, UnitLevel::ALL[level], &mut draw);
        // With automatic totals on, whatever was typed into a total is ignored.
        let f = format(auto.format);
        for rule in f.sum_rules() {
            auto.set_raw(rule.total, "旧数字");
        }
        all_pass(&auto)?;

        let mut typed_totals = with_totals(&auto);
        typed_totals.auto_totals = false;
        all_pass(&typed_totals)?;
    }

    #[test]
    fn changing_any_table3_or_table4_cell_fails_a_check_that_names_it(
        (trial, level, numbers, styles) in inputs(),
        pick in any::<prop::sample::Index>(),
        delta in 1u64..500,
        down in any::<bool>(),
    ) {
        let mut draw = Draw { numbers: &numbers, styles: &styles, at: 0 };
        let mut report = with_totals(&consistent(trial, UnitLevel::ALL[level], &mut draw));
        report.auto_totals = false;
        let f = format(report.format);
        let cells: Vec<FieldKey> = f.table3.fields.iter().chain(&f.table4.fields).map(|f| f.key).collect();
        let key = cells[pick.index(cells.len())];
        prop_assert!(!is_computed(&report, key));
        let Ok(Some(Value::Count(was))) = parse(ValueKind::Count, report.raw(key).unwrap()) else {
            return Err(TestCaseError::fail(format!("{key} does not hold a count")));
        };
        let now = if down && was >= delta { was - delta } else { was + delta };
        report.set_raw(key, &now.to_string());

        let results = run_checks(&report, CheckOptions::default());
        let naming: Vec<&str> = results
            .iter()
            .filter(|r| r.status == Status::Fail && r.cells().any(|k| k == key))
            .map(|r| r.id.as_str())
            .collect();
        prop_assert!(!naming.is_empty(), "changing {} from {} to {} went unnoticed", key, was, now);
        prop_assert!(summarize(&results).errors >= 1);
    }

    #[test]
    fn counts_read_back_however_they_are_typed(n in 0u64..=1_000_000_000_000, style in any::<u8>()) {
        let text = typed(n, style);
        prop_assert_eq!(parse(ValueKind::Count, &text), Ok(Some(Value::Count(n))));
        prop_assert_eq!(normalize(ValueKind::Count, &text), n.to_string());
    }

    #[test]
    fn normalizing_is_idempotent_and_never_loses_text(raw in "\\PC{0,12}", kind in 0usize..3) {
        let kind = [ValueKind::Count, ValueKind::Delta, ValueKind::Amount][kind];
        let once = normalize(kind, &raw);
        prop_assert_eq!(normalize(kind, &once), once.clone());
        if parse(kind, &raw).is_err() {
            prop_assert_eq!(once, raw);
        }
    }

    #[test]
    fn amounts_are_exact_to_six_places(int in 0u64..1_000_000_000_000, frac in 0u32..1_000_000) {
        let text = format!("{int}.{frac:06}");
        let Ok(Some(Value::Amount(d))) = parse(ValueKind::Amount, &text) else {
            return Err(TestCaseError::fail(text));
        };
        prop_assert_eq!(d.micros(), int as i128 * 1_000_000 + frac as i128);
        prop_assert_eq!(d.to_string().parse::<Decimal>(), Ok(d));
    }
}
