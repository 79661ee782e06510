//! `xxgk-report export DRAFT.json [-o OUT.docx]`: the same DOCX the browser
//! downloads. Open problems are listed on stderr and do not stop the export
//! (a draft for discussion may still go out), as in the browser. A published
//! report (`.docx`, a saved page, a text) is exported as it imports, its
//! import report's warnings listed first; it is never written over itself.
//!
//! Exit codes, as for `check`: 0 written, no errors (warnings may remain);
//! 1 written, but the draft has errors; 2 nothing written: the draft cannot be
//! read, is not a valid draft or does not import, the file cannot be
//! written, or wrong usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use xxgk_core::checks::{run_checks, summarize, CheckOptions};
use xxgk_core::docx::build_docx;
use xxgk_core::storage::docx_file_name;

use crate::cli::{self, say, tell, Opt};
use crate::input::{load, Input};

const USAGE: &str = "用法：xxgk-report export 草稿.json [-o 报告.docx]
  按正式版式生成 DOCX；仍有错误或提醒时照常导出，并列出问题。
  不写 -o（或 -o 给的是文件夹）时，文件按标题命名（「<机关><年度>年政府信息公开工作年度报告.docx」），
  保存在草稿所在（或所给的）文件夹。
  也可以直接给已发布的年度报告（Word/WPS 的 .docx、网页 .html/.htm、文本 .txt）：按导入后的内容
  重新排版导出，并先列出导入时需要留意的地方；不会覆盖所给的文件本身。
  退出码：0 已导出且没有错误；1 已导出但草稿存在错误；2 未导出（草稿无法读取、无效或无法导入，无法写入文件，用法错误）。";

struct Args {
    draft: PathBuf,
    output: Option<PathBuf>,
}

const OPTIONS: &[Opt] = &[Opt { names: &["-o", "--output"], value: Some("输出文件名") }];

fn parse(args: &[String]) -> Result<Args, String> {
    let options = cli::parse(args, OPTIONS)?;
    let output = options.path("-o");
    let mut files = options.files.into_iter();
    let draft = files.next().ok_or("缺少草稿文件。")?;
    if let Some(extra) = files.next() {
        return Err(format!("一次只能导出一个草稿（多余的参数：{}）。", extra.display()));
    }
    Ok(Args { draft, output })
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match cli::start(args, USAGE, parse) {
        Ok(args) => args,
        Err(code) => return code,
    };
    match export(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(message) => {
            tell!("{message}");
            ExitCode::from(2)
        }
    }
}

/// Writes the DOCX; returns how many errors the draft still has.
fn export(args: &Args) -> Result<usize, String> {
    let shown = args.draft.display();
    let Input { report, import } = load(&args.draft).map_err(|message| format!("{shown}：{message}"))?;
    if let Some(log) = &import {
        let warnings = log.warnings();
        tell!("{shown}：按已发布的年度报告读取（{} 年格式）", log.format.key());
        for line in &warnings {
            tell!("  [导入] {line}");
        }
    }

    let results = run_checks(&report, CheckOptions { at_export: true });
    let summary = summarize(&results);
    if summary.errors + summary.warnings > 0 {
        tell!(
            "{shown}：仍有 {} 个错误、{} 个提醒，照常导出（供讨论的草稿）：",
            summary.errors,
            summary.warnings
        );
        for r in results.iter().filter(|r| r.is_error() || r.is_warning()) {
            let kind = if r.is_error() { "错误" } else { "提醒" };
            tell!("  [{kind}] {}", r.explanation);
        }
    }

    // Without -o, or with -o naming a folder, the file gets the title's name.
    let output = match &args.output {
        Some(path) if path.is_dir() => path.join(docx_file_name(&report)),
        Some(path) => path.clone(),
        None => args.draft.parent().unwrap_or(Path::new("")).join(docx_file_name(&report)),
    };
    if same_file(&output, &args.draft) {
        return Err(format!(
            "{}：这就是所给的文件，不能覆盖它；请用 -o 指定另一个文件名或文件夹",
            output.display()
        ));
    }
    cli::write(&output, build_docx(&report), "Word/WPS")?;
    say!("已导出：{}", output.display());
    Ok(summary.errors)
}

/// Whether `a` and `b` name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Args, String> {
        parse(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn parses_draft_and_output_in_any_order() {
        let a = args(&["-o", "out.docx", "d.json"]).unwrap();
        assert_eq!((a.draft, a.output), (PathBuf::from("d.json"), Some(PathBuf::from("out.docx"))));
        assert_eq!(args(&["d.json"]).unwrap().output, None);
    }

    #[test]
    fn usage_errors_are_explained_in_chinese() {
        assert_eq!(args(&[]).err().unwrap(), "缺少草稿文件。");
        assert_eq!(args(&["d.json", "-o"]).err().unwrap(), "-o 后面缺少输出文件名。");
        assert!(args(&["a.json", "b.json"]).err().unwrap().contains("一次只能导出一个草稿"));
        assert!(args(&["--json", "a.json"]).err().unwrap().contains("不认识的选项"));
    }
}
