//! Calendar dates as the report uses them (成文日期, 印发日期): one reading,
//! shared by the draft validation and the printed form, so that both agree
//! that 2024-02-29 is a date and 2022-02-31 is not.

/// A real calendar date (Gregorian), years 1000–9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Reads 「2024-01-31」, also 「2024/1/31」 or 「2024.1.31」 (a 4-digit year,
    /// then month and day of 1–2 digits). `None` unless the day exists in that
    /// month: 2022-02-31 and 2023-02-29 are refused.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split(['-', '/', '.']);
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
            (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u16>().ok())?
        };
        let (year, month, day) = (number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?);
        let days = days_in_month(year, u8::try_from(month).ok()?)?;
        let day = u8::try_from(day).ok().filter(|d| (1..=days).contains(d))?;
        (year >= 1000).then_some(Date { year, month: month as u8, day })
    }

    /// Whether `s` is a date in the draft file's form, exactly `YYYY-MM-DD`.
    pub fn is_iso(s: &str) -> bool {
        Date::parse(s).is_some_and(|d| d.iso() == s)
    }

    /// 「2024-01-31」.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// As printed (GB/T 9704 §7.3.5: Arabic numerals, no leading zeros): 「2024年1月31日」.
    pub fn official(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in `month` (1–12) of `year`; `None` for a month that does not exist.
pub fn days_in_month(year: u16, month: u8) -> Option<u8> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_are_read_in_any_of_the_usual_forms() {
        let d = Date { year: 2024, month: 2, day: 29 };
        for s in ["2024-02-29", "2024/2/29", "2024.02.29"] {
            assert_eq!(Date::parse(s), Some(d), "{s}");
        }
        assert_eq!(d.iso(), "2024-02-29");
        assert_eq!(d.official(), "2024年2月29日");
        assert_eq!(Date::parse("2000-02-29").map(Date::official).as_deref(), Some("2000年2月29日"));
    }

    #[test]
    fn days_that_do_not_exist_are_refused() {
        for s in
            ["2022-02-31", "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00"]
        {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        for s in ["", "2024-01", "2024-01-31-1", "24-01-31", "2024-001-31", "２０２４-01-31", "0999-01-01"]
        {
            assert_eq!(Date::parse(s), None, "{s}");
        }
    }

    #[test]
    fn the_draft_form_is_exactly_yyyy_mm_dd() {
        assert!(Date::is_iso("2024-01-31"));
        assert!(!Date::is_iso("2024-1-31"));
        assert!(!Date::is_iso("2024/01/31"));
        assert!(!Date::is_iso("2022-02-31"));
    }
}
