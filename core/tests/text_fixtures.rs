//! The text checks on the narratives of the real reports (core/fixtures/ and
//! the sentences in core/fixtures/narratives.json): every figure their text
//! states is found and matches, the real defects are flagged, nothing else is
//! (the false-alarm count printed is the one to quote); sentences drafted
//! from each fixture's tables read back without a warning.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;
use xxgk_core::checks::text::drafting;
use xxgk_core::checks::{run_text_checks, CheckOptions, CheckResult, Status, TextPlace};
use xxgk_core::draft::from_json;
use xxgk_core::format::{FieldKey, NarrativeKey, TableId};
use xxgk_core::model::Report;
use xxgk_core::storage::NarrativeReference;
use xxgk_core::zero_fill;

#[derive(Deserialize)]
struct Narratives {
    reports: BTreeMap<String, Narrative>,
}

#[derive(Deserialize)]
struct Narrative {
    overview: String,
    figures: usize,
    failing: Vec<String>,
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn load(stem: &str) -> Report {
    let text = std::fs::read_to_string(dir().join(format!("{stem}.json"))).unwrap();
    from_json(&text).unwrap_or_else(|e| panic!("{stem}: {}", e.message()))
}

fn narratives() -> Narratives {
    serde_json::from_str(&std::fs::read_to_string(dir().join("narratives.json")).unwrap()).unwrap()
}

/// The fixture with its sentences appended to 一.
fn with_sentences(stem: &str, n: &Narrative) -> Report {
    let mut r = load(stem);
    if !n.overview.is_empty() {
        r.sections.overview = format!("{}\n{}", r.sections.overview, n.overview);
    }
    r
}

fn failing(results: &[CheckResult]) -> Vec<String> {
    results.iter().filter(|r| r.status == Status::Fail).map(|r| r.id.clone()).collect()
}

fn figures_passed(results: &[CheckResult]) -> usize {
    results.iter().filter(|r| r.id.starts_with("text.figure.") && r.status == Status::Pass).count()
}

#[test]
fn real_narratives_give_exactly_their_real_defects() {
    let mut false_alarms = Vec::new();
    let mut missed = Vec::new();
    let mut figures = 0;
    for (stem, n) in narratives().reports {
        let r = with_sentences(&stem, &n);
        let results = run_text_checks(&r, None, CheckOptions { at_export: true });
        let got = failing(&results);
        for id in &got {
            if !n.failing.contains(id) {
                let r = results.iter().find(|r| &r.id == id).unwrap();
                false_alarms.push(format!("{stem}: {id} {}", r.explanation));
            }
        }
        missed.extend(n.failing.iter().filter(|id| !got.contains(id)).map(|id| format!("{stem}: {id}")));
        let passed = figures_passed(&results);
        assert_eq!(passed, n.figures, "{stem}: figures found and matching: {results:#?}");
        figures += passed;
    }
    println!(
        "text checks over the fixture narratives: {figures} figures matched, {} false alarms",
        false_alarms.len()
    );
    assert!(false_alarms.is_empty(), "false alarms: {false_alarms:#?}");
    assert!(missed.is_empty(), "real defects not flagged: {missed:#?}");
}

#[test]
fn sentences_drafted_from_each_fixture_read_back_without_a_warning() {
    for stem in narratives().reports.keys() {
        let mut r = load(stem);
        // Drafting needs every cell: blanks (fixture 10's) first become 0, as 「空格填 0」 does.
        if stem.starts_with("10_") {
            assert_eq!(drafting::applications(&r), Err(drafting::BLANK_TABLE3));
        }
        zero_fill::fill_blanks_with_zero(&mut r);
        let applications = drafting::applications(&r).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let appeals = drafting::appeals(&r).unwrap_or_else(|e| panic!("{stem}: {e}"));
        r.sections.overview = format!("{applications}\n{appeals}");
        let results = run_text_checks(&r, None, CheckOptions::default());
        // The drafted 一 must raise nothing; the fixture's own 五 and 六 may.
        let overview = TextPlace::Section(NarrativeKey::Overview);
        let wrong: Vec<&CheckResult> = results
            .iter()
            .filter(|x| x.status == Status::Fail && x.text.as_ref().is_none_or(|t| t.place == overview))
            .collect();
        assert!(wrong.is_empty(), "{stem}: {applications} {appeals}: {wrong:#?}");
        assert!(figures_passed(&results) >= 4, "{stem}: {applications} {appeals}: {results:#?}");
    }
}

#[test]
fn a_copied_opening_is_flagged_against_last_years_text() {
    let last = NarrativeReference::of(&load("05_pingtan-ziranziyuan-shengtaihuanjing-ju-2022"));
    let r = load("06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023");
    let results = run_text_checks(&r, Some(&last), CheckOptions::default());
    let overview = results.iter().find(|x| x.id == "text.repetition.overview").expect("a repetition check");
    assert_eq!(overview.status, Status::Fail, "{overview:#?}");
    assert!(overview.explanation.contains("2022年报告"), "{}", overview.explanation);
    assert!(overview.text.as_ref().unwrap().quote.contains("坚持以习近平新时代中国特色社会主义思想为指导"));

    // The zone's 2022 report is written anew.
    let last = NarrativeReference::of(&load("01_pingtan-zonghe-shiyanqu-2021"));
    let r = load("02_pingtan-zonghe-shiyanqu-2022");
    let results = run_text_checks(&r, Some(&last), CheckOptions::default());
    let copied: Vec<_> =
        results.iter().filter(|x| x.id.starts_with("text.repetition") && x.status == Status::Fail).collect();
    assert!(copied.is_empty(), "{copied:#?}");
}

fn set(r: &mut Report, table: TableId, row: &'static str, col: &'static str, v: &str) {
    r.set_raw(FieldKey::new(table, row, col), v);
}

fn failing_figures(r: &Report) -> Vec<CheckResult> {
    run_text_checks(r, None, CheckOptions::default())
        .into_iter()
        .filter(|x| x.status == Status::Fail && x.id.starts_with("text.figure."))
        .collect()
}

/// The mismatches domain.md lists (宿迁 2024, 洪泽 2024, 平潭 2023), each on
/// a report whose tables hold the published figures.
#[test]
fn the_known_mismatches_are_flagged() {
    // 宿迁 2024: 表四 复议 170, 诉讼 77 (50 直接起诉 + 27 复议后起诉).
    let mut r = Report::new(2024);
    for (row, total) in [("review", "170"), ("suit_direct", "50"), ("suit_after_review", "27")] {
        set(&mut r, TableId::Table4, row, "upheld", total);
        for col in ["corrected", "other", "pending"] {
            set(&mut r, TableId::Table4, row, col, "0");
        }
    }
    r.sections.overview = "2024年，因政府信息公开申请引发行政复议134件、行政诉讼57件。".to_string();
    let failed = failing_figures(&r);
    assert_eq!(failed.len(), 2, "{failed:#?}");
    assert!(
        failed[0].explanation.contains("134件") && failed[0].explanation.contains("170"),
        "{}",
        failed[0].explanation
    );
    assert!(
        failed[1].explanation.contains("57件") && failed[1].explanation.contains("77"),
        "{}",
        failed[1].explanation
    );

    // 洪泽 2024: 表三 新收 95.
    let mut r = Report::new(2024);
    set(&mut r, TableId::Table3, "new_received", "natural", "95");
    for col in ["business", "research", "nonprofit", "legal", "other_org"] {
        set(&mut r, TableId::Table3, "new_received", col, "0");
    }
    for col in ["natural", "business", "research", "nonprofit", "legal", "other_org"] {
        set(&mut r, TableId::Table3, "carried_over", col, "0");
    }
    r.sections.overview = "全年共受理政府信息公开申请17件，均按时答复。".to_string();
    let failed = failing_figures(&r);
    assert_eq!(failed.len(), 1, "{failed:#?}");
    assert!(failed[0].explanation.contains("17件") && failed[0].explanation.contains("95"));
    assert_eq!(failed[0].left, vec![FieldKey::new(TableId::Table3, "new_received", "total")]);

    // 平潭 2023: 表二 行政规范性文件 现行有效 470.
    let mut r = Report::new(2023);
    set(&mut r, TableId::Table2, "normative_docs", "in_force", "470");
    r.sections.overview = "目前，我区现行有效行政规范性文件393件。".to_string();
    let failed = failing_figures(&r);
    assert_eq!(failed.len(), 1, "{failed:#?}");
    assert!(failed[0].explanation.contains("393件") && failed[0].explanation.contains("470"));
    let span = failed[0].text.as_ref().unwrap();
    assert_eq!(span.quote, "目前，我区现行有效行政规范性文件393件。");
    assert_eq!((span.start, span.end), (0, span.quote.chars().count()));
}

/// The checks panel keys its entries by check id (an entry updates in place
/// when its figures change), so within one run no two results share an id.
#[test]
fn check_ids_are_unique_within_a_run() {
    for (stem, n) in narratives().reports {
        let r = with_sentences(&stem, &n);
        let mut results = xxgk_core::checks::run_checks(&r, CheckOptions { at_export: true });
        results.extend(run_text_checks(&r, None, CheckOptions { at_export: true }));
        let mut seen = std::collections::HashSet::new();
        for result in &results {
            assert!(seen.insert(result.id.as_str()), "{stem}: two results with id {}", result.id);
        }
    }
}
