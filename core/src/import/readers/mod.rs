//! Readers: a file's bytes → the neutral [`Document`], by what the bytes
//! are (magic bytes first, the file name only to word a message).
//!
//! - [`docx`]: Word/WPS `.docx` (zip + WordprocessingML);
//! - [`html`]: a portal page saved as `.html`/`.htm`, or `text/html` from the
//!   clipboard, in UTF-8 or GBK/GB2312/GB18030;
//! - `.doc`, `.wps`, `.pdf`, images and other zips are refused with a message
//!   saying what to do instead.
//!
//! Every reader is bounded: input size, uncompressed size, entry count,
//! nesting depth and node count are capped, so bad input gets a Chinese
//! message ([`ReadError::message`]) and never a panic or a hang.

pub mod docx;
pub mod html;
mod html_tree;

use super::Document;

/// The largest file read at all. A published report is well under 1 MB of
/// HTML, and a few MB as `.docx` with its seal image.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// Why a file could not be read. [`ReadError::message`] is the Chinese text
/// shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    /// Over [`MAX_FILE_BYTES`]; the size in bytes.
    TooLarge(usize),
    /// A `.doc` or `.wps` (OLE compound file), a `.pdf`, an `.xlsx`, an image…:
    /// the kind, as named to the user.
    Unsupported(&'static str),
    /// A zip that is not a Word document (no `word/document.xml`).
    NotDocx,
    /// A zip or XML that cannot be read; what went wrong, in Chinese.
    Damaged(String),
    /// A password-protected document.
    Encrypted,
    /// Expands to more than the reader allows (a zip bomb, or huge XML).
    TooBig,
    /// Markup nested deeper than any report.
    TooDeep,
    /// A page whose declared character set is not one this reader knows.
    UnknownEncoding(String),
    /// Readable, but no text at all; `images` when it holds pictures only
    /// (a scanned report).
    NoText {
        images: bool,
    },
}

/// What to do with a file that is not a `.docx` or a web page.
pub const SAVE_AS_DOCX: &str = "请在 WPS 或 Word 中打开并另存为 .docx，或复制网页内容粘贴";

impl ReadError {
    pub fn message(&self) -> String {
        match self {
            ReadError::Empty => "文件是空的".to_string(),
            ReadError::TooLarge(bytes) => format!(
                "文件太大（{:.1} MB），无法导入：年度报告的 .docx 或网页一般不超过 {} MB",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ReadError::Unsupported(kind) => format!("无法直接导入{kind}。{SAVE_AS_DOCX}"),
            ReadError::NotDocx => format!("这个压缩文件不是 Word 文档（.docx）。{SAVE_AS_DOCX}"),
            ReadError::Damaged(what) => format!("文件已损坏，无法读取（{what}）。{SAVE_AS_DOCX}"),
            ReadError::Encrypted => {
                "文档设有密码保护，无法读取：请在 WPS 或 Word 中取消密码后另存为 .docx 再导入".to_string()
            }
            ReadError::TooBig => "文件解压后过大，无法导入（可能已损坏，或不是年度报告）".to_string(),
            ReadError::TooDeep => "文件的结构嵌套过深，无法读取（可能已损坏，或不是年度报告）".to_string(),
            ReadError::UnknownEncoding(label) => format!(
                "网页声明的字符编码「{label}」无法识别，无法读取：请在浏览器中打开该网页，复制内容后粘贴"
            ),
            ReadError::NoText { images: true } => {
                "文件中只有图片，没有可读取的文字（可能是扫描件）：请使用文字版的 .docx 或网页".to_string()
            }
            ReadError::NoText { images: false } => "文件中没有可读取的文字".to_string(),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ReadError {}

/// What a file's bytes are, by their first bytes (and, for text, by a look
/// at the markup).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A zip: a `.docx`, or another zip the DOCX reader refuses.
    Zip,
    Html,
    /// Text that is not markup (pasted text, a `.txt`).
    Text,
    /// Refused, with the kind as named to the user.
    Unsupported(&'static str),
}

/// Tells what `bytes` are. The name only breaks the tie between `.doc` and
/// `.wps`, which share one container.
pub fn sniff(name: &str, bytes: &[u8]) -> Kind {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let lower = name.to_lowercase();
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if bytes.starts_with(OLE) {
        // Also a .docx saved with a password: Word wraps it in an OLE file.
        return Kind::Unsupported(if lower.ends_with(".wps") {
            " WPS 文字旧格式文件（.wps）"
        } else if lower.ends_with(".docx") {
            "加密的 Word 文档"
        } else if lower.ends_with(".xls") || lower.ends_with(".et") {
            "旧格式表格文件（.xls）"
        } else {
            " Word 97-2003 文档（.doc）"
        });
    }
    let binary: &[(&[u8], &str)] = &[
        (b"%PDF", " PDF 文件"),
        (b"\x89PNG", "图片"),
        (b"\xFF\xD8\xFF", "图片"),
        (b"GIF8", "图片"),
        (b"BM", "图片"),
        (b"{\\rtf", " RTF 文件"),
        (b"Rar!", "压缩文件（.rar）"),
        (b"7z\xBC\xAF", "压缩文件（.7z）"),
        (b"\x1F\x8B", "压缩文件（.gz）"),
        (b"II*\0", "图片"),
        (b"MM\0*", "图片"),
    ];
    if let Some((_, kind)) = binary.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Kind::Unsupported(kind);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Kind::Unsupported("图片");
    }
    if html::looks_like_html(bytes) {
        return Kind::Html;
    }
    // Control bytes other than tab/newline/form feed: not text.
    let head = &bytes[..bytes.len().min(4096)];
    if head.iter().any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) {
        return Kind::Unsupported("这种格式的文件");
    }
    Kind::Text
}

/// Reads a `.docx` or a web page into a [`Document`]. Plain text (a `.txt`,
/// pasted text) is for the text reader: [`sniff`] tells it as [`Kind::Text`],
/// and this function refuses it.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Document, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len()));
    }
    match sniff(name, bytes) {
        Kind::Zip => docx::read_docx(bytes),
        Kind::Html => html::read_html(bytes),
        Kind::Text => Err(ReadError::Unsupported("纯文本文件")),
        Kind::Unsupported(kind) => Err(ReadError::Unsupported(kind)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_and_binary_formats_are_named() {
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(sniff("上年报告.doc", &ole), Kind::Unsupported(" Word 97-2003 文档（.doc）"));
        assert_eq!(sniff("上年报告.WPS", &ole), Kind::Unsupported(" WPS 文字旧格式文件（.wps）"));
        assert_eq!(sniff("a.pdf", b"%PDF-1.7\n"), Kind::Unsupported(" PDF 文件"));
        for (name, bytes) in [("a.doc", &ole[..]), ("a.pdf", b"%PDF-1.4"), ("x.wps", &ole[..])] {
            let Kind::Unsupported(kind) = sniff(name, bytes) else { panic!("{name}") };
            let message = ReadError::Unsupported(kind).message();
            assert!(message.contains(SAVE_AS_DOCX), "{message}");
        }
    }

    #[test]
    fn empty_and_huge_files_are_refused_before_reading() {
        assert_eq!(read_file("a.docx", b""), Err(ReadError::Empty));
        let huge = vec![b'a'; MAX_FILE_BYTES + 1];
        let err = read_file("a.html", &huge).unwrap_err();
        assert_eq!(err, ReadError::TooLarge(MAX_FILE_BYTES + 1));
        assert!(err.message().contains("文件太大"));
    }

    #[test]
    fn text_is_told_from_markup() {
        assert_eq!(sniff("a.txt", "一、总体情况\n".as_bytes()), Kind::Text);
        assert_eq!(sniff("a.htm", b"<html><body><p>x</p></body></html>"), Kind::Html);
        assert_eq!(sniff("a", b"\xEF\xBB\xBF<!DOCTYPE html><p>x"), Kind::Html);
        assert_eq!(sniff("a.bin", b"\x00\x01\x02abc"), Kind::Unsupported("这种格式的文件"));
    }
}

#[cfg(test)]
mod docx_tests;
#[cfg(test)]
mod fuzz_tests;
#[cfg(test)]
mod html_tests;
