//! A command's input: a draft file (`.json`), or a published report (a
//! Word/WPS `.docx`, a page saved from the portal, a text file) read through
//! the same import as the browser's (`xxgk_core::import`). Which it is, is
//! told by the bytes; a `.json` name always means a draft.

use std::path::Path;

use xxgk_core::draft::from_json;
use xxgk_core::import::file::looks_like_draft;
use xxgk_core::import::{import_file, ImportReport};
use xxgk_core::model::Report;

use crate::cli;

pub struct Input {
    pub report: Report,
    /// The import report, when the file was a published report.
    pub import: Option<ImportReport>,
}

/// Reads `path`; the error is the Chinese message to print.
pub fn load(path: &Path) -> Result<Input, String> {
    let bytes = cli::read(path)?;
    let is_json = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"));
    if is_json || looks_like_draft(&bytes) {
        let text = String::from_utf8(bytes)
            .map_err(|_| "无法读取：文件不是 UTF-8 文本，不是草稿文件".to_string())?;
        let report = from_json(&text).map_err(|e| e.message())?;
        return Ok(Input { report, import: None });
    }
    let imported = import_file(&path.to_string_lossy(), &bytes).map_err(|e| format!("无法导入：{e}"))?;
    Ok(Input { report: imported.report, import: Some(imported.log) })
}
