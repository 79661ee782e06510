//! The order WordprocessingML (ECMA-376, transitional) gives the children of
//! the property elements docx-rs writes out of order. Word treats a file
//! with children out of sequence as corrupt and offers to repair it.

/// Children of `w:pPr` (CT_PPr).
const P_PR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// Children of `w:rPr` (CT_RPr, and CT_ParaRPr's revision marks first).
const R_PR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// Children of `w:sectPr` (CT_SectPr): header and footer references first.
const SECT_PR: &[&str] = &[
    "w:headerReference|w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// Children of `w:tblPr` (CT_TblPr).
const TBL_PR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// Children of `w:tcPr` (CT_TcPr).
const TC_PR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// Children of `w:tblBorders` and `w:tblCellMar` (CT_TblBorders, CT_TblCellMar).
const TBL_EDGES: &[&str] =
    &["w:top", "w:start|w:left", "w:bottom", "w:end|w:right", "w:insideH", "w:insideV"];

/// Children of `w:pBdr` (CT_PBdr).
const P_BDR: &[&str] = &["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"];

/// Children of `w:settings` (CT_Settings), those docx-rs writes and their neighbours.
pub const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:mirrorMargins",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:proofState",
    "w:trackRevisions",
    "w:documentProtection",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:characterSpacingControl",
    "w:evenAndOddHeaders",
    "w:bookFoldPrinting",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:noPunctuationKerning",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:shapeDefaults",
    "w:decimalSymbol",
    "w:listSeparator",
    "w14:docId",
    "w15:docId",
];

/// The sequence that orders `parent`'s children, if it is one this pass fixes.
pub fn sequence(parent: &[u8]) -> Option<&'static [&'static str]> {
    Some(match parent {
        b"w:pPr" => P_PR,
        b"w:rPr" => R_PR,
        b"w:sectPr" => SECT_PR,
        b"w:tblPr" => TBL_PR,
        b"w:tcPr" => TC_PR,
        b"w:tblBorders" | b"w:tblCellMar" | b"w:tcBorders" | b"w:tcMar" => TBL_EDGES,
        b"w:pBdr" => P_BDR,
        _ => return None,
    })
}

/// Where `child` goes in `sequence`; unknown elements go last, in their order.
pub fn rank(sequence: &[&str], child: &[u8]) -> usize {
    sequence
        .iter()
        .position(|names| names.split('|').any(|n| n.as_bytes() == child))
        .unwrap_or(sequence.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_children_go_last_and_alternatives_share_a_rank() {
        assert!(rank(P_PR, b"w:keepNext") < rank(P_PR, b"w:jc"));
        assert!(rank(P_PR, b"w:jc") < rank(P_PR, b"w:rPr"));
        assert_eq!(rank(P_PR, b"w:unknown"), P_PR.len());
        assert_eq!(rank(SECT_PR, b"w:headerReference"), rank(SECT_PR, b"w:footerReference"));
        assert!(rank(R_PR, b"w:rFonts") < rank(R_PR, b"w:sz"));
    }
}
