//! `xxgk-report check [--json] [--previous LAST_YEAR.json] DRAFT.json...`: the
//! checks the browser shows, run over many drafts at once, as they stand at
//! export (blank cells included). A published report (`.docx`, a saved page,
//! a text) is checked as it imports, its import report's warnings listed.
//! Warnings marked 「已核实」 in the draft are listed as checked, with their
//! note, and not counted as warnings.
//!
//! Exit codes: 0 no errors (warnings may remain); 1 a draft has errors; 2 a
//! file cannot be read or is not a valid draft, or wrong usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{json, Value};

use xxgk_core::checks::{
    previous_year, run_checks, run_text_checks, summarize, CheckOptions, CheckResult, Status, Verifier,
};
use xxgk_core::import::ImportReport;
use xxgk_core::model::Report;
use xxgk_core::storage::NarrativeReference;

use crate::cli::{self, say, tell, Opt};
use crate::input::{load, Input};

const USAGE: &str = "用法：xxgk-report check [--json] [--previous 上年草稿.json] 草稿.json...
  逐个校验草稿（按导出时的标准，空白单元格也提醒），列出错误和提醒，
  包括正文与表格数字是否一致等正文检查。
  也可以直接给已发布的年度报告（Word/WPS 的 .docx、网页 .html/.htm、文本 .txt）：
  按导入后的内容校验，并列出导入时需要留意的地方。
  --previous  与上年草稿（或上年已发布的报告）比对（上年结转、现行有效件数、表二表三表四的变化、正文重复率），对每个草稿都适用
  --json      以 JSON 输出全部校验结果
  草稿中标记为“已核实”的提醒单独列出，不计入提醒数。
  退出码：0 没有错误；1 有草稿存在错误；2 有文件无法读取、不是有效的草稿或无法导入。";

struct Args {
    json: bool,
    previous: Option<PathBuf>,
    drafts: Vec<PathBuf>,
}

const OPTIONS: &[Opt] =
    &[Opt { names: &["--json"], value: None }, Opt { names: &["--previous"], value: Some("上年草稿文件名") }];

fn parse(args: &[String]) -> Result<Args, String> {
    let options = cli::parse(args, OPTIONS)?;
    if options.files.is_empty() {
        return Err("缺少草稿文件。".into());
    }
    Ok(Args { json: options.switch("--json"), previous: options.path("--previous"), drafts: options.files })
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match cli::start(args, USAGE, parse) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let previous = match &args.previous {
        None => None,
        Some(path) => match load(path) {
            Ok(Input { report: last, .. }) => Some((previous_year(&last), NarrativeReference::of(&last))),
            Err(message) => {
                tell!("上年草稿 {}：{message}", path.display());
                return ExitCode::from(2);
            }
        },
    };

    let outcomes: Vec<Outcome> = args
        .drafts
        .iter()
        .map(|path| {
            let checked = load(path).map(|Input { mut report, import }| {
                if let Some((figures, _)) = &previous {
                    report.previous = Some(figures.clone());
                }
                let options = CheckOptions { at_export: true };
                let mut results = run_checks(&report, options);
                let last_text = previous.as_ref().map(|(_, text)| text);
                results.extend(run_text_checks(&report, last_text, options));
                Checked { report, import, results }
            });
            Outcome { path, checked }
        })
        .collect();

    if args.json {
        let files: Vec<Value> = outcomes.iter().map(Outcome::to_json).collect();
        say!("{}", serde_json::to_string_pretty(&json!({ "files": files })).unwrap_or_default());
    } else {
        for outcome in &outcomes {
            outcome.print();
        }
        if outcomes.len() > 1 {
            print_total(&outcomes);
        }
    }

    if outcomes.iter().any(|o| o.checked.is_err()) {
        ExitCode::from(2)
    } else if outcomes.iter().any(|o| o.errors() > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

struct Checked {
    report: Report,
    import: Option<ImportReport>,
    results: Vec<CheckResult>,
}

struct Outcome<'a> {
    path: &'a Path,
    checked: Result<Checked, String>,
}

impl Outcome<'_> {
    fn errors(&self) -> usize {
        self.checked.as_ref().map_or(0, |c| summarize(&c.results).errors)
    }

    fn print(&self) {
        let name = self.path.display();
        let Checked { report, import, results } = match &self.checked {
            Ok(checked) => checked,
            Err(message) => {
                say!("{name}\n  无法检查：{message}\n");
                return;
            }
        };
        say!("{name}（{} {}年）", report.unit_name, report.year);
        if let Some(log) = import {
            say!("  导入　按已发布的年度报告读取（{} 年格式）", log.format.key());
            for line in log.warnings() {
                say!("  导入　{line}");
            }
        }
        let verifier = Verifier::new(report);
        for r in results {
            if r.is_error() {
                say!("  错误　{}", r.explanation);
            } else if let Some(mark) = verifier.find(r) {
                let note = if mark.note.is_empty() {
                    String::new()
                } else {
                    format!("（说明：{}）", mark.note)
                };
                say!("  已核实　{}{note}", r.explanation);
            } else if r.is_warning() {
                say!("  提醒　{}", r.explanation);
            }
        }
        let summary = verifier.summarize(results);
        let undecided = results.iter().filter(|r| r.status == Status::CannotJudge).count();
        let mut line = format!("  结果：{} 个错误，{} 个提醒", summary.errors, summary.warnings);
        if summary.verified > 0 {
            line.push_str(&format!("，{} 个提醒已核实", summary.verified));
        }
        if undecided > 0 {
            line.push_str(&format!("；另有 {undecided} 项因缺数无法判断"));
        }
        say!("{line}\n");
    }

    fn to_json(&self) -> Value {
        let file = self.path.display().to_string();
        match &self.checked {
            Err(message) => json!({ "file": file, "error": message }),
            Ok(Checked { report, import, results }) => {
                let verifier = Verifier::new(report);
                let summary = verifier.summarize(results);
                let mut out = json!({
                    "file": file,
                    "unit_name": report.unit_name,
                    "year": report.year,
                    "errors": summary.errors,
                    "warnings": summary.warnings,
                    "verified": summary.verified,
                    "results": results.iter().map(|r| result_json(r, &verifier)).collect::<Vec<_>>(),
                });
                if let Some(log) = import {
                    out["import"] = json!({ "report": log, "warnings": log.warnings() });
                }
                out
            }
        }
    }
}

fn result_json(r: &CheckResult, verifier: &Verifier) -> Value {
    let paths = |keys: &[xxgk_core::format::FieldKey]| keys.iter().map(|k| k.path()).collect::<Vec<_>>();
    json!({
        "id": r.id,
        "severity": r.severity,
        "status": r.status,
        "title": r.title,
        "explanation": r.explanation,
        "difference": r.difference,
        "left": paths(&r.left),
        "right": paths(&r.right),
        "text": r.text.as_ref().map(|t| json!({
            "place": t.place.path(),
            "start": t.start,
            "end": t.end,
            "quote": t.quote,
        })),
        "verified": verifier.find(r).map(|m| json!({ "note": m.note })),
    })
}

fn print_total(outcomes: &[Outcome]) {
    let unreadable = outcomes.iter().filter(|o| o.checked.is_err()).count();
    let with_errors = outcomes.iter().filter(|o| o.errors() > 0).count();
    let mut line = format!("共检查 {} 个文件：{with_errors} 个有错误", outcomes.len());
    if unreadable > 0 {
        line.push_str(&format!("，{unreadable} 个无法读取"));
    }
    say!("{line}");
}
