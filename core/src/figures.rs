//! A report's numbers: every input cell read once, with the automatic totals
//! filled in. The checks and [`crate::totals`] work on this, so a keystroke
//! costs one pass over the cells and a few hundred additions.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use crate::format::{format, BalanceRule, FieldKey, FieldSpec, FormatVersion, SumRule};
use crate::model::Report;
use crate::value::{self, Decimal, Value, ValueError};

/// A sum rule with its cells as indices into [`Layout::fields`].
pub(crate) struct IndexedSum {
    pub rule: &'static SumRule,
    pub total: usize,
    pub parts: Vec<usize>,
}

pub(crate) struct IndexedBalance {
    pub rule: &'static BalanceRule,
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

/// One edition of the format, indexed for fast evaluation. Built once.
pub(crate) struct Layout {
    /// Every input cell, in document order.
    pub fields: Vec<&'static FieldSpec>,
    index: HashMap<FieldKey, usize>,
    pub sums: Vec<IndexedSum>,
    pub balances: Vec<IndexedBalance>,
    /// For each field, the first sum rule whose total it is.
    total_of: Vec<Option<usize>>,
    /// Sum rules in an order where every part is final before its total is computed.
    evaluation_order: Vec<usize>,
}

impl Layout {
    fn build(version: FormatVersion) -> Layout {
        let format = format(version);
        let fields: Vec<&'static FieldSpec> = format.fields().collect();
        let index: HashMap<FieldKey, usize> = fields.iter().enumerate().map(|(i, f)| (f.key, i)).collect();
        let at = |key: &FieldKey| index[key];
        let sums: Vec<IndexedSum> = format
            .sum_rules()
            .map(|rule| IndexedSum {
                rule,
                total: at(&rule.total),
                parts: rule.parts.iter().map(at).collect(),
            })
            .collect();
        let balances = format
            .balances
            .iter()
            .map(|rule| IndexedBalance {
                rule,
                left: rule.left.iter().map(at).collect(),
                right: rule.right.iter().map(at).collect(),
            })
            .collect();
        let mut total_of = vec![None; fields.len()];
        for (i, s) in sums.iter().enumerate() {
            total_of[s.total].get_or_insert(i);
        }
        let evaluation_order = evaluation_order(&sums, fields.len());
        Layout { fields, index, sums, balances, total_of, evaluation_order }
    }

    pub fn index_of(&self, key: FieldKey) -> Option<usize> {
        self.index.get(&key).copied()
    }

    /// Whether the cell is the total of a sum rule (computed when automatic totals are on).
    pub fn is_total(&self, field: usize) -> bool {
        self.total_of[field].is_some()
    }

    /// The sum rule that computes `field`, if any.
    pub fn rule_computing(&self, field: usize) -> Option<&IndexedSum> {
        self.total_of[field].map(|i| &self.sums[i])
    }
}

/// Orders the sum rules so that a total that is itself a part (表三's row
/// totals feed the 总计 column's （七）总计) is computed first.
fn evaluation_order(sums: &[IndexedSum], field_count: usize) -> Vec<usize> {
    let mut unresolved_rules = vec![0usize; field_count];
    for s in sums {
        unresolved_rules[s.total] += 1;
    }
    let mut order = Vec::with_capacity(sums.len());
    let mut done = vec![false; sums.len()];
    while order.len() < sums.len() {
        let before = order.len();
        for (i, s) in sums.iter().enumerate() {
            if !done[i] && s.parts.iter().all(|&p| unresolved_rules[p] == 0) {
                done[i] = true;
                unresolved_rules[s.total] -= 1;
                order.push(i);
            }
        }
        assert!(order.len() > before, "the format's sum rules depend on each other in a cycle");
    }
    order
}

static LAYOUT_2019: LazyLock<Layout> = LazyLock::new(|| Layout::build(FormatVersion::Trial2019));
static LAYOUT_2021: LazyLock<Layout> = LazyLock::new(|| Layout::build(FormatVersion::Official2021));

pub(crate) fn layout(version: FormatVersion) -> &'static Layout {
    match version {
        FormatVersion::Trial2019 => &LAYOUT_2019,
        FormatVersion::Official2021 => &LAYOUT_2021,
    }
}

/// What one cell holds once read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cell<'a> {
    Blank,
    Number(Value),
    /// Text that is not a valid value, with why.
    Invalid(&'a str, ValueError),
}

impl Cell<'_> {
    pub fn number(self) -> Option<Decimal> {
        match self {
            Cell::Number(v) => Some(v.to_decimal()),
            _ => None,
        }
    }
}

/// The cells of one report, read, with automatic totals applied.
pub(crate) struct Figures<'a> {
    pub layout: &'static Layout,
    pub cells: Vec<Cell<'a>>,
    /// Whether the totals were computed rather than read.
    pub auto_totals: bool,
}

impl<'a> Figures<'a> {
    pub fn read(report: &'a Report) -> Figures<'a> {
        let layout = layout(report.format);
        // Fields come row by row, so each row's map is looked up once.
        let mut row: Option<(FieldKey, Option<&'a BTreeMap<String, String>>)> = None;
        let mut cells: Vec<Cell<'a>> = Vec::with_capacity(layout.fields.len());
        for f in &layout.fields {
            let same_row = row.is_some_and(|(k, _)| k.table == f.key.table && k.row == f.key.row);
            if !same_row {
                row = Some((f.key, report.table(f.key.table).0.get(f.key.row)));
            }
            let raw = row.and_then(|(_, cols)| cols?.get(f.key.col));
            cells.push(match raw {
                None => Cell::Blank,
                Some(raw) => match value::parse(f.kind, raw) {
                    Ok(None) => Cell::Blank,
                    Ok(Some(v)) => Cell::Number(v),
                    Err(e) => Cell::Invalid(raw, e),
                },
            });
        }
        if report.auto_totals {
            for &i in &layout.evaluation_order {
                let s = &layout.sums[i];
                let sum = sum_of(&cells, &s.parts);
                let kind = layout.fields[s.total].kind;
                cells[s.total] = match sum.and_then(|d| Value::from_decimal(kind, d)) {
                    Some(v) => Cell::Number(v),
                    None => Cell::Blank,
                };
            }
        }
        Figures { layout, cells, auto_totals: report.auto_totals }
    }

    /// Whether the cell was computed from its parts rather than typed.
    pub fn is_computed(&self, field: usize) -> bool {
        self.auto_totals && self.layout.is_total(field)
    }

    /// The sum of `fields`, or `None` when one of them is blank or invalid.
    pub fn sum(&self, fields: &[usize]) -> Option<Decimal> {
        sum_of(&self.cells, fields)
    }

    /// The typed cells that keep `fields` from adding up: blank or invalid
    /// ones, followed through computed totals to the parts they come from.
    pub fn missing(&self, fields: &[usize], out: &mut Vec<usize>) {
        for &f in fields {
            match self.cells[f] {
                Cell::Number(_) => {}
                _ if self.is_computed(f) => {
                    if let Some(rule) = self.layout.rule_computing(f) {
                        self.missing(&rule.parts, out);
                    }
                }
                _ => {
                    if !out.contains(&f) {
                        out.push(f);
                    }
                }
            }
        }
    }
}

fn sum_of(cells: &[Cell<'_>], fields: &[usize]) -> Option<Decimal> {
    fields.iter().try_fold(Decimal::ZERO, |acc, &f| acc.checked_add(cells[f].number()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{table3, TableId};

    #[test]
    fn row_totals_are_computed_before_the_total_column_sum() {
        for v in [FormatVersion::Trial2019, FormatVersion::Official2021] {
            let l = layout(v);
            let pos = |id: &str| {
                let rule = l.sums.iter().position(|s| s.rule.id == id).unwrap();
                l.evaluation_order.iter().position(|&i| i == rule).unwrap()
            };
            assert!(pos("t3.row.granted") < pos("t3.col.total"));
            assert!(pos("t3.col.natural") < pos("t3.row.total_handled"));
            assert_eq!(l.evaluation_order.len(), l.sums.len());
        }
    }

    #[test]
    fn every_field_is_indexed_in_document_order() {
        let l = layout(FormatVersion::Official2021);
        assert_eq!(l.fields.len(), format(FormatVersion::Official2021).fields().count());
        let key = FieldKey::new(TableId::Table3, table3::TOTAL_HANDLED, table3::TOTAL_COL);
        let i = l.index_of(key).unwrap();
        assert_eq!(l.fields[i].key, key);
        assert!(l.is_total(i));
    }
}
