//! The DOCX reader on small documents, on LibreOffice's `.docx` of the
//! published pages, and on bad input.

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use super::docx::{read_docx, MAX_ENTRIES};
use super::html_tests::{lines, shown, tables_of};
use super::{read_file, ReadError};
use crate::import::{Cell, Document};

pub(super) const DOCXS: &[(&str, &[u8])] = &[
    ("01", include_bytes!("../../../fixtures/published/01_pingtan-zonghe-shiyanqu-2021.docx")),
    ("02", include_bytes!("../../../fixtures/published/02_pingtan-zonghe-shiyanqu-2022.docx")),
    (
        "05",
        include_bytes!("../../../fixtures/published/05_pingtan-ziranziyuan-shengtaihuanjing-ju-2022.docx"),
    ),
    (
        "06",
        include_bytes!("../../../fixtures/published/06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023.docx"),
    ),
    ("08", include_bytes!("../../../fixtures/published/08_pingtan-junshan-pianqu-guanliju-2023.docx")),
    ("10", include_bytes!("../../../fixtures/published/10_pingtan-shichang-jiandu-guanliju-2023.docx")),
    ("11", include_bytes!("../../../fixtures/published/11_pingtan-shehui-shiyeju-2024.docx")),
];

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
                 xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

/// A zip of `entries`, deflated.
pub(super) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        zip.start_file(*name, SimpleFileOptions::default().compression_method(CompressionMethod::Deflated))
            .unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A `.docx` whose body is `body`.
fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {W}><w:body>{body}</w:body></w:document>"
    );
    zip_of(&[("word/document.xml", xml.as_bytes())])
}

fn read(body: &str) -> Document {
    read_docx(&docx(body)).unwrap()
}

fn p(runs: &str) -> String {
    format!("<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn cell(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr><w:tcW w:w=\"100\"/>{props}</w:tcPr>{}</w:tc>", p(&r(text)))
}

#[test]
fn runs_tabs_and_breaks_read_as_shown() {
    let doc = read(&format!(
        "{}{}{}",
        p(&format!(
            "{}{}<w:r><w:tab/><w:t>第 1 段</w:t><w:br/><w:t>&lt;续&gt; &amp; &#x4E00;</w:t></w:r>",
            r("一、"),
            r("总体情况")
        )),
        p(""),
        p(&r("  二、  "))
    ));
    assert_eq!(doc.paragraphs().collect::<Vec<_>>(), ["一、总体情况\t第 1 段\n<续> & 一", "  二、  "]);
}

#[test]
fn tracked_changes_fields_and_hidden_text_read_as_shown() {
    let doc = read(&p(&format!(
        "{}<w:ins w:id=\"1\">{}</w:ins><w:del w:id=\"2\"><w:r><w:delText>删去</w:delText></w:r></w:del>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         <w:fldSimple w:instr=\"DATE\">{}</w:fldSimple>\
         <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r>\
         <mc:AlternateContent><mc:Choice Requires=\"wps\">{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent>",
        r("保留"),
        r("插入"),
        r("3"),
        r("2024年1月"),
        r("框"),
        r("框")
    )));
    assert_eq!(doc.paragraphs().collect::<Vec<_>>(), ["保留插入32024年1月显示框"]);
}

#[test]
fn merged_cells_become_spans() {
    // Row 1: A spans 2 rows, B spans 2 columns; row 2: A continues, C, D;
    // row 3: gridBefore 1, E spans 3 columns.
    let doc = read(&format!(
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
         <w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}</w:tr></w:tbl>{}",
        cell("<w:vMerge w:val=\"restart\"/>", "A"),
        cell("<w:gridSpan w:val=\"2\"/>", "B"),
        cell("<w:vMerge/>", ""),
        cell("", "C"),
        cell("<w:vMerge w:val=\"continue\"/>", "D"),
        cell("<w:gridSpan w:val=\"3\"/>", "E"),
        p(&r("表后"))
    ));
    let table = doc.tables().next().unwrap();
    assert_eq!(
        table.rows,
        vec![
            vec![Cell::spanning("A", 2, 1), Cell::spanning("B", 1, 2)],
            // D continues nothing that started in its column: it stays a cell.
            vec![Cell::new("C"), Cell::new("D")],
            vec![Cell::spanning("E", 1, 3)],
        ]
    );
    assert_eq!(doc.paragraphs().collect::<Vec<_>>(), ["表后"]);
}

#[test]
fn a_merge_continues_down_several_rows_and_a_table_in_a_cell_reads_as_lines() {
    let inner = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", cell("", "内一"), cell("", "内二"));
    let doc = read(&format!(
        "<w:tbl><w:tr>{}<w:tc>{}{inner}</w:tc></w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell("<w:vMerge w:val=\"restart\"/>", "三、本年度办理结果"),
        p(&r("外")),
        cell("<w:vMerge/>", ""),
        cell("", "1"),
        cell("<w:vMerge/>", ""),
        cell("", "2"),
    ));
    let table = doc.tables().next().unwrap();
    assert_eq!(
        table.rows,
        vec![
            vec![Cell::spanning("三、本年度办理结果", 3, 1), Cell::new("外\n内一\n内二")],
            vec![Cell::new("1")],
            vec![Cell::new("2")],
        ]
    );
}

#[test]
fn every_libreoffice_docx_has_the_tables_chromium_shows() {
    for (name, bytes) in DOCXS {
        let doc = read_docx(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let seen = shown(name);
        let ours = tables_of(&doc);
        assert_eq!(ours.len(), seen.tables.len(), "{name}");
        for (t, (ours, seen)) in ours.iter().zip(&seen.tables).enumerate() {
            assert_eq!(ours.len(), seen.len(), "{name} table {t}: rows");
            for (r, (ours, seen)) in ours.iter().zip(seen).enumerate() {
                assert_eq!(ours, seen, "{name} table {t} row {r}");
            }
        }
        let text: Vec<String> = doc.paragraphs().flat_map(lines).collect();
        assert_eq!(text, seen.text, "{name}: text outside the tables");
    }
}

#[test]
fn read_file_tells_docx_from_html() {
    let (_, bytes) = DOCXS[5];
    assert_eq!(read_file("上年报告.docx", bytes).unwrap(), read_docx(bytes).unwrap());
    // The name does not matter: the bytes do.
    assert!(read_file("上年报告.html", bytes).is_ok());
}

#[test]
fn damaged_zips_are_refused() {
    let (_, bytes) = DOCXS[3];
    for cut in [10, 100, bytes.len() / 2, bytes.len() - 30] {
        let err = read_docx(&bytes[..cut]).unwrap_err();
        assert!(matches!(err, ReadError::Damaged(_) | ReadError::NotDocx), "{cut}: {err:?}");
        assert!(!err.message().is_empty());
    }
    // Flipped bytes inside the compressed XML: a CRC or inflate error, never a panic.
    let mut flipped = bytes.to_vec();
    for i in (200..flipped.len() - 200).step_by(97) {
        flipped[i] ^= 0x5A;
    }
    assert!(read_docx(&flipped).is_err());
}

#[test]
fn other_zips_are_named() {
    let xlsx = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    assert_eq!(read_docx(&xlsx), Err(ReadError::Unsupported("表格文件（.xlsx）")));
    let any = zip_of(&[("readme.txt", b"hello")]);
    let err = read_docx(&any).unwrap_err();
    assert_eq!(err, ReadError::NotDocx);
    assert!(err.message().contains("请在 WPS 或 Word 中打开并另存为 .docx"));
}

#[test]
fn an_encrypted_entry_is_refused() {
    // A stored entry with the "encrypted" flag set, as zip tools write it.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        SimpleFileOptions::default().compression_method(CompressionMethod::Stored),
    )
    .unwrap();
    zip.write_all(b"xxxxxxxxxxxxxxxxxxxxxxxx").unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    // General purpose flag, bit 0: in the local header (offset 6) and the central one (offset 8).
    bytes[6] |= 1;
    let central = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    bytes[central + 8] |= 1;
    let err = read_docx(&bytes).unwrap_err();
    assert_eq!(err, ReadError::Encrypted);
    assert!(err.message().contains("密码"));
}

#[test]
fn a_zip_bomb_stops_at_the_cap() {
    // 80 MB of XML whitespace, deflated to well under 1 MB.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        SimpleFileOptions::default().compression_method(CompressionMethod::Deflated),
    )
    .unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&block).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let started = std::time::Instant::now();
    assert_eq!(read_docx(&bytes), Err(ReadError::TooBig));
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn too_many_entries_are_refused() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..=MAX_ENTRIES {
        zip.start_file(
            format!("{i}"),
            SimpleFileOptions::default().compression_method(CompressionMethod::Stored),
        )
        .unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(read_docx(&bytes), Err(ReadError::TooBig));
}

#[test]
fn deep_or_broken_xml_is_refused() {
    let deep = format!("{}{}", "<w:sdt><w:sdtContent>".repeat(100_000), p(&r("深")));
    assert_eq!(read_docx(&docx(&deep)), Err(ReadError::TooDeep));
    let unclosed = zip_of(&[("word/document.xml", format!("<w:document {W}><w:body><w:p>").as_bytes())]);
    assert!(matches!(read_docx(&unclosed), Err(ReadError::Damaged(_))));
    let mismatched = zip_of(&[("word/document.xml", format!("<w:document {W}><w:body></w:p>").as_bytes())]);
    assert!(matches!(read_docx(&mismatched), Err(ReadError::Damaged(_))));
}

#[test]
fn documents_without_text_say_so() {
    assert_eq!(read_docx(&docx(&p(""))), Err(ReadError::NoText { images: false }));
    let scanned = p("<w:r><w:drawing><wp:inline xmlns:wp=\"x\"/></w:drawing></w:r>");
    assert_eq!(read_docx(&docx(&scanned)), Err(ReadError::NoText { images: true }));
}

#[test]
fn this_apps_own_docx_reads_back_its_tables() {
    let draft = include_str!("../../../fixtures/10_pingtan-shichang-jiandu-guanliju-2023.json");
    let report = crate::draft::from_json(draft).unwrap();
    let doc = read_docx(&crate::docx::build_docx(&report)).unwrap();
    assert_eq!(doc.tables().count(), 3);
    let table3 = doc.tables().nth(1).unwrap();
    let results = table3.rows.iter().flatten().find(|c| c.text == "三、本年度办理结果").unwrap();
    assert_eq!((results.row_span, results.col_span), (22, 1));
    assert!(doc.paragraphs().any(|p| p.contains("六、其他需要报告的事项")));
}

#[test]
fn the_title_property_is_kept_apart_from_the_text() {
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>";
    let core = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties \
                xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
                xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>x</dc:creator>\
                <dc:title>  某局2023年政府信息公开工作年度报告 &amp;\n附&#x4EF6;</dc:title></cp:coreProperties>";
    let doc =
        read_docx(&zip_of(&[("word/document.xml", body.as_bytes()), ("docProps/core.xml", core.as_bytes())]))
            .unwrap();
    assert_eq!(doc.title.as_deref(), Some("某局2023年政府信息公开工作年度报告 & 附件"));
    assert_eq!(doc.paragraphs().collect::<Vec<_>>(), ["一、总体情况"]);
    // No properties, an empty title or broken properties: no title, and the text still reads.
    for core in
        [None, Some("<cp:coreProperties><dc:title> </dc:title></cp:coreProperties>"), Some("<dc:title>x")]
    {
        let mut entries = vec![("word/document.xml", body.as_bytes())];
        entries.extend(core.map(|c| ("docProps/core.xml", c.as_bytes())));
        let doc = read_docx(&zip_of(&entries)).unwrap();
        assert_eq!(doc.title, None, "{core:?}");
    }
    // LibreOffice keeps the page's <title>.
    for (name, bytes) in DOCXS {
        let title = read_docx(bytes).unwrap().title.unwrap_or_default();
        assert!(title.contains("政府信息公开工作年度报告_政府信息公开年报"), "{name}: {title}");
    }
}
