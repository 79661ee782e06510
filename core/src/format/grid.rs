//! The printed grid of a table: cells with their row and column spans.

use super::{FieldKey, FieldSpec, SumRule, TableId, ValueKind};

/// One table of the format: its printed grid and its input cells.
#[derive(Debug)]
pub struct TableSpec {
    pub id: TableId,
    /// Grid column widths in twips; they sum to the 156 mm text block.
    pub col_widths: Vec<u32>,
    /// How many leading grid rows are the header (repeated on each page).
    pub header_rows: usize,
    /// The grid, row by row; each row lists the cells that begin in it, left to right.
    /// A cell spanning rows appears only in its first row.
    pub rows: Vec<Vec<GridCell>>,
    /// Every input cell, in reading order (row by row, left to right).
    pub fields: Vec<FieldSpec>,
    /// `total = sum of parts` rules among this table's cells.
    pub sums: Vec<SumRule>,
}

/// A cell of the grid, placed at (`row`, `col`) and spanning `row_span` × `col_span`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridCell {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub content: CellContent,
}

impl GridCell {
    /// The input this cell holds, if it is not a label.
    pub fn field(&self) -> Option<FieldKey> {
        match self.content {
            CellContent::Field(key) => Some(key),
            CellContent::Label(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellContent {
    Label(Label),
    Field(FieldKey),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub text: &'static str,
    pub style: LabelStyle,
}

/// How a label is set: the official template sets the 勾稽 note in 楷体 and
/// 「三、本年度办理结果」 vertically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelStyle {
    /// A column heading (申请人情况, 自然人, 本年制发件数 …).
    ColumnHeader,
    /// A row heading (一、本年新收…, 1.属于国家秘密, 规章 …).
    RowHeader,
    /// A heading shared by several rows (（三）不予公开 …).
    RowGroup,
    /// A row group label printed vertically (三、本年度办理结果).
    Vertical,
    /// A band across the whole table (第二十条第（一）项).
    Band,
    /// An explanatory note (the 勾稽关系 note), set in 楷体.
    Note,
}

impl TableSpec {
    pub fn grid_cols(&self) -> usize {
        self.col_widths.len()
    }

    pub fn grid_rows(&self) -> usize {
        self.rows.len()
    }

    pub fn field(&self, key: FieldKey) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// Every cell of the grid, top to bottom, left to right.
    pub fn cells(&self) -> impl Iterator<Item = &GridCell> {
        self.rows.iter().flatten()
    }

    /// The cell holding `key`.
    pub fn cell_of(&self, key: FieldKey) -> Option<&GridCell> {
        self.cells().find(|c| c.field() == Some(key))
    }

    /// For each grid position, the cell that covers it (its origin or a merged continuation).
    pub fn occupancy(&self) -> Vec<Vec<Option<&GridCell>>> {
        let mut grid = vec![vec![None; self.grid_cols()]; self.grid_rows()];
        for cell in self.cells() {
            for row in grid.iter_mut().skip(cell.row).take(cell.row_span) {
                for slot in row.iter_mut().skip(cell.col).take(cell.col_span) {
                    *slot = Some(cell);
                }
            }
        }
        grid
    }
}

/// Builds a [`TableSpec`] row by row, so each table module reads like the template.
pub(super) struct GridBuilder {
    table: TableId,
    col_widths: Vec<u32>,
    header_rows: usize,
    rows: Vec<Vec<GridCell>>,
    fields: Vec<FieldSpec>,
}

impl GridBuilder {
    pub fn new(table: TableId, col_widths: Vec<u32>) -> GridBuilder {
        debug_assert_eq!(col_widths.iter().sum::<u32>(), super::TEXT_BLOCK_TWIPS);
        GridBuilder { table, col_widths, header_rows: 0, rows: Vec::new(), fields: Vec::new() }
    }

    /// Starts a new grid row.
    pub fn row(&mut self) -> &mut Self {
        self.rows.push(Vec::new());
        self
    }

    /// Marks every row so far as header.
    pub fn end_header(&mut self) -> &mut Self {
        self.header_rows = self.rows.len();
        self
    }

    pub fn label(
        &mut self,
        col: usize,
        col_span: usize,
        row_span: usize,
        text: &'static str,
        style: LabelStyle,
    ) -> &mut Self {
        self.push(col, col_span, row_span, CellContent::Label(Label { text, style }))
    }

    /// An input cell for (`row_key`, `col_key`).
    #[allow(clippy::too_many_arguments)]
    pub fn field(
        &mut self,
        col: usize,
        col_span: usize,
        row_key: &'static str,
        col_key: &'static str,
        kind: ValueKind,
        row_label: &str,
        col_label: &str,
    ) -> &mut Self {
        let key = FieldKey::new(self.table, row_key, col_key);
        self.fields.push(FieldSpec {
            key,
            kind,
            row_label: row_label.to_string(),
            col_label: col_label.to_string(),
        });
        self.push(col, col_span, 1, CellContent::Field(key))
    }

    fn push(&mut self, col: usize, col_span: usize, row_span: usize, content: CellContent) -> &mut Self {
        let row = self.rows.len() - 1;
        self.rows[row].push(GridCell { row, col, row_span, col_span, content });
        self
    }

    pub fn finish(self, sums: Vec<SumRule>) -> TableSpec {
        TableSpec {
            id: self.table,
            col_widths: self.col_widths,
            header_rows: self.header_rows,
            rows: self.rows,
            fields: self.fields,
            sums,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{format, FormatVersion};

    #[test]
    fn the_rows_inputs_are_the_tables_fields_in_reading_order() {
        for v in [FormatVersion::Trial2019, FormatVersion::Official2021] {
            for t in format(v).tables() {
                let by_rows: Vec<_> = t.cells().filter_map(|c| c.field()).collect();
                let fields: Vec<_> = t.fields.iter().map(|f| f.key).collect();
                assert_eq!(by_rows, fields, "{:?}", t.id);
            }
        }
    }
}
