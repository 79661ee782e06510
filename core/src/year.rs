//! The report year: which year a new report is about, and switching a
//! report to another year (and with it, perhaps, the other edition of the format).

use crate::format::{format, FormatVersion, TableId};
use crate::model::Report;

/// The year a new report is about, given today's year: reports are written
/// in January about the year just ended.
pub fn year_just_ended(current_year: u16) -> u16 {
    current_year.saturating_sub(1)
}

/// Sets the year; when the year needs the other edition of the format
/// (2019/2020 → the 2019 trial format), switches to it, keeping every value
/// whose cell exists in both and dropping the others. Returns how many typed
/// cells were dropped, so the editor can say so (the switch is one undo step).
pub fn switch_year(report: &mut Report, year: u16) -> usize {
    report.year = year;
    let version = FormatVersion::for_report_year(year);
    if report.format == version {
        return 0;
    }
    report.format = version;
    let spec = format(version);
    let mut dropped = 0;
    for id in TableId::ALL {
        let table = spec.table(id);
        let values = &mut report.table_mut(id).0;
        values.retain(|row, cols| {
            cols.retain(|col, _| {
                let keep = table.fields.iter().any(|f| f.key.row == row && f.key.col == col);
                dropped += usize::from(!keep);
                keep
            });
            !cols.is_empty()
        });
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::FieldKey;

    #[test]
    fn a_new_report_is_about_the_year_just_ended() {
        assert_eq!(year_just_ended(2026), 2025);
        assert_eq!(year_just_ended(2021), 2020);
    }

    #[test]
    fn switching_to_2020_keeps_shared_cells_and_drops_the_others() {
        let mut r = Report::new(2021);
        let shared = FieldKey::new(TableId::Table3, "granted", "natural");
        let gone = FieldKey::new(TableId::Table3, "other_misc", "natural");
        r.set_raw(shared, "5");
        r.set_raw(gone, "1");
        assert_eq!(switch_year(&mut r, 2020), 1);
        assert_eq!(r.format, FormatVersion::Trial2019);
        assert_eq!(r.raw(shared), Some("5"));
        assert_eq!(r.raw(gone), None);
        assert_eq!(switch_year(&mut r, 2019), 0);
        assert_eq!(r.year, 2019);
    }

    #[test]
    fn switching_back_to_2021_keeps_what_both_editions_share() {
        let mut r = Report::new(2020);
        let shared = FieldKey::new(TableId::Table4, "review", "upheld");
        let trial_only = FieldKey::new(TableId::Table3, "other_handling", "natural");
        r.set_raw(shared, "2");
        r.set_raw(trial_only, "1");
        assert_eq!(switch_year(&mut r, 2022), 1);
        assert_eq!((r.year, r.format), (2022, FormatVersion::Official2021));
        assert_eq!(r.raw(shared), Some("2"));
        assert_eq!(r.raw(trial_only), None);
    }
}
