//! The .docx file: the parts docx-rs generated (as [`super::patch`] fixed
//! them) and the fixed parts below, in a zip archive with deflated entries.
//!
//! docx-rs writes every entry stored (230 KB a report) and adds parts this
//! document never uses (comments, numbering, footnotes, custom properties);
//! here only what the document refers to is written, and a theme, which
//! Word requires of a main document.

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::typeset::{Face, BODY};

const MAIN: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CT: &str = "application/vnd.openxmlformats-officedocument";

/// The document's parts and the package around them.
pub fn pack(xml: XMLDocx) -> Vec<u8> {
    let mut parts: Vec<(String, Vec<u8>, String)> = vec![
        ("_rels/.rels".into(), xml.rels, "rels".into()),
        ("docProps/app.xml".into(), xml.doc_props.app, format!("{CT}.extended-properties+xml")),
        (
            "docProps/core.xml".into(),
            xml.doc_props.core,
            "application/vnd.openxmlformats-package.core-properties+xml".into(),
        ),
        ("word/document.xml".into(), xml.document, format!("{CT}.wordprocessingml.document.main+xml")),
        ("word/_rels/document.xml.rels".into(), xml.document_rels, "rels".into()),
        ("word/styles.xml".into(), styles().into_bytes(), format!("{CT}.wordprocessingml.styles+xml")),
        ("word/settings.xml".into(), xml.settings, format!("{CT}.wordprocessingml.settings+xml")),
        ("word/fontTable.xml".into(), xml.font_table, format!("{CT}.wordprocessingml.fontTable+xml")),
        ("word/theme/theme1.xml".into(), THEME.as_bytes().to_vec(), format!("{CT}.theme+xml")),
    ];
    for (i, footer) in xml.footers.into_iter().enumerate() {
        let n = i + 1;
        parts.push((format!("word/footer{n}.xml"), footer, format!("{CT}.wordprocessingml.footer+xml")));
        if let Some(rels) = xml.footer_rels.get(i) {
            parts.push((format!("word/_rels/footer{n}.xml.rels"), rels.clone(), "rels".into()));
        }
    }

    let mut types = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    ));
    for (name, _, content_type) in &parts {
        if content_type != "rels" {
            types.push_str(&format!(r#"<Override PartName="/{name}" ContentType="{content_type}"/>"#));
        }
    }
    types.push_str("</Types>");

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let entries = std::iter::once(("[Content_Types].xml".to_string(), types.into_bytes()))
        .chain(parts.into_iter().map(|(name, bytes, _)| (name, bytes)));
    for (name, bytes) in entries {
        // Writing into memory cannot fail.
        zip.start_file(name, options).expect("a zip entry in memory");
        zip.write_all(&bytes).expect("writing a zip entry into memory");
    }
    zip.finish().expect("finishing a zip in memory").into_inner()
}

/// Document defaults: 3号仿宋, Chinese text (spell checking and line breaking
/// follow Chinese rules), and the Normal style.
fn styles() -> String {
    let face = Face::FangSong.name();
    let size = BODY.half_points;
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:styles xmlns:w="{main}"><w:docDefaults><w:rPrDefault><w:rPr>"#,
            r#"<w:rFonts w:ascii="{face}" w:eastAsia="{face}" w:hAnsi="{face}" w:cs="{face}" w:hint="eastAsia"/>"#,
            r#"<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#,
            r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#,
            r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
            r#"</w:styles>"#
        ),
        main = MAIN,
        face = face,
        size = size
    )
}

/// The smallest complete theme (colours, fonts, formats) Word accepts; the
/// document names its faces on every run, so the theme's fonts are unused.
const THEME: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements>"#,
    r#"<a:clrScheme name="Office">"#,
    r#"<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>"#,
    r#"<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>"#,
    r#"<a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2>"#,
    r#"<a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>"#,
    r#"<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>"#,
    r#"<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink>"#,
    r#"</a:clrScheme>"#,
    r#"<a:fontScheme name="Office">"#,
    r#"<a:majorFont><a:latin typeface="Times New Roman"/><a:ea typeface="黑体"/><a:cs typeface=""/></a:majorFont>"#,
    r#"<a:minorFont><a:latin typeface="Times New Roman"/><a:ea typeface="仿宋_GB2312"/><a:cs typeface=""/></a:minorFont>"#,
    r#"</a:fontScheme>"#,
    r#"<a:fmtScheme name="Office">"#,
    r#"<a:fillStyleLst>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"</a:fillStyleLst>"#,
    r#"<a:lnStyleLst>"#,
    r#"<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#,
    r#"<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#,
    r#"<a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#,
    r#"</a:lnStyleLst>"#,
    r#"<a:effectStyleLst>"#,
    r#"<a:effectStyle><a:effectLst/></a:effectStyle>"#,
    r#"<a:effectStyle><a:effectLst/></a:effectStyle>"#,
    r#"<a:effectStyle><a:effectLst/></a:effectStyle>"#,
    r#"</a:effectStyleLst>"#,
    r#"<a:bgFillStyleLst>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"</a:bgFillStyleLst>"#,
    r#"</a:fmtScheme>"#,
    r#"</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#
);
