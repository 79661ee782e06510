//! Comparing labels as a reader would: the same label printed with half- or
//! full-width characters, spaces, other quotes or 「1、」 for 「1.」 is the
//! same label.

/// The canonical form of a label or heading: no white space or quotes,
/// full-width brackets, colon and comma, ASCII digits and letters, and
/// 「1.」 for an item number however it is punctuated.
pub fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (_, c) in canonical(text) {
        out.push(c);
    }
    out
}

/// Each character of `text` that counts, with its byte offset, in canonical form.
pub fn canonical(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut prev_digit = false;
    text.char_indices().filter_map(move |(i, c)| {
        if c.is_whitespace() || is_quote(c) || c == '\u{200b}' || c == '\u{feff}' {
            return None;
        }
        let mut c = width(c);
        // 「1、」「1．」「1，」 after an item number all mean 「1.」.
        if prev_digit && matches!(c, '、' | '，') {
            c = '.';
        }
        prev_digit = c.is_ascii_digit();
        Some((i, c))
    })
}

/// A text read canonically once, to be compared with many canonical
/// prefixes and suffixes (a line against every heading).
pub struct Canonical {
    /// Each character that counts: its byte range in the text, and its canonical form.
    chars: Vec<(usize, usize, char)>,
}

impl Canonical {
    pub fn new(text: &str) -> Canonical {
        let chars = canonical(text)
            .map(|(i, c)| (i, i + text[i..].chars().next().map_or(0, char::len_utf8), c))
            .collect();
        Canonical { chars }
    }

    /// Whether the text starts with the canonical `prefix`; the byte offset
    /// in the text just after it.
    pub fn prefix_end(&self, prefix: &[char]) -> Option<usize> {
        let head = self.chars.get(..prefix.len())?;
        if !head.iter().map(|&(_, _, c)| c).eq(prefix.iter().copied()) {
            return None;
        }
        Some(head.last().map_or(0, |&(_, end, _)| end))
    }

    /// Whether the text ends with the canonical `suffix` (not empty); the
    /// byte offset in the text where it starts.
    pub fn suffix_start(&self, suffix: &[char]) -> Option<usize> {
        let from = self.chars.len().checked_sub(suffix.len()).filter(|_| !suffix.is_empty())?;
        let tail = &self.chars[from..];
        tail.iter().map(|&(_, _, c)| c).eq(suffix.iter().copied()).then(|| tail[0].0)
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '＂' | '＇')
}

/// Half-width brackets and punctuation to the full-width forms the format
/// prints; full-width digits and letters to ASCII.
fn width(c: char) -> char {
    match c {
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ',' => '，',
        ';' => '；',
        '．' => '.',
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '／' | '－' | '＋' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_compare_as_read() {
        assert_eq!(norm("(三) 不予公开"), "（三）不予公开");
        assert_eq!(norm("1、 属于国家秘密"), norm("1.属于国家秘密"));
        assert_eq!(norm("１．属于国家秘密"), "1.属于国家秘密");
        assert_eq!(norm("3.危及\"三安全一稳定\""), norm("3.危及“三安全一稳定”"));
        assert_eq!(norm("自\n然\n人"), "自然人");
        assert_eq!(norm("本年收费金额(单位:万元)"), norm("本年收费金额（单位：万元）"));
        // The enumeration comma of a heading stays.
        assert_eq!(norm("一、总体情况"), "一、总体情况");
    }

    #[test]
    fn prefixes_and_suffixes_map_back_to_the_text() {
        let chars = |t: &str| norm(t).chars().collect::<Vec<char>>();
        let text = "一、 总体情况2021年，我镇";
        let end = Canonical::new(text).prefix_end(&chars("一、总体情况")).unwrap();
        assert_eq!(&text[end..], "2021年，我镇");
        assert_eq!(Canonical::new("一、总体").prefix_end(&chars("一、总体情况")), None);
        assert_eq!(Canonical::new("abc").prefix_end(&[]), Some(0));
        // A half-width bracket read as the full-width one ends where the printed one does.
        let text = "(一)主动公开情况";
        let end = Canonical::new(text).prefix_end(&chars("（一）")).unwrap();
        assert_eq!(&text[end..], "主动公开情况");
        let text = "编制本报告。二、主动公开政府信息情况 ";
        let start = Canonical::new(text).suffix_start(&chars("二、主动公开政府信息情况")).unwrap();
        assert_eq!(&text[..start], "编制本报告。");
        assert_eq!(Canonical::new("情况").suffix_start(&chars("总体情况")), None);
        assert_eq!(Canonical::new("情况").suffix_start(&[]), None);
    }
}
