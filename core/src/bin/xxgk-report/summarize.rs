//! `xxgk-report summarize FILE... --unit 名称 --year N -o 汇总.json [--xlsx 概览.xlsx]`:
//! the 汇总 of many units' drafts or published reports (`.docx`, saved pages,
//! text, read by the import), with the same core function as the browser's
//! 汇总 page (`xxgk_core::summary`).
//!
//! Exit codes: 0 written, every file read and added; 1 written, but a file
//! could not be read or was not added, or the parent differs from the sum of
//! its children; 2 nothing written (wrong usage, no draft read, cannot write).

use std::path::PathBuf;
use std::process::ExitCode;

use xxgk_core::draft;
use xxgk_core::model::Report;
use xxgk_core::summary::xlsx::{overview_xlsx, Extras};
use xxgk_core::summary::{
    compare, match_roster, parent_of, parse_roster, read_and_check, summarize, Batch, Entry, Mismatch,
};

use crate::cli::{self, read_reason, say, tell, Opt};

const USAGE: &str =
    "用法：xxgk-report summarize 草稿.json|报告.docx|网页.html|报告.txt... --unit 机关名称 --year 年度 -o 汇总.json [--xlsx 概览.xlsx]
        [--parent 本级草稿.json] [--roster 名单.txt]
  把各单位的草稿逐格相加，生成本级的汇总报告草稿（表二、表三、表四）。
  也可以直接给各单位已发布的报告（Word/WPS 的 .docx、从网站保存的网页 .html/.htm、文本 .txt），
  按导入的方式读取。某单位留空的单元格在汇总中也留空，并列出留空的单位；金额按小数精确相加。
  给出的可以是文件夹（读取其中全部 .json、.docx、.html、.htm、.txt 文件）。
  --xlsx    另存一份概览（Excel）：各单位的校验结果和主要数字、未通过的校验
  --parent  本级报告：不计入合计，逐格与下级合计比较；不给时，文件中与 --unit、--year
            相同的那份报告即为本级报告
  --roster  应报送单位名单（每行一个），列出尚未报送的单位
  退出码：0 已写入，所有文件都已计入；1 已写入，但有文件无法读取或未计入、或本级与下级合计不符；
  2 未写入（用法错误、没有可读的草稿、无法写入文件）。";

/// How many units a line names before 「等」.
const NAMED: usize = 5;

struct Args {
    files: Vec<PathBuf>,
    unit: String,
    year: u16,
    output: PathBuf,
    xlsx: Option<PathBuf>,
    parent: Option<PathBuf>,
    roster: Option<PathBuf>,
}

const OPTIONS: &[Opt] = &[
    Opt { names: &["--unit"], value: Some("机关名称") },
    Opt { names: &["--year"], value: Some("年度") },
    Opt { names: &["-o", "--output"], value: Some("输出文件名") },
    Opt { names: &["--xlsx"], value: Some("输出文件名") },
    Opt { names: &["--parent"], value: Some("本级草稿文件名") },
    Opt { names: &["--roster"], value: Some("名单文件名") },
];

fn parse(args: &[String]) -> Result<Args, String> {
    let options = cli::parse(args, OPTIONS)?;
    let unit = options
        .value("--unit")
        .filter(|u| !u.trim().is_empty())
        .ok_or("缺少 --unit（汇总报告的机关名称）。")?;
    let year = options.value("--year").ok_or("缺少 --year（报告年度）。")?;
    let year = year
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|y| (2008..=2100).contains(y))
        .ok_or_else(|| format!("--year 应为 2008 到 2100 之间的年份，如 2024（给的是「{year}」）。"))?;
    let output = options.path("-o").ok_or("缺少 -o（汇总草稿的文件名）。")?;
    if options.files.is_empty() {
        return Err("缺少各单位的草稿文件。".into());
    }
    Ok(Args {
        unit: unit.to_string(),
        year,
        output,
        xlsx: options.path("--xlsx"),
        parent: options.path("--parent"),
        roster: options.path("--roster"),
        files: options.files,
    })
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match cli::start(args, USAGE, parse) {
        Ok(args) => args,
        Err(code) => return code,
    };
    match summarize_files(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            tell!("{message}");
            ExitCode::from(2)
        }
    }
}

/// What a folder given is searched for: drafts and published reports.
const FOLDER_FILES: [&str; 5] = ["json", "docx", "html", "htm", "txt"];

/// Files given, folders opened (their drafts and published reports, by name).
fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::read_dir(path) {
            Ok(dir) => {
                let mut inside: Vec<PathBuf> = dir
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.extension().is_some_and(|x| FOLDER_FILES.iter().any(|e| x.eq_ignore_ascii_case(e)))
                    })
                    .collect();
                inside.sort();
                out.extend(inside);
            }
            Err(_) => out.push(path.clone()),
        }
    }
    out
}

/// Reads and checks every file, on every core (10,000 drafts are read well within seconds),
/// and adds them in the order given.
fn read_all(paths: &[PathBuf]) -> Batch {
    let paths = expand(paths);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 16);
    let chunk = paths.len().div_ceil(threads).max(1);
    let mut batch = Batch::new();
    std::thread::scope(|scope| {
        let workers: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|path| {
                            let name = path.display().to_string();
                            let read = match std::fs::read(path) {
                                Ok(bytes) => read_and_check(&name, &bytes),
                                Err(e) => Err(format!("无法读取文件（{}）", read_reason(&e))),
                            };
                            (name, read)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for worker in workers {
            // A panic in a worker is a bug; re-raise it here rather than drop its files.
            for (name, read) in worker.join().unwrap_or_else(|e| std::panic::resume_unwind(e)) {
                batch.add_checked(&name, read);
            }
        }
    });
    batch
}

/// Writes the summary (and the overview); `Ok(true)` when nothing needs a look.
fn summarize_files(args: &Args) -> Result<bool, String> {
    let batch = read_all(&args.files);
    let parent_file: Option<(String, Report)> = match &args.parent {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| format!("本级草稿 {}：无法读取文件（{}）", path.display(), read_reason(&e)))?;
            let report = xxgk_core::summary::read_file(&path.display().to_string(), &bytes)?;
            Some((path.display().to_string(), report))
        }
        None => None,
    };
    let all: Vec<&Entry> = batch.entries.iter().collect();
    let parent_index = if parent_file.is_some() { None } else { parent_of(&all, &args.unit, args.year) };
    let children: Vec<&Entry> =
        all.iter().enumerate().filter(|(i, _)| Some(*i) != parent_index).map(|(_, e)| *e).collect();
    if children.is_empty() {
        for u in &batch.unreadable {
            tell!("{}：{}", u.source, u.reason);
        }
        return Err("没有可以汇总的草稿：给出的文件都无法读取。".into());
    }
    let s = summarize(&children, &args.unit, args.year);
    let mut clean = batch.unreadable.is_empty() && s.skipped.is_empty();

    say!(
        "{}{}年度汇总：{} 个文件，计入 {} 份报告",
        s.report.unit_name,
        args.year,
        batch.entries.len() + batch.unreadable.len(),
        s.summed.len()
    );
    let with_errors: Vec<&Entry> = batch.entries.iter().filter(|e| e.row.errors > 0).collect();
    if !with_errors.is_empty() {
        say!("有错误的报告（{} 份）：", with_errors.len());
        for e in &with_errors {
            say!(
                "  {}（{} {}年）：{} 个错误，{} 个提醒，{} 个单元格未填写",
                e.source,
                e.row.unit_name,
                e.row.year,
                e.row.errors,
                e.row.warnings,
                e.row.blanks
            );
        }
    }
    if !batch.unreadable.is_empty() {
        say!("无法读取的文件（{} 个）：", batch.unreadable.len());
        for u in &batch.unreadable {
            say!("  {}：{}", u.source, u.reason);
        }
    }
    if !s.skipped.is_empty() {
        say!("未计入的报告（{} 份）：", s.skipped.len());
        for k in &s.skipped {
            say!("  {}：{}", children[k.entry].source, k.reason);
        }
    }
    if !s.other_year.is_empty() {
        say!(
            "年度不是 {} 年、但已计入的报告（{} 份）：{}",
            args.year,
            s.other_year.len(),
            names(&children, &s.other_year)
        );
    }
    if !s.blanks.is_empty() {
        say!("汇总中留空的单元格（{} 个：有单位未填写或填写有误）：", s.blanks.len());
        for b in &s.blanks {
            let mut why = Vec::new();
            if !b.blank_in.is_empty() {
                why.push(format!("{} 未填写", names(&children, &b.blank_in)));
            }
            if !b.invalid_in.is_empty() {
                why.push(format!("{} 填写有误", names(&children, &b.invalid_in)));
            }
            say!("  {}「{}」：{}", b.key.table.short_name(), b.label, why.join("；"));
        }
    }

    let parent: Option<(String, &Report)> = match (&parent_file, parent_index) {
        (Some((name, report)), _) => Some((name.clone(), report)),
        (None, Some(i)) => Some((batch.entries[i].source.clone(), &batch.entries[i].report)),
        (None, None) => None,
    };
    let mut mismatches: Vec<Mismatch> = Vec::new();
    if let Some((name, report)) = &parent {
        match compare(report, &s) {
            Ok(found) if found.is_empty() => say!("本级报告 {name} 与下级合计逐格一致。"),
            Ok(found) => {
                clean = false;
                say!("本级报告 {name} 与下级合计不符（{} 处）：", found.len());
                for m in &found {
                    say!("  {}", m.explanation());
                }
                mismatches = found;
            }
            Err(message) => {
                clean = false;
                say!("{message}");
            }
        }
    }

    let mut missing = Vec::new();
    if let Some(path) = &args.roster {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("名单 {}：无法读取文件（{}）", path.display(), read_reason(&e)))?;
        let roster = parse_roster(&text);
        let units: Vec<&str> = batch.entries.iter().map(|e| e.report.unit_name.as_str()).collect();
        let m = match_roster(&roster, &units);
        if m.missing.is_empty() {
            say!("名单中的 {} 个单位都已报送。", roster.len());
        } else {
            clean = false;
            say!(
                "名单中尚未报送的单位（{} 个，共 {} 个）：{}",
                m.missing.len(),
                roster.len(),
                m.missing.join("、")
            );
        }
        missing = m.missing;
    }

    cli::write(&args.output, draft::to_json(&s.report), "Excel/WPS")?;
    say!("已写入汇总草稿：{}", args.output.display());
    if let Some(path) = &args.xlsx {
        let parent_extra = parent.as_ref().map(|(_, r)| (r.unit_name.as_str(), mismatches.as_slice()));
        let bytes = overview_xlsx(&batch, Extras { missing: &missing, parent: parent_extra })?;
        cli::write(path, bytes, "Excel/WPS")?;
        say!("已写入概览：{}", path.display());
    }
    Ok(clean)
}

/// 「甲局、乙局、丙局、丁局、戊局等 12 个单位」.
fn names(entries: &[&Entry], which: &[usize]) -> String {
    let mut text: Vec<String> =
        which.iter().take(NAMED).map(|&i| entries[i].report.unit_name.clone()).collect();
    if which.len() > NAMED {
        text.push(format!("等 {} 个单位", which.len()));
    }
    text.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Args, String> {
        parse(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn parses_files_and_options_in_any_order() {
        let a =
            args(&["a.json", "--unit", "某县", "-o", "s.json", "b", "--year", "2024", "--xlsx", "o.xlsx"])
                .unwrap();
        assert_eq!(a.files, [PathBuf::from("a.json"), PathBuf::from("b")]);
        assert_eq!((a.unit.as_str(), a.year), ("某县", 2024));
        assert_eq!(a.xlsx, Some(PathBuf::from("o.xlsx")));
    }

    #[test]
    fn usage_errors_are_explained_in_chinese() {
        assert!(args(&["a.json", "--year", "2024", "-o", "s"]).err().unwrap().contains("--unit"));
        assert!(args(&["a.json", "--unit", "某县", "--year", "二〇二四", "-o", "s"])
            .err()
            .unwrap()
            .contains("2008 到 2100"));
        assert!(args(&["--unit", "某县", "--year", "2024", "-o", "s"]).err().unwrap().contains("缺少各单位"));
        assert_eq!(args(&["a", "--unit"]).err().unwrap(), "--unit 后面缺少机关名称。");
        assert!(args(&["a", "--unit", "x", "--unit", "y"]).err().unwrap().contains("只能给一次"));
    }
}
