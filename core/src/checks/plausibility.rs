//! Plausibility warnings a reviewer raises on figures that add up but look odd:
//! - 其他处理 above a third of the applications handled (the 2019 notice asked
//!   主管部门 to watch this share);
//! - more 复议 and 诉讼 cases than applications dealt with in the year;
//! - against last year's tables, when known ([`against_last_year`]): 表三 or
//!   表四 all zero where last year's was not (鹿邑县 2024 published zeros
//!   although a citizen had applied and appealed), and a 表二 figure ten
//!   times last year's or a tenth of it (洪泽: 行政许可 550 → 9487).
//!
//! Each result is pushed only when its figures are all there: a blank cell
//! is already reported by the sum rules, and a guess would only add noise.

use super::text::cells::{result_groups, t3_total, t4_total};
use super::{CheckResult, Severity, Status};
use crate::figures::Cell;
use crate::figures::Figures;
use crate::format::table3::{CARRIED_OVER, NEW_RECEIVED, TOTAL_HANDLED};
use crate::format::table4::BLOCKS;
use crate::format::{FieldKey, TableId, ValueKind};
use crate::model::PreviousYear;
use crate::value::{self, Decimal};

/// A 表二 figure this many times last year's (or a tenth of it) asks for a note.
const JUMP_FACTOR: i128 = 10;

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

pub(super) fn against_last_year(figures: &Figures, previous: &PreviousYear, out: &mut Vec<CheckResult>) {
    out.extend(all_zero(figures, previous, TableId::Table3));
    out.extend(all_zero(figures, previous, TableId::Table4));
    jumps(figures, previous, out);
}

/// Last year's figure in `map` under `key`, when it is a count.
fn last_count(map: &std::collections::BTreeMap<String, String>, key: &str) -> Option<Decimal> {
    value::parse(ValueKind::Count, map.get(key)?).ok()?.map(value::Value::to_decimal)
}

/// Every cell of `table` filled with 0 (and none blank or wrong), while last
/// year's totals of the same table were not all 0.
fn all_zero(figures: &Figures, previous: &PreviousYear, table: TableId) -> Option<CheckResult> {
    let (rows, what, map): (Vec<&str>, &str, _) = match table {
        TableId::Table3 => {
            (vec![NEW_RECEIVED, CARRIED_OVER], "新收和上年结转的申请", &previous.table3_totals)
        }
        _ => (
            BLOCKS.iter().map(|(row, _, _)| *row).collect(),
            "行政复议、行政诉讼案件",
            &previous.table4_totals,
        ),
    };
    let last = rows.iter().try_fold(Decimal::ZERO, |acc, row| acc.checked_add(last_count(map, row)?))?;
    let fields: Vec<usize> =
        (0..figures.layout.fields.len()).filter(|&i| figures.layout.fields[i].key.table == table).collect();
    let zero =
        fields.iter().all(|&i| matches!(figures.cells[i], Cell::Number(v) if v.to_decimal().is_zero()));
    let name = table.short_name();
    let year = previous.year;
    let (status, explanation) = if zero && !last.is_zero() {
        (
            Status::Fail,
            format!(
                "{name}各项均为0，而上年（{year}年）{what}共{last}件。请核对是否漏填；如本年确实为0，可标记为已核实"
            ),
        )
    } else if zero {
        (Status::Pass, format!("{name}各项均为0，上年（{year}年）也为0"))
    } else {
        (Status::Pass, format!("{name}有不为0的数字，上年（{year}年）{what}共{last}件"))
    };
    let totals: Vec<FieldKey> = match table {
        TableId::Table3 => rows.iter().map(|row| t3_total(row)).collect(),
        _ => rows.iter().map(|row| t4_total(row)).collect(),
    };
    Some(result(
        &format!("plausible.zero.{}", table.key()),
        &format!("{name}：上年有数字的，本年不应全部为0"),
        status,
        explanation,
        totals,
    ))
}

/// Each 表二 figure (counts and amounts) known in both years, both above 0:
/// ten times last year's, or a tenth of it, is worth a sentence in the report.
fn jumps(figures: &Figures, previous: &PreviousYear, out: &mut Vec<CheckResult>) {
    for (i, spec) in figures.layout.fields.iter().enumerate() {
        if spec.key.table != TableId::Table2 || !matches!(spec.kind, ValueKind::Count | ValueKind::Amount) {
            continue;
        }
        let Some(now) = figures.cells[i].number() else { continue };
        let last =
            previous.table2.get(spec.key.row, spec.key.col).and_then(|raw| value::parse(spec.kind, raw).ok());
        let Some(last) = last.flatten().map(value::Value::to_decimal) else { continue };
        if now.is_zero() || last.is_zero() {
            continue;
        }
        // Small figures move a lot without meaning much: 3 → 30 件 is no jump to explain.
        let floor = if spec.kind == ValueKind::Amount { 10 } else { 100 };
        let (lo, hi) = if now < last { (now, last) } else { (last, now) };
        let jumped = hi >= Decimal::from_int(floor) && hi.micros() >= lo.micros() * JUMP_FACTOR;
        let label = spec.accessible_label();
        let year = previous.year;
        let (status, explanation) = if jumped {
            let how = if now > last { "增加到十倍以上" } else { "减少到十分之一以下" };
            (
                Status::Fail,
                format!(
                    "表二「{label}」本年为{now}，上年（{year}年）为{last}，{how}。请核对数字和单位；如确有变化，请在报告中说明原因"
                ),
            )
        } else {
            (Status::Pass, format!("表二「{label}」本年为{now}，上年（{year}年）为{last}"))
        };
        out.push(result(
            &format!("plausible.jump.{}.{}", spec.key.row, spec.key.col),
            &format!("表二「{label}」与上年相比不应相差十倍以上"),
            status,
            explanation,
            vec![spec.key],
        ));
    }
}
