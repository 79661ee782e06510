//! Checks against last year's report, when its figures are given:
//! - 上年结转 must equal last year's 结转下年度继续办理, column by column (error);
//! - 现行有效件数 should equal last year's + 本年制发 − 本年废止 (warning:
//!   clean-ups and changes of 统计口径 happen, but deserve a sentence).

use std::collections::BTreeMap;

use super::explain::{cannot_judge, difference};
use super::table2::Stock;
use super::{CheckResult, Severity, Status};
use crate::figures::{Cell, Figures};
use crate::format::table2::{IN_FORCE, NORMATIVE_DOCS, RULES};
use crate::format::table3::{self, CARRIED_FORWARD, CARRIED_OVER, COLUMNS};
use crate::format::table4;
use crate::format::{FieldKey, TableId, ValueKind};
use crate::model::{PreviousYear, Report};
use crate::value::{self, Decimal, Value};

/// What this year's checks need from `last` (last year's report): its
/// 结转下年度 row, its 现行有效件数, its 表二 and the 总计 columns of 表三 and
/// 表四, as canonical text, totals computed.
pub fn previous_year(last: &Report) -> PreviousYear {
    let figures = Figures::read(last);
    let text_at = |i: usize| match figures.cells[i] {
        Cell::Number(v) => Some(v.to_string()),
        Cell::Invalid(raw, _) => Some(raw.to_string()),
        _ => None,
    };
    let text = |key: FieldKey| figures.layout.index_of(key).and_then(text_at);
    let column = |row: &'static str, col: &'static str| FieldKey::new(TableId::Table3, row, col);
    // extend inserts one by one; collect() into a BTreeMap would pull a sort into the wasm.
    let mut carried_forward = BTreeMap::new();
    carried_forward.extend(
        COLUMNS.iter().filter_map(|(col, _)| Some((col.to_string(), text(column(CARRIED_FORWARD, col))?))),
    );
    let mut in_force = BTreeMap::new();
    in_force.extend(
        [RULES, NORMATIVE_DOCS]
            .into_iter()
            .filter_map(|row| Some((row.to_string(), text(FieldKey::new(TableId::Table2, row, IN_FORCE))?))),
    );
    let mut previous = PreviousYear { year: last.year, carried_forward, in_force, ..PreviousYear::default() };
    for (i, f) in figures.layout.fields.iter().enumerate() {
        let Some(value) = text_at(i) else { continue };
        match f.key.table {
            TableId::Table2 => previous.table2.set(f.key.row, f.key.col, &value),
            TableId::Table3 if f.key.col == table3::TOTAL_COL => {
                previous.table3_totals.insert(f.key.row.to_string(), value);
            }
            TableId::Table4 if f.key.col == table4::TOTAL_COL => {
                previous.table4_totals.insert(f.key.row.to_string(), value);
            }
            _ => {}
        }
    }
    previous
}

pub(super) fn check(report: &Report, figures: &Figures, previous: &PreviousYear, out: &mut Vec<CheckResult>) {
    out.push(year_follows(report, previous));
    super::plausibility::against_last_year(figures, previous, out);
    for (col, _) in COLUMNS {
        if let Some(result) = carried_over(figures, previous, col) {
            out.push(result);
        }
    }
    for row in [RULES, NORMATIVE_DOCS] {
        if let Some(stock) = Stock::of(figures, row) {
            out.push(in_force_follows(figures, previous, &stock));
        }
    }
}

fn result(
    id: String,
    severity: Severity,
    title: String,
    left: Vec<FieldKey>,
    right: Vec<FieldKey>,
) -> CheckResult {
    CheckResult {
        id,
        severity,
        status: Status::Pass,
        title,
        explanation: String::new(),
        difference: None,
        left,
        right,
        text: None,
    }
}

fn year_follows(report: &Report, previous: &PreviousYear) -> CheckResult {
    let mut r = result(
        "cross.year".to_string(),
        Severity::Warning,
        "上年数据应来自上一年度的报告".to_string(),
        Vec::new(),
        Vec::new(),
    );
    if previous.year + 1 == report.year {
        r.explanation = format!("上年数据为{}年度", previous.year);
    } else {
        r.status = Status::Fail;
        r.explanation = format!("上年数据为{}年度，而本报告为{}年度", previous.year, report.year);
    }
    r
}

/// Last year's figure for `key` in `map`: `Ok(None)` blank, `Err(())` invalid.
fn last_year(map: &BTreeMap<String, String>, key: &str) -> Result<Option<Decimal>, ()> {
    match map.get(key).map(|raw| value::parse(ValueKind::Count, raw)) {
        None | Some(Ok(None)) => Ok(None),
        Some(Ok(Some(v))) => Ok(Some(Value::to_decimal(v))),
        Some(Err(_)) => Err(()),
    }
}

/// What keeps last year's cell from being used, e.g. 「上年数据中「…」未填写」.
fn last_year_missing(label: &str, figure: Result<Option<Decimal>, ()>) -> Option<String> {
    match figure {
        Ok(Some(_)) => None,
        Ok(None) => Some(format!("上年数据中「{label}」未填写")),
        Err(()) => Some(format!("上年数据中「{label}」填写有误")),
    }
}

fn carried_over(figures: &Figures, previous: &PreviousYear, col: &'static str) -> Option<CheckResult> {
    let this = figures.layout.index_of(FieldKey::new(TableId::Table3, CARRIED_OVER, col))?;
    let last_cell = figures.layout.index_of(FieldKey::new(TableId::Table3, CARRIED_FORWARD, col))?;
    let [this_spec, last_spec] = [this, last_cell].map(|f| figures.layout.fields[f]);
    let scope = format!("表三「{}」列", this_spec.col_label);
    let mut r = result(
        format!("cross.carried_over.{col}"),
        Severity::Error,
        format!("{scope}：本年「{}」= 上年「{}」", this_spec.row_label, last_spec.row_label),
        vec![this_spec.key],
        Vec::new(),
    );
    let last = last_year(&previous.carried_forward, col);
    match (figures.cells[this].number(), last) {
        (Some(a), Ok(Some(b))) => {
            r.explanation =
                format!("{scope}：本年「{}」={a}，上年「{}」={b}", this_spec.row_label, last_spec.row_label);
            if a != b {
                let gap = difference(a, b).to_string();
                r.explanation.push_str(&format!("，相差{gap}"));
                r.status = Status::Fail;
                r.difference = Some(gap);
            }
        }
        (this_value, last) => {
            r.status = Status::CannotJudge;
            let mut reasons = Vec::new();
            if this_value.is_none() {
                let mut missing = Vec::new();
                figures.missing(&[this], &mut missing);
                reasons.push(cannot_judge(figures, &missing));
            }
            reasons.extend(
                last_year_missing(&last_spec.accessible_label(), last).map(|m| format!("无法判断：{m}")),
            );
            r.explanation = format!("{scope}：{}", reasons.join("；"));
        }
    }
    Some(r)
}

fn in_force_follows(figures: &Figures, previous: &PreviousYear, s: &Stock) -> CheckResult {
    let row = s.row_label(figures);
    let [issued_l, repealed_l, in_force_l] =
        [s.issued, s.repealed, s.in_force].map(|f| s.col_label(figures, f));
    let key = |f: usize| figures.layout.fields[f].key;
    let mut r = result(
        format!("cross.in_force.{}", s.row),
        Severity::Warning,
        format!("表二「{row}」：{in_force_l} = 上年{in_force_l} + {issued_l} − {repealed_l}"),
        vec![key(s.in_force)],
        vec![key(s.issued), key(s.repealed)],
    );
    let value = |f: usize| figures.cells[f].number();
    let last = last_year(&previous.in_force, s.row);
    let expected = match (last, value(s.issued), value(s.repealed)) {
        (Ok(Some(l)), Some(i), Some(rep)) => {
            l.checked_add(i).and_then(|x| x.checked_sub(rep)).map(|e| (l, i, rep, e))
        }
        _ => None,
    };
    match (value(s.in_force), expected) {
        (Some(now), Some((l, i, rep, e))) => {
            r.explanation = format!(
                "表二「{row}」：{in_force_l}={now}，上年{in_force_l}{l}+{issued_l}{i}−{repealed_l}{rep}={e}"
            );
            if now != e {
                let gap = difference(now, e).to_string();
                r.explanation.push_str(&format!("，相差{gap}。如有清理或统计口径变化，请在报告中说明"));
                r.status = Status::Fail;
                r.difference = Some(gap);
            }
        }
        _ => {
            r.status = Status::CannotJudge;
            let mut missing = Vec::new();
            figures.missing(&[s.in_force, s.issued, s.repealed], &mut missing);
            let mut reasons = Vec::new();
            if !missing.is_empty() {
                reasons.push(cannot_judge(figures, &missing));
            }
            let label = format!("{row} · {in_force_l}");
            reasons.extend(last_year_missing(&label, last).map(|m| format!("无法判断：{m}")));
            r.explanation = format!("表二「{row}」：{}", reasons.join("；"));
        }
    }
    r
}
