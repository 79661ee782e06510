//! `xxgk-report`: the command line over the same core the browser app uses,
//! for the office that collects many units' drafts.
//!
//!   xxgk-report check [--json] [--previous LAST_YEAR.json] DRAFT.json...
//!   xxgk-report export DRAFT.json -o OUT.docx

mod check;
mod export;

use std::process::ExitCode;

const USAGE: &str = "用法：
  xxgk-report check [--json] [--previous 上年草稿.json] 草稿.json...
      校验一个或多个草稿文件，逐个列出未通过的勾稽关系；发现错误时退出码为 1。
  xxgk-report export 草稿.json -o 报告.docx
      按正式版式生成 DOCX 文件。";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("export") => export::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
