//! A parent report (the 本级 report, or one the office was sent) against the
//! sum of its children: every cell where they differ, with both values.

use super::sum::Summation;
use crate::figures::Figures;
use crate::format::{format, FieldKey};
use crate::model::Report;
use crate::value::Decimal;

/// One cell where the parent does not equal the sum of the children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub key: FieldKey,
    /// 「一、本年新收政府信息公开申请数量 · 自然人」.
    pub label: String,
    /// The parent's figure; `None` when it left the cell blank or invalid.
    pub parent: Option<Decimal>,
    pub children: Decimal,
}

impl Mismatch {
    /// 「表三「一、本年新收… · 自然人」：本级 12，下级合计 10，相差 2」.
    pub fn explanation(&self) -> String {
        let table = self.key.table.short_name();
        match self.parent {
            Some(p) => {
                let gap = p.checked_sub(self.children).map_or(Decimal::ZERO, Decimal::abs);
                format!("{table}「{}」：本级 {p}，下级合计 {}，相差 {gap}", self.label, self.children)
            }
            None => format!("{table}「{}」：本级未填写，下级合计 {}", self.label, self.children),
        }
    }
}

/// Cells where `parent` differs from `children` (a [`Summation`] of the
/// child units). Cells the children leave blank cannot be judged and are not
/// listed. An error when the two use different editions of the format.
pub fn compare(parent: &Report, children: &Summation) -> Result<Vec<Mismatch>, String> {
    if parent.format != children.report.format {
        return Err(format!(
            "本级报告「{}」使用{}的格式，与汇总的格式（{}）不同，无法逐格比较",
            parent.unit_name,
            parent.format.notice(),
            children.report.format.notice()
        ));
    }
    let figures = Figures::read(parent);
    let spec = format(parent.format);
    let mut out = Vec::new();
    for (i, &(key, sum)) in children.cells.iter().enumerate() {
        let Some(children_sum) = sum else { continue };
        let own = figures.cells[i].number();
        if own != Some(children_sum) {
            let label = spec.field(key).map(|f| f.accessible_label()).unwrap_or_else(|| key.path());
            out.push(Mismatch { key, label, parent: own, children: children_sum });
        }
    }
    Ok(out)
}
