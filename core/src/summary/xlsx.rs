//! The overview as an `.xlsx` workbook (Excel, WPS, LibreOffice): one sheet
//! of units with their check counts and key figures, one of every failing
//! check per unit, and, when there are any, the files that could not be read,
//! the units on the roster that have not reported, and the cells where the
//! parent differs from the sum of its children.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::batch::Batch;
use super::compare::Mismatch;
use super::figures::KEY_FIGURES;
use crate::checks::Severity;
use crate::value::Decimal;

/// What goes into the workbook besides the batch itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extras<'a> {
    /// Roster names with no report.
    pub missing: &'a [String],
    /// The parent report's name and where it differs from its children.
    pub parent: Option<(&'a str, &'a [Mismatch])>,
}

/// Sheet names, in order (the first is `xl/worksheets/sheet1.xml`).
pub const UNITS_SHEET: &str = "单位概览";
pub const CHECKS_SHEET: &str = "未通过的校验";

/// The workbook's bytes, or a Chinese message when it cannot be written.
pub fn overview_xlsx(batch: &Batch, extras: Extras) -> Result<Vec<u8>, String> {
    build(batch, extras).map_err(|e| format!("无法生成 Excel 文件：{e}"))
}

fn build(batch: &Batch, extras: Extras) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();

    let sheet = workbook.add_worksheet();
    sheet.set_name(UNITS_SHEET)?;
    let mut header: Vec<&str> = vec!["序号", "机关", "层级", "年度", "错误", "提醒", "未填写单元格"];
    header.extend(KEY_FIGURES.iter().map(|f| f.label));
    header.extend(["文件", "备注"]);
    write_header(sheet, &header, &bold)?;
    for (i, e) in batch.entries.iter().enumerate() {
        let row = (i + 1) as u32;
        let r = &e.row;
        sheet.write_number(row, 0, (i + 1) as f64)?;
        sheet.write_string(row, 1, &r.unit_name)?;
        sheet.write_string(row, 2, r.level.map_or("", |l| l.label()))?;
        sheet.write_number(row, 3, r.year)?;
        sheet.write_number(row, 4, r.errors as f64)?;
        sheet.write_number(row, 5, r.warnings as f64)?;
        sheet.write_number(row, 6, r.blanks as f64)?;
        for (k, figure) in r.figures.iter().enumerate() {
            let col = 7 + k as u16;
            match figure {
                Some(d) => write_decimal(sheet, row, col, *d)?,
                None => {
                    sheet.write_string(row, col, "")?;
                }
            }
        }
        let col = 7 + KEY_FIGURES.len() as u16;
        sheet.write_string(row, col, &e.source)?;
        if let Some(first) = e.duplicate_of {
            sheet.write_string(
                row,
                col + 1,
                format!("与第 {} 行（{}）重复：同一机关同一年度", first + 1, batch.entries[first].source),
            )?;
        }
    }
    finish(sheet, &header, batch.entries.len())?;
    sheet.set_column_width(1, 36)?;
    sheet.set_column_width(2, 24)?;
    sheet.set_column_width(7 + KEY_FIGURES.len() as u16, 40)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(CHECKS_SHEET)?;
    let header = ["序号", "机关", "年度", "类别", "校验", "说明"];
    write_header(sheet, &header, &bold)?;
    let mut row = 0u32;
    for (i, e) in batch.entries.iter().enumerate() {
        for check in &e.row.failing {
            row += 1;
            sheet.write_number(row, 0, (i + 1) as f64)?;
            sheet.write_string(row, 1, &e.row.unit_name)?;
            sheet.write_number(row, 2, e.row.year)?;
            sheet.write_string(row, 3, if check.severity == Severity::Error { "错误" } else { "提醒" })?;
            sheet.write_string(row, 4, &check.title)?;
            sheet.write_string(row, 5, &check.explanation)?;
        }
    }
    finish(sheet, &header, row as usize)?;
    sheet.set_column_width(1, 36)?;
    sheet.set_column_width(4, 48)?;
    sheet.set_column_width(5, 80)?;

    if !batch.unreadable.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name("未能读取的文件")?;
        let header = ["文件", "原因"];
        write_header(sheet, &header, &bold)?;
        for (i, u) in batch.unreadable.iter().enumerate() {
            sheet.write_string(i as u32 + 1, 0, &u.source)?;
            sheet.write_string(i as u32 + 1, 1, &u.reason)?;
        }
        finish(sheet, &header, batch.unreadable.len())?;
        sheet.set_column_width(0, 40)?;
        sheet.set_column_width(1, 100)?;
    }

    if !extras.missing.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name("未报送的单位")?;
        let header = ["序号", "机关"];
        write_header(sheet, &header, &bold)?;
        for (i, name) in extras.missing.iter().enumerate() {
            sheet.write_number(i as u32 + 1, 0, (i + 1) as f64)?;
            sheet.write_string(i as u32 + 1, 1, name)?;
        }
        finish(sheet, &header, extras.missing.len())?;
        sheet.set_column_width(1, 40)?;
    }

    if let Some((parent, mismatches)) = extras.parent {
        let sheet = workbook.add_worksheet();
        sheet.set_name("本级与下级合计不符")?;
        let header = ["表", "单元格", "本级", "下级合计", "说明"];
        write_header(sheet, &header, &bold)?;
        for (i, m) in mismatches.iter().enumerate() {
            let row = i as u32 + 1;
            sheet.write_string(row, 0, m.key.table.short_name())?;
            sheet.write_string(row, 1, &m.label)?;
            match m.parent {
                Some(p) => write_decimal(sheet, row, 2, p)?,
                None => {
                    sheet.write_string(row, 2, "未填写")?;
                }
            }
            write_decimal(sheet, row, 3, m.children)?;
            sheet.write_string(row, 4, format!("{parent}：{}", m.explanation()))?;
        }
        finish(sheet, &header, mismatches.len())?;
        sheet.set_column_width(1, 60)?;
        sheet.set_column_width(4, 90)?;
    }

    workbook.save_to_buffer()
}

fn write_header(sheet: &mut Worksheet, header: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, bold)?;
    }
    Ok(())
}

/// Header row frozen, filter buttons over the data.
fn finish(sheet: &mut Worksheet, header: &[&str], rows: usize) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows as u32, header.len() as u16 - 1)?;
    Ok(())
}

/// A figure as a number cell when the spreadsheet's number shows it exactly
/// (always, for real figures), else as text: the workbook never rounds one.
fn write_decimal(sheet: &mut Worksheet, row: u32, col: u16, d: Decimal) -> Result<(), XlsxError> {
    let text = d.to_string();
    match text.parse::<f64>() {
        Ok(x) if x.to_string() == text && text.trim_start_matches('-').len() <= 16 => {
            sheet.write_number(row, col, x)?
        }
        _ => sheet.write_string(row, col, text)?,
    };
    Ok(())
}
