//! Text repeated from last year's report (年年雷同): the share of each text
//! covered by passages of 8 characters that last year's same text also has.
//! Spaces and punctuation are left out and every run of digits counts as one
//! sign, so changing the years and the figures does not hide a copy.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use super::scan::{is_han, Doc};
use super::{short_quote, TextPlace, TextSpan};
use crate::checks::{CheckResult, Severity, Status};

/// Length of the compared passages, in signs.
const SHINGLE: usize = 8;
/// Shorter texts (「2024年，未收取信息处理费。」) are formulas: the same every year is fine.
const MIN_SIGNS: usize = 60;
/// Above this share the text counts as copied (宿迁's evaluation deducts above 50 %).
pub const LIMIT_PERCENT: usize = 50;

/// The text reduced to signs, with the character each one starts at.
fn signs(chars: &[char]) -> (Vec<char>, Vec<usize>) {
    let (mut out, mut at) = (Vec::with_capacity(chars.len()), Vec::with_capacity(chars.len()));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            out.push('#');
            at.push(i);
            while i < chars.len()
                && (chars[i].is_ascii_digit() || ('０'..='９').contains(&chars[i]) || chars[i] == '.')
            {
                i += 1;
            }
            continue;
        }
        if is_han(c) || c.is_ascii_alphanumeric() {
            out.push(c);
            at.push(i);
        }
        i += 1;
    }
    (out, at)
}

fn hash(window: &[char]) -> u64 {
    // FNV-1a: fast and the same on every platform.
    window.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| (h ^ c as u64).wrapping_mul(0x0100_0000_01b3))
}

/// The shingles are hashed already: the set uses their hash as is.
#[derive(Default)]
struct Hashed(u64);

impl Hasher for Hashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(super) fn check(place: TextPlace, doc: &Doc, last: &str, last_year: u16, out: &mut Vec<CheckResult>) {
    let (now, at) = signs(&doc.chars);
    let before: Vec<char> = last.chars().collect();
    let (then, _) = signs(&before);
    if now.len() < MIN_SIGNS || then.len() < SHINGLE {
        return;
    }
    let mut known: HashSet<u64, BuildHasherDefault<Hashed>> = HashSet::default();
    known.extend(then.windows(SHINGLE).map(hash));
    let mut covered = vec![false; now.len()];
    for (i, w) in now.windows(SHINGLE).enumerate() {
        if known.contains(&hash(w)) {
            covered[i..i + SHINGLE].iter_mut().for_each(|c| *c = true);
        }
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
