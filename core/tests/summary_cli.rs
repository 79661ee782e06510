//! `xxgk-report summarize` over core/fixtures/ and a broken file: the summary
//! draft, the overview workbook, and LibreOffice reading that workbook.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xxgk-summary-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs summarize on the eight fixtures and a broken file; returns the output folder and stdout.
fn run(name: &str) -> (PathBuf, String, Option<i32>) {
    let dir = scratch(name);
    let broken = dir.join("损坏.json");
    std::fs::write(&broken, "{\"schema\": ").unwrap();
    let mut drafts: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    drafts.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_xxgk-report"))
        .arg("summarize")
        .args(&drafts)
        .arg(&broken)
        .args(["--unit", "平潭综合实验区（汇总）", "--year", "2023"])
        .arg("-o")
        .arg(dir.join("汇总.json"))
        .arg("--xlsx")
        .arg(dir.join("概览.xlsx"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    (dir, stdout, out.status.code())
}

#[test]
fn writes_the_summary_draft_and_lists_what_needs_a_look() {
    let (dir, stdout, code) = run("cli");
    // A file could not be read: written, exit 1.
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("9 个文件，计入 8 份报告"), "{stdout}");
    assert!(stdout.contains("损坏.json"), "{stdout}");
    assert!(
        stdout.contains(
            "表二「规章 · 现行有效件数」：平潭综合实验区市场监督管理局、平潭综合实验区社会事业局 未填写"
        ),
        "{stdout}"
    );
    let text = std::fs::read_to_string(dir.join("汇总.json")).unwrap();
    let report = xxgk_core::draft::from_json(&text).unwrap();
    assert_eq!(report.unit_name, "平潭综合实验区（汇总）");
    assert_eq!(report.table3.get("new_received", "total"), Some("3317"));
    assert_eq!(report.table2.get("fees", "amount"), Some("129540.271082"));
    assert!(dir.join("概览.xlsx").metadata().unwrap().len() > 1000);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let dir = scratch("usage");
    let out = Command::new(env!("CARGO_BIN_EXE_xxgk-report"))
        .args(["summarize", "--unit", "某县", "--year", "2023", "-o"])
        .arg(dir.join("s.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("缺少各单位的草稿文件"));
    assert!(!dir.join("s.json").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn libreoffice_reads_the_overview() {
    let found =
        Command::new("sh").args(["-c", "command -v soffice"]).output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var("CI").is_err(), "soffice is missing (apt: libreoffice-calc-nogui)");
        println!("skipped: soffice not installed (apt: libreoffice-calc-nogui)");
        return;
    }
    let (dir, _, _) = run("soffice");
    let profile = dir.join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir"])
        .arg(&dir)
        .arg(dir.join("概览.xlsx"))
        .output()
        .unwrap();
    let csv = std::fs::read_to_string(dir.join("概览.csv")).unwrap_or_else(|_| {
        panic!("no CSV: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    });
    // Text cells come quoted; numbers bare.
    assert!(csv.contains("\"平潭综合实验区\",\"县级人民政府\",2021,0,0,0,"), "{csv}");
    let csv = csv.replace('"', "");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 9, "{csv}");
    assert!(lines[0].starts_with("序号,机关,层级,年度,错误,提醒,未填写单元格,新收申请"), "{}", lines[0]);
    assert!(
        lines[4].starts_with("4,平潭综合实验区自然资源与生态环境局,县级以上地方人民政府部门,2023,3,0,0,19,"),
        "{}",
        lines[4]
    );
    assert!(lines[1].contains(",24252.311082,"), "{}", lines[1]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_of_published_reports_and_drafts_is_summed_alike() {
    let dir = scratch("published");
    let units = dir.join("各单位");
    std::fs::create_dir_all(&units).unwrap();
    let published = fixtures().join("published");
    for (from, to) in [
        (published.join("10_pingtan-shichang-jiandu-guanliju-2023.docx"), "市场监管局.docx"),
        (published.join("08_pingtan-junshan-pianqu-guanliju-2023.html"), "君山片区.html"),
        (fixtures().join("06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023.json"), "自然资源局.json"),
    ] {
        std::fs::copy(from, units.join(to)).unwrap();
    }
    std::fs::write(units.join("损坏.docx"), b"PK\x03\x04").unwrap();
    std::fs::write(units.join("说明.md"), "not read: not a report's kind of file").unwrap();
    let run = |files: &[PathBuf], out: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_xxgk-report"))
            .arg("summarize")
            .args(files)
            .args(["--unit", "平潭综合实验区（汇总）", "--year", "2023", "-o"])
            .arg(dir.join(out))
            .output()
            .unwrap();
        (String::from_utf8(o.stdout).unwrap(), o.status.code())
    };
    let (stdout, code) = run(std::slice::from_ref(&units), "汇总.json");
    // The broken .docx is listed with its reason, the .md is not looked at.
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("4 个文件，计入 3 份报告"), "{stdout}");
    assert!(stdout.contains("损坏.docx：「") && stdout.contains("无法导入："), "{stdout}");
    // The same three units as drafts give the same summary draft.
    let drafts: Vec<PathBuf> = [
        "10_pingtan-shichang-jiandu-guanliju-2023.json",
        "08_pingtan-junshan-pianqu-guanliju-2023.json",
        "06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023.json",
    ]
    .iter()
    .map(|n| fixtures().join(n))
    .collect();
    let (stdout, code) = run(&drafts, "汇总-草稿.json");
    assert_eq!(code, Some(0), "{stdout}");
    let from_published = std::fs::read_to_string(dir.join("汇总.json")).unwrap();
    let from_drafts = std::fs::read_to_string(dir.join("汇总-草稿.json")).unwrap();
    assert_eq!(from_published, from_drafts);
    let _ = std::fs::remove_dir_all(&dir);
}
