//! Last year's published report dropped on the page: what the readers make
//! of it, in one line for the import results. The readers answer for bad
//! input (a `.doc`, `.wps` or `.pdf`, a damaged or encrypted file, a page
//! without text…) with the message to show; nothing is stored.

use xxgk_core::import::Document;

use crate::import_client;

/// What became of `file`, for its import line.
pub async fn read_line(file: &web_sys::File) -> String {
    match import_client::read_file(file).await {
        Ok(doc) => read_but_not_recognised(&doc),
        Err(message) => message,
    }
}

/// A document the readers took, before the recogniser can make a draft of it.
fn read_but_not_recognised(doc: &Document) -> String {
    format!(
        "已读取 {} 段文字、{} 张表格，但本版本还不能把它识别为年度报告草稿，未导入",
        doc.paragraphs().count(),
        doc.tables().count()
    )
}
