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

/// Whether `text`, read canonically, starts with the canonical `prefix`;
/// returns the byte offset in `text` just after it.
pub fn strip_prefix_at(text: &str, prefix: &str) -> Option<usize> {
    let mut want = prefix.chars().peekable();
    if want.peek().is_none() {
        return Some(0);
    }
    for (i, c) in canonical(text) {
        let w = want.next()?;
        if w != c {
            return None;
        }
        if want.peek().is_none() {
            return Some(i + c.len_utf8());
        }
    }
    None
}

/// Whether `text`, read canonically, ends with the canonical `suffix`;
/// returns the byte offset in `text` where it starts.
pub fn suffix_start(text: &str, suffix: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = canonical(text).collect();
    let want: Vec<char> = suffix.chars().collect();
    if want.is_empty() || want.len() > chars.len() {
        return None;
    }
    let tail = &chars[chars.len() - want.len()..];
    tail.iter().map(|(_, c)| *c).eq(want.iter().copied()).then(|| tail[0].0)
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
        let text = "一、 总体情况2021年，我镇";
        let end = strip_prefix_at(text, &norm("一、总体情况")).unwrap();
        assert_eq!(&text[end..], "2021年，我镇");
        assert_eq!(strip_prefix_at("一、总体", &norm("一、总体情况")), None);
        let text = "编制本报告。二、主动公开政府信息情况 ";
        let start = suffix_start(text, &norm("二、主动公开政府信息情况")).unwrap();
        assert_eq!(&text[..start], "编制本报告。");
    }
}
