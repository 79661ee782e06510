//! A file, by its name and bytes, to a report: the readers chosen by what the
//! bytes are ([`sniff`]), plain text decoded, then the recogniser. The one way
//! in for every caller that holds a whole file (the command line, a worker).

use std::fmt;

use super::readers::{html, read_file, sniff, Kind, ReadError, MAX_FILE_BYTES};
use super::{read_plain_text, recognise, ImportError, Imported};

/// Why a file did not import. [`FileError::message`] is the Chinese text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// The file could not be read as a document.
    Read(ReadError),
    /// Text in neither UTF-8 nor GB18030 (GBK, GB2312).
    TextEncoding,
    /// A draft file of this app: nothing to import.
    Draft,
    /// A document, but not a report.
    Report(ImportError),
}

impl FileError {
    pub fn message(&self) -> String {
        match self {
            FileError::Read(e) => e.message(),
            FileError::TextEncoding => {
                "文本文件的字符编码无法识别：请另存为 UTF-8 编码的文本，或复制网页内容粘贴".to_string()
            }
            FileError::Draft => "这是本程序的草稿文件（.json），不需要导入，可直接使用".to_string(),
            FileError::Report(e) => e.message(),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for FileError {}

/// Whether `bytes` are a JSON object (a draft file, or a damaged one), not a
/// published report: the first character after a BOM and blank space is `{`.
pub fn looks_like_draft(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Reads a published report from a `.docx`, a saved page or a text file.
/// The name is only used to word a message (`.doc` or `.wps`).
pub fn import_file(name: &str, bytes: &[u8]) -> Result<Imported, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Read(ReadError::Empty));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::Read(ReadError::TooLarge(bytes.len())));
    }
    if looks_like_draft(bytes) {
        return Err(FileError::Draft);
    }
    let document = match utf16(bytes) {
        // Notepad's 「Unicode」: text or markup, once decoded.
        Some(text) if html::looks_like_html(text.as_bytes()) => {
            html::read_html_str(&text).map_err(FileError::Read)?
        }
        Some(text) => read_plain_text(&text),
        None => match sniff(name, bytes) {
            Kind::Text => read_plain_text(&decode_text(bytes).ok_or(FileError::TextEncoding)?),
            _ => read_file(name, bytes).map_err(FileError::Read)?,
        },
    };
    recognise(&document).map_err(FileError::Report)
}

/// Text behind a UTF-16 byte-order mark.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (encoding, bom) = encoding_rs::Encoding::for_bom(bytes)?;
    (encoding != encoding_rs::UTF_8)
        .then(|| encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned())
}

/// Text by its BOM, else UTF-8, else GB18030 (what Notepad on a Chinese
/// Windows saves as 「ANSI」); `None` when it is none of them.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (!errors).then(|| text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    let (text, errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    (!errors).then(|| text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ERLINTU: &str = include_str!("../../fixtures/import/erlintu-2021.txt");
    const PAGE: &[u8] = include_bytes!("../../fixtures/published/11_pingtan-shehui-shiyeju-2024.html");
    const DOCX: &[u8] = include_bytes!("../../fixtures/published/11_pingtan-shehui-shiyeju-2024.docx");

    #[test]
    fn a_page_a_docx_and_a_text_import_alike() {
        let page = import_file("a.html", PAGE).unwrap();
        let docx = import_file("a.docx", DOCX).unwrap();
        assert_eq!(page.report.unit_name, "平潭综合实验区社会事业局");
        assert_eq!(page.report.table3, docx.report.table3);
        let text = import_file("a.txt", ERLINTU.as_bytes()).unwrap();
        assert_eq!((text.report.unit_name.as_str(), text.report.year), ("尔林兔镇人民政府", 2021));
        // The same text saved by Notepad as GBK, or as UTF-8 with a BOM, or as UTF-16.
        let (gbk, _, _) = encoding_rs::GBK.encode(ERLINTU);
        assert_eq!(import_file("a.txt", &gbk).unwrap(), text);
        let bom = [b"\xEF\xBB\xBF".as_slice(), ERLINTU.as_bytes()].concat();
        assert_eq!(import_file("a.txt", &bom).unwrap(), text);
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain(ERLINTU.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(import_file("a.txt", &utf16).unwrap(), text);
        let page16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(std::str::from_utf8(PAGE).unwrap().encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(import_file("a.htm", &page16).unwrap(), page);
    }

    #[test]
    fn what_is_not_a_report_says_why() {
        let err = |name: &str, bytes: &[u8]| import_file(name, bytes).unwrap_err();
        assert_eq!(err("a.txt", b""), FileError::Read(ReadError::Empty));
        assert_eq!(err("a.json", b" \n{\"schema\": \"xxgk-report/draft\"}"), FileError::Draft);
        assert_eq!(
            err("a.txt", "会议通知\n请各单位准时参加。".as_bytes()),
            FileError::Report(ImportError::NotAReport)
        );
        assert_eq!(err("a.txt", b"\x81\x20\xFF\xFE\xFD abc"), FileError::TextEncoding);
        let pdf = err("a.pdf", b"%PDF-1.7\n");
        assert!(pdf.message().contains("无法直接导入 PDF 文件"), "{pdf}");
        let doc = err("a.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);
        assert!(doc.message().contains("另存为 .docx"), "{doc}");
        assert!(FileError::TextEncoding.message().contains("UTF-8"));
    }
}
