//! `xxgk-report import FILE... [-o DIR] [--force]`: published reports (a
//! Word/WPS `.docx`, a page saved from the portal, a text) to drafts, one
//! draft file per report, each import report printed, through the same
//! import as the browser's (`xxgk_core::import`).
//!
//! A draft is named as the browser names an exported draft
//! (「<机关><年度>年政府信息公开工作年度报告-草稿.json」), beside its input or
//! in DIR. An existing file is never replaced without `--force`.
//!
//! Exit codes: 0 every file imported; 2 a file did not import or its draft
//! could not be written (nothing is written for it; the others are), or
//! wrong usage.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use xxgk_core::draft::to_json;
use xxgk_core::import::import_file;
use xxgk_core::storage::export_file_name;

use crate::cli::{self, say, tell, Opt};

const USAGE: &str = "用法：xxgk-report import 上年报告.docx|网页.html|报告.txt... [-o 文件夹] [--force]
  把已发布的年度报告（Word/WPS 的 .docx、从门户网站保存的网页 .html/.htm、复制下来的文本 .txt）
  转为草稿文件，每份报告一个，并逐份列出导入情况：机关、年度、格式，各表识别的单元格，
  六个部分是否找到，推断、写法不同和未导入的内容。
  草稿按标题命名（「<机关><年度>年政府信息公开工作年度报告-草稿.json」），
  保存在报告所在的文件夹，或 -o 给出的文件夹（不存在时创建）。
  --force  同名文件已存在时覆盖（不加时不覆盖，并说明）
  .doc、.wps、.pdf 等无法直接导入：请在 WPS 或 Word 中另存为 .docx。
  退出码：0 全部导入；2 有文件未导入或草稿无法写入（其余文件照常导入），或用法错误。";

struct Args {
    files: Vec<PathBuf>,
    folder: Option<PathBuf>,
    force: bool,
}

const OPTIONS: &[Opt] = &[
    Opt { names: &["-o", "--output"], value: Some("保存草稿的文件夹") },
    Opt { names: &["--force"], value: None },
];

fn parse(args: &[String]) -> Result<Args, String> {
    let options = cli::parse(args, OPTIONS)?;
    if options.files.is_empty() {
        return Err("缺少要导入的报告文件。".into());
    }
    Ok(Args { folder: options.path("-o"), force: options.switch("--force"), files: options.files })
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match cli::start(args, USAGE, parse) {
        Ok(args) => args,
        Err(code) => return code,
    };
    if let Some(folder) = &args.folder {
        if folder.exists() && !folder.is_dir() {
            tell!("-o 应为文件夹：{} 是一个文件。", folder.display());
            return ExitCode::from(2);
        }
        if let Err(e) = std::fs::create_dir_all(folder) {
            tell!("{}：无法创建文件夹（{}）", folder.display(), cli::write_reason(&e, ""));
            return ExitCode::from(2);
        }
    }
    let mut failed = 0;
    for path in &args.files {
        say!("{}", path.display());
        match import_one(path, &args) {
            Ok(written) => say!("  已写入草稿：{}\n", written.display()),
            Err(message) => {
                failed += 1;
                say!("  未导入：{message}\n");
            }
        }
    }
    if args.files.len() > 1 {
        let done = args.files.len() - failed;
        let mut line = format!("共 {} 个文件：{done} 个已导入", args.files.len());
        if failed > 0 {
            line.push_str(&format!("，{failed} 个未导入"));
        }
        say!("{line}");
    }
    if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Imports one file and writes its draft; the path written, or why not.
fn import_one(path: &Path, args: &Args) -> Result<PathBuf, String> {
    let bytes = cli::read(path)?;
    let imported = import_file(&path.to_string_lossy(), &bytes).map_err(|e| e.message())?;
    for line in imported.log.lines() {
        say!("  {line}");
    }
    let folder = match &args.folder {
        Some(folder) => folder.clone(),
        None => path.parent().unwrap_or(Path::new("")).to_path_buf(),
    };
    let output = folder.join(export_file_name(&imported.report));
    write_new(&output, to_json(&imported.report).as_bytes(), args.force)?;
    Ok(output)
}

/// Writes `bytes` to a new file, or over an existing one only with `force`.
fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    if force {
        return cli::write(path, bytes, "");
    }
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            format!("{} 已存在，未覆盖（确需覆盖时加 --force）", path.display())
        } else {
            format!("{}：无法写入文件（{}）", path.display(), cli::write_reason(&e, ""))
        }
    })?;
    file.write_all(bytes).map_err(|e| {
        let _ = std::fs::remove_file(path);
        format!("{}：无法写入文件（{}）", path.display(), cli::write_reason(&e, ""))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Args, String> {
        parse(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn files_folder_and_force() {
        let a = args(&["a.docx", "-o", "out", "b.html", "--force"]).unwrap();
        assert_eq!(a.files, [PathBuf::from("a.docx"), PathBuf::from("b.html")]);
        assert_eq!((a.folder, a.force), (Some(PathBuf::from("out")), true));
        assert!(!args(&["a.docx"]).unwrap().force);
        assert_eq!(args(&[]).err().unwrap(), "缺少要导入的报告文件。");
        assert_eq!(args(&["a", "-o"]).err().unwrap(), "-o 后面缺少保存草稿的文件夹。");
    }
}
