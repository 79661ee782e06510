//! Plausibility warnings a reviewer raises on figures that add up but look odd:
//! - 其他处理 above a third of the applications handled (the 2019 notice asked
//!   主管部门 to watch this share);
//! - more 复议 and 诉讼 cases than applications dealt with in the year.
//!
//! Each result is pushed only when its figures are all there: a blank cell
//! is already reported by the sum rules, and a guess would only add noise.

use super::text::cells::{result_groups, t3_total, t4_total};
use super::{CheckResult, Severity, Status};
use crate::figures::Figures;
use crate::format::table3::{CARRIED_OVER, NEW_RECEIVED, TOTAL_HANDLED};
use crate::format::table4::BLOCKS;
use crate::format::FieldKey;
use crate::value::Decimal;

pub(super) fn check(figures: &Figures, out: &mut Vec<CheckResult>) {
    out.extend(other_share(figures));
    out.extend(appeals_above_applications(figures));
}

fn value(figures: &Figures, key: FieldKey) -> Option<Decimal> {
    figures.layout.index_of(key).and_then(|i| figures.cells[i].number())
}

fn sum(figures: &Figures, keys: &[FieldKey]) -> Option<Decimal> {
    keys.iter().try_fold(Decimal::ZERO, |acc, &k| acc.checked_add(value(figures, k)?))
}

fn result(id: &str, title: &str, status: Status, explanation: String, left: Vec<FieldKey>) -> CheckResult {
    CheckResult {
        id: id.to_string(),
        severity: Severity::Warning,
        status,
        title: title.to_string(),
        explanation,
        difference: None,
        left,
        right: Vec::new(),
        text: None,
    }
}

fn other_share(figures: &Figures) -> Option<CheckResult> {
    let groups = result_groups(figures.layout);
    let other = groups.last()?;
    let other_keys: Vec<FieldKey> = other.rows.iter().map(|r| t3_total(r)).collect();
    let handled_key = t3_total(TOTAL_HANDLED);
    let (o, h) = (sum(figures, &other_keys)?, value(figures, handled_key)?);
    // Two cases at least: one 其他处理 among two applications says little.
    let high = o.micros() * 3 > h.micros() && o >= Decimal::from_int(2);
    let (status, explanation) = if high {
        (
            Status::Fail,
            format!(
                "表三「{}」共{o}件，占「（七）总计」{h}件的三分之一以上。其他处理占比过高，请核对是否应归入其他办理结果",
                other.label
            ),
        )
    } else {
        (Status::Pass, format!("表三「{}」共{o}件，「（七）总计」{h}件", other.label))
    };
    let mut cells = other_keys;
    cells.push(handled_key);
    Some(result(
        "plausible.other_share",
        "表三：「其他处理」一般不超过办理总数的三分之一",
        status,
        explanation,
        cells,
    ))
}

fn appeals_above_applications(figures: &Figures) -> Option<CheckResult> {
    let appeals: Vec<FieldKey> = BLOCKS.iter().map(|(row, _, _)| t4_total(row)).collect();
    let applications = [t3_total(NEW_RECEIVED), t3_total(CARRIED_OVER)];
    let (a, n) = (sum(figures, &appeals)?, sum(figures, &applications)?);
    let (status, explanation) = if a > n {
        (
            Status::Fail,
            format!(
                "表四行政复议、行政诉讼共{a}件，多于本年新收与上年结转的申请{n}件。请核对表四是否误填了其他单位或全地区的数字"
            ),
        )
    } else {
        (Status::Pass, format!("表四行政复议、行政诉讼共{a}件，申请共{n}件"))
    };
    let mut cells = appeals;
    cells.extend(applications);
    Some(result(
        "plausible.appeals",
        "表四：复议、诉讼案件一般不多于本年办理的申请",
        status,
        explanation,
        cells,
    ))
}
