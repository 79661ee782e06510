//! The input cells of a table by their place in the printed grid: what the
//! arrow keys, Enter, Tab and a pasted block move across. Label cells are not
//! part of it; grid rows without inputs (headers, 表二's bands) are skipped.

use xxgk_core::format::{FieldKey, TableSpec};

/// One input cell and the grid columns it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub key: FieldKey,
    pub col: usize,
    pub col_span: usize,
}

impl Slot {
    fn covers(&self, col: usize) -> bool {
        (self.col..self.col + self.col_span).contains(&col)
    }

    /// Distance in grid columns from `col` to this cell (0 when it covers it).
    fn distance(&self, col: usize) -> usize {
        if self.covers(col) {
            0
        } else if col < self.col {
            self.col - col
        } else {
            col - (self.col + self.col_span - 1)
        }
    }
}

/// Where a key sends the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Left,
    Right,
}

/// The input rows of a table, top to bottom, each left to right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldLayout {
    rows: Vec<Vec<Slot>>,
}

impl FieldLayout {
    pub fn new(spec: &TableSpec) -> FieldLayout {
        let rows = spec
            .rows
            .iter()
            // A grid row lists its cells left to right already.
            .map(|row| {
                row.iter()
                    .filter_map(|cell| cell.field().map(|key| Slot { key, col: cell.col, col_span: cell.col_span }))
                    .collect::<Vec<Slot>>()
            })
            .filter(|slots| !slots.is_empty())
            .collect();
        FieldLayout { rows }
    }

    /// (input row, position in the row) of `key`.
    pub fn locate(&self, key: FieldKey) -> Option<(usize, usize)> {
        self.rows
            .iter()
            .enumerate()
            .find_map(|(r, row)| row.iter().position(|s| s.key == key).map(|i| (r, i)))
    }

    pub fn at(&self, row: usize, index: usize) -> Option<FieldKey> {
        self.rows.get(row)?.get(index).map(|s| s.key)
    }

    /// The cell an arrow key (or Enter, as Down) moves to; `None` at the table's edge.
    pub fn step(&self, from: FieldKey, direction: Move) -> Option<FieldKey> {
        let (r, i) = self.locate(from)?;
        match direction {
            Move::Left => i.checked_sub(1).and_then(|i| self.at(r, i)),
            Move::Right => self.at(r, i + 1),
            Move::Up => self.nearest(r.checked_sub(1)?, self.rows[r][i].col),
            Move::Down => self.nearest(r + 1, self.rows[r][i].col),
        }
    }

    /// Tab order: right, then the next row's first cell; backwards with Shift.
    /// Cells for which `skip` is true (computed totals) are passed over.
    pub fn next_in_reading_order(
        &self,
        from: FieldKey,
        backwards: bool,
        skip: impl Fn(FieldKey) -> bool,
    ) -> Option<FieldKey> {
        let order: Vec<FieldKey> = self.rows.iter().flatten().map(|s| s.key).collect();
        let at = order.iter().position(|k| *k == from)?;
        let mut candidates: Box<dyn Iterator<Item = &FieldKey>> =
            if backwards { Box::new(order[..at].iter().rev()) } else { Box::new(order[at + 1..].iter()) };
        candidates.find(|k| !skip(**k)).copied()
    }

    /// The grid column where `key`'s cell begins.
    pub fn column_of(&self, key: FieldKey) -> Option<usize> {
        let (r, i) = self.locate(key)?;
        Some(self.rows[r][i].col)
    }

    /// The cell of input row `row` that covers grid column `col`, else the closest one.
    pub fn nearest(&self, row: usize, col: usize) -> Option<FieldKey> {
        self.rows.get(row)?.iter().min_by_key(|s| s.distance(col)).map(|s| s.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxgk_core::format::{format, FormatVersion, TableId};

    fn layout(table: TableId) -> FieldLayout {
        FieldLayout::new(format(FormatVersion::Official2021).table(table))
    }

    fn k(table: TableId, row: &'static str, col: &'static str) -> FieldKey {
        FieldKey::new(table, row, col)
    }

    #[test]
    fn table3_moves_like_a_spreadsheet() {
        use TableId::Table3 as T;
        let l = layout(T);
        assert_eq!(
            l.step(k(T, "new_received", "natural"), Move::Down),
            Some(k(T, "carried_over", "natural"))
        );
        assert_eq!(l.step(k(T, "new_received", "natural"), Move::Up), None);
        assert_eq!(l.step(k(T, "new_received", "natural"), Move::Left), None);
        assert_eq!(l.step(k(T, "granted", "natural"), Move::Right), Some(k(T, "granted", "business")));
        // Down from （二）部分公开 into the （三）不予公开 group skips the group label cells.
        assert_eq!(
            l.step(k(T, "partly_granted", "legal"), Move::Down),
            Some(k(T, "withheld_state_secret", "legal"))
        );
        assert_eq!(l.step(k(T, "carried_forward", "total"), Move::Down), None);
    }

    #[test]
    fn table2_skips_bands_and_headers_and_keeps_the_column() {
        use TableId::Table2 as T;
        let l = layout(T);
        assert_eq!(l.step(k(T, "rules", "repealed"), Move::Down), Some(k(T, "normative_docs", "repealed")));
        // 行政许可 has one cell spanning the three number columns.
        assert_eq!(
            l.step(k(T, "normative_docs", "in_force"), Move::Down),
            Some(k(T, "licensing", "decisions"))
        );
        assert_eq!(l.step(k(T, "licensing", "decisions"), Move::Up), Some(k(T, "normative_docs", "issued")));
    }

    #[test]
    fn tab_order_wraps_rows_and_skips_totals() {
        use TableId::Table3 as T;
        let l = layout(T);
        let skip_totals = |key: FieldKey| key.col == "total";
        assert_eq!(
            l.next_in_reading_order(k(T, "new_received", "other_org"), false, skip_totals),
            Some(k(T, "carried_over", "natural"))
        );
        assert_eq!(
            l.next_in_reading_order(k(T, "carried_over", "natural"), true, skip_totals),
            Some(k(T, "new_received", "other_org"))
        );
        assert_eq!(l.next_in_reading_order(k(T, "carried_forward", "other_org"), false, skip_totals), None);
        assert_eq!(
            l.next_in_reading_order(k(T, "new_received", "other_org"), false, |_| false),
            Some(k(T, "new_received", "total"))
        );
    }
}
