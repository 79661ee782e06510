//! The standard sentences of the narrative, written from the tables: the
//! applications (under 一（二）依申请公开) and the 复议/诉讼 cases (beside 四).
//! They use the wording [`super::stated`] reads, so read back they agree.

use super::cells::{result_groups, sum, t3_total, t4_total};
use crate::figures::Figures;
use crate::format::table3::{self, CARRIED_FORWARD, CARRIED_OVER, NEW_RECEIVED, TOTAL_HANDLED};
use crate::format::table4::{BLOCKS, OUTCOMES};
use crate::format::{FieldKey, TableId};
use crate::model::Report;
use crate::value::Decimal;

/// Why a sentence cannot be written yet.
pub const BLANK_TABLE3: &str = "表三还有空格，请先填写（没有的填 0），再插入标准表述";
pub const BLANK_TABLE4: &str = "表四还有空格，请先填写（没有的填 0），再插入标准表述";

/// 「2024年，共收到政府信息公开申请N件（其中自然人N件、法人或其他组织N件），
/// 上年结转N件；办结N件，其中予以公开N件……；结转下年度继续办理N件。」
pub fn applications(report: &Report) -> Result<String, &'static str> {
    let figures = Figures::read(report);
    let get = |keys: &[FieldKey]| sum(&figures, keys).ok_or(BLANK_TABLE3);
    let col = |row, c| FieldKey::new(TableId::Table3, row, c);
    let new = get(&[t3_total(NEW_RECEIVED)])?;
    let natural = get(&[col(NEW_RECEIVED, table3::COLUMNS[0].0)])?;
    let orgs = get(&table3::COLUMNS[1..6].iter().map(|(c, _)| col(NEW_RECEIVED, c)).collect::<Vec<_>>())?;
    let carried = get(&[t3_total(CARRIED_OVER)])?;
    let handled = get(&[t3_total(TOTAL_HANDLED)])?;
    let forward = get(&[t3_total(CARRIED_FORWARD)])?;
    let year = report.year;
    if new.is_zero() && carried.is_zero() {
        return Ok(format!("{year}年，本机关未收到政府信息公开申请，也没有上年结转的申请。"));
    }
    let mut text = format!("{year}年，共收到政府信息公开申请{new}件");
    if !new.is_zero() {
        text.push_str(&format!("（其中自然人{natural}件、法人或其他组织{orgs}件）"));
    }
    text.push_str(&format!("，上年结转{carried}件；办结{handled}件"));
    let mut parts = Vec::new();
    for group in result_groups(figures.layout) {
        let n = get(&group.rows.iter().map(|r| t3_total(r)).collect::<Vec<_>>())?;
        if !n.is_zero() {
            parts.push(format!("{}{n}件", group.label));
        }
    }
    if !parts.is_empty() {
        text.push_str(&format!("，其中{}", parts.join("，")));
    }
    text.push_str(&format!("；结转下年度继续办理{forward}件。"));
    Ok(text)
}

/// 「2024年，本机关因政府信息公开被申请行政复议N件，其中结果维持N件……；
/// 被提起行政诉讼N件，其中……。」
pub fn appeals(report: &Report) -> Result<String, &'static str> {
    let figures = Figures::read(report);
    let get = |keys: &[FieldKey]| sum(&figures, keys).ok_or(BLANK_TABLE4);
    let cells = |rows: &[&'static str], col: &'static str| -> Vec<FieldKey> {
        rows.iter().map(|r| FieldKey::new(TableId::Table4, r, col)).collect()
    };
    let review = [BLOCKS[0].0];
    let suits = [BLOCKS[1].0, BLOCKS[2].0];
    let review_total = get(&[t4_total(review[0])])?;
    let suits_total = get(&suits.map(t4_total))?;
    let year = report.year;
    if review_total.is_zero() && suits_total.is_zero() {
        return Ok(format!("{year}年，本机关未发生因政府信息公开引起的行政复议、行政诉讼。"));
    }
    let outcomes = |rows: &[&'static str]| -> Result<String, &'static str> {
        let mut parts = Vec::new();
        for (col, label, _) in &OUTCOMES[..4] {
            let n: Decimal = get(&cells(rows, col))?;
            parts.push(format!("{label}{n}件"));
        }
        Ok(parts.join("，"))
    };
    let mut text = format!("{year}年，本机关因政府信息公开被申请行政复议{review_total}件");
    if !review_total.is_zero() {
        text.push_str(&format!("，其中{}", outcomes(&review)?));
    }
    text.push_str(&format!("；被提起行政诉讼{suits_total}件"));
    if !suits_total.is_zero() {
        text.push_str(&format!("，其中{}", outcomes(&suits)?));
    }
    text.push('。');
    Ok(text)
}
