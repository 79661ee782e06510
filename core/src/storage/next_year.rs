//! Starting this year's report from last year's.
//!
//! What carries over: the unit's details, 表三 「二、上年结转」 from last
//! year's 「四、结转下年度继续办理」, and what the cross-year checks compare
//! against ([`PreviousYear`]). What does not: the narratives. Copied
//! narratives are the best-known defect of these reports (年年雷同), so last
//! year's text is only offered as a [`NarrativeReference`] to read beside the
//! new one.

use serde::{Deserialize, Serialize};

use crate::checks::previous_year;
use crate::format::{table3, FieldKey, TableId};
use crate::model::{Narratives, Report, TableIntros};

/// This year's report, started from `last`. 上年结转 is filled from last
/// year's 结转下年度 with its totals computed, so a 总计 the user never typed
/// still carries over.
pub fn next_year(last: &Report) -> Report {
    let previous = previous_year(last);
    let mut next = Report::new(last.year.saturating_add(1));
    next.unit_name = last.unit_name.clone();
    next.unit_level = last.unit_level;
    next.title_form = last.title_form;
    next.addressee = last.addressee.clone();
    next.signature_org = last.signature_org.clone();
    next.imprint_org = last.imprint_org.clone();
    for (col, _) in table3::COLUMNS {
        if let Some(text) = previous.carried_forward.get(col) {
            next.set_raw(FieldKey::new(TableId::Table3, table3::CARRIED_OVER, col), text);
        }
    }
    next.previous = Some(previous);
    next
}

/// Last year's own words, shown read-only beside the new text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NarrativeReference {
    pub year: u16,
    #[serde(default)]
    pub preamble: String,
    #[serde(default)]
    pub sections: Narratives,
    /// The paragraphs before 表二、表三、表四.
    #[serde(default)]
    pub table_intros: TableIntros,
}

impl NarrativeReference {
    pub fn of(last: &Report) -> NarrativeReference {
        NarrativeReference {
            year: last.year,
            preamble: last.preamble.clone(),
            sections: last.sections.clone(),
            table_intros: last.table_intros.clone(),
        }
    }

    /// True when last year wrote nothing worth showing.
    pub fn is_empty(&self) -> bool {
        self.preamble.trim().is_empty()
            && [
                &self.sections.overview,
                &self.sections.problems,
                &self.sections.other,
                &self.table_intros.table2,
                &self.table_intros.table3,
                &self.table_intros.table4,
            ]
            .iter()
            .all(|text| text.trim().is_empty())
    }
}
