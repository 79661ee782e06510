//! `xxgk-report summarize FILE... --unit 名称 --year N -o 汇总.json [--xlsx 概览.xlsx]`:
//! the 汇总 of many units' drafts, with the same core function as the
//! browser's 汇总 page (`xxgk_core::summary`).
//!
//! Exit codes: 0 written, every file read and added; 1 written, but a file
//! could not be read or was not added, or the parent differs from the sum of
//! its children; 2 nothing written (wrong usage, no draft read, cannot write).

use std::path::PathBuf;
use std::process::ExitCode;

use xxgk_core::draft;
use xxgk_core::model::Report;
use xxgk_core::summary::xlsx::{overview_xlsx, Extras};
use xxgk_core::summary::{compare, match_roster, parent_of, parse_roster, summarize, Batch, Entry, Mismatch};

const USAGE: &str =
    "用法：xxgk-report summarize 草稿.json... --unit 机关名称 --year 年度 -o 汇总.json [--xlsx 概览.xlsx]
        [--parent 本级草稿.json] [--roster 名单.txt]
  把各单位的草稿逐格相加，生成本级的汇总报告草稿（表二、表三、表四）。
  某单位留空的单元格在汇总中也留空，并列出留空的单位；金额按小数精确相加。
  给出的可以是文件夹（读取其中全部 .json 文件）。
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

fn parse(args: &[String]) -> Result<Args, String> {
    let (mut unit, mut year, mut output, mut xlsx, mut parent, mut roster) =
        (None, None, None, None, None, None);
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |slot_name: &str| {
            rest.next().cloned().ok_or_else(|| format!("{slot_name} 后面缺少{}。", what(slot_name)))
        };
        let once = |slot: &mut Option<String>, v: String, flag: &str| {
            if slot.replace(v).is_some() {
                Err(format!("{flag} 只能给一次。"))
            } else {
                Ok(())
            }
        };
        match arg.as_str() {
            "--unit" => once(&mut unit, value("--unit")?, "--unit")?,
            "--year" => once(&mut year, value("--year")?, "--year")?,
            "-o" | "--output" => once(&mut output, value("-o")?, "-o")?,
            "--xlsx" => once(&mut xlsx, value("--xlsx")?, "--xlsx")?,
            "--parent" => once(&mut parent, value("--parent")?, "--parent")?,
            "--roster" => once(&mut roster, value("--roster")?, "--roster")?,
            flag if flag.starts_with('-') && flag != "-" => return Err(format!("不认识的选项：{flag}")),
            path => files.push(PathBuf::from(path)),
        }
    }
    let unit = unit.filter(|u| !u.trim().is_empty()).ok_or("缺少 --unit（汇总报告的机关名称）。")?;
    let year = year.ok_or("缺少 --year（报告年度）。")?;
    let year = year
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|y| (2008..=2100).contains(y))
        .ok_or_else(|| format!("--year 应为 2008 到 2100 之间的年份，如 2024（给的是「{year}」）。"))?;
    let output = PathBuf::from(output.ok_or("缺少 -o（汇总草稿的文件名）。")?);
    if files.is_empty() {
        return Err("缺少各单位的草稿文件。".into());
    }
    Ok(Args {
        files,
        unit,
        year,
        output,
        xlsx: xlsx.map(PathBuf::from),
        parent: parent.map(PathBuf::from),
        roster: roster.map(PathBuf::from),
    })
}

fn what(flag: &str) -> &'static str {
    match flag {
        "--unit" => "机关名称",
        "--year" => "年度",
        "--roster" => "名单文件名",
        "--parent" => "本级草稿文件名",
        _ => "输出文件名",
    }
}

pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse(args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match summarize_files(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// Files given, folders opened (their `.json` files, by name).
fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::read_dir(path) {
            Ok(dir) => {
                let mut inside: Vec<PathBuf> = dir
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")))
                    .collect();
                inside.sort();
                out.extend(inside);
            }
            Err(_) => out.push(path.clone()),
        }
    }
    out
}

fn read_all(paths: &[PathBuf]) -> Batch {
    let mut batch = Batch::new();
    for path in expand(paths) {
        let name = path.display().to_string();
        match std::fs::read(&path) {
            Ok(bytes) => batch.add_file(&name, &bytes),
            Err(e) => batch.unreadable.push(xxgk_core::summary::Unreadable {
                source: name,
                reason: format!("无法读取文件（{}）", io_reason(&e)),
            }),
        }
    }
    batch
}

/// Writes the summary (and the overview); `Ok(true)` when nothing needs a look.
fn summarize_files(args: &Args) -> Result<bool, String> {
    let batch = read_all(&args.files);
    let parent_file: Option<(String, Report)> = match &args.parent {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| format!("本级草稿 {}：无法读取文件（{}）", path.display(), io_reason(&e)))?;
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
            eprintln!("{}：{}", u.source, u.reason);
        }
        return Err("没有可以汇总的草稿：给出的文件都无法读取。".into());
    }
    let s = summarize(&children, &args.unit, args.year);
    let mut clean = batch.unreadable.is_empty() && s.skipped.is_empty();

    println!(
        "{}{}年度汇总：{} 个文件，计入 {} 份报告",
        s.report.unit_name,
        args.year,
        batch.entries.len() + batch.unreadable.len(),
        s.summed.len()
    );
    let with_errors: Vec<&Entry> = batch.entries.iter().filter(|e| e.row.errors > 0).collect();
    if !with_errors.is_empty() {
        println!("有错误的报告（{} 份）：", with_errors.len());
        for e in &with_errors {
            println!(
                "  {}（{} {}年）：{} 个错误，{} 个提醒，{} 个单元格未填写",
                e.source, e.row.unit_name, e.row.year, e.row.errors, e.row.warnings, e.row.blanks
            );
        }
    }
    if !batch.unreadable.is_empty() {
        println!("无法读取的文件（{} 个）：", batch.unreadable.len());
        for u in &batch.unreadable {
            println!("  {}：{}", u.source, u.reason);
        }
    }
    if !s.skipped.is_empty() {
        println!("未计入的报告（{} 份）：", s.skipped.len());
        for k in &s.skipped {
            println!("  {}：{}", children[k.entry].source, k.reason);
        }
    }
    if !s.other_year.is_empty() {
        println!(
            "年度不是 {} 年、但已计入的报告（{} 份）：{}",
            args.year,
            s.other_year.len(),
            names(&children, &s.other_year)
        );
    }
    if !s.blanks.is_empty() {
        println!("汇总中留空的单元格（{} 个：有单位未填写或填写有误）：", s.blanks.len());
        for b in &s.blanks {
            let mut why = Vec::new();
            if !b.blank_in.is_empty() {
                why.push(format!("{} 未填写", names(&children, &b.blank_in)));
            }
            if !b.invalid_in.is_empty() {
                why.push(format!("{} 填写有误", names(&children, &b.invalid_in)));
            }
            println!("  {}「{}」：{}", b.key.table.short_name(), b.label, why.join("；"));
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
            Ok(found) if found.is_empty() => println!("本级报告 {name} 与下级合计逐格一致。"),
            Ok(found) => {
                clean = false;
                println!("本级报告 {name} 与下级合计不符（{} 处）：", found.len());
                for m in &found {
                    println!("  {}", m.explanation());
                }
                mismatches = found;
            }
            Err(message) => {
                clean = false;
                println!("{message}");
            }
        }
    }

    let mut missing = Vec::new();
    if let Some(path) = &args.roster {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("名单 {}：无法读取文件（{}）", path.display(), io_reason(&e)))?;
        let roster = parse_roster(&text);
        let units: Vec<&str> = batch.entries.iter().map(|e| e.report.unit_name.as_str()).collect();
        let m = match_roster(&roster, &units);
        if m.missing.is_empty() {
            println!("名单中的 {} 个单位都已报送。", roster.len());
        } else {
            clean = false;
            println!(
                "名单中尚未报送的单位（{} 个，共 {} 个）：{}",
                m.missing.len(),
                roster.len(),
                m.missing.join("、")
            );
        }
        missing = m.missing;
    }

    std::fs::write(&args.output, draft::to_json(&s.report))
        .map_err(|e| format!("{}：无法写入文件（{}）", args.output.display(), write_reason(&e)))?;
    println!("已写入汇总草稿：{}", args.output.display());
    if let Some(path) = &args.xlsx {
        let parent_extra = parent.as_ref().map(|(_, r)| (r.unit_name.as_str(), mismatches.as_slice()));
        let bytes = overview_xlsx(&batch, Extras { missing: &missing, parent: parent_extra })?;
        std::fs::write(path, bytes)
            .map_err(|e| format!("{}：无法写入文件（{}）", path.display(), write_reason(&e)))?;
        println!("已写入概览：{}", path.display());
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

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".to_string(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".to_string(),
        std::io::ErrorKind::IsADirectory => "这是一个文件夹".to_string(),
        _ => e.to_string(),
    }
}

fn write_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "所在文件夹不存在".to_string(),
        std::io::ErrorKind::PermissionDenied => "没有写入权限，或文件正在 Excel/WPS 中打开".to_string(),
        std::io::ErrorKind::IsADirectory => "这是一个文件夹".to_string(),
        _ => e.to_string(),
    }
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
