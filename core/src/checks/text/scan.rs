//! Reading a narrative: its sentences, and the figures it states with their units.
//! Positions are in characters (not bytes), as the spans report them.

use crate::value::Decimal;

/// One text of the report, as characters, read once: its sentences, the
/// numbers it states, and which characters stand inside 《…》 (a document's
/// title, which may name any year). Every check reads this, never the text
/// again.
pub(crate) struct Doc<'t> {
    /// A slice, not a `Vec`: indexing it is the compiler's own bounds check,
    /// where `Vec`'s `Index` is a call the size-optimised build does not inline.
    pub chars: Box<[char]>,
    text: &'t str,
    /// Byte offset of each character, and of the end.
    bytes: Box<[usize]>,
    sentences: Vec<Sentence>,
    /// The character ranges inside 《…》, from the 《 to before its 》, in order.
    titles: Vec<(usize, usize)>,
    numbers: Vec<Number>,
}

/// A sentence, as a character range. 「；」 does not end one: the parts of a
/// sentence like 「收到申请N件……；办结N件……」 share its subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// 件 (applications, cases, documents, decisions)
    Jian,
    /// 起 (cases)
    Qi,
    /// 条 (items of information: never a count of applications)
    Tiao,
    Wanyuan,
    Yuan,
    Percent,
    /// Anything else (年, 月, 个, 号…)
    Other,
}

/// A number written in the text, with the unit that follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Number {
    pub start: usize,
    /// End of the digits.
    pub end: usize,
    /// End of the unit (== `end` when there is none).
    pub unit_end: usize,
    pub value: Decimal,
    /// Decimal places as written.
    pub decimals: u32,
    pub unit: Unit,
}

#[inline(always)]
pub(crate) fn is_space(c: char) -> bool {
    is_white(c)
}

/// `char::is_whitespace` (Unicode White_Space, U+3000 included), written out
/// so that it is inlined: the check runs on every character.
#[inline(always)]
pub(crate) fn is_white(c: char) -> bool {
    if c < '\u{80}' {
        return matches!(c, ' ' | '\t'..='\r');
    }
    matches!(
        c,
        '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

#[inline(always)]
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

#[inline(always)]
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str) -> Doc<'t> {
        let chars: Box<[char]> = text.chars().collect();
        let mut bytes = vec![0; chars.len() + 1].into_boxed_slice();
        let mut at = 0;
        for (k, c) in chars.iter().enumerate() {
            bytes[k] = at;
            at += c.len_utf8();
        }
        bytes[chars.len()] = at;
        let mut titles = Vec::new();
        let (mut depth, mut open) = (0u32, 0);
        for (i, &c) in chars.iter().enumerate() {
            match c {
                '《' => {
                    if depth == 0 {
                        open = i;
                    }
                    depth += 1;
                }
                '》' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        titles.push((open, i));
                    }
                }
                _ => {}
            }
        }
        if depth > 0 {
            titles.push((open, chars.len()));
        }
        let mut doc = Doc { chars, text, bytes, sentences: Vec::new(), titles, numbers: Vec::new() };
        doc.sentences = doc.split_sentences();
        doc.numbers = doc.scan_numbers();
        doc
    }

    /// Whether character `i` is inside 《…》.
    pub fn in_title(&self, i: usize) -> bool {
        let k = self.titles.partition_point(|&(_, end)| end <= i);
        self.titles.get(k).is_some_and(|&(start, _)| start <= i)
    }

    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Characters `start..end` of the text, as written.
    pub fn str(&self, start: usize, end: usize) -> &'t str {
        let (a, b) = (start.min(self.len()), end.min(self.len()));
        &self.text[self.bytes[a]..self.bytes[b.max(a)]]
    }

    pub fn slice(&self, start: usize, end: usize) -> String {
        self.str(start, end).to_string()
    }

    /// How many characters are not white space (how a reader counts them).
    pub fn non_white(&self) -> usize {
        self.chars.iter().filter(|&&c| !is_white(c)).count()
    }

    /// Whether the characters before `pos` end with `word`.
    pub fn ends_with(&self, pos: usize, word: &[char]) -> bool {
        pos >= word.len() && self.chars[pos - word.len()..pos] == *word
    }

    /// Whether the characters from `pos` start with `word`.
    pub fn starts_with(&self, pos: usize, word: &[char]) -> bool {
        self.chars.get(pos..pos + word.len()).is_some_and(|s| s == word)
    }

    /// Whether `word` occurs in `start..end`.
    pub fn contains(&self, start: usize, end: usize, word: &[char]) -> bool {
        let Some((&first, rest)) = word.split_first() else { return true };
        let Some(hay) = self.chars.get(start..end.min(self.len())) else { return false };
        if hay.len() < word.len() {
            return false;
        }
        let last = hay.len() - word.len();
        let mut i = 0;
        while i <= last {
            if hay[i] == first && hay[i + 1..i + word.len()] == *rest {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Sentences, ended by 。！？, their ASCII forms, or a line break;
    /// surrounding spaces left out, empty ones dropped.
    fn split_sentences(&self) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, &c) in self.chars.iter().enumerate() {
            let ends = matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r');
            if ends {
                self.push_trimmed(&mut out, start, i + 1);
                start = i + 1;
            }
        }
        self.push_trimmed(&mut out, start, self.len());
        out
    }

    fn push_trimmed(&self, out: &mut Vec<Sentence>, mut start: usize, mut end: usize) {
        while start < end && is_space(self.chars[start]) {
            start += 1;
        }
        while end > start && (is_space(self.chars[end - 1]) || matches!(self.chars[end - 1], '\n' | '\r')) {
            end -= 1;
        }
        if end > start {
            out.push(Sentence { start, end });
        }
    }

    /// The numbers that start in `start..end`, each with its unit.
    pub fn numbers(&self, start: usize, end: usize) -> &[Number] {
        let lo = self.numbers.partition_point(|n| n.start < start);
        let hi = self.numbers.partition_point(|n| n.start < end);
        &self.numbers[lo..hi.max(lo)]
    }

    fn scan_numbers(&self) -> Vec<Number> {
        let (start, end) = (0, self.len());
        let mut out = Vec::new();
        let mut i = start;
        while i < end {
            let before_ok = i == 0 || {
                let p = self.chars[i - 1];
                !(p.is_ascii_alphanumeric() || digit(p).is_some() || p == '.' || p == '-')
            };
            if digit(self.chars[i]).is_none() || !before_ok {
                i += 1;
                continue;
            }
            let (number, next) = self.number_at(i, end);
            if let Some(n) = number {
                out.push(n);
            }
            i = next.max(i + 1);
        }
        out
    }

    /// The number starting at `i`: digits with optional thousands separators
    /// and one decimal point, then spaces, then the unit.
    fn number_at(&self, i: usize, end: usize) -> (Option<Number>, usize) {
        let mut micros: i128 = 0;
        let mut j = i;
        let mut decimals = None::<u32>;
        let mut too_long = false;
        while j < end {
            let c = self.chars[j];
            if let Some(d) = digit(c) {
                match decimals.as_mut() {
                    None => micros = micros * 10 + i128::from(d) * 1_000_000,
                    Some(n) if *n < 6 => {
                        *n += 1;
                        micros += i128::from(d) * 10i128.pow(6 - *n);
                    }
                    Some(_) => too_long = true,
                }
                too_long |= micros > 1_000_000_000_000_000_000;
            } else if c == ',' && decimals.is_none() && self.digits_from(j + 1, end) == 3 {
                // a thousands separator
            } else if (c == '.' || c == '．') && decimals.is_none() && self.digits_from(j + 1, end) > 0 {
                decimals = Some(0);
            } else {
                break;
            }
            j += 1;
        }
        // Something like 「0517-83605210」 or 「3.2.1」 is no figure.
        if too_long
            || j < end && (self.chars[j].is_ascii_alphanumeric() || matches!(self.chars[j], '-' | '.' | '@'))
        {
            return (None, j);
        }
        let value = Decimal::from_micros(micros);
        let mut k = j;
        while k < end && is_space(self.chars[k]) && k - j < 2 {
            k += 1;
        }
        let (unit, len) = match (self.chars.get(k), self.chars.get(k + 1)) {
            (Some('万'), Some('元')) => (Unit::Wanyuan, 2),
            (Some('件'), _) => (Unit::Jian, 1),
            (Some('起'), _) => (Unit::Qi, 1),
            (Some('条'), _) => (Unit::Tiao, 1),
            (Some('元'), _) => (Unit::Yuan, 1),
            (Some('%' | '％'), _) => (Unit::Percent, 1),
            _ => (Unit::Other, 0),
        };
        let unit_end = if len > 0 { k + len } else { j };
        let n = Number { start: i, end: j, unit_end, value, decimals: decimals.unwrap_or(0), unit };
        (Some(n), unit_end)
    }

    fn digits_from(&self, mut j: usize, end: usize) -> usize {
        let start = j;
        while j < end && digit(self.chars[j]).is_some() {
            j += 1;
        }
        j - start
    }
}

/// A list of words, with a filter on their first characters so a text is
/// scanned once for all of them.
pub(crate) struct WordList {
    pub words: Vec<Vec<char>>,
    firsts: u128,
}

fn bit(c: char) -> u128 {
    1u128 << (c as u32 % 128)
}

impl WordList {
    pub fn new(list: &[&str]) -> WordList {
        let words = words(list);
        let firsts = words.iter().filter_map(|w| w.first()).fold(0, |acc, &c| acc | bit(c));
        WordList { words, firsts }
    }
}

impl Doc<'_> {
    /// The first word of `list` found in `start..end` (earliest position, longest word).
    pub fn find_any<'l>(&self, start: usize, end: usize, list: &'l WordList) -> Option<&'l [char]> {
        let end = end.min(self.len());
        (start..end).find_map(|i| {
            let c = self.chars[i];
            if list.firsts & bit(c) == 0 {
                return None;
            }
            list.words
                .iter()
                .find(|w| w[0] == c && self.starts_with(i, w) && i + w.len() <= end)
                .map(|w| &w[..])
        })
    }
}

/// A word as characters, for matching.
pub(crate) fn chars(word: &str) -> Vec<char> {
    word.chars().collect()
}

/// A list of words as characters, longest first (so 「复议后起诉」 wins over 「起诉」).
pub(crate) fn words(list: &[&str]) -> Vec<Vec<char>> {
    let mut out: Vec<Vec<char>> = list.iter().map(|w| chars(w)).collect();
    // Insertion sort: tiny lists, and no std sort in the wasm.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1].len() < out[j].len() {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_full_stops_and_lines() {
        let d = Doc::new("甲。乙；丙\n\n 丁");
        let s: Vec<String> = d.sentences().iter().map(|s| d.slice(s.start, s.end)).collect();
        assert_eq!(s, ["甲。", "乙；丙", "丁"]);
    }

    #[test]
    fn white_space_is_unicode_white_space() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_white(c), c.is_whitespace(), "{:?}", c);
        }
    }

    #[test]
    fn titles_nest_and_may_be_left_open() {
        let d = Doc::new("甲《乙《丙》丁》戊》己《庚");
        let inside: String = (0..d.len()).filter(|&i| d.in_title(i)).map(|i| d.chars[i]).collect();
        assert_eq!(inside, "《乙《丙》丁《庚");
        assert!(!d.in_title(d.len()));
    }

    #[test]
    fn numbers_with_units() {
        let d = Doc::new("收到 3,119 件，占51.85%，24252.31万元，电话0517-83605210，２件");
        let n = d.numbers(0, d.len()).to_vec();
        let got: Vec<(String, Unit, u32)> =
            n.iter().map(|n| (n.value.to_string(), n.unit, n.decimals)).collect();
        assert_eq!(
            got,
            [
                ("3119".to_string(), Unit::Jian, 0),
                ("51.85".to_string(), Unit::Percent, 2),
                ("24252.31".to_string(), Unit::Wanyuan, 2),
                ("2".to_string(), Unit::Jian, 0)
            ]
        );
    }
}
