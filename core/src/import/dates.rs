//! Dates as reports print them: 「2024年1月31日」, 「２０２４年１月３１日」,
//! 「二〇二四年一月三十一日」.

use super::normalize::norm;

/// `YYYY-MM-DD` when `text` (canonical) is exactly a date, with an optional
/// `suffix` after it (「印发」).
pub fn parse_date(text: &str) -> Option<String> {
    let n = norm(text);
    let (y, rest) = n.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let year = number(y, true)?;
    let (month, day) = (number(m, false)?, number(d, false)?);
    if !(2000..=2100).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Splits 「平潭综合实验区市场监督管理局 2024年1月31日」 into the text before
/// the date and the date; `None` when the text does not end with a date.
pub fn trailing_date(text: &str) -> Option<(String, String)> {
    let trimmed = text.trim();
    let chars: Vec<(usize, char)> = trimmed.char_indices().collect();
    // The date starts at the last run of digits before 年.
    let year_at = trimmed.rfind('年')?;
    let mut start = year_at;
    for &(i, c) in chars.iter().rev() {
        if i >= year_at {
            continue;
        }
        if is_digit(c) {
            start = i;
        } else if !c.is_whitespace() || start != year_at {
            break;
        }
    }
    if start == year_at {
        return None;
    }
    let date = parse_date(&trimmed[start..])?;
    Some((trimmed[..start].trim().to_string(), date))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || chinese_digit(c).is_some()
}

fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or((c == '零').then_some(0))
}

/// 「2024」, 「二〇二四」 (digit by digit, for years), 「31」, 「三十一」.
fn number(text: &str, year: bool) -> Option<u32> {
    if text.is_empty() || text.chars().count() > 4 {
        return None;
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    if year {
        return text.chars().try_fold(0, |acc, c| chinese_digit(c).map(|d| acc * 10 + d));
    }
    // 十, 十一, 二十, 三十一.
    match text.split_once('十') {
        None => {
            let mut chars = text.chars();
            let d = chinese_digit(chars.next()?)?;
            chars.next().is_none().then_some(d)
        }
        Some((tens, ones)) => {
            let tens = if tens.is_empty() { 1 } else { number(tens, false)? };
            let ones = if ones.is_empty() { 0 } else { number(ones, false)? };
            (ones < 10).then_some(tens * 10 + ones)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_printed() {
        assert_eq!(parse_date("2024年1月31日").as_deref(), Some("2024-01-31"));
        assert_eq!(parse_date(" ２０２４年１月３１日 ").as_deref(), Some("2024-01-31"));
        assert_eq!(parse_date("二〇二四年一月三十一日").as_deref(), Some("2024-01-31"));
        assert_eq!(parse_date("2022年1月12日印发"), None);
        assert_eq!(parse_date("2024年13月1日"), None);
        assert_eq!(parse_date("本报告"), None);
    }

    #[test]
    fn a_date_after_the_signing_unit() {
        assert_eq!(
            trailing_date("平潭综合实验区市场监督管理局 2024年1月31日      "),
            Some(("平潭综合实验区市场监督管理局".to_string(), "2024-01-31".to_string()))
        );
        assert_eq!(trailing_date("2024年1月12日"), Some((String::new(), "2024-01-12".to_string())));
        assert_eq!(trailing_date("截至2023年12月31日，主动公开政府信息459条。"), None);
    }
}
