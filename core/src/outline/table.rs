//! A statistical table as printed: the format's grid (column widths, header
//! rows, merges, labels) with the report's figures in its input cells.

use crate::format::{CellContent, LabelStyle, TableId, TableSpec};
use crate::model::Report;
use crate::text::clean;
use crate::value;

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub id: TableId,
    /// Grid column widths in twips; they sum to the line length.
    pub col_widths: Vec<u32>,
    /// How many leading rows are the header, repeated on each page.
    pub header_rows: usize,
    /// Row by row, the cells that begin in that row, left to right.
    pub rows: Vec<Vec<Cell>>,
}

/// A cell at (`row`, `col`) spanning `row_span` × `col_span` grid cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub kind: CellKind,
    /// As printed: a label, a figure, or empty for a blank input cell.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    Label(LabelStyle),
    Figure,
}

impl Table {
    /// `spec` filled from `report` (totals already computed).
    pub fn of(report: &Report, spec: &TableSpec) -> Table {
        let rows = spec
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| {
                        let (kind, text) = match &cell.content {
                            CellContent::Label(label) => (CellKind::Label(label.style), clean(label.text)),
                            CellContent::Field(key) => {
                                let text = match (report.raw(*key), spec.field(*key)) {
                                    (Some(raw), Some(field)) => clean(&value::normalize(field.kind, raw)),
                                    (Some(raw), None) => clean(raw),
                                    (None, _) => String::new(),
                                };
                                (CellKind::Figure, text)
                            }
                        };
                        Cell {
                            row: cell.row,
                            col: cell.col,
                            row_span: cell.row_span.max(1),
                            col_span: cell.col_span.max(1),
                            kind,
                            text,
                        }
                    })
                    .collect()
            })
            .collect();
        Table { id: spec.id, col_widths: spec.col_widths.clone(), header_rows: spec.header_rows, rows }
    }

    /// Every cell, top to bottom, left to right.
    pub fn cells(&self) -> impl Iterator<Item = &Cell> {
        self.rows.iter().flatten()
    }

    /// For each grid position, the cell covering it (its origin or a merged continuation).
    pub fn occupancy(&self) -> Vec<Vec<Option<&Cell>>> {
        let mut grid = vec![vec![None; self.col_widths.len()]; self.rows.len()];
        for cell in self.cells() {
            for row in grid.iter_mut().skip(cell.row).take(cell.row_span) {
                for slot in row.iter_mut().skip(cell.col).take(cell.col_span) {
                    *slot = Some(cell);
                }
            }
        }
        grid
    }

    /// Width in twips of `span` grid columns from `col`.
    pub fn span_width(&self, col: usize, span: usize) -> u32 {
        self.col_widths.iter().skip(col).take(span).sum()
    }
}
