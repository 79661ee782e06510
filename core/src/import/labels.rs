//! The labels of the three tables, read from the one format description,
//! indexed by their canonical text, with the printed variants.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::format::variants::{LabelVariant, VariantPlace, VARIANTS};
use crate::format::{format, table4, CellContent, FormatVersion, LabelStyle, TableId};

use super::normalize::norm;

/// What a label is in its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The label of a data row (表四: of a block of five cells).
    Row(&'static str),
    /// A column heading; the column key when it heads one input column.
    Column(Option<&'static str>),
    /// 表二's 「信息内容」, which starts a row of column headings.
    HeaderStart,
    /// A band, a row group or the 勾稽 note: context only.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    pub table: TableId,
    pub edition: FormatVersion,
    pub role: Role,
    /// The label as the format prints it.
    pub official: &'static str,
}

/// A resolved label: what it is, and the variant it was printed as.
#[derive(Clone, Copy, Debug)]
pub struct Resolved {
    pub known: Known,
    pub variant: Option<&'static LabelVariant>,
    /// A row label of the other edition, when the label is not a row in this one
    /// (the 2019 single-row （六）其他处理 in a 2021 report).
    pub other_row: Option<Known>,
}

struct Index {
    by_text: HashMap<String, Vec<Known>>,
    /// Label variants by their canonical printed text, with the canonical
    /// official label each stands for.
    variants: HashMap<String, Vec<(&'static LabelVariant, String)>>,
}

static INDEX: LazyLock<Index> = LazyLock::new(build);

const EDITIONS: [FormatVersion; 2] = [FormatVersion::Official2021, FormatVersion::Trial2019];

fn build() -> Index {
    let mut by_text: HashMap<String, Vec<Known>> = HashMap::new();
    fn add(by_text: &mut HashMap<String, Vec<Known>>, text: &'static str, known: Known) {
        let list = by_text.entry(norm(text)).or_default();
        if !list.contains(&known) {
            list.push(known);
        }
    }
    for edition in EDITIONS {
        for spec in format(edition).tables() {
            let table = spec.id;
            let occupancy = spec.occupancy();
            for (g, row) in occupancy.iter().enumerate() {
                // The last label covering a row with input cells is that row's own label.
                let field_row = row.iter().flatten().find_map(|c| match c.content {
                    CellContent::Field(key) => Some(key.row),
                    CellContent::Label(_) => None,
                });
                let mut labels: Vec<_> = Vec::new();
                for cell in row.iter().flatten() {
                    if let CellContent::Label(l) = cell.content {
                        if labels.last().is_none_or(|&(t, _, _)| t != l.text) {
                            labels.push((l.text, l.style, cell.row == g));
                        }
                    }
                }
                let own = labels.iter().rposition(|&(_, s, _)| {
                    matches!(s, LabelStyle::RowHeader | LabelStyle::RowGroup | LabelStyle::Vertical)
                });
                for (i, &(text, style, _)) in labels.iter().enumerate() {
                    let role = match style {
                        _ if Some(i) == own && field_row.is_some() && table != TableId::Table4 => {
                            Role::Row(field_row.unwrap_or_default())
                        }
                        LabelStyle::ColumnHeader if text == "信息内容" => Role::HeaderStart,
                        LabelStyle::ColumnHeader => Role::Column(column_key(edition, table, text)),
                        _ => Role::Other,
                    };
                    add(&mut by_text, text, Known { table, edition, role, official: text });
                }
            }
        }
        // 表四's blocks are rows of five cells under their heading.
        for (key, label, _) in table4::BLOCKS {
            let list = by_text.entry(norm(label)).or_default();
            list.retain(|k| !(k.table == TableId::Table4 && k.edition == edition));
            list.push(Known { table: TableId::Table4, edition, role: Role::Row(key), official: label });
        }
    }
    let mut variants: HashMap<String, Vec<(&'static LabelVariant, String)>> = HashMap::new();
    for v in VARIANTS.iter().filter(|v| v.place == VariantPlace::Label) {
        variants.entry(norm(v.printed)).or_default().push((v, norm(v.official)));
    }
    Index { by_text, variants }
}

fn column_key(edition: FormatVersion, table: TableId, label: &str) -> Option<&'static str> {
    format(edition).table(table).fields.iter().find(|f| f.col_label == label).map(|f| f.key.col)
}

/// Reads `text` as a label of `table`, preferring `edition`.
pub fn resolve(table: TableId, text: &str, edition: FormatVersion) -> Option<Resolved> {
    resolve_canonical(table, &norm(text), edition)
}

/// [`resolve`] for a text already in canonical form ([`norm`]): a table's
/// texts are normalised once, however many tables and editions they are tried against.
pub fn resolve_canonical(table: TableId, n: &str, edition: FormatVersion) -> Option<Resolved> {
    if n.is_empty() {
        return None;
    }
    let found = |n: &str| -> &'static [Known] { INDEX.by_text.get(n).map_or(&[], Vec::as_slice) };
    let of_table = |list: &'static [Known]| list.iter().filter(move |k| k.table == table);
    let pick = |list: &'static [Known]| {
        of_table(list)
            .find(|k| k.edition == edition && matches!(k.role, Role::Row(_)))
            .or_else(|| of_table(list).find(|k| k.edition == edition))
            .copied()
    };
    let exact = found(n);
    if let Some(known) = pick(exact) {
        let other_row = (!matches!(known.role, Role::Row(_)))
            .then(|| of_table(exact).find(|k| k.edition != edition && matches!(k.role, Role::Row(_))))
            .flatten()
            .copied();
        return Some(Resolved { known, variant: None, other_row });
    }
    for (v, official) in INDEX.variants.get(n).map_or(&[][..], Vec::as_slice) {
        if let Some(known) = pick(found(official)) {
            return Some(Resolved { known, variant: Some(v), other_row: None });
        }
    }
    // A label of the other edition only (a stale template).
    of_table(exact).next().map(|&known| Resolved { known, variant: None, other_row: None })
}

/// How well `texts` (in canonical form, [`norm`]) read as the labels of
/// `table`: the number of distinct labels met.
pub fn score(table: TableId, texts: &[String]) -> usize {
    let mut seen: Vec<&'static str> = Vec::new();
    for t in texts {
        for edition in EDITIONS {
            if let Some(r) = resolve_canonical(table, t, edition) {
                if !seen.contains(&r.known.official) {
                    seen.push(r.known.official);
                }
            }
        }
    }
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::table3;

    const F21: FormatVersion = FormatVersion::Official2021;

    #[test]
    fn rows_columns_and_context() {
        let r = resolve(TableId::Table3, "(三) 不予公开", F21).unwrap();
        assert_eq!(r.known.role, Role::Other);
        let r = resolve(TableId::Table3, "1、属于国家秘密", F21).unwrap();
        assert_eq!(r.known.role, Role::Row("withheld_state_secret"));
        let r = resolve(TableId::Table3, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", F21)
            .unwrap();
        assert_eq!(r.known.role, Role::Row("partly_granted"));
        assert_eq!(
            resolve(TableId::Table3, "商业企业", F21).unwrap().known.role,
            Role::Column(Some("business"))
        );
        assert_eq!(resolve(TableId::Table3, table3::NOTE, F21).unwrap().known.role, Role::Other);
        assert_eq!(resolve(TableId::Table2, "信息内容", F21).unwrap().known.role, Role::HeaderStart);
        assert_eq!(
            resolve(TableId::Table4, "复议后起诉", F21).unwrap().known.role,
            Role::Row("suit_after_review")
        );
        assert_eq!(
            resolve(TableId::Table4, "结果纠正", F21).unwrap().known.role,
            Role::Column(Some("corrected"))
        );
        assert!(resolve(TableId::Table3, "行政许可", F21).is_none());
    }

    #[test]
    fn variants_and_the_other_edition() {
        let r = resolve(TableId::Table2, "先行有效件数", F21).unwrap();
        assert_eq!(r.known.role, Role::Column(Some("in_force")));
        assert_eq!(r.variant.unwrap().printed, "先行有效件数");
        let r = resolve(TableId::Table2, "规范性文件", F21).unwrap();
        assert_eq!(r.known.role, Role::Row("normative_docs"));
        assert_eq!(r.known.edition, F21);
        assert!(r.variant.is_some());
        // A 2019 column in a 2021 report.
        let r = resolve(TableId::Table2, "本年新制作数量", F21).unwrap();
        assert_eq!((r.known.edition, r.known.role), (FormatVersion::Trial2019, Role::Column(Some("made"))));
        // The single-row （六） of 2019.
        let r = resolve(TableId::Table3, "(六)其他处理", F21).unwrap();
        assert_eq!(r.known.role, Role::Other);
        assert_eq!(r.other_row.unwrap().role, Role::Row("other_handling"));
        let r = resolve(
            TableId::Table3,
            "（本列数据的钩稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            F21,
        );
        assert!(r.unwrap().variant.is_some());
    }
}
