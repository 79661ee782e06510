//! One import, whatever it came from: a file the user picked or dropped, or
//! what was pasted from the portal page (its `text/html` when the clipboard
//! has one, else its `text/plain`). Reader, then recogniser (a file through
//! [`import_file`]); every failure is one Chinese message naming what was read.

use super::readers::html;
use super::{import_file, read_plain_text, recognise, Imported};

/// What the user gave the import.
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    File {
        name: &'a str,
        bytes: &'a [u8],
    },
    /// A paste's `text/html`.
    Html(&'a str),
    /// A paste's `text/plain` (tab-separated table rows, as browsers copy them).
    Text(&'a str),
}

/// How the message names a paste.
const PASTED: &str = "粘贴的内容";

impl Source<'_> {
    /// The clipboard's best part: `text/html` when it has any, else `text/plain`.
    pub fn pasted<'a>(html: &'a str, text: &'a str) -> Source<'a> {
        if html.trim().is_empty() {
            Source::Text(text)
        } else {
            Source::Html(html)
        }
    }

    fn label(&self) -> String {
        match self {
            Source::File { name, .. } => format!("「{name}」"),
            Source::Html(_) | Source::Text(_) => PASTED.to_string(),
        }
    }
}

/// Reads and recognises `source` as a published annual report.
pub fn import(source: Source) -> Result<Imported, String> {
    let label = source.label();
    let doc = match source {
        Source::File { name, bytes } => {
            return import_file(name, bytes).map_err(|e| format!("{label}：{}", e.message()))
        }
        Source::Html(text) => html::read_html_str(text),
        Source::Text(text) if text.trim().is_empty() => return Err(format!("{PASTED}是空的")),
        Source::Text(text) => Ok(read_plain_text(text)),
    }
    .map_err(|e| format!("{label}：{}", e.message()))?;
    recognise(&doc).map_err(|e| format!("{label}：{}", e.message()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::FormatVersion;
    use crate::import::readers;

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn a_word_file_a_page_and_its_copied_text_give_the_same_report() {
        let stem = "published/10_pingtan-shichang-jiandu-guanliju-2023";
        let docx = fixture(&format!("{stem}.docx"));
        let page = String::from_utf8(fixture(&format!("{stem}.html"))).unwrap();
        let copied = String::from_utf8(fixture(&format!("{stem}.copied.txt"))).unwrap();
        let from_docx = import(Source::File { name: "上年报告.docx", bytes: &docx }).unwrap();
        let from_html = import(Source::pasted(&page, "ignored when there is html")).unwrap();
        let from_text = import(Source::pasted("", &copied)).unwrap();
        for imported in [&from_docx, &from_html, &from_text] {
            assert_eq!(imported.report.year, 2023);
            assert_eq!(imported.log.format, FormatVersion::Official2021);
            assert!(imported.log.section_lines().iter().all(|(_, found)| *found), "{:?}", imported.log);
        }
        for other in [&from_html, &from_text] {
            assert_eq!(
                (&from_docx.report.table2, &from_docx.report.table3, &from_docx.report.table4),
                (&other.report.table2, &other.report.table3, &other.report.table4)
            );
        }
    }

    #[test]
    fn the_import_report_groups_are_its_lines() {
        let copied =
            String::from_utf8(fixture("published/01_pingtan-zonghe-shiyanqu-2021.copied.txt")).unwrap();
        let log = import(Source::Text(&copied)).unwrap().log;
        let mut grouped = log.head_lines();
        grouped.extend(log.table_lines());
        grouped.extend(log.section_lines().into_iter().map(|(line, _)| line));
        grouped.extend(log.part_lines());
        grouped.extend(log.note_lines());
        assert_eq!(grouped, log.lines());
        assert_eq!(log.head_lines()[1], "年度：2021");
        assert_eq!(log.table_lines().len(), 3);
        assert_eq!(log.section_lines().len(), 6);
        assert!(log.note_lines().iter().all(|n| n.starts_with('【')));
    }

    #[test]
    fn the_groups_of_the_import_report_hold_every_line_and_what_was_not_found() {
        let copied =
            String::from_utf8(fixture("published/01_pingtan-zonghe-shiyanqu-2021.copied.txt")).unwrap();
        let mut log = import(Source::Text(&copied)).unwrap().log;
        log.sections[4].printed = None;
        let groups = log.groups();
        let parts: Vec<&str> = groups.iter().map(|g| g.part.as_str()).collect();
        assert_eq!(parts, ["head", "tables", "sections", "parts", "notes"]);
        assert_eq!(groups.iter().map(|g| g.lines.len()).sum::<usize>(), log.lines().len());
        let missing: Vec<&String> =
            groups.iter().flat_map(|g| &g.lines).filter(|(_, found)| !found).map(|(l, _)| l).collect();
        assert_eq!(missing, [&format!("{}：未找到", log.sections[4].heading)]);
        assert_eq!(groups[4].heading, Some(format!("识别说明（{} 条）", log.notes.len())));
    }

    #[test]
    fn what_is_not_a_report_is_named_in_its_message() {
        let pdf = import(Source::File { name: "上年报告.pdf", bytes: b"%PDF-1.7\n" }).unwrap_err();
        assert!(pdf.starts_with("「上年报告.pdf」：无法直接导入 PDF 文件"), "{pdf}");
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        let doc = import(Source::File { name: "上年报告.doc", bytes: &ole }).unwrap_err();
        assert!(doc.contains("Word 97-2003 文档（.doc）") && doc.contains(readers::SAVE_AS_DOCX), "{doc}");
        let letter = import(Source::pasted("<p>关于召开年度工作会议的通知</p><p>请各单位准时参加。</p>", ""))
            .unwrap_err();
        assert!(letter.starts_with("粘贴的内容：这不是政府信息公开工作年度报告"), "{letter}");
        let text = import(Source::pasted("", "今天天气很好")).unwrap_err();
        assert!(text.starts_with("粘贴的内容：这不是政府信息公开工作年度报告"), "{text}");
        assert_eq!(import(Source::pasted(" ", " \n")).unwrap_err(), "粘贴的内容是空的");
    }
}
