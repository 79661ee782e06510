//! Text as it goes into the document: made safe for XML 1.0, split into
//! paragraphs, dates written the official way, widths estimated for layout.

/// Characters that end a line when pasted from Word or the web: newlines,
/// U+000B (Word's manual line break), form feed, NEL and the Unicode separators.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters XML 1.0 forbids (C0 controls other than tab/newline/CR,
/// U+FFFE, U+FFFF) and the invisible C1 controls, which only ever arrive as
/// debris from other programs.
fn is_debris(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// One line of text, safe for XML: debris removed, tabs and line breaks
/// turned into spaces, surrounding spaces (also U+3000) trimmed.
pub fn clean(text: &str) -> String {
    let mapped: String = text
        .chars()
        .filter(|&c| !is_debris(c) || is_line_break(c))
        .map(|c| if c == '\t' || is_line_break(c) { ' ' } else { c })
        .collect();
    mapped.trim().to_string()
}

/// The paragraphs of a free text: one per line, each cleaned; blank lines dropped.
/// Leading spaces are dropped too, since the layout indents every paragraph.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split(is_line_break).map(clean).filter(|p| !p.is_empty()).collect()
}

/// 成文日期 as printed: `2022-01-12` → 「2022年1月12日」 (GB/T 9704 §7.3.5: Arabic
/// numerals, no leading zeros). Anything else is printed as typed, cleaned.
pub fn official_date(iso: &str) -> String {
    let cleaned = clean(iso);
    crate::date::Date::parse(&cleaned).map_or(cleaned, crate::date::Date::official)
}

/// Approximate printed width in ems: half-width characters count ½, the rest
/// 1, plus the space Word, WPS and LibreOffice put between Chinese and digits.
pub fn width_em(text: &str) -> f32 {
    width_with(text, 0.5)
}

/// Width in ems counting each half-width character as `half`: a margin for
/// renderers that substitute a wider Latin face for a missing Chinese one.
pub fn width_with(text: &str, half: f32) -> f32 {
    let glyphs: f32 = text.chars().map(|c| if is_half_width(c) { half } else { 1.0 }).sum();
    let chars: Vec<char> = text.chars().collect();
    let gaps = chars
        .windows(2)
        .filter(|w| {
            (is_ideograph(w[0]) && w[1].is_ascii_alphanumeric())
                || (w[0].is_ascii_alphanumeric() && is_ideograph(w[1]))
        })
        .count();
    glyphs + AUTOSPACE_EM * gaps as f32
}

/// The automatic space between a Chinese character and a Latin letter or digit.
const AUTOSPACE_EM: f32 = 0.25;

fn is_ideograph(c: char) -> bool {
    ('\u{3400}'..='\u{9FFF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c)
}

fn is_half_width(c: char) -> bool {
    c.is_ascii() || ('\u{FF61}'..='\u{FFDC}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_what_xml_forbids() {
        let every_c0: String = (0u8..0x20).map(char::from).collect();
        let text = format!("a{every_c0}b\u{FFFE}\u{FFFF}\u{85}c\u{9F}");
        assert_eq!(clean(&text), "a     b c");
    }

    #[test]
    fn clean_trims_full_width_spaces() {
        assert_eq!(clean("\u{3000}\u{3000}正文 "), "正文");
    }

    #[test]
    fn paragraphs_split_on_every_kind_of_line_break() {
        let text = "一是\r\n二是\u{0B}三是\r\r\n\u{3000}\u{3000}四是\u{2029}五是\n\n";
        assert_eq!(paragraphs(text), ["一是", "二是", "三是", "四是", "五是"]);
    }

    #[test]
    fn dates_are_written_without_leading_zeros() {
        assert_eq!(official_date("2022-01-12"), "2022年1月12日");
        assert_eq!(official_date("2025/1/5"), "2025年1月5日");
        assert_eq!(official_date("2022-13-01"), "2022-13-01");
        // Not a day of the calendar: printed as typed, as the draft check refuses it too.
        assert_eq!(official_date("2022-02-31"), "2022-02-31");
        assert_eq!(official_date("二〇二二年一月"), "二〇二二年一月");
        assert_eq!(official_date(""), "");
    }

    #[test]
    fn width_counts_digits_as_half_and_the_space_around_them() {
        // 7 digits, 3 characters, 5 gaps between them.
        assert_eq!(width_em("2022年1月12日"), 7.75);
        assert_eq!(width_em("尔林兔镇人民政府"), 8.0);
        assert_eq!(width_em("（2022）"), 4.0);
    }
}
