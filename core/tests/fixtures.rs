//! The real published reports in core/fixtures/ (converted by
//! scripts/convert-fixtures.py) give exactly the failures listed in
//! core/fixtures/expected.json, and survive a round trip through the draft format.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;
use xxgk_core::checks::{previous_year, run_checks, CheckOptions, CheckResult};
use xxgk_core::draft::{from_json, to_json};
use xxgk_core::model::Report;

#[derive(Deserialize)]
struct Expected {
    errors: Vec<String>,
    warnings: Vec<String>,
    export_warnings: Vec<String>,
    with_previous: Option<WithPrevious>,
}

#[derive(Deserialize)]
struct WithPrevious {
    previous: String,
    errors: Vec<String>,
    warnings: Vec<String>,
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn text(stem: &str) -> String {
    std::fs::read_to_string(dir().join(format!("{stem}.json"))).unwrap()
}

fn load(stem: &str) -> Report {
    from_json(&text(stem)).unwrap_or_else(|e| panic!("{stem}: {}", e.message()))
}

fn expected() -> BTreeMap<String, Expected> {
    serde_json::from_str(&std::fs::read_to_string(dir().join("expected.json")).unwrap()).unwrap()
}

/// Ids of the failing errors and of the failing warnings.
fn failing(results: &[CheckResult]) -> (Vec<&str>, Vec<&str>) {
    let ids =
        |pick: fn(&CheckResult) -> bool| results.iter().filter(|r| pick(r)).map(|r| r.id.as_str()).collect();
    (ids(CheckResult::is_error), ids(CheckResult::is_warning))
}

#[test]
fn there_are_eight_fixtures() {
    assert_eq!(expected().len(), 8);
}

#[test]
fn every_fixture_gives_exactly_the_expected_failures() {
    for (stem, want) in expected() {
        let report = load(&stem);
        let results = run_checks(&report, CheckOptions::default());
        assert_eq!(
            failing(&results),
            (
                want.errors.iter().map(String::as_str).collect(),
                want.warnings.iter().map(String::as_str).collect()
            ),
            "{stem}"
        );

        let at_export = run_checks(&report, CheckOptions { at_export: true });
        let mut warnings = want.warnings.clone();
        warnings.extend(want.export_warnings.iter().cloned());
        let (errors, got) = failing(&at_export);
        assert_eq!(errors, want.errors, "{stem} at export");
        let mut got: Vec<&str> = got;
        got.sort();
        warnings.sort();
        assert_eq!(got, warnings, "{stem} at export");
    }
}

#[test]
fn fixtures_with_last_years_report_check_across_years() {
    let mut pairs = 0;
    for (stem, want) in expected() {
        let Some(cross) = want.with_previous else { continue };
        let mut report = load(&stem);
        report.previous = Some(previous_year(&load(&cross.previous)));
        let results = run_checks(&report, CheckOptions::default());
        let (errors, warnings) = failing(&results);
        assert_eq!(errors, cross.errors, "{stem}");
        assert_eq!(warnings, cross.warnings, "{stem}");
        // 上年结转 was judged, column by column.
        let judged = results.iter().filter(|r| r.id.starts_with("cross.carried_over.")).count();
        assert_eq!(judged, 7, "{stem}");
        pairs += 1;
    }
    assert_eq!(pairs, 2, "平潭综合实验区 2021→2022 and 自然资源局 2022→2023");
}

#[test]
fn the_failures_are_explained_as_a_reviewer_would() {
    let results =
        run_checks(&load("06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023"), CheckOptions::default());
    let b = results.iter().find(|r| r.id == "t3.balance.business").unwrap();
    assert_eq!(b.explanation, "表三「商业企业」列：一+二=0，（七）总计+四=1，相差1");
    let row = results.iter().find(|r| r.id == "t3.row.total_handled").unwrap();
    assert_eq!(row.explanation, "表三「（七）总计」行：总计=19，六类申请人之和=20，相差1");

    let results = run_checks(&load("11_pingtan-shehui-shiyeju-2024"), CheckOptions::default());
    let t4 = results.iter().find(|r| r.id == "t4.sum.suit_after_review").unwrap();
    assert_eq!(t4.explanation, "表四「行政诉讼 复议后起诉」：总计=15，维持+纠正+其他+尚未审结=19，相差4");
}

#[test]
fn blank_cells_make_rules_undecidable_not_failed() {
    // 市场监管局 2023 left （六）2 and 3 blank: the column sums cannot be judged.
    let results = run_checks(&load("10_pingtan-shichang-jiandu-guanliju-2023"), CheckOptions::default());
    let col = results.iter().find(|r| r.id == "t3.col.natural").unwrap();
    assert_eq!(col.status, xxgk_core::checks::Status::CannotJudge);
    assert!(col.explanation.contains("未填写"), "{}", col.explanation);
}

#[test]
fn round_trip_is_identical_for_every_fixture() {
    for stem in expected().keys() {
        let original = text(stem);
        let report = load(stem);
        let json = to_json(&report);
        assert_eq!(json, original, "{stem}: the committed file is in canonical form");
        assert_eq!(from_json(&json).unwrap(), report, "{stem}");
    }
}
