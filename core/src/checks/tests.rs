//! Each check on small hand-made reports: pass, fail and cannot judge.

use super::*;
use crate::format::{format, table3, table4};
use crate::model::{PreviousYear, UnitLevel};
use crate::totals::with_totals;

fn t2(row: &'static str, col: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table2, row, col)
}
fn t3(row: &'static str, col: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table3, row, col)
}
fn t4(row: &'static str, col: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table4, row, col)
}

/// A report whose every cell is filled and consistent, totals typed.
fn consistent(year: u16) -> Report {
    let mut r = Report::new(year);
    r.unit_level = Some(UnitLevel::CountyGovernment);
    for f in &format(r.format).table2.fields {
        r.set_raw(f.key, "0");
    }
    for (i, row) in table3::detail_rows(r.format).into_iter().enumerate() {
        for (j, (col, _)) in table3::COLUMNS[..6].iter().enumerate() {
            r.set_raw(t3(row, col), &((i + j) % 3).to_string());
        }
    }
    r = with_totals(&r);
    // 一 + 二 = （七）总计 + 四 with one case carried over and one carried forward.
    for (col, _) in &table3::COLUMNS[..6] {
        let handled = r.raw(t3(table3::TOTAL_HANDLED, col)).unwrap().to_string();
        r.set_raw(t3(table3::NEW_RECEIVED, col), &handled);
        r.set_raw(t3(table3::CARRIED_OVER, col), "1");
        r.set_raw(t3(table3::CARRIED_FORWARD, col), "1");
    }
    for (row, _, _) in table4::BLOCKS {
        for (col, _, _) in &table4::OUTCOMES[..4] {
            r.set_raw(t4(row, col), "1");
        }
    }
    let mut r = with_totals(&r);
    r.auto_totals = false;
    r
}

fn by_id<'a>(results: &'a [CheckResult], id: &str) -> &'a CheckResult {
    results.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no check {id}"))
}

fn run(r: &Report) -> Vec<CheckResult> {
    run_checks(r, CheckOptions::default())
}

fn not_passing(results: &[CheckResult]) -> Vec<String> {
    results
        .iter()
        .filter(|r| r.status != Status::Pass)
        .map(|r| format!("{} {:?} {}", r.id, r.status, r.explanation))
        .collect()
}

#[test]
fn a_consistent_report_passes_everything() {
    for year in [2020, 2023] {
        let r = consistent(year);
        let results = run_checks(&r, CheckOptions { at_export: true });
        assert_eq!(not_passing(&results), Vec::<String>::new(), "{year}");
        let mut auto = r.clone();
        auto.auto_totals = true;
        assert_eq!(not_passing(&run(&auto)), Vec::<String>::new(), "{year} auto");
    }
}

#[test]
fn every_rule_of_the_format_is_checked_once() {
    let r = consistent(2023);
    let results = run(&r);
    let f = format(r.format);
    for id in f.sum_rules().map(|s| &s.id).chain(f.balances.iter().map(|b| &b.id)) {
        assert_eq!(results.iter().filter(|r| &r.id == id).count(), 1, "{id}");
    }
    // 7 balances, 25 rows, 7 columns, 3 blocks, 2 stock rows, the 规章 level, 2 plausibility warnings.
    assert_eq!(results.len(), 7 + 25 + 7 + 3 + 2 + 1 + 2);
}

#[test]
fn balance_failure_names_both_sides_and_the_gap() {
    let mut r = consistent(2023);
    let before: u64 = r.raw(t3(table3::CARRIED_FORWARD, "natural")).unwrap().parse().unwrap();
    r.set_raw(t3(table3::CARRIED_FORWARD, "natural"), &(before + 2).to_string());
    let results = run(&r);
    let b = by_id(&results, "t3.balance.natural");
    assert_eq!(b.status, Status::Fail);
    assert_eq!(b.severity, Severity::Error);
    assert_eq!(b.difference.as_deref(), Some("2"));
    assert!(b.explanation.starts_with("表三「自然人」列：一+二="), "{}", b.explanation);
    assert!(b.explanation.ends_with("，相差2"), "{}", b.explanation);
    assert_eq!(b.left, vec![t3(table3::NEW_RECEIVED, "natural"), t3(table3::CARRIED_OVER, "natural")]);
    assert_eq!(b.right, vec![t3(table3::TOTAL_HANDLED, "natural"), t3(table3::CARRIED_FORWARD, "natural")]);
    // The 总计 column of 四 no longer adds up either.
    assert_eq!(by_id(&results, "t3.row.carried_forward").status, Status::Fail);
}

#[test]
fn row_and_column_sums_explain_themselves() {
    let mut r = consistent(2023);
    r.set_raw(t3("granted", "total"), "100");
    let results = run(&r);
    let row = by_id(&results, "t3.row.granted");
    assert_eq!(row.status, Status::Fail);
    assert_eq!(row.left, vec![t3("granted", "total")]);
    assert_eq!(row.right.len(), 6);
    assert!(
        row.explanation.starts_with("表三「（一）予以公开」行：总计=100，六类申请人之和="),
        "{}",
        row.explanation
    );
    let col = by_id(&results, "t3.col.total");
    assert_eq!(col.status, Status::Fail);
    assert_eq!(col.right.len(), 21);
}

#[test]
fn table4_block_sum() {
    let mut r = consistent(2023);
    r.set_raw(t4("suit_after_review", "upheld"), "13");
    r.set_raw(t4("suit_after_review", "corrected"), "2");
    r.set_raw(t4("suit_after_review", "other"), "4");
    r.set_raw(t4("suit_after_review", "pending"), "0");
    r.set_raw(t4("suit_after_review", "total"), "15");
    let results = run(&r);
    let s = by_id(&results, "t4.sum.suit_after_review");
    assert_eq!(s.status, Status::Fail);
    assert_eq!(s.explanation, "表四「行政诉讼 复议后起诉」：总计=15，维持+纠正+其他+尚未审结=19，相差4");
    assert_eq!(s.difference.as_deref(), Some("4"));
}

#[test]
fn a_blank_term_cannot_be_judged_and_is_named() {
    let mut r = consistent(2023);
    r.set_raw(t3(table3::NEW_RECEIVED, "natural"), "");
    let results = run(&r);
    let b = by_id(&results, "t3.balance.natural");
    assert_eq!(b.status, Status::CannotJudge);
    assert_eq!(
        b.explanation,
        "表三「自然人」列：无法判断：「一、本年新收政府信息公开申请数量 · 自然人」未填写"
    );
    assert_eq!(b.difference, None);
    assert_eq!(summarize(&results), Summary { errors: 0, warnings: 0, verified: 0 });
}

#[test]
fn an_invalid_cell_is_an_error_and_blocks_its_rules() {
    let mut r = consistent(2023);
    r.set_raw(t3("granted", "natural"), "3件");
    let results = run(&r);
    let v = by_id(&results, "value.table3.granted.natural");
    assert_eq!((v.status, v.severity), (Status::Fail, Severity::Error));
    assert_eq!(
        v.explanation,
        "表三「（一）予以公开 · 自然人」填写的是“3件”：含有非数字字符「件」，请只填写整数"
    );
    assert_eq!(v.left, vec![t3("granted", "natural")]);
    let row = by_id(&results, "t3.row.granted");
    assert_eq!(row.status, Status::CannotJudge);
    assert!(row.explanation.contains("「（一）予以公开 · 自然人」填写有误"), "{}", row.explanation);
    assert_eq!(summarize(&results).errors, 1);
}

#[test]
fn with_auto_totals_a_blank_part_is_named_instead_of_the_total() {
    let mut r = consistent(2023);
    r.auto_totals = true;
    r.set_raw(t3("declined_repeat", "business"), "");
    r.set_raw(t3("granted", "total"), "typed text is ignored");
    let results = run(&r);
    assert!(results.iter().all(|x| !x.id.starts_with("value.")));
    let b = by_id(&results, "t3.balance.business");
    assert_eq!(b.status, Status::CannotJudge);
    assert!(
        b.explanation.ends_with("无法判断：「（五）不予处理 2.重复申请 · 商业企业」未填写"),
        "{}",
        b.explanation
    );
    assert_eq!(by_id(&results, "t3.row.granted").status, Status::Pass);
}

#[test]
fn many_missing_cells_are_counted() {
    let mut r = consistent(2023);
    for row in table3::detail_rows(r.format) {
        r.set_raw(t3(row, "natural"), "");
    }
    let results = run(&r);
    let col = by_id(&results, "t3.col.natural");
    assert_eq!(col.status, Status::CannotJudge);
    assert!(col.explanation.contains("等共21个单元格未填写"), "{}", col.explanation);
}

#[test]
fn in_force_below_issued_without_repeal_is_a_warning() {
    let mut r = consistent(2024);
    r.set_raw(t2("normative_docs", "issued"), "5");
    r.set_raw(t2("normative_docs", "repealed"), "0");
    r.set_raw(t2("normative_docs", "in_force"), "0");
    let results = run(&r);
    let w = by_id(&results, "t2.in_force.normative_docs");
    assert_eq!((w.status, w.severity), (Status::Fail, Severity::Warning));
    assert_eq!(w.explanation, "表二「行政规范性文件」：现行有效件数0，少于本年制发件数5，而本年废止件数为0");
    assert_eq!(w.difference.as_deref(), Some("5"));
    assert_eq!(summarize(&results), Summary { errors: 0, warnings: 1, verified: 0 });

    r.set_raw(t2("normative_docs", "repealed"), "1");
    assert_eq!(by_id(&run(&r), "t2.in_force.normative_docs").status, Status::Pass);
    r.set_raw(t2("normative_docs", "repealed"), "");
    let c = run(&r);
    let c = by_id(&c, "t2.in_force.normative_docs");
    assert_eq!(c.status, Status::CannotJudge);
    assert!(c.explanation.contains("「行政规范性文件 · 本年废止件数」未填写"), "{}", c.explanation);
}

#[test]
fn the_2019_format_has_no_stock_warning() {
    let results = run(&consistent(2020));
    assert!(results.iter().all(|r| !r.id.starts_with("t2.in_force")));
    assert_eq!(by_id(&results, "t2.rules_level").status, Status::Pass);
}

#[test]
fn rules_by_a_unit_that_cannot_make_them() {
    let mut r = consistent(2023);
    r.set_raw(t2("rules", "in_force"), "2");
    r.unit_level = Some(UnitLevel::LocalDepartment);
    let results = run(&r);
    let w = by_id(&results, "t2.rules_level");
    assert_eq!((w.status, w.severity), (Status::Fail, Severity::Warning));
    assert_eq!(
        w.explanation,
        "表二「规章」：单位层级为「县级以上地方人民政府部门」，不能制定规章，但「规章 · 现行有效件数」为2"
    );
    assert_eq!(w.left.len(), 3);

    r.unit_level = Some(UnitLevel::CityGovernment);
    assert_eq!(by_id(&run(&r), "t2.rules_level").status, Status::Pass);
    r.unit_level = None;
    let unknown = run(&r);
    let unknown = by_id(&unknown, "t2.rules_level");
    assert_eq!(unknown.status, Status::CannotJudge);
    assert!(unknown.explanation.contains("未选择单位层级"));

    // Zero is right whatever the level; blank cannot be judged.
    r.set_raw(t2("rules", "in_force"), "0");
    assert_eq!(by_id(&run(&r), "t2.rules_level").status, Status::Pass);
    r.unit_level = Some(UnitLevel::Township);
    r.set_raw(t2("rules", "issued"), "");
    assert_eq!(by_id(&run(&r), "t2.rules_level").status, Status::CannotJudge);
}

#[test]
fn blanks_are_reported_only_at_export() {
    let mut r = consistent(2023);
    r.set_raw(t3("other_misc", "natural"), "—");
    r.set_raw(t3("other_misc", "legal"), "");
    assert!(run(&r).iter().all(|x| !x.id.starts_with("blank.")));
    let results = run_checks(&r, CheckOptions { at_export: true });
    let ids: Vec<&str> =
        results.iter().filter(|x| x.id.starts_with("blank.")).map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["blank.table2", "blank.table3", "blank.table4"]);
    let b = by_id(&results, "blank.table3");
    assert_eq!((b.status, b.severity), (Status::Fail, Severity::Warning));
    assert_eq!(b.left, vec![t3("other_misc", "natural"), t3("other_misc", "legal")]);
    assert!(
        b.explanation.starts_with("表三有2个单元格未填写：「（六）其他处理 3.其他 · 自然人」、"),
        "{}",
        b.explanation
    );
    assert_eq!(by_id(&results, "blank.table4").status, Status::Pass);
}

#[test]
fn computed_totals_are_not_blanks() {
    let mut r = Report::new(2023);
    let results = run_checks(&r, CheckOptions { at_export: true });
    let t4_blanks = by_id(&results, "blank.table4");
    assert_eq!(t4_blanks.left.len(), 12, "15 cells, 3 of them computed");
    r.auto_totals = false;
    assert_eq!(by_id(&run_checks(&r, CheckOptions { at_export: true }), "blank.table4").left.len(), 15);
}

fn previous(carried_forward: &[(&str, &str)], in_force: &[(&str, &str)]) -> PreviousYear {
    let map = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    PreviousYear {
        year: 2022,
        carried_forward: map(carried_forward),
        in_force: map(in_force),
        ..PreviousYear::default()
    }
}

#[test]
fn carried_over_must_match_last_years_carried_forward() {
    let mut r = consistent(2023);
    let last = previous_year(&r);
    assert_eq!(last.carried_forward.get("natural").map(String::as_str), Some("1"));
    assert_eq!(last.carried_forward.get("total").map(String::as_str), Some("6"));
    r.previous = Some(last);
    r.previous.as_mut().unwrap().year = 2022;
    // Last year's carried forward is this year's carried over only by coincidence here.
    for (col, _) in table3::COLUMNS {
        let this = r.raw(t3(table3::CARRIED_OVER, col)).unwrap().to_string();
        r.previous.as_mut().unwrap().carried_forward.insert(col.to_string(), this);
    }
    r.previous.as_mut().unwrap().carried_forward.insert("natural".into(), "9".into());
    let results = run(&r);
    let c = by_id(&results, "cross.carried_over.natural");
    assert_eq!((c.status, c.severity), (Status::Fail, Severity::Error));
    assert!(c.explanation.contains("上年「四、结转下年度继续办理」=9"), "{}", c.explanation);
    assert_eq!(c.left, vec![t3(table3::CARRIED_OVER, "natural")]);
    assert_eq!(by_id(&results, "cross.carried_over.business").status, Status::Pass);
    assert_eq!(by_id(&results, "cross.year").status, Status::Pass);
    // Cross-year checks come last.
    assert!(results.last().unwrap().id.starts_with("cross."));
}

#[test]
fn cross_year_cannot_judge_names_last_years_blank() {
    let mut r = consistent(2023);
    r.previous = Some(previous(&[], &[]));
    let results = run(&r);
    let c = by_id(&results, "cross.carried_over.legal");
    assert_eq!(c.status, Status::CannotJudge);
    assert_eq!(
        c.explanation,
        "表三「法律服务机构」列：无法判断：上年数据中「四、结转下年度继续办理 · 法律服务机构」未填写"
    );
    let s = by_id(&results, "cross.in_force.rules");
    assert_eq!(s.status, Status::CannotJudge);
    assert!(s.explanation.contains("上年数据中「规章 · 现行有效件数」未填写"), "{}", s.explanation);
}

#[test]
fn in_force_should_follow_from_last_year() {
    let mut r = consistent(2023);
    r.set_raw(t2("normative_docs", "issued"), "2");
    r.set_raw(t2("normative_docs", "repealed"), "1");
    r.set_raw(t2("normative_docs", "in_force"), "35");
    r.previous = Some(previous(&[], &[("normative_docs", "32"), ("rules", "0")]));
    let results = run(&r);
    let w = by_id(&results, "cross.in_force.normative_docs");
    assert_eq!((w.status, w.severity), (Status::Fail, Severity::Warning));
    assert!(
        w.explanation.starts_with("表二「行政规范性文件」：现行有效件数=35，上年现行有效件数32+本年制发件数2−本年废止件数1=33，相差2"),
        "{}",
        w.explanation
    );
    assert_eq!(by_id(&results, "cross.in_force.rules").status, Status::Pass);
}

#[test]
fn a_previous_year_that_is_not_last_year_is_flagged() {
    let mut r = consistent(2023);
    r.previous = Some(PreviousYear { year: 2021, ..previous_year(&r) });
    let w = run(&r);
    let w = by_id(&w, "cross.year");
    assert_eq!((w.status, w.severity), (Status::Fail, Severity::Warning));
    assert_eq!(w.explanation, "上年数据为2021年度，而本报告为2023年度");
}

#[test]
fn results_are_in_document_order() {
    let mut r = consistent(2023);
    r.set_raw(t4("review", "upheld"), "x");
    r.set_raw(t2("fees", "amount"), "-1");
    r.previous = Some(previous_year(&r));
    let ids: Vec<String> =
        run_checks(&r, CheckOptions { at_export: true }).into_iter().map(|r| r.id).collect();
    let pos = |id: &str| ids.iter().position(|x| x == id).unwrap_or_else(|| panic!("{id}"));
    assert!(pos("value.table2.fees.amount") < pos("t2.in_force.rules"));
    assert!(pos("blank.table2") < pos("t3.balance.natural"));
    assert!(pos("t3.balance.total") < pos("t3.row.new_received"));
    assert!(pos("blank.table3") < pos("value.table4.review.upheld"));
    assert!(pos("value.table4.review.upheld") < pos("t4.sum.review"));
    assert!(pos("blank.table4") < pos("cross.year"));
}

#[test]
fn summary_counts_failures_by_severity() {
    let mut r = consistent(2024);
    r.set_raw(t4("review", "total"), "99");
    r.set_raw(t2("normative_docs", "issued"), "5");
    let s = summarize(&run(&r));
    assert_eq!(s, Summary { errors: 1, warnings: 1, verified: 0 });
}

/// A 2024 report of `consistent` figures, with last year's taken from a copy
/// of itself, so every figure is the same as last year's.
fn with_last_year() -> Report {
    let mut r = consistent(2024);
    r.previous = Some(PreviousYear { year: 2023, ..previous_year(&r) });
    r
}

fn zero_table(r: &mut Report, table: TableId) {
    for f in format(r.format).table(table).fields.iter() {
        r.set_raw(f.key, "0");
    }
}

#[test]
fn last_years_tables_travel_with_the_report() {
    let r = consistent(2024);
    let last = previous_year(&r);
    assert_eq!(last.table2.get("licensing", "decisions"), Some("0"));
    assert_eq!(
        last.table3_totals.get("new_received"),
        r.raw(t3(table3::NEW_RECEIVED, "total")).map(String::from).as_ref()
    );
    assert_eq!(last.table4_totals.get("review").map(String::as_str), Some("4"));
}

#[test]
fn an_all_zero_table_after_a_year_with_cases_is_a_warning() {
    let mut r = with_last_year();
    let results = run(&r);
    assert_eq!(by_id(&results, "plausible.zero.table3").status, Status::Pass);
    assert_eq!(by_id(&results, "plausible.zero.table4").status, Status::Pass);
    zero_table(&mut r, TableId::Table3);
    zero_table(&mut r, TableId::Table4);
    let results = run(&r);
    let t3w = by_id(&results, "plausible.zero.table3");
    assert_eq!((t3w.status, t3w.severity), (Status::Fail, Severity::Warning));
    assert!(
        t3w.explanation.starts_with("表三各项均为0，而上年（2023年）新收和上年结转的申请共"),
        "{}",
        t3w.explanation
    );
    assert_eq!(t3w.left, vec![t3(table3::NEW_RECEIVED, "total"), t3(table3::CARRIED_OVER, "total")]);
    let t4w = by_id(&results, "plausible.zero.table4");
    assert_eq!(t4w.status, Status::Fail);
    assert!(t4w.explanation.contains("行政复议、行政诉讼案件共12件"), "{}", t4w.explanation);
    // Near miss: last year was all zero too.
    r.previous = Some(PreviousYear { year: 2023, ..previous_year(&r) });
    let results = run(&r);
    assert_eq!(by_id(&results, "plausible.zero.table3").status, Status::Pass);
    assert_eq!(by_id(&results, "plausible.zero.table4").status, Status::Pass);
    // Cannot judge (no result): last year's totals unknown, as in a version-2 draft.
    r.previous = Some(previous(&[], &[]));
    assert!(run(&r).iter().all(|c| !c.id.starts_with("plausible.zero")));
}

#[test]
fn a_table2_figure_ten_times_last_years_is_a_warning() {
    let mut r = with_last_year();
    let key = t2("licensing", "decisions");
    r.previous.as_mut().unwrap().table2.set("licensing", "decisions", "550");
    r.set_raw(key, "9487");
    let results = run(&r);
    let j = by_id(&results, "plausible.jump.licensing.decisions");
    assert_eq!((j.status, j.severity), (Status::Fail, Severity::Warning));
    assert!(j.explanation.contains("本年为9487，上年（2023年）为550，增加到十倍以上"), "{}", j.explanation);
    assert_eq!(j.left, vec![key]);
    // A tenth of last year's.
    r.set_raw(key, "55");
    r.previous.as_mut().unwrap().table2.set("licensing", "decisions", "5500");
    assert!(by_id(&run(&r), "plausible.jump.licensing.decisions").explanation.contains("减少到十分之一以下"));
    // Near misses: nine times; small figures (3 → 30); last year 0.
    for (now, last) in [("4950", "550"), ("30", "3"), ("500", "0")] {
        r.set_raw(key, now);
        r.previous.as_mut().unwrap().table2.set("licensing", "decisions", last);
        let found = run(&r).into_iter().find(|c| c.id == "plausible.jump.licensing.decisions");
        assert!(found.is_none_or(|c| c.status == Status::Pass), "{now} vs {last}");
    }
    // Amounts in 万元 too.
    r.set_raw(t2("fees", "amount"), "120.5");
    r.previous.as_mut().unwrap().table2.set("fees", "amount", "12");
    assert_eq!(by_id(&run(&r), "plausible.jump.fees.amount").status, Status::Fail);
}

#[test]
fn a_verified_warning_stays_verified_until_its_figures_change() {
    let mut r = with_last_year();
    r.set_raw(t2("licensing", "decisions"), "9487");
    r.previous.as_mut().unwrap().table2.set("licensing", "decisions", "550");
    let results = run(&r);
    let before = summarize(&results);
    let warning = by_id(&results, "plausible.jump.licensing.decisions").clone();
    let mark =
        Verifier::new(&r).mark(&warning, "  全年集中审批，已在第一部分说明 ").expect("a failing warning");
    assert_eq!(mark.note, "全年集中审批，已在第一部分说明");
    assert_eq!(mark.figures.get("table2.licensing.decisions").map(String::as_str), Some("9487"));
    verified::set_mark(&mut r, mark.clone());
    verified::set_mark(&mut r, mark); // marking again replaces, never duplicates
    assert_eq!(r.verified.len(), 1);
    let results = run(&r);
    let v = Verifier::new(&r);
    assert!(v.find(by_id(&results, "plausible.jump.licensing.decisions")).is_some());
    let after = v.summarize(&results);
    assert_eq!((after.warnings, after.verified, after.errors), (before.warnings - 1, 1, before.errors));
    // The figure changes: the mark no longer applies, the warning counts again.
    r.set_raw(t2("licensing", "decisions"), "9488");
    let results = run(&r);
    let v = Verifier::new(&r);
    assert!(v.find(by_id(&results, "plausible.jump.licensing.decisions")).is_none());
    assert_eq!(v.summarize(&results).verified, 0);
    // And back: the same figures are verified again.
    r.set_raw(t2("licensing", "decisions"), "9487");
    assert!(Verifier::new(&r).find(by_id(&run(&r), "plausible.jump.licensing.decisions")).is_some());
    verified::clear_mark(&mut r, "plausible.jump.licensing.decisions");
    assert!(r.verified.is_empty());
}

#[test]
fn errors_and_passes_cannot_be_verified() {
    let mut r = consistent(2023);
    r.set_raw(t3("granted", "natural"), "99");
    let results = run(&r);
    let v = Verifier::new(&r);
    let error = results.iter().find(|c| c.is_error()).expect("an error");
    assert!(v.mark(error, "").is_none());
    let pass = results.iter().find(|c| c.status == Status::Pass).expect("a pass");
    assert!(v.mark(pass, "").is_none());
    // A mark in the file under an error's id does not hide it.
    r.verified.push(crate::model::Verified { check: error.id.clone(), ..Default::default() });
    assert_eq!(Verifier::new(&r).summarize(&results).errors, summarize(&results).errors);
}

#[test]
fn a_verified_text_warning_lapses_when_its_sentence_changes() {
    let mut r = consistent(2024);
    r.sections.overview = "2024年，共收到政府信息公开申请1件。".to_string();
    let text = |r: &Report| run_text_checks(r, None, CheckOptions::default());
    let results = text(&r);
    let w =
        results.iter().find(|c| c.is_warning() && c.id.starts_with("text.figure.")).expect("a wrong figure");
    let mark = Verifier::new(&r).mark(w, "").unwrap();
    assert_eq!(mark.quote, "2024年，共收到政府信息公开申请1件。");
    verified::set_mark(&mut r, mark);
    let results = text(&r);
    assert_eq!(Verifier::new(&r).summarize(&results).verified, 1);
    r.sections.overview = "2024年，我局共收到政府信息公开申请1件。".to_string();
    let results = text(&r);
    assert_eq!(Verifier::new(&r).summarize(&results).verified, 0);
}
