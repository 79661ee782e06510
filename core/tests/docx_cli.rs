//! `xxgk-report export`: writes the same bytes as the library, lists open
//! problems and exports anyway, and answers with check's exit codes.

mod docx_support;

use std::path::PathBuf;
use std::process::Command;

use xxgk_core::docx::build_docx;
use xxgk_core::draft::to_json;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xxgk-docx-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn export(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xxgk-report")).arg("export").args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_clean_draft_exports_with_exit_0_and_the_librarys_bytes() {
    let dir = temp_dir("clean");
    let report = docx_support::erlintu();
    let draft = dir.join("draft.json");
    std::fs::write(&draft, to_json(&report)).unwrap();
    let (code, stderr) = export(&[draft.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    // Without -o the file is named after the title, next to the draft.
    let written = std::fs::read(dir.join("尔林兔镇人民政府2021年政府信息公开工作年度报告.docx")).unwrap();
    assert_eq!(written, build_docx(&report));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_draft_with_errors_is_exported_with_exit_1_and_the_errors_listed() {
    let dir = temp_dir("errors");
    let draft = dir.join("draft.json");
    std::fs::write(&draft, to_json(&docx_support::erlintu_numbered())).unwrap();
    let out = dir.join("out.docx");
    let (code, stderr) = export(&[draft.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("[错误]"), "{stderr}");
    assert!(std::fs::metadata(&out).unwrap().len() > 0);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn nothing_is_written_for_a_missing_or_invalid_draft() {
    let dir = temp_dir("invalid");
    let out = dir.join("out.docx");
    let missing = dir.join("missing.json");
    let (code, stderr) = export(&[missing.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!((code, stderr.contains("文件不存在")), (2, true), "{stderr}");
    let invalid = dir.join("invalid.json");
    std::fs::write(&invalid, "{}").unwrap();
    let (code, _) = export(&[invalid.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(code, 2);
    assert!(!out.exists());
    let (code, stderr) = export(&[]);
    assert_eq!((code, stderr.contains("用法")), (2, true));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn help_is_printed_like_checks() {
    for flag in ["--help", "-h"] {
        let out = Command::new(env!("CARGO_BIN_EXE_xxgk-report")).args(["export", flag]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("用法：xxgk-report export"), "{flag}");
    }
}
