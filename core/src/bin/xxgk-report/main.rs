//! `xxgk-report`: the command line over the same core the browser app uses,
//! for the office that collects many units' drafts.
//!
//!   xxgk-report check [--json] [--previous LAST_YEAR.json] DRAFT.json...
//!   xxgk-report export DRAFT.json -o OUT.docx
//!   xxgk-report summarize DRAFT.json... --unit NAME --year N -o SUMMARY.json [--xlsx OVERVIEW.xlsx]
//!   xxgk-report import REPORT.docx|PAGE.html|TEXT.txt... [-o DIR] [--force]
//!
//! `check` and `export` also take a published report directly.

mod check;
mod cli;
mod export;
mod import;
mod input;
mod summarize;

use std::process::ExitCode;

use cli::{say, tell};

const USAGE: &str = "用法：
  xxgk-report check [--json] [--previous 上年草稿.json] 草稿.json...
      校验一个或多个草稿文件，逐个列出未通过的勾稽关系；发现错误时退出码为 1。
  xxgk-report export 草稿.json -o 报告.docx
      按正式版式生成 DOCX 文件。
  xxgk-report import 上年报告.docx|网页.html|报告.txt... [-o 文件夹] [--force]
      把已发布的年度报告转为草稿文件，逐份列出导入情况。
  xxgk-report summarize 草稿.json... --unit 机关名称 --year 年度 -o 汇总.json [--xlsx 概览.xlsx]
      把各单位的草稿逐格相加为本级汇总报告草稿，列出留空的单元格和各单位的校验结果。
  check 和 export 也可以直接给已发布的年度报告（.docx、.html/.htm、.txt）。
  每个命令的详细说明：xxgk-report <命令> --help";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("export") => export::run(&args[1..]),
        Some("summarize") => summarize::run(&args[1..]),
        Some("import") => import::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            say!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            tell!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
