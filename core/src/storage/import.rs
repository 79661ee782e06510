//! Reading a draft file the user picked or dropped.

use crate::draft;
use crate::model::Report;

/// Larger files are refused before they are read: a draft is a few tens of
/// kilobytes, and a multi-megabyte file is certainly something else.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Why a file was not taken, in Chinese, naming the file.
pub fn too_large(file_name: &str, bytes: u64) -> String {
    // Tenths of a MiB, rounded, in integers: float formatting would add kilobytes to the wasm.
    const MIB: u64 = 1024 * 1024;
    let tenths = bytes.saturating_mul(10).saturating_add(MIB / 2) / MIB;
    format!(
        "「{file_name}」不是草稿文件：文件大小 {}.{} MB，草稿文件通常不超过几十 KB",
        tenths / 10,
        tenths % 10
    )
}

/// The report in a draft file, or a message naming the file and what is wrong.
pub fn read_draft_file(file_name: &str, text: &str) -> Result<Report, String> {
    draft::from_json(text).map_err(|error| {
        let hint = if file_name.to_lowercase().ends_with(".json") {
            ""
        } else {
            "（草稿文件的扩展名为 .json）"
        };
        format!("「{file_name}」无法导入：{}{hint}", error.message())
    })
}
