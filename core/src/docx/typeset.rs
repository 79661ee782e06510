//! Faces, sizes and the paragraph settings every part of the document shares.
//!
//! Every run names its face for East Asian, Latin and complex scripts alike,
//! so Word and WPS never fall back to a default face for digits or Latin text.

use std::cell::Cell;

use docx_rs::{AlignmentType, LineSpacing, LineSpacingType, Paragraph, Run, RunFonts, SpecialIndentType};

/// The faces GB/T 9704 names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    /// 正文, 落款, 版记.
    FangSong,
    /// 标题.
    XiaoBiaoSong,
    /// 一级标题.
    HeiTi,
    /// 二级标题 and the 勾稽 note of 表三.
    KaiTi,
    /// Tables and page numbers.
    SongTi,
}

impl Face {
    pub fn name(self) -> &'static str {
        match self {
            Face::FangSong => "仿宋_GB2312",
            Face::XiaoBiaoSong => "方正小标宋简体",
            Face::HeiTi => "黑体",
            Face::KaiTi => "楷体_GB2312",
            Face::SongTi => "宋体",
        }
    }
}

/// A face at a size and a horizontal scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Type {
    pub face: Face,
    /// Size in half-points (`w:sz`).
    pub half_points: usize,
    /// Character width in percent (`w:w`); 100 is the face as drawn.
    pub scale: i32,
}

/// 3号 (16 pt) drawn 98 % wide, so that 28 characters fill the 156 mm line
/// (28 × 15.68 pt = 439 pt ≤ 442.2 pt; at full width only 27 fit). Narrowing
/// the glyphs rather than the spacing: LibreOffice drops a punctuation mark
/// hanging at the end of a line whose spacing is condensed.
const BODY_SCALE: i32 = 98;

pub const BODY: Type = Type { face: Face::FangSong, half_points: 32, scale: BODY_SCALE };
pub const HEADING: Type = Type { face: Face::HeiTi, half_points: 32, scale: BODY_SCALE };
pub const SUBHEADING: Type = Type { face: Face::KaiTi, half_points: 32, scale: BODY_SCALE };
/// 2号 小标宋.
pub const TITLE: Type = Type { face: Face::XiaoBiaoSong, half_points: 44, scale: 100 };
/// 4号: 版记 in 仿宋, page numbers in 宋体.
pub const IMPRINT: Type = Type { face: Face::FangSong, half_points: 28, scale: 100 };
pub const PAGE_NUMBER: Type = Type { face: Face::SongTi, half_points: 28, scale: 100 };

pub use crate::outline::page::LINE_PITCH;
/// Exact line pitch of the title (two-line titles stay compact).
pub const TITLE_PITCH: i32 = 700;
/// Width of one 3号 character in twips, for indents counted in characters.
pub const CHAR: i32 = 320;

/// `em` body characters (3号 at the body's scale) in twips.
pub fn body_twips(em: f32) -> i32 {
    (em.max(0.0) * CHAR as f32 * BODY_SCALE as f32 / 100.0).round() as i32
}

pub fn fonts(face: Face) -> RunFonts {
    let name = face.name();
    RunFonts::new().east_asia(name).ascii(name).hi_ansi(name).cs(name).hint("eastAsia")
}

/// A run of `text` (already cleaned) in `ty`.
pub fn run(text: &str, ty: Type) -> Run {
    styled(Run::new().add_text(text), ty)
}

/// Applies `ty` to a run.
pub fn styled(run: Run, ty: Type) -> Run {
    let run = run.fonts(fonts(ty.face)).size(ty.half_points);
    if ty.scale != 100 {
        run.stretch(ty.scale)
    } else {
        run
    }
}

thread_local! {
    static NEXT_PARA_ID: Cell<u32> = const { Cell::new(1) };
}

/// Restarts paragraph ids, so that the same report always gives the same bytes.
pub fn reset_paragraph_ids() {
    NEXT_PARA_ID.set(1);
}

/// A new paragraph whose paragraph mark is set in `ty` (this fixes the
/// height of empty lines and table cells) with a deterministic `w14:paraId`.
pub fn paragraph(ty: Type) -> Paragraph {
    let id = NEXT_PARA_ID.get();
    NEXT_PARA_ID.set(id + 1);
    Paragraph::new().id(format!("{id:08X}")).fonts(fonts(ty.face)).size(ty.half_points)
}

/// Exact line spacing with no space before or after.
pub fn exact(pitch: i32) -> LineSpacing {
    LineSpacing::new().line_rule(LineSpacingType::Exact).line(pitch).before(0).after(0)
}

/// Single line spacing with no space before or after (table cells).
pub fn single() -> LineSpacing {
    LineSpacing::new().line_rule(LineSpacingType::Auto).line(240).before(0).after(0)
}

/// A body paragraph: justified, first line indented two characters, 22 lines a page.
pub fn body_paragraph(ty: Type) -> Paragraph {
    paragraph(ty)
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(2 * CHAR)), None, None)
        .line_spacing(exact(LINE_PITCH))
}

/// A paragraph flush left and right, on the body's line pitch.
pub fn plain_paragraph(ty: Type, align: AlignmentType) -> Paragraph {
    paragraph(ty).align(align).line_spacing(exact(LINE_PITCH))
}

/// Right-aligned with a right indent in twips.
pub fn right_aligned(ty: Type, right_indent: i32) -> Paragraph {
    plain_paragraph(ty, AlignmentType::Right).indent(None, None, Some(right_indent), None)
}

/// An empty line of body height.
pub fn blank_line() -> Paragraph {
    plain_paragraph(BODY, AlignmentType::Left)
}
