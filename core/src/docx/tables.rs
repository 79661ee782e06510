//! The three statistical tables of the outline: its grid columns and widths,
//! its row and column merges, its labels and its header rows. Nothing here
//! names a row or a label.

use docx_rs::{
    AlignmentType, HeightRule, Paragraph, Table as DocxTable, TableBorder, TableBorderPosition, TableBorders,
    TableCell, TableCellMargins, TableLayoutType, TableRow, TextDirectionType, VAlignType, VMergeType,
    WidthType,
};

use super::typeset::{paragraph, run, single, Face, Type};
use crate::format::{LabelStyle, TableId};
use crate::outline::{Cell, CellKind, Table};
use crate::text::width_with;

/// Left and right cell padding: ½ mm, so the 10 mm number columns keep room.
const CELL_PADDING: usize = 28;
/// Minimum row height: 6 mm, as in the official template.
const MIN_ROW_HEIGHT: f32 = 340.0;
/// 0.5 pt rules, in eighths of a point.
const RULE: usize = 4;
/// The smallest size a number is shrunk to, in half-points (5 pt).
const MIN_NUMBER_SIZE: usize = 10;

/// Table text: 五号 (10.5 pt) where the columns are wide, 小五 (9 pt) labels
/// in the dense 表三 and 表四; numbers start at 五号 and shrink to fit their cell.
fn sizes(table: TableId) -> (Type, Type) {
    let song = |half_points| Type { face: Face::SongTi, half_points, scale: 100 };
    match table {
        TableId::Table2 => (song(21), song(21)),
        TableId::Table3 | TableId::Table4 => (song(18), song(21)),
    }
}

/// The table, as docx-rs builds it.
pub fn table(table: &Table) -> DocxTable {
    let occupancy = table.occupancy();
    let rows = occupancy
        .iter()
        .enumerate()
        .map(|(r, slots)| {
            let mut cells = Vec::new();
            let mut col = 0;
            while col < slots.len() {
                let (cell, span) = match slots[col] {
                    Some(cell) => (cell_at(table, cell, r), cell.col_span),
                    // The format covers every slot; an uncovered one still prints as an empty cell.
                    None => (empty_cell(table, col, 1), 1),
                };
                cells.push(cell);
                col += span.max(1);
            }
            TableRow::new(cells).cant_split().row_height(MIN_ROW_HEIGHT).height_rule(HeightRule::AtLeast)
        })
        .collect();
    let rule = |position| TableBorder::new(position).size(RULE).color("000000");
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |b, p| b.set(rule(p)));
    DocxTable::new(rows)
        .set_grid(table.col_widths.iter().map(|&w| w as usize).collect())
        .width(table.col_widths.iter().sum::<u32>() as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(docx_rs::TableAlignmentType::Center)
        .set_borders(borders)
        .margins(TableCellMargins::new().margin(0, CELL_PADDING, 0, CELL_PADDING))
}

/// The cell covering grid row `r` at `cell`'s column: its content in its
/// first row, a vertical-merge continuation below.
fn cell_at(table: &Table, cell: &Cell, r: usize) -> TableCell {
    let width = table.span_width(cell.col, cell.col_span) as usize;
    let mut tc = TableCell::new()
        .width(width, WidthType::Dxa)
        .grid_span(cell.col_span)
        .vertical_align(VAlignType::Center);
    if cell.row_span > 1 {
        let merge = if cell.row == r { VMergeType::Restart } else { VMergeType::Continue };
        tc = tc.vertical_merge(merge);
    }
    let (label_type, number_type) = sizes(table.id);
    if cell.row != r {
        return tc.add_paragraph(cell_paragraph(label_type, AlignmentType::Center));
    }
    match cell.kind {
        CellKind::Label(style) => {
            let (ty, align) = match style {
                LabelStyle::RowHeader => (label_type, AlignmentType::Both),
                LabelStyle::Note => (Type { face: Face::KaiTi, ..label_type }, AlignmentType::Both),
                _ => (label_type, AlignmentType::Center),
            };
            if style == LabelStyle::Vertical {
                tc = tc.text_direction(TextDirectionType::TbRl);
            }
            tc.add_paragraph(cell_paragraph(ty, align).add_run(run(&cell.text, ty)))
        }
        CellKind::Figure => {
            let p = cell_paragraph(number_type, AlignmentType::Center);
            if cell.text.is_empty() {
                return tc.add_paragraph(p);
            }
            let ty = fitted(number_type, &cell.text, width - 2 * CELL_PADDING);
            tc.add_paragraph(p.add_run(run(&cell.text, ty)))
        }
    }
}

fn empty_cell(table: &Table, col: usize, span: usize) -> TableCell {
    let (label_type, _) = sizes(table.id);
    TableCell::new()
        .width(table.span_width(col, span) as usize, WidthType::Dxa)
        .add_paragraph(cell_paragraph(label_type, AlignmentType::Center))
}

fn cell_paragraph(ty: Type, align: AlignmentType) -> Paragraph {
    paragraph(ty).align(align).line_spacing(single())
}

/// Digits are ½ em in 宋体, but up to 0.64 em in the Latin faces some
/// programs substitute when 宋体 is missing; size numbers for the wider.
const DIGIT_EM: f32 = 0.65;

/// `ty` shrunk, if need be, so that `text` fits on one line of `room` twips:
/// a long number must not break across lines.
fn fitted(ty: Type, text: &str, room: usize) -> Type {
    // A full-width character of size s half-points is s × 10 twips wide.
    let fit = (room as f32 / (10.0 * width_with(text, DIGIT_EM).max(DIGIT_EM))).floor() as usize;
    Type { half_points: fit.clamp(MIN_NUMBER_SIZE, ty.half_points), ..ty }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_shrink_only_when_they_would_wrap() {
        let ty = Type { face: Face::SongTi, half_points: 21, scale: 100 };
        // A 10 mm column leaves 511 twips.
        assert_eq!(fitted(ty, "123", 511).half_points, 21);
        assert_eq!(fitted(ty, "1234", 511).half_points, 19);
        assert_eq!(fitted(ty, "1234567", 511).half_points, 11);
        assert_eq!(fitted(ty, &"9".repeat(40), 511).half_points, MIN_NUMBER_SIZE);
    }
}
