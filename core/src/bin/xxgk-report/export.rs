//! `xxgk-report export DRAFT.json [-o OUT.docx]`: the same DOCX the browser
//! downloads. Open problems are listed on stderr and do not stop the export
//! (a draft for discussion may still go out), as in the browser.
//!
//! Exit codes: 0 written; 1 the draft cannot be read or the file cannot be
//! written; 2 wrong usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use xxgk_core::checks::{run_checks, summarize, CheckOptions};
use xxgk_core::docx::{build_docx, file_name};

const USAGE: &str = "用法：xxgk-report export 草稿.json [-o 报告.docx]
  不写 -o 时，文件按标题命名（「<机关><年度>年政府信息公开工作年度报告.docx」），保存在草稿所在目录。";

struct Args {
    draft: PathBuf,
    output: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut draft = None;
    let mut output = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" | "--output" => match rest.next() {
                Some(path) if output.is_none() => output = Some(PathBuf::from(path)),
                Some(_) => return Err("-o 只能给一次。".into()),
                None => return Err("-o 后面缺少输出文件名。".into()),
            },
            flag if flag.starts_with('-') && flag != "-" => return Err(format!("不认识的选项：{flag}")),
            path if draft.is_none() => draft = Some(PathBuf::from(path)),
            path => return Err(format!("一次只能导出一个草稿（多余的参数：{path}）。")),
        }
    }
    let draft = draft.ok_or("缺少草稿文件。")?;
    Ok(Args { draft, output })
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match export(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

fn export(args: &Args) -> Result<(), String> {
    let shown = args.draft.display();
    let text = std::fs::read_to_string(&args.draft).map_err(|e| format!("无法读取草稿 {shown}：{e}"))?;
    let report = xxgk_core::draft::from_json(&text).map_err(|e| format!("{shown}：{}", e.message()))?;

    let results = run_checks(&report, CheckOptions { at_export: true });
    let summary = summarize(&results);
    if summary.errors + summary.warnings > 0 {
        eprintln!("{shown}：仍有 {} 个错误、{} 个提醒，照常导出（供讨论的草稿）：", summary.errors, summary.warnings);
        for r in results.iter().filter(|r| r.is_error() || r.is_warning()) {
            let kind = if r.is_error() { "错误" } else { "提醒" };
            eprintln!("  [{kind}] {}", r.explanation);
        }
    }

    let output = match &args.output {
        Some(path) => path.clone(),
        None => args.draft.parent().unwrap_or(Path::new("")).join(file_name(&report)),
    };
    std::fs::write(&output, build_docx(&report)).map_err(|e| format!("无法写入 {}：{e}", output.display()))?;
    println!("已导出：{}", output.display());
    Ok(())
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
