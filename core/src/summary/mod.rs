//! 汇总: the office that collects many units' reports (the 主管部门).
//!
//! - [`batch`]: the files read (drafts; the reason for each that cannot be),
//!   one overview row per unit (check counts, blanks, key figures), and the
//!   units that appear twice (same 机关, same year);
//! - [`sum`]: the summary report, an ordinary draft whose every 表二/表三/表四
//!   cell is the exact sum over the units, left blank where some unit left it
//!   blank (naming those units);
//! - [`compare`]: a parent report against the sum of its children, cell by cell;
//! - [`roster`]: who must report and has not;
//! - [`xlsx`]: the overview as an Excel workbook.
//!
//! Everything is pure and shared by the CLI (`xxgk-report summarize`) and the
//! browser's 汇总 page, so both add up the same way.

pub mod batch;
pub mod compare;
mod figures;
pub mod roster;
pub mod sum;
pub mod xlsx;

#[cfg(test)]
mod tests;

pub use batch::{read_and_check, read_file, Batch, Entry, UnitRow, Unreadable};
pub use compare::{compare, Mismatch};
pub use figures::{KeyFigure, KEY_FIGURES};
pub use roster::{match_roster, parse_roster, RosterMatch};
pub use sum::{parent_of, summarize, BlankCell, Skipped, Summation};
