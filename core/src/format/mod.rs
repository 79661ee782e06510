//! The official report format, described once, as data.
//!
//! Every consumer (the input grid, the checks, the preview, the DOCX) reads the
//! [`Format`] returned by [`format`]: stable row and column keys, labels copied
//! verbatim from the notices, the printed grid with its merges, each input
//! cell's value kind, and the sum rules that tie the cells together.

mod grid;
pub mod keys;
mod sections;
pub mod table2;
pub mod table3;
pub mod table4;
pub mod variants;
mod wording;

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

pub use grid::{CellContent, GridCell, Label, LabelStyle, TableSpec};
pub use sections::{NarrativeKey, SectionBody, SectionSpec};
pub use wording::{RuleScope, RuleWording, ScopeKind};

/// Which edition of the official format a report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FormatVersion {
    /// 国办公开办函〔2019〕60号, the trial format used for the 2019 and 2020 reports.
    #[serde(rename = "2019")]
    Trial2019,
    /// 国办公开办函〔2021〕30号, used from the 2021 reports on.
    #[serde(rename = "2021")]
    Official2021,
}

impl FormatVersion {
    /// The format a report for `year` must use.
    pub fn for_report_year(year: u16) -> FormatVersion {
        if year <= 2020 {
            FormatVersion::Trial2019
        } else {
            FormatVersion::Official2021
        }
    }

    /// The notice that defines this format, e.g. 「国办公开办函〔2021〕30号」.
    pub fn notice(self) -> &'static str {
        match self {
            FormatVersion::Trial2019 => "国办公开办函〔2019〕60号",
            FormatVersion::Official2021 => "国办公开办函〔2021〕30号",
        }
    }

    /// Stable key used in draft files: "2019" or "2021".
    pub fn key(self) -> &'static str {
        match self {
            FormatVersion::Trial2019 => "2019",
            FormatVersion::Official2021 => "2021",
        }
    }
}

/// The three statistical tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TableId {
    /// 二、主动公开政府信息情况
    Table2,
    /// 三、收到和处理政府信息公开申请情况
    Table3,
    /// 四、政府信息公开行政复议、行政诉讼情况
    Table4,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::Table2, TableId::Table3, TableId::Table4];

    /// Key of the table in the draft JSON ("table2", …).
    pub fn key(self) -> &'static str {
        match self {
            TableId::Table2 => "table2",
            TableId::Table3 => "table3",
            TableId::Table4 => "table4",
        }
    }

    /// Short Chinese name used in messages, e.g. 「表三」.
    pub fn short_name(self) -> &'static str {
        match self {
            TableId::Table2 => "表二",
            TableId::Table3 => "表三",
            TableId::Table4 => "表四",
        }
    }
}

/// What an input cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// A non-negative whole number of items (件, 条, 个).
    Count,
    /// A signed whole number: the 2019 format's 「本年增/减」.
    Delta,
    /// A non-negative exact decimal amount, up to 6 decimal places (万元 or 元).
    Amount,
}

/// The address of one input cell: table, row key, column key.
///
/// Its [`path`](FieldKey::path) is the cell's path in the draft JSON, e.g.
/// `table3.granted.natural`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldKey {
    pub table: TableId,
    pub row: &'static str,
    pub col: &'static str,
}

impl FieldKey {
    pub const fn new(table: TableId, row: &'static str, col: &'static str) -> FieldKey {
        FieldKey { table, row, col }
    }

    /// Dotted path of the value in the draft JSON.
    pub fn path(&self) -> String {
        format!("{}.{}.{}", self.table.key(), self.row, self.col)
    }
}

impl std::fmt::Display for FieldKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.table.key(), self.row, self.col)
    }
}

/// One input cell of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: FieldKey,
    pub kind: ValueKind,
    /// The row as a reader names it, e.g. 「（三）不予公开 1.属于国家秘密」.
    pub row_label: String,
    /// The column as a reader names it, e.g. 「自然人」.
    pub col_label: String,
}

impl FieldSpec {
    /// Accessible name of the input, e.g. 「（三）不予公开 1.属于国家秘密 · 自然人」.
    pub fn accessible_label(&self) -> String {
        format!("{} · {}", self.row_label, self.col_label)
    }
}

/// `total` must equal the sum of `parts`. With automatic totals on, `total`
/// is computed from `parts` instead of typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SumRule {
    /// Stable id, e.g. "t3.row.granted" (the row total) or "t3.col.natural".
    pub id: String,
    pub total: FieldKey,
    pub parts: Vec<FieldKey>,
    /// Its words: scope 「表三「（一）予以公开」行」, 「总计」 = 「六类申请人之和」.
    pub wording: RuleWording,
}

impl SumRule {
    /// e.g. 「表三「（一）予以公开」行：总计 = 六类申请人之和」.
    pub fn title(&self) -> String {
        self.wording.title()
    }
}

/// `left` terms must add up to the same as `right` terms (表三's header note).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BalanceRule {
    /// Stable id, e.g. "t3.balance.natural".
    pub id: String,
    pub left: Vec<FieldKey>,
    pub right: Vec<FieldKey>,
    /// Its words, one term per cell: 「一」「二」 = 「（七）总计」「四」.
    pub wording: RuleWording,
}

impl BalanceRule {
    /// e.g. 「表三「自然人」列：一 + 二 = （七）总计 + 四」.
    pub fn title(&self) -> String {
        self.wording.title()
    }
}

/// A whole edition of the format.
#[derive(Debug)]
pub struct Format {
    pub version: FormatVersion,
    pub sections: Vec<SectionSpec>,
    pub table2: TableSpec,
    pub table3: TableSpec,
    pub table4: TableSpec,
    /// Equations that are not plain sums: 表三's 一 + 二 = （七）总计 + 四.
    pub balances: Vec<BalanceRule>,
}

impl Format {
    pub fn table(&self, id: TableId) -> &TableSpec {
        match id {
            TableId::Table2 => &self.table2,
            TableId::Table3 => &self.table3,
            TableId::Table4 => &self.table4,
        }
    }

    pub fn tables(&self) -> [&TableSpec; 3] {
        [&self.table2, &self.table3, &self.table4]
    }

    /// Every input cell of every table, in document order.
    pub fn fields(&self) -> impl Iterator<Item = &FieldSpec> {
        self.tables().into_iter().flat_map(|t| t.fields.iter())
    }

    pub fn field(&self, key: FieldKey) -> Option<&FieldSpec> {
        self.table(key.table).field(key)
    }

    /// Finds a field by its JSON path (`table3.granted.natural`).
    pub fn field_by_path(&self, path: &str) -> Option<&FieldSpec> {
        self.fields().find(|f| f.key.path() == path)
    }

    /// Every sum rule of every table.
    pub fn sum_rules(&self) -> impl Iterator<Item = &SumRule> {
        self.tables().into_iter().flat_map(|t| t.sums.iter())
    }
}

static TRIAL_2019: LazyLock<Format> = LazyLock::new(|| build(FormatVersion::Trial2019));
static OFFICIAL_2021: LazyLock<Format> = LazyLock::new(|| build(FormatVersion::Official2021));

/// The description of one edition of the format.
pub fn format(version: FormatVersion) -> &'static Format {
    match version {
        FormatVersion::Trial2019 => &TRIAL_2019,
        FormatVersion::Official2021 => &OFFICIAL_2021,
    }
}

fn build(version: FormatVersion) -> Format {
    Format {
        version,
        sections: sections::sections(version),
        table2: table2::spec(version),
        table3: table3::spec(version),
        table4: table4::spec(),
        balances: table3::balance_rules(),
    }
}

/// Width of the GB/T 9704 text block (版心), 156 mm, in twips.
pub const TEXT_BLOCK_TWIPS: u32 = 8844;

#[cfg(test)]
mod tests;
