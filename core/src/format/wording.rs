//! How a rule is worded, as data: what it is about (its scope) and the terms
//! on each side. Titles (「表三「自然人」列：一 + 二 = （七）总计 + 四」) and the
//! checks' explanations are built from these parts, never parsed back out of a title.

use super::TableId;

/// What a rule is about: a row, a column or a block of one table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleScope {
    pub table: TableId,
    /// The row, column or block as the rule names it, e.g. 「自然人」, 「（二）部分公开」.
    pub name: String,
    pub kind: ScopeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// 「表三「（一）予以公开」行」
    Row,
    /// 「表三「自然人」列」
    Column,
    /// 「表四「行政复议」」: a block of columns, named alone.
    Block,
}

impl std::fmt::Display for RuleScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let suffix = match self.kind {
            ScopeKind::Row => "行",
            ScopeKind::Column => "列",
            ScopeKind::Block => "",
        };
        write!(f, "{}「{}」{suffix}", self.table.short_name(), self.name)
    }
}

/// The words of an equation `left = right`.
///
/// A side lists its terms, one per cell (「一」「二」; 「维持」「纠正」…), or, when
/// it adds up many cells, one term naming them together (「六类申请人之和」).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleWording {
    pub scope: RuleScope,
    pub left: Vec<String>,
    pub right: Vec<String>,
}

impl RuleWording {
    pub fn new(scope: RuleScope, left: &[&str], right: &[&str]) -> RuleWording {
        let terms = |side: &[&str]| side.iter().map(|t| t.to_string()).collect();
        RuleWording { scope, left: terms(left), right: terms(right) }
    }

    /// The rule as a title: 「表三「自然人」列：一 + 二 = （七）总计 + 四」.
    pub fn title(&self) -> String {
        format!("{}：{} = {}", self.scope, self.left.join(" + "), self.right.join(" + "))
    }
}
