//! Labels and headings as real reports print them when they differ from the
//! format: stale templates, typos copied from template to template, the
//! notice's own wording. Importing a published report reads each variant as
//! the official label it stands for and says so, with the reason given here.
//!
//! Every `official` text is a label or heading of the format description
//! (checked by a test), so this is not a second list of labels, only a list
//! of misprints of the one list.

use super::{FormatVersion, TableId};

/// Where a variant may appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VariantPlace {
    /// A section heading (一 … 六).
    Heading,
    /// A label cell of 表二, 表三 or 表四.
    Label,
}

/// A way real reports print an official label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelVariant {
    pub place: VariantPlace,
    /// The official label or heading, as the format prints it.
    pub official: &'static str,
    /// The text as some reports print it.
    pub printed: &'static str,
    /// Why reports print it so, in Chinese, for the import report.
    pub reason: &'static str,
    /// The edition whose label it stands for (a 2019 label can be a
    /// leftover in a later report).
    pub edition: FormatVersion,
}

use FormatVersion::Official2021 as F2021;
use VariantPlace::{Heading, Label};

pub const VARIANTS: &[LabelVariant] = &[
    LabelVariant {
        place: Heading,
        official: "四、政府信息公开行政复议、行政诉讼情况",
        printed: "四、政府信息公开行政法复议、行政诉讼情况",
        reason: "模板中流传的错字：「行政复议」误作「行政法复议」",
        edition: F2021,
    },
    LabelVariant {
        place: Heading,
        official: "五、存在的主要问题及改进情况",
        printed: "五、存在的主要问题及改进措施",
        reason: "以「改进措施」代替格式的「改进情况」",
        edition: F2021,
    },
    LabelVariant {
        place: Heading,
        official: "五、存在的主要问题及改进情况",
        printed: "五、存在问题及改进情况",
        reason: "省略了格式标题中的「的主要」",
        edition: F2021,
    },
    LabelVariant {
        place: Heading,
        official: "二、主动公开政府信息情况",
        printed: "二、行政机关主动公开政府信息情况",
        reason: "用了通知正文（一、报告内容）的标题措辞",
        edition: F2021,
    },
    LabelVariant {
        place: Heading,
        official: "三、收到和处理政府信息公开申请情况",
        printed: "三、行政机关收到和处理政府信息公开申请情况",
        reason: "用了通知正文（一、报告内容）的标题措辞",
        edition: F2021,
    },
    LabelVariant {
        place: Heading,
        official: "四、政府信息公开行政复议、行政诉讼情况",
        printed: "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        reason: "用了通知正文（一、报告内容）的标题措辞",
        edition: F2021,
    },
    LabelVariant {
        place: Heading,
        official: "五、存在的主要问题及改进情况",
        printed: "五、政府信息公开工作存在的主要问题及改进情况",
        reason: "用了通知正文（一、报告内容）的标题措辞",
        edition: F2021,
    },
    LabelVariant {
        place: Label,
        official: "现行有效件数",
        printed: "先行有效件数",
        reason: "模板中流传的错字：「现行」误作「先行」",
        edition: F2021,
    },
    LabelVariant {
        place: Label,
        official: "本年废止件数",
        printed: "本年废纸件数",
        reason: "模板中流传的错字：「废止」误作「废纸」",
        edition: F2021,
    },
    LabelVariant {
        place: Label,
        official: "行政规范性文件",
        printed: "规范性文件",
        reason: "沿用 2019 年试行格式的行名「规范性文件」（2021 年格式改称「行政规范性文件」）",
        edition: F2021,
    },
    LabelVariant {
        place: Label,
        official: "2.其他法律行政法规禁止公开",
        printed: "2.其他法律行政止公开",
        reason: "模板中流传的错字：漏了「法规禁」",
        edition: F2021,
    },
    LabelVariant {
        place: Label,
        official: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        printed: "（本列数据的钩稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        reason: "「钩稽」是「勾稽」的另一种写法",
        edition: F2021,
    },
];

/// A cell of one edition that a report of the other edition still prints
/// (a stale template) and where its figure goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyMove {
    pub table: TableId,
    /// The edition the printed cell belongs to.
    pub from: FormatVersion,
    pub row: &'static str,
    /// `None`: every column, kept as it is.
    pub col: Option<&'static str>,
    pub to_row: &'static str,
    pub to_col: Option<&'static str>,
    /// What the import report says, in Chinese.
    pub reason: &'static str,
}

use FormatVersion::Trial2019 as F2019;

/// Where a 2019 trial-format cell goes in a report in the 2021 format. Cells
/// not listed have no place there and are listed in the import report.
pub const MOVES: &[KeyMove] = &[
    KeyMove {
        table: TableId::Table3,
        from: F2019,
        row: "other_handling",
        col: None,
        to_row: "other_misc",
        to_col: None,
        reason: "表三（六）其他处理只有一行（2019 年试行格式），已计入 3.其他",
    },
    KeyMove {
        table: TableId::Table2,
        from: F2019,
        row: "rules",
        col: Some("made"),
        to_row: "rules",
        to_col: Some("issued"),
        reason: "表二用的是 2019 年试行格式：规章「本年新制作数量」已计入「本年制发件数」",
    },
    KeyMove {
        table: TableId::Table2,
        from: F2019,
        row: "normative_docs",
        col: Some("made"),
        to_row: "normative_docs",
        to_col: Some("issued"),
        reason: "表二用的是 2019 年试行格式：规范性文件「本年新制作数量」已计入「本年制发件数」",
    },
    KeyMove {
        table: TableId::Table2,
        from: F2019,
        row: "licensing",
        col: Some("decisions"),
        to_row: "licensing",
        to_col: Some("decisions"),
        reason: "表二用的是 2019 年试行格式：行政许可「处理决定数量」即「本年处理决定数量」",
    },
    KeyMove {
        table: TableId::Table2,
        from: F2019,
        row: "penalty",
        col: Some("decisions"),
        to_row: "penalty",
        to_col: Some("decisions"),
        reason: "表二用的是 2019 年试行格式：行政处罚「处理决定数量」即「本年处理决定数量」",
    },
    KeyMove {
        table: TableId::Table2,
        from: F2019,
        row: "coercion",
        col: Some("decisions"),
        to_row: "coercion",
        to_col: Some("decisions"),
        reason: "表二用的是 2019 年试行格式：行政强制「处理决定数量」即「本年处理决定数量」",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{format, CellContent};

    #[test]
    fn every_official_text_is_one_of_the_format() {
        for v in VARIANTS {
            let f = format(v.edition);
            let known = match v.place {
                Heading => f.sections.iter().any(|s| s.heading == v.official),
                Label => f.tables().iter().any(|t| {
                    t.cells().any(|c| matches!(&c.content, CellContent::Label(l) if l.text == v.official))
                }),
            };
            assert!(known, "{} is not a {:?} of the {} format", v.official, v.place, v.edition.key());
            assert_ne!(v.official, v.printed);
            assert!(!v.reason.is_empty());
        }
    }

    #[test]
    fn every_move_goes_from_a_cell_of_one_edition_to_a_cell_of_the_other() {
        let cells = |v: FormatVersion, row: &str, col: Option<&str>| {
            format(v)
                .table(TableId::Table3)
                .fields
                .iter()
                .chain(&format(v).table(TableId::Table2).fields)
                .filter(|f| f.key.row == row && col.is_none_or(|c| f.key.col == c))
                .count()
        };
        for m in MOVES {
            assert_eq!(m.from, F2019);
            assert!(cells(F2019, m.row, m.col) > 0, "{m:?}");
            assert!(cells(F2021, m.to_row, m.to_col) > 0, "{m:?}");
        }
    }
}
