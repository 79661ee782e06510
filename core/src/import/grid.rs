//! Laying a table out on its grid, as a browser does with `rowspan` and
//! `colspan`: each row lists the cells that start in it, and a cell covers
//! the slots its spans say, skipping slots already covered from above.

use super::document::{Cell, Table};

/// Widest grid laid out; a wider span is cut (no report table has more than 15 columns).
pub const MAX_COLS: usize = 64;

/// Most rows one cell may cover (表三's 三、本年度办理结果 covers 22); keeps
/// a damaged file's huge spans from costing time.
pub const MAX_ROW_SPAN: usize = 200;

/// One slot of a grid row, left to right, merged slots of one cell given once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece<'t> {
    pub cell: &'t Cell,
    /// The grid row the cell starts in.
    pub origin_row: usize,
    /// The first grid column it covers.
    pub col: usize,
}

impl Piece<'_> {
    /// Covered by a cell that starts in a row above.
    pub fn covered_from_above(&self, row: usize) -> bool {
        self.origin_row < row
    }
}

/// Every grid row of `table` as its pieces, left to right.
pub fn lay_out(table: &Table) -> Vec<Vec<Piece<'_>>> {
    let height = table.rows.len();
    // For each grid row, which (row, index) covers each column.
    let mut slots: Vec<Vec<Option<(usize, usize)>>> = vec![Vec::new(); height];
    for (r, row) in table.rows.iter().enumerate() {
        let mut col = 0;
        for (i, cell) in row.iter().enumerate() {
            while slots[r].get(col).is_some_and(Option::is_some) {
                col += 1;
            }
            if col >= MAX_COLS {
                break;
            }
            let width = usize::from(cell.col_span.max(1)).min(MAX_COLS - col);
            let last_row = (r + usize::from(cell.row_span.max(1)).min(MAX_ROW_SPAN)).min(height);
            for covered in &mut slots[r..last_row] {
                if covered.len() < col + width {
                    covered.resize(col + width, None);
                }
                for slot in &mut covered[col..col + width] {
                    slot.get_or_insert((r, i));
                }
            }
            col += width;
        }
    }
    slots
        .iter()
        .map(|row| {
            let mut pieces: Vec<Piece> = Vec::new();
            for (col, slot) in row.iter().enumerate() {
                let Some((r, i)) = *slot else { continue };
                let cell = &table.rows[r][i];
                if pieces.last().is_some_and(|p| std::ptr::eq(p.cell, cell)) {
                    continue;
                }
                pieces.push(Piece { cell, origin_row: r, col });
            }
            pieces
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(table: &Table) -> Vec<Vec<String>> {
        lay_out(table)
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .map(|p| {
                        format!("{}{}@{}", if p.covered_from_above(r) { "^" } else { "" }, p.cell.text, p.col)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn row_and_column_spans_cover_their_slots() {
        // The head of 表三: the note covers 3 × 3, 自然人 and 总计 two rows.
        let table = Table {
            rows: vec![
                vec![Cell::spanning("注", 3, 3), Cell::spanning("申请人情况", 1, 7)],
                vec![
                    Cell::spanning("自然人", 2, 1),
                    Cell::spanning("法人", 1, 5),
                    Cell::spanning("总计", 2, 1),
                ],
                vec![Cell::new("商业企业"), Cell::new("其他")],
            ],
        };
        assert_eq!(
            texts(&table),
            [
                vec!["注@0", "申请人情况@3"],
                vec!["^注@0", "自然人@3", "法人@4", "总计@9"],
                vec!["^注@0", "^自然人@3", "商业企业@4", "其他@5", "^总计@9"],
            ]
        );
    }

    #[test]
    fn spans_past_the_edges_are_cut() {
        let table = Table { rows: vec![vec![Cell::spanning("x", 500, 60000), Cell::new("y")], vec![]] };
        let grid = lay_out(&table);
        assert_eq!(grid.len(), 2);
        assert_eq!(grid[0].len(), 1, "y has no room left");
        assert_eq!(grid[1][0].origin_row, 0);
    }
}
