//! The page (GB/T 9704 §5.2), stated once for every renderer: A4, margins
//! 37/35/28/26 mm, a 156 × 225 mm 版心 of 22 lines of 28 characters.
//! Lengths are in twips (1/20 pt), the unit of the DOCX; [`tenth_mm`] converts.

/// A4 in twips.
pub const PAGE_WIDTH: i32 = 11906;
pub const PAGE_HEIGHT: i32 = 16838;
/// 天头 37 mm, 订口 28 mm, and what is left of the 156 × 225 mm 版心.
pub const MARGIN_TOP: i32 = 2098;
pub const MARGIN_BOTTOM: i32 = 1984;
pub const MARGIN_LEFT: i32 = 1587;
pub const MARGIN_RIGHT: i32 = 1474;
/// The line length: 156 mm (the margins, rounded to whole twips, leave 8845).
pub const TEXT_WIDTH: i32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// The height of the 版心: 225 mm.
pub const TEXT_HEIGHT: i32 = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
/// 「一般每面排22行」.
pub const LINES_PER_PAGE: i32 = 22;
/// 「每行排28个字」.
pub const CHARS_PER_LINE: i32 = 28;
/// Exact line pitch of the body: 22 lines in the 225 mm text block (28.95 pt).
pub const LINE_PITCH: i32 = 579;

// The tables (156 mm wide, to the twip) fit the line, and the 22 lines the page.
const _: () = assert!(crate::format::TEXT_BLOCK_TWIPS as i32 <= TEXT_WIDTH);
const _: () = assert!(LINES_PER_PAGE * LINE_PITCH <= TEXT_HEIGHT);

/// `twips` in tenths of a millimetre, rounded (for the print stylesheet).
pub fn tenth_mm(twips: i32) -> i32 {
    (twips * 254 + 720) / 1440
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_a4_with_the_gb_t_9704_text_block() {
        let mm = |t| tenth_mm(t) as f32 / 10.0;
        assert_eq!((mm(PAGE_WIDTH), mm(PAGE_HEIGHT)), (210.0, 297.0));
        assert_eq!(
            (mm(MARGIN_TOP), mm(MARGIN_BOTTOM), mm(MARGIN_LEFT), mm(MARGIN_RIGHT)),
            (37.0, 35.0, 28.0, 26.0)
        );
        assert_eq!((mm(TEXT_WIDTH), mm(TEXT_HEIGHT)), (156.0, 225.0));
    }
}
