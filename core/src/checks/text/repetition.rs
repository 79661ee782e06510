//! Text repeated from last year's report (年年雷同): the share of each text
//! covered by passages of 8 characters that last year's same text also has.
//! Spaces and punctuation are left out and every run of digits counts as one
//! sign, so changing the years and the figures does not hide a copy.

use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use super::scan::Doc;
use super::{short_quote, TextPlace, TextSpan};
use crate::checks::{CheckResult, Severity, Status};

/// Length of the compared passages, in signs.
const SHINGLE: usize = 8;
/// Shorter texts (「2024年，未收取信息处理费。」) are formulas: the same every year is fine.
const MIN_SIGNS: usize = 60;
/// Above this share the text counts as copied (宿迁's evaluation deducts above 50 %).
pub const LIMIT_PERCENT: usize = 50;

/// The sign a character stands for, in 16 bits, so that the 8 signs of a
/// passage make one exact `u128` key (no hashing, no collisions): ASCII
/// letters and digits as themselves, 「#」 for a number, Han characters above.
/// `None`: not a sign (spaces, punctuation).
#[inline(always)]
fn code(c: char) -> Option<u16> {
    let u = c as u32;
    match c {
        '0'..='9' | 'A'..='Z' | 'a'..='z' => Some(u as u16),
        '\u{3400}'..='\u{9FFF}' => Some((u - 0x3400 + 0x80) as u16),
        '\u{F900}'..='\u{FAFF}' => Some((u - 0xF900 + 0x6C80) as u16),
        _ => None,
    }
}

/// Every run of digits (with its decimal points) is one sign.
const NUMBER: u16 = b'#' as u16;

#[inline(always)]
fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '０'..='９')
}

/// The text reduced to signs: `emit(i, sign)` for each, `i` the character it starts at.
fn signs(chars: impl Iterator<Item = char>, mut emit: impl FnMut(usize, u16)) {
    let mut in_number = false;
    for (i, c) in chars.enumerate() {
        if in_number && (is_digit(c) || c == '.') {
            continue;
        }
        in_number = false;
        if is_digit(c) {
            in_number = true;
            emit(i, NUMBER);
        } else if let Some(sign) = code(c) {
            emit(i, sign);
        }
    }
}

/// Keys are exact already: the set only has to spread them.
#[derive(Default)]
struct Spread(u64);

impl Hasher for Spread {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u128(&mut self, n: u128) {
        let x = ((n as u64) ^ ((n >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 31);
    }
}

/// The keys of every passage of `SHINGLE` signs in `signs`, in order.
fn passages(signs: &[u16], mut each: impl FnMut(usize, u128)) {
    let mut key = 0u128;
    for (i, &s) in signs.iter().enumerate() {
        key = (key << 16) | u128::from(s);
        if i + 1 >= SHINGLE {
            each(i + 1 - SHINGLE, key);
        }
    }
}

type Passages = HashSet<u128, BuildHasherDefault<Spread>>;

/// How many of last year's texts keep their passages (there are 7 texts).
const KEPT: usize = 8;

thread_local! {
    /// Last year's passages, by text: they stay the same while this year's
    /// report is typed, and the checks run again at every pause. Looked up by
    /// the whole text (compared, not hashed), so a changed text is read anew.
    static KNOWN: RefCell<Vec<(String, Option<Rc<Passages>>)>> = const { RefCell::new(Vec::new()) };
}

/// The passages of last year's `text`; `None` when it is too short to have one.
fn known(text: &str) -> Option<Rc<Passages>> {
    if let Some(found) =
        KNOWN.with_borrow(|kept| kept.iter().find(|(t, _)| t == text).map(|(_, k)| k.clone()))
    {
        return found;
    }
    let mut then = Vec::with_capacity(text.len() / 3 + 1);
    signs(text.chars(), |_, s| then.push(s));
    let passages = (then.len() >= SHINGLE).then(|| {
        let mut set = Passages::with_capacity_and_hasher(then.len(), BuildHasherDefault::default());
        passages(&then, |_, key| {
            set.insert(key);
        });
        Rc::new(set)
    });
    KNOWN.with_borrow_mut(|kept| {
        if kept.len() >= KEPT {
            kept.remove(0);
        }
        kept.push((text.to_string(), passages.clone()));
    });
    passages
}

pub(super) fn check(place: TextPlace, doc: &Doc, last: &str, last_year: u16, out: &mut Vec<CheckResult>) {
    let (mut now, mut at) = (Vec::with_capacity(doc.len()), Vec::with_capacity(doc.len()));
    signs(doc.chars.iter().copied(), |i, s| {
        now.push(s);
        at.push(i);
    });
    if now.len() < MIN_SIGNS {
        return;
    }
    let Some(known) = known(last) else { return };
    // A sign is covered when a passage holding it is known: up to the end of the last one found.
    let mut covered = vec![false; now.len()];
    let mut until = 0;
    passages(&now, |i, key| {
        if known.contains(&key) {
            until = i + SHINGLE;
        }
        if i < until {
            covered[i] = true;
        }
    });
    // The last passage's own signs after its start.
    for (i, c) in covered.iter_mut().enumerate().skip(now.len().saturating_sub(SHINGLE - 1)) {
        *c = i < until;
    }
    let share = covered.iter().filter(|&&c| c).count() * 100 / now.len();
    // Repeated passages, longest first, as character ranges of the text.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < covered.len() {
        if covered[i] {
            let start = i;
            while i < covered.len() && covered[i] {
                i += 1;
            }
            let end = at.get(i).copied().unwrap_or(doc.len());
            runs.push((at[start], end));
        } else {
            i += 1;
        }
    }
    for k in 1..runs.len() {
        let mut j = k;
        while j > 0 && runs[j - 1].1 - runs[j - 1].0 < runs[j].1 - runs[j].0 {
            runs.swap(j - 1, j);
            j -= 1;
        }
    }
    let failed = share > LIMIT_PERCENT;
    let explanation = if failed {
        let passages: Vec<String> =
            runs.iter().take(3).map(|&(a, b)| format!("“{}”", short_quote(doc.slice(a, b).trim()))).collect();
        format!(
            "{}与{last_year}年报告的同一部分重复约{share}%，超过{LIMIT_PERCENT}%。重复最长的段落：{}。请按本年实际情况重写",
            place.name(),
            passages.join("；")
        )
    } else {
        format!("{}与{last_year}年报告的同一部分重复约{share}%", place.name())
    };
    let text = runs.first().map(|&(a, b)| TextSpan { place, start: a, end: b, quote: doc.slice(a, b) });
    out.push(CheckResult {
        id: format!("text.repetition.{}", place.key()),
        severity: Severity::Warning,
        status: if failed { Status::Fail } else { Status::Pass },
        title: format!("{}不应照搬上年报告（重复不超过{LIMIT_PERCENT}%）", place.name()),
        explanation,
        difference: None,
        left: Vec::new(),
        right: Vec::new(),
        text,
    });
}
