//! What a report is: the unit, the year, the six sections and the closing parts.
//!
//! Table cells hold the text the user typed, exactly; [`crate::value`] parses
//! it. Keeping the raw text is what lets the editor show a rejected entry with
//! its message instead of losing it. A blank cell is absent, never 0.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::format::{FieldKey, FormatVersion, NarrativeKey, TableId};

/// The administrative level of the reporting unit; it decides, for one,
/// whether the unit can make 规章 at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitLevel {
    NationalDepartment,
    ProvincialGovernment,
    CityGovernment,
    CountyGovernment,
    LocalDepartment,
    Township,
    Other,
}

impl UnitLevel {
    pub const ALL: [UnitLevel; 7] = [
        UnitLevel::NationalDepartment,
        UnitLevel::ProvincialGovernment,
        UnitLevel::CityGovernment,
        UnitLevel::CountyGovernment,
        UnitLevel::LocalDepartment,
        UnitLevel::Township,
        UnitLevel::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            UnitLevel::NationalDepartment => "国务院部门",
            UnitLevel::ProvincialGovernment => "省级人民政府",
            UnitLevel::CityGovernment => "设区的市级人民政府",
            UnitLevel::CountyGovernment => "县级人民政府",
            UnitLevel::LocalDepartment => "县级以上地方人民政府部门",
            UnitLevel::Township => "乡镇人民政府、街道办事处",
            UnitLevel::Other => "其他（管委会、片区等）",
        }
    }

    /// Key in the draft JSON.
    pub fn key(self) -> &'static str {
        match self {
            UnitLevel::NationalDepartment => "national_department",
            UnitLevel::ProvincialGovernment => "provincial_government",
            UnitLevel::CityGovernment => "city_government",
            UnitLevel::CountyGovernment => "county_government",
            UnitLevel::LocalDepartment => "local_department",
            UnitLevel::Township => "township",
            UnitLevel::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<UnitLevel> {
        UnitLevel::ALL.into_iter().find(|l| l.key() == key)
    }

    /// 规章 are made only by 国务院部门 (部门规章) and by provincial and
    /// 设区的市 governments (地方政府规章, 立法法第九十三条).
    pub fn can_make_rules(self) -> bool {
        matches!(
            self,
            UnitLevel::NationalDepartment | UnitLevel::ProvincialGovernment | UnitLevel::CityGovernment
        )
    }
}

/// How the title is worded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleForm {
    /// 「<机关><年度>年政府信息公开工作年度报告」
    #[default]
    Annual,
    /// 「<机关>关于报送<年度>年政府信息公开工作的报告」, sent to the level above.
    Submission,
}

/// The cells of one table: row key → column key → the text as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TableValues(pub BTreeMap<String, BTreeMap<String, String>>);

impl TableValues {
    pub fn get(&self, row: &str, col: &str) -> Option<&str> {
        self.0.get(row).and_then(|r| r.get(col)).map(String::as_str)
    }

    /// Stores `raw`; text that is empty after trimming clears the cell.
    pub fn set(&mut self, row: &str, col: &str, raw: &str) {
        if raw.trim().is_empty() {
            if let Some(r) = self.0.get_mut(row) {
                r.remove(col);
                if r.is_empty() {
                    self.0.remove(row);
                }
            }
        } else {
            self.0.entry(row.to_string()).or_default().insert(col.to_string(), raw.to_string());
        }
    }
}

/// The free-text sections 一, 五 and 六.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Narratives {
    pub overview: String,
    pub problems: String,
    pub other: String,
}

impl Narratives {
    pub fn get(&self, key: NarrativeKey) -> &str {
        match key {
            NarrativeKey::Overview => &self.overview,
            NarrativeKey::Problems => &self.problems,
            NarrativeKey::Other => &self.other,
        }
    }

    pub fn get_mut(&mut self, key: NarrativeKey) -> &mut String {
        match key {
            NarrativeKey::Overview => &mut self.overview,
            NarrativeKey::Problems => &mut self.problems,
            NarrativeKey::Other => &mut self.other,
        }
    }
}

/// The optional paragraph printed before each table, under 二、三、四
/// (many real reports say a word on 主动公开, the applications handled or
/// 复议/诉讼 there). Empty when none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableIntros {
    pub table2: String,
    pub table3: String,
    pub table4: String,
}

impl TableIntros {
    pub fn get(&self, id: TableId) -> &str {
        match id {
            TableId::Table2 => &self.table2,
            TableId::Table3 => &self.table3,
            TableId::Table4 => &self.table4,
        }
    }

    pub fn get_mut(&mut self, id: TableId) -> &mut String {
        match id {
            TableId::Table2 => &mut self.table2,
            TableId::Table3 => &mut self.table3,
            TableId::Table4 => &mut self.table4,
        }
    }
}

/// What the cross-year checks need from last year's report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousYear {
    pub year: u16,
    /// Last year's 表三 「四、结转下年度继续办理」, column key → text.
    pub carried_forward: BTreeMap<String, String>,
    /// Last year's 表二 「现行有效件数」 (2021 format), row key → text.
    pub in_force: BTreeMap<String, String>,
    /// Last year's 表二 as read (row key → column key → text), for the
    /// year-on-year jumps; its keys are 表二's in either edition (draft format 3).
    #[serde(default)]
    pub table2: TableValues,
    /// Last year's 总计 column of 表三, row key → text (draft format 3).
    #[serde(default)]
    pub table3_totals: BTreeMap<String, String>,
    /// Last year's 总计 column of 表四, row key → text (draft format 3).
    #[serde(default)]
    pub table4_totals: BTreeMap<String, String>,
}

/// A warning the user has looked into and marked 「已核实」, with a note. It
/// holds what the warning was about, so it lapses as soon as that changes
/// (see [`crate::checks::verified`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verified {
    /// The check's id, e.g. 「cross.in_force.normative_docs」.
    pub check: String,
    /// Each cell the check involves (path → value as read; `""` blank).
    pub figures: BTreeMap<String, String>,
    /// The passage of the text the warning quotes; for a warning on neither
    /// cells nor text, its explanation.
    pub quote: String,
    /// Why the figures are right, e.g. 「已在第一部分说明清理情况」; may be empty.
    pub note: String,
}

/// One annual report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// 机关名称, as it appears in the title.
    pub unit_name: String,
    pub unit_level: Option<UnitLevel>,
    /// 报告年度: the year the statistics cover.
    pub year: u16,
    /// The format edition; follows the year unless a report is transcribed as published.
    pub format: FormatVersion,
    /// 发文字号, e.g. 「尔政字〔2022〕8号」; empty when none.
    #[serde(default)]
    pub doc_number: String,
    #[serde(default)]
    pub title_form: TitleForm,
    /// 主送机关, e.g. 「神木市政府办」; empty when none.
    #[serde(default)]
    pub addressee: String,
    /// Opening paragraph before 一 (e.g. 「本报告由…编制…」); empty when none.
    #[serde(default)]
    pub preamble: String,
    #[serde(default)]
    pub sections: Narratives,
    /// The paragraphs before 表二、表三、表四 (draft format version 2).
    #[serde(default)]
    pub table_intros: TableIntros,
    #[serde(default)]
    pub table2: TableValues,
    #[serde(default)]
    pub table3: TableValues,
    #[serde(default)]
    pub table4: TableValues,
    /// 落款机关; empty means the unit name.
    #[serde(default)]
    pub signature_org: String,
    /// 成文日期 as `YYYY-MM-DD`; empty when not yet set.
    #[serde(default)]
    pub signature_date: String,
    /// 版记: 印发机关; empty when the report has no 版记.
    #[serde(default)]
    pub imprint_org: String,
    /// 版记: 印发日期 as `YYYY-MM-DD`.
    #[serde(default)]
    pub imprint_date: String,
    /// Compute 总计 cells from their parts instead of typing them.
    #[serde(default = "default_true")]
    pub auto_totals: bool,
    /// Last year's figures, when known: switches on the cross-year checks.
    #[serde(default)]
    pub previous: Option<PreviousYear>,
    /// Warnings marked 「已核实」 (draft format version 3).
    #[serde(default)]
    pub verified: Vec<Verified>,
}

fn default_true() -> bool {
    true
}

impl Report {
    /// An empty report for `year`, in the format that year requires.
    pub fn new(year: u16) -> Report {
        Report {
            unit_name: String::new(),
            unit_level: None,
            year,
            format: FormatVersion::for_report_year(year),
            doc_number: String::new(),
            title_form: TitleForm::Annual,
            addressee: String::new(),
            preamble: String::new(),
            sections: Narratives::default(),
            table_intros: TableIntros::default(),
            table2: TableValues::default(),
            table3: TableValues::default(),
            table4: TableValues::default(),
            signature_org: String::new(),
            signature_date: String::new(),
            imprint_org: String::new(),
            imprint_date: String::new(),
            auto_totals: true,
            previous: None,
            verified: Vec::new(),
        }
    }

    pub fn table(&self, id: TableId) -> &TableValues {
        match id {
            TableId::Table2 => &self.table2,
            TableId::Table3 => &self.table3,
            TableId::Table4 => &self.table4,
        }
    }

    pub fn table_mut(&mut self, id: TableId) -> &mut TableValues {
        match id {
            TableId::Table2 => &mut self.table2,
            TableId::Table3 => &mut self.table3,
            TableId::Table4 => &mut self.table4,
        }
    }

    /// The text typed into a cell; `None` when blank.
    pub fn raw(&self, key: FieldKey) -> Option<&str> {
        self.table(key.table).get(key.row, key.col)
    }

    pub fn set_raw(&mut self, key: FieldKey, raw: &str) {
        self.table_mut(key.table).set(key.row, key.col, raw)
    }

    /// [`set_raw`](Self::set_raw), telling whether what the cell holds changed (a keystroke's
    /// edit, which needs no copy of the report to find out).
    pub fn replace_raw(&mut self, key: FieldKey, raw: &str) -> bool {
        let kept = (!raw.trim().is_empty()).then_some(raw);
        if self.raw(key) == kept {
            return false;
        }
        self.set_raw(key, raw);
        true
    }

    /// The title as printed.
    pub fn title(&self) -> String {
        match self.title_form {
            TitleForm::Annual => format!("{}{}年政府信息公开工作年度报告", self.unit_name, self.year),
            TitleForm::Submission => {
                format!("{}关于报送{}年政府信息公开工作的报告", self.unit_name, self.year)
            }
        }
    }

    /// 落款机关 as printed: the unit name unless another was given.
    pub fn signing_org(&self) -> &str {
        if self.signature_org.trim().is_empty() {
            &self.unit_name
        } else {
            &self.signature_org
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_raw_tells_whether_the_cell_changed() {
        let key = FieldKey::new(TableId::Table3, "granted", "natural");
        let mut r = Report::new(2024);
        assert!(r.replace_raw(key, "27"));
        assert!(!r.replace_raw(key, "27"), "the same text again");
        assert!(r.replace_raw(key, "27 "), "kept as typed, as set_raw keeps it");
        assert_eq!(r.raw(key), Some("27 "));
        assert!(r.replace_raw(key, "  "), "blank clears the cell");
        assert_eq!(r.raw(key), None);
        assert!(!r.replace_raw(key, ""), "a blank cell stays blank");
        r.table3.0.entry("granted".into()).or_default().insert("natural".into(), " ".into());
        assert!(r.replace_raw(key, ""), "a stored blank (an old draft) is cleared");
        assert_eq!(r.raw(key), None);
    }
}
