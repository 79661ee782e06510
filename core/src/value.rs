//! What a person types into a number cell, read as a number.
//!
//! Cells keep the text as typed; [`parse`] reads it, accepting what people
//! type or paste in a Chinese office (full-width digits and punctuation,
//! thousands separators, surrounding spaces, `-` `—` `/` for "nothing"), and
//! refusing the rest with a specific Chinese message. Blank is not 0: it
//! parses to `Ok(None)`.
//!
//! Parsing is a single pass over the characters with no allocation: the
//! checks parse every cell on every keystroke.

use std::fmt;
use std::str::FromStr;

use crate::format::ValueKind;

/// Largest magnitude a cell may hold: 1 万亿. Anything above is a typing slip.
pub const MAX_MAGNITUDE: u64 = 1_000_000_000_000;

/// Decimal places an amount may have (real reports print up to 6, in 万元).
pub const MAX_DECIMALS: u32 = 6;

const SCALE: i128 = 1_000_000;

/// An exact decimal number with at most six decimal places, stored as an
/// integer count of millionths. No floating point ever touches a figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal {
    micros: i128,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { micros: 0 };

    pub const fn from_int(n: i64) -> Decimal {
        Decimal { micros: n as i128 * SCALE }
    }

    /// The number of millionths, e.g. 1.5 → 1 500 000.
    pub const fn micros(self) -> i128 {
        self.micros
    }

    pub const fn from_micros(micros: i128) -> Decimal {
        Decimal { micros }
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        self.micros.checked_add(other.micros).map(Decimal::from_micros)
    }

    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.micros.checked_sub(other.micros).map(Decimal::from_micros)
    }

    pub fn abs(self) -> Decimal {
        Decimal { micros: self.micros.abs() }
    }

    pub fn is_zero(self) -> bool {
        self.micros == 0
    }

    pub fn is_negative(self) -> bool {
        self.micros < 0
    }

    /// Reads a decimal as typed, with the same leniency as an amount cell,
    /// but allowing a sign.
    pub fn parse(text: &str) -> Result<Decimal, ValueError> {
        match scan(text).map_err(|p| ValueError::new(ValueKind::Amount, p))? {
            Scanned::Blank => Err(ValueError::new(ValueKind::Amount, Problem::Malformed)),
            Scanned::Number(n) => n.to_decimal(ValueKind::Delta),
        }
    }
}

impl fmt::Display for Decimal {
    /// Canonical text: no trailing zeros, no thousands separators ("24252.311082", "0", "-3.5").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.micros < 0 { "-" } else { "" };
        // Narrow to u64 when it fits (always, for real figures): 128-bit division is slow.
        let abs = self.micros.unsigned_abs();
        let (int, mut frac) = match u64::try_from(abs) {
            Ok(a) => ((a / SCALE as u64) as u128, (a % SCALE as u64) as u128),
            Err(_) => (abs / SCALE as u128, abs % SCALE as u128),
        };
        if frac == 0 {
            return write!(f, "{sign}{int}");
        }
        let mut width = MAX_DECIMALS as usize;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        write!(f, "{sign}{int}.{frac:0width$}")
    }
}

impl FromStr for Decimal {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Decimal, ValueError> {
        Decimal::parse(s)
    }
}

/// A parsed cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// A non-negative whole number (件, 条, 个).
    Count(u64),
    /// A signed whole number: the 2019 format's 「本年增/减」.
    Delta(i64),
    /// A non-negative exact amount.
    Amount(Decimal),
}

impl Value {
    /// The value as a decimal, so every kind adds up the same way.
    pub fn to_decimal(self) -> Decimal {
        match self {
            Value::Count(n) => Decimal::from_micros(n as i128 * SCALE),
            Value::Delta(n) => Decimal::from_int(n),
            Value::Amount(d) => d,
        }
    }

    pub fn kind(self) -> ValueKind {
        match self {
            Value::Count(_) => ValueKind::Count,
            Value::Delta(_) => ValueKind::Delta,
            Value::Amount(_) => ValueKind::Amount,
        }
    }

    /// The value of `kind` equal to `d`, when `d` fits that kind.
    pub fn from_decimal(kind: ValueKind, d: Decimal) -> Option<Value> {
        let whole = d.micros % SCALE == 0;
        let int = d.micros / SCALE;
        match kind {
            ValueKind::Count if whole && int >= 0 => u64::try_from(int).ok().map(Value::Count),
            ValueKind::Delta if whole => i64::try_from(int).ok().map(Value::Delta),
            ValueKind::Amount if !d.is_negative() => Some(Value::Amount(d)),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Count(n) => write!(f, "{n}"),
            Value::Delta(n) => write!(f, "{n}"),
            Value::Amount(d) => write!(f, "{d}"),
        }
    }
}

/// Why a cell's text is not a valid value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A minus sign where only non-negative numbers are allowed.
    Negative,
    /// A fraction in a whole-number cell.
    NotWhole,
    /// A character that is not part of a number (letters, units, symbols).
    UnexpectedChar(char),
    /// Spaces between digits.
    InnerSpace,
    /// More than [`MAX_MAGNITUDE`].
    TooLarge,
    /// More than [`MAX_DECIMALS`] significant decimal places.
    TooManyDecimals,
    /// Thousands separators not every three digits ("12,34").
    BadGrouping,
    /// Punctuation with no number around it, or two decimal points.
    Malformed,
}

/// A cell whose text is not a valid value of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueError {
    kind: ValueKind,
    problem: Problem,
}

impl ValueError {
    fn new(kind: ValueKind, problem: Problem) -> ValueError {
        ValueError { kind, problem }
    }

    pub fn problem(&self) -> Problem {
        self.problem
    }

    /// What is wrong, in Chinese, to show beside the cell.
    pub fn message(&self) -> String {
        let whole = matches!(self.kind, ValueKind::Count | ValueKind::Delta);
        match self.problem {
            Problem::Negative if whole => "不能为负数，请填写不小于 0 的整数".to_string(),
            Problem::Negative => "金额不能为负数，请填写不小于 0 的数".to_string(),
            Problem::NotWhole => "这里只能填整数，不能有小数".to_string(),
            Problem::UnexpectedChar(c) => {
                let expected = if whole { "整数" } else { "数字（可带小数点）" };
                format!("含有非数字字符「{c}」，请只填写{expected}")
            }
            Problem::InnerSpace => "数字中间不能有空格".to_string(),
            Problem::TooLarge => "数值过大（超过 1 万亿），请核对".to_string(),
            Problem::TooManyDecimals => format!("小数最多 {MAX_DECIMALS} 位"),
            Problem::BadGrouping => "千位分隔符的位置不对，应每三位一个，如 1,234".to_string(),
            Problem::Malformed if whole => "不是有效的整数".to_string(),
            Problem::Malformed => "不是有效的数字".to_string(),
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ValueError {}

/// Reads the text of a cell of `kind`. `Ok(None)` means blank: nothing, or
/// only `-`, `—`, `/` (people's ways of writing "nothing").
pub fn parse(kind: ValueKind, raw: &str) -> Result<Option<Value>, ValueError> {
    match scan(raw).map_err(|p| ValueError::new(kind, p))? {
        Scanned::Blank => Ok(None),
        Scanned::Number(n) => n.to_value(kind).map(Some),
    }
}

/// The canonical text of a valid entry ("１,２００ " → "1200", "-" → ""), or
/// `raw` unchanged when it is not valid, so nothing typed is lost.
pub fn normalize(kind: ValueKind, raw: &str) -> String {
    match parse(kind, raw) {
        Ok(Some(v)) => v.to_string(),
        Ok(None) => String::new(),
        Err(_) => raw.to_string(),
    }
}

/// Whether `raw` reads as blank.
pub fn is_blank(raw: &str) -> bool {
    matches!(scan(raw), Ok(Scanned::Blank))
}

enum Scanned {
    Blank,
    Number(Number),
}

/// A number as written, before its kind is applied.
struct Number {
    negative: bool,
    /// Integer part, saturated just above the limit.
    int: u64,
    /// Significant fraction digits (trailing zeros dropped) and how many.
    frac: u64,
    frac_digits: u32,
}

impl Number {
    fn to_value(&self, kind: ValueKind) -> Result<Value, ValueError> {
        let fail = |p| Err(ValueError::new(kind, p));
        match kind {
            ValueKind::Count | ValueKind::Delta => {
                if self.negative && kind == ValueKind::Count && (self.int != 0 || self.frac != 0) {
                    return fail(Problem::Negative);
                }
                if self.frac_digits > 0 {
                    return fail(Problem::NotWhole);
                }
                if self.int > MAX_MAGNITUDE {
                    return fail(Problem::TooLarge);
                }
                Ok(match kind {
                    ValueKind::Count => Value::Count(self.int),
                    _ => Value::Delta(if self.negative { -(self.int as i64) } else { self.int as i64 }),
                })
            }
            ValueKind::Amount => {
                if self.negative && (self.int != 0 || self.frac != 0) {
                    return fail(Problem::Negative);
                }
                self.to_decimal(kind).map(Value::Amount)
            }
        }
    }

    fn to_decimal(&self, kind: ValueKind) -> Result<Decimal, ValueError> {
        if self.frac_digits > MAX_DECIMALS {
            return Err(ValueError::new(kind, Problem::TooManyDecimals));
        }
        if self.int > MAX_MAGNITUDE || (self.int == MAX_MAGNITUDE && self.frac != 0) {
            return Err(ValueError::new(kind, Problem::TooLarge));
        }
        let frac = self.frac as i128 * 10i128.pow(MAX_DECIMALS - self.frac_digits);
        let micros = self.int as i128 * SCALE + frac;
        Ok(Decimal::from_micros(if self.negative { -micros } else { micros }))
    }
}

/// Spaces people paste around numbers: ASCII, no-break, ideographic (U+3000),
/// zero-width and the byte-order mark.
fn is_padding(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// Full-width digits and punctuation as their ASCII counterparts.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        '－' | '−' => '-',
        '＋' => '+',
        other => other,
    }
}

/// A cell holding only dashes or one slash means "nothing to report".
fn is_blank_marker(text: &str) -> bool {
    text == "/" || text == "／" || text.chars().all(|c| matches!(c, '-' | '－' | '—' | '–' | '―' | '−'))
}

fn scan(raw: &str) -> Result<Scanned, Problem> {
    let text = raw.trim_matches(is_padding);
    if text.is_empty() || is_blank_marker(text) {
        return Ok(Scanned::Blank);
    }
    let mut chars = text.chars().map(|c| (c, half_width(c))).peekable();
    let mut negative = false;
    if let Some(&(_, sign @ ('-' | '+'))) = chars.peek() {
        negative = sign == '-';
        chars.next();
    }

    let mut int: u64 = 0;
    let mut int_digits = 0u32;
    // Thousands grouping: digits since the last separator, and whether one was seen.
    let mut group = 0u32;
    let mut grouped = false;
    let mut in_frac = false;
    let mut frac: u64 = 0;
    let mut frac_digits = 0u32;
    let mut pending_zeros = 0u32;
    let mut after_space = false;

    for (typed, c) in chars {
        if after_space && !is_padding(typed) {
            return Err(Problem::InnerSpace);
        }
        match c {
            '0'..='9' => {
                let d = c as u64 - '0' as u64;
                if in_frac {
                    // Trailing zeros are not significant: "1.500" has one decimal.
                    if d == 0 {
                        pending_zeros += 1;
                    } else {
                        for _ in 0..=pending_zeros {
                            frac = frac.saturating_mul(10);
                            frac_digits += 1;
                        }
                        frac = frac.saturating_add(d);
                        pending_zeros = 0;
                    }
                } else {
                    int = int.saturating_mul(10).saturating_add(d).min(MAX_MAGNITUDE + 1);
                    int_digits += 1;
                    group += 1;
                }
            }
            ',' if !in_frac => {
                let first_ok = !grouped && (1..=3).contains(&group);
                if !(first_ok || (grouped && group == 3)) {
                    return Err(Problem::BadGrouping);
                }
                grouped = true;
                group = 0;
            }
            ',' => return Err(Problem::BadGrouping),
            '.' if in_frac => return Err(Problem::Malformed),
            '.' => {
                if grouped && group != 3 {
                    return Err(Problem::BadGrouping);
                }
                in_frac = true;
            }
            _ if is_padding(typed) => after_space = true,
            '-' | '+' => return Err(Problem::Malformed),
            _ => return Err(Problem::UnexpectedChar(typed)),
        }
    }
    if !in_frac && grouped && group != 3 {
        return Err(Problem::BadGrouping);
    }
    if int_digits == 0 && frac_digits == 0 && pending_zeros == 0 {
        return Err(Problem::Malformed);
    }
    Ok(Scanned::Number(Number { negative, int, frac, frac_digits }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ValueKind::*;

    fn ok(kind: ValueKind, raw: &str) -> String {
        match parse(kind, raw) {
            Ok(Some(v)) => v.to_string(),
            Ok(None) => "<blank>".to_string(),
            Err(e) => panic!("{raw:?} rejected: {}", e.message()),
        }
    }

    fn problem(kind: ValueKind, raw: &str) -> Problem {
        match parse(kind, raw) {
            Err(e) => e.problem(),
            Ok(v) => panic!("{raw:?} accepted as {v:?}"),
        }
    }

    #[test]
    fn plain_counts() {
        assert_eq!(parse(Count, "12"), Ok(Some(Value::Count(12))));
        assert_eq!(ok(Count, "0"), "0");
        assert_eq!(ok(Count, "007"), "7");
        assert_eq!(ok(Count, "1000000000000"), "1000000000000");
    }

    #[test]
    fn full_width_and_separators() {
        assert_eq!(ok(Count, "１２００"), "1200");
        assert_eq!(ok(Count, "１,２００ "), "1200");
        assert_eq!(ok(Count, "1,234"), "1234");
        assert_eq!(ok(Count, "1，234"), "1234");
        assert_eq!(ok(Count, "12,345,678"), "12345678");
        assert_eq!(ok(Amount, "２４２５２．３１１０８２"), "24252.311082");
        assert_eq!(ok(Amount, "1,234.5"), "1234.5");
        assert_eq!(ok(Delta, "－３"), "-3");
        assert_eq!(ok(Delta, "+3"), "3");
    }

    #[test]
    fn surrounding_spaces() {
        assert_eq!(ok(Count, "  5\t"), "5");
        assert_eq!(ok(Count, "\u{3000}5\u{3000}"), "5");
        assert_eq!(ok(Count, "\u{a0}5"), "5");
        assert_eq!(ok(Count, "\u{feff}5"), "5");
    }

    #[test]
    fn blank_markers() {
        for raw in ["", "   ", "\u{3000}", "-", "—", "——", "/", "／", "－", " - "] {
            assert_eq!(parse(Count, raw), Ok(None), "{raw:?}");
            assert_eq!(parse(Amount, raw), Ok(None), "{raw:?}");
            assert!(is_blank(raw));
        }
        assert!(!is_blank("0"));
    }

    #[test]
    fn amounts_are_exact() {
        assert_eq!(ok(Amount, "9116.36"), "9116.36");
        assert_eq!(ok(Amount, "9116.360"), "9116.36");
        assert_eq!(ok(Amount, "0.000001"), "0.000001");
        assert_eq!(ok(Amount, ".5"), "0.5");
        assert_eq!(ok(Amount, "5."), "5");
        assert_eq!(ok(Amount, "1.0000000"), "1");
        assert_eq!(ok(Amount, "1000000000000"), "1000000000000");
    }

    #[test]
    fn whole_counts_written_with_zero_decimals() {
        assert_eq!(ok(Count, "3.0"), "3");
        assert_eq!(ok(Count, "3.00"), "3");
    }

    #[test]
    fn rejections_are_specific() {
        assert_eq!(problem(Count, "-3"), Problem::Negative);
        assert_eq!(problem(Count, "－３"), Problem::Negative);
        assert_eq!(problem(Amount, "-0.5"), Problem::Negative);
        assert_eq!(problem(Count, "3.5"), Problem::NotWhole);
        assert_eq!(problem(Delta, "-3.5"), Problem::NotWhole);
        assert_eq!(problem(Count, "12a"), Problem::UnexpectedChar('a'));
        assert_eq!(problem(Count, "3件"), Problem::UnexpectedChar('件'));
        assert_eq!(problem(Count, "abc"), Problem::UnexpectedChar('a'));
        assert_eq!(problem(Count, "1e5"), Problem::UnexpectedChar('e'));
        assert_eq!(problem(Count, "1 234"), Problem::InnerSpace);
        assert_eq!(problem(Count, "1000000000001"), Problem::TooLarge);
        assert_eq!(problem(Count, "99999999999999999999999999"), Problem::TooLarge);
        assert_eq!(problem(Amount, "1000000000000.5"), Problem::TooLarge);
        assert_eq!(problem(Delta, "-1000000000001"), Problem::TooLarge);
        assert_eq!(problem(Amount, "1.1234567"), Problem::TooManyDecimals);
        assert_eq!(problem(Count, "12,34"), Problem::BadGrouping);
        assert_eq!(problem(Count, "1234,567"), Problem::BadGrouping);
        assert_eq!(problem(Count, ",123"), Problem::BadGrouping);
        assert_eq!(problem(Count, "1,"), Problem::BadGrouping);
        assert_eq!(problem(Amount, "1.2.3"), Problem::Malformed);
        assert_eq!(problem(Amount, "."), Problem::Malformed);
        assert_eq!(problem(Count, "+"), Problem::Malformed);
        assert_eq!(problem(Count, "3-"), Problem::Malformed);
    }

    #[test]
    fn messages_are_chinese_and_name_the_problem() {
        let msg = |k, raw| parse(k, raw).unwrap_err().message();
        assert_eq!(msg(Count, "-3"), "不能为负数，请填写不小于 0 的整数");
        assert_eq!(msg(Count, "3.5"), "这里只能填整数，不能有小数");
        assert_eq!(msg(Count, "3件"), "含有非数字字符「件」，请只填写整数");
        assert_eq!(msg(Amount, "3万元"), "含有非数字字符「万」，请只填写数字（可带小数点）");
        assert_eq!(msg(Count, "1000000000001"), "数值过大（超过 1 万亿），请核对");
        assert_eq!(msg(Amount, "0.1234567"), "小数最多 6 位");
        assert_eq!(msg(Amount, "-1"), "金额不能为负数，请填写不小于 0 的数");
    }

    #[test]
    fn negative_zero_is_zero() {
        assert_eq!(ok(Count, "-0"), "0");
        assert_eq!(ok(Amount, "-0.0"), "0");
    }

    #[test]
    fn normalize_keeps_invalid_text() {
        assert_eq!(normalize(Count, "１,２００ "), "1200");
        assert_eq!(normalize(Count, "—"), "");
        assert_eq!(normalize(Count, "12a"), "12a");
        assert_eq!(normalize(Amount, " 24252.3110820 "), "24252.311082");
    }

    #[test]
    fn decimal_arithmetic_and_display() {
        let a: Decimal = "24252.311082".parse().unwrap();
        let b: Decimal = "0.688918".parse().unwrap();
        assert_eq!(a.checked_add(b).unwrap().to_string(), "24253");
        assert_eq!(b.checked_sub(a).unwrap().to_string(), "-24251.622164");
        assert_eq!(Decimal::from_int(-3).to_string(), "-3");
        assert_eq!(Decimal::ZERO.to_string(), "0");
        assert_eq!("0.05".parse::<Decimal>().unwrap().to_string(), "0.05");
        assert!("".parse::<Decimal>().is_err());
        assert_eq!(Value::Count(7).to_decimal(), Decimal::from_int(7));
        assert_eq!(Value::from_decimal(Count, Decimal::from_int(7)), Some(Value::Count(7)));
        assert_eq!(Value::from_decimal(Count, Decimal::from_int(-7)), None);
        assert_eq!(Value::from_decimal(Count, "0.5".parse().unwrap()), None);
    }
}
