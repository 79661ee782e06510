//! `xxgk-report import`, and `check`/`export` given published reports
//! directly: drafts written as the library imports them, import reports
//! printed, bad input refused in Chinese with nothing written.

use std::path::{Path, PathBuf};
use std::process::Command;

use xxgk_core::draft::to_json;
use xxgk_core::import::import_file;

/// A published page's file: `ext` is `html`, `gbk.html` or `docx`.
fn published(stem: &str, ext: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/published");
    let full = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find_map(|n| n.strip_suffix(".copied.txt").filter(|n| n.starts_with(stem)).map(str::to_string))
        .unwrap_or_else(|| panic!("no published page {stem}"));
    dir.join(format!("{full}.{ext}"))
}

fn draft_fixture(stem: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.starts_with(stem) && n.ends_with(".json"))
        .unwrap();
    dir.join(name)
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xxgk-cli-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xxgk-report")).args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

#[test]
fn each_report_becomes_a_draft_with_its_import_report() {
    let dir = scratch("drafts");
    let inputs = [published("02_", "html"), published("08_", "docx"), published("06_", "gbk.html")];
    let mut args: Vec<&std::ffi::OsStr> = vec!["import".as_ref()];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    args.extend(["-o".as_ref(), dir.as_os_str()]);
    let (code, out, err) = run(&args);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(
        files_in(&dir),
        [
            "平潭综合实验区2022年政府信息公开工作年度报告-草稿.json",
            "平潭综合实验区君山片区管理局2023年政府信息公开工作年度报告-草稿.json",
            "平潭综合实验区自然资源与生态环境局2023年政府信息公开工作年度报告-草稿.json",
        ]
    );
    // Each draft is the library's import, byte for byte; each import report is printed.
    for input in &inputs {
        let imported = import_file(&input.to_string_lossy(), &std::fs::read(input).unwrap()).unwrap();
        let name = xxgk_core::storage::export_file_name(&imported.report);
        assert_eq!(std::fs::read_to_string(dir.join(&name)).unwrap(), to_json(&imported.report), "{name}");
        for line in imported.log.lines() {
            assert!(out.contains(&format!("  {line}\n")), "{line}\n{out}");
        }
    }
    assert!(out.contains("  机关：平潭综合实验区君山片区管理局\n  年度：2023\n"), "{out}");
    assert!(out.contains("表三：识别 "), "{out}");
    assert!(out.contains("共 3 个文件：3 个已导入"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_existing_draft_is_not_replaced_without_force() {
    let dir = scratch("force");
    // The page and its .docx are one report: one draft name.
    let html = published("11_", "html");
    let docx = published("11_", "docx");
    let (code, out, _) =
        run(&["import".as_ref(), html.as_os_str(), docx.as_os_str(), "-o".as_ref(), dir.as_os_str()]);
    assert_eq!(code, Some(2), "{out}");
    let name = "平潭综合实验区社会事业局2024年政府信息公开工作年度报告-草稿.json";
    assert!(out.contains(&format!("{name} 已存在，未覆盖（确需覆盖时加 --force）")), "{out}");
    assert!(out.contains("共 2 个文件：1 个已导入，1 个未导入"), "{out}");
    let path = dir.join(name);
    std::fs::write(&path, "clerk's edits").unwrap();
    let (code, _, _) = run(&["import".as_ref(), docx.as_os_str(), "-o".as_ref(), dir.as_os_str()]);
    assert_eq!(code, Some(2));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "clerk's edits");
    let (code, out, _) =
        run(&["import".as_ref(), "--force".as_ref(), docx.as_os_str(), "-o".as_ref(), dir.as_os_str()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(std::fs::read_to_string(&path).unwrap().contains("\"xxgk-report/draft\""));
    // Without -o the draft goes beside its report; -o naming a file is refused.
    let beside = scratch("beside");
    std::fs::copy(&docx, beside.join("上年报告.docx")).unwrap();
    let (code, _, _) = run(&["import".as_ref(), beside.join("上年报告.docx").as_os_str()]);
    assert_eq!(code, Some(0));
    assert!(beside.join(name).exists());
    let (code, _, err) =
        run(&["import".as_ref(), docx.as_os_str(), "-o".as_ref(), beside.join("上年报告.docx").as_os_str()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("-o 应为文件夹"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&beside);
}

#[test]
fn bad_input_is_refused_in_chinese_and_nothing_is_written() {
    let dir = scratch("bad");
    let inputs = scratch("bad-inputs");
    let docx = std::fs::read(published("05_", "docx")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("通知.txt", "关于召开会议的通知\n请各单位准时参加。".into(), "这不是政府信息公开工作年度报告"),
        (
            "新闻.html",
            "<html><head><title>新闻</title></head><body><p>今天天气晴。</p></body></html>".into(),
            "这不是政府信息公开工作年度报告",
        ),
        ("损坏.docx", docx[..docx.len() / 2].to_vec(), "文件已损坏，无法读取"),
        ("上年报告.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(), "无法直接导入 PDF 文件"),
        (
            "上年报告.doc",
            [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0; 504]].concat(),
            "无法直接导入 Word 97-2003 文档（.doc）。请在 WPS 或 Word 中打开并另存为 .docx",
        ),
        ("空.docx", Vec::new(), "文件是空的"),
        ("草稿.json", std::fs::read(draft_fixture("01_")).unwrap(), "这是本程序的草稿文件"),
    ];
    for (name, bytes, _) in &cases {
        std::fs::write(inputs.join(name), bytes).unwrap();
    }
    for (name, _, message) in &cases {
        let path = inputs.join(name);
        let (code, out, _) = run(&["import".as_ref(), path.as_os_str(), "-o".as_ref(), dir.as_os_str()]);
        assert_eq!(code, Some(2), "{name}: {out}");
        assert!(out.contains(&format!("  未导入：{message}")), "{name}: {out}");
        assert!(!out.contains("panicked"), "{name}: {out}");
    }
    let missing = inputs.join("不存在.docx");
    let (code, out, _) = run(&["import".as_ref(), missing.as_os_str(), "-o".as_ref(), dir.as_os_str()]);
    assert_eq!(code, Some(2));
    assert!(out.contains("  未导入：无法读取文件（文件不存在）"), "{out}");
    assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));
    let (code, _, err) = run(&["import".as_ref()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("缺少要导入的报告文件") && err.contains("用法：xxgk-report import"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&inputs);
}

#[test]
fn check_reads_a_published_report_as_it_imports() {
    // The page of 06 carries the transcription's figures, and so its 表三 error.
    let page = published("06_", "html");
    let (code, out, _) = run(&["check".as_ref(), page.as_os_str()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("（平潭综合实验区自然资源与生态环境局 2023年）"), "{out}");
    assert!(out.contains("  导入　按已发布的年度报告读取（2021 年格式）"), "{out}");
    assert!(out.contains("  导入　【读法】正文中没有报告标题，机关和年度取自文件的标题"), "{out}");
    assert!(out.contains("  错误　表三「商业企业」列：一+二=0，（七）总计+四=1，相差1"), "{out}");
    // Last year's published page as --previous: the cross-year checks, as with its draft.
    let last = published("05_", "docx");
    let (_, out, _) =
        run(&["check".as_ref(), "--previous".as_ref(), last.as_os_str(), draft_fixture("06_").as_os_str()]);
    assert!(out.contains("  提醒　表二「行政规范性文件」：现行有效件数=35，上年现行有效件数32+本年制发件数2−本年废止件数1=33，相差2"), "{out}");
    // In JSON, the import report and its warnings.
    let (_, out, _) = run(&["check".as_ref(), "--json".as_ref(), page.as_os_str()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let file = &v["files"][0];
    assert_eq!(file["import"]["report"]["unit_name"], "平潭综合实验区自然资源与生态环境局");
    assert!(file["import"]["warnings"].as_array().is_some_and(|w| !w.is_empty()));
    // What does not import cannot be checked, and says why.
    let dir = scratch("check-bad");
    let pdf = dir.join("a.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n").unwrap();
    let (code, out, _) = run(&["check".as_ref(), pdf.as_os_str()]);
    assert_eq!(code, Some(2));
    assert!(out.contains("无法检查：无法导入：无法直接导入 PDF 文件"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_lays_out_a_published_report_anew_but_never_over_itself() {
    let dir = scratch("export");
    let page = published("10_", "html");
    let (code, _, err) = run(&["export".as_ref(), page.as_os_str(), "-o".as_ref(), dir.as_os_str()]);
    assert!(matches!(code, Some(0 | 1)), "{err}");
    assert!(err.contains("按已发布的年度报告读取（2021 年格式）"), "{err}");
    assert!(err.contains("  [导入] 【读法】正文中没有报告标题"), "{err}");
    let name = "平潭综合实验区市场监督管理局2023年政府信息公开工作年度报告.docx";
    let imported = import_file("a.html", &std::fs::read(&page).unwrap()).unwrap();
    assert_eq!(std::fs::read(dir.join(name)).unwrap(), xxgk_core::docx::build_docx(&imported.report));
    // The written .docx, exported again without -o, would get its own name: refused, kept.
    let before = std::fs::read(dir.join(name)).unwrap();
    let (code, _, err) = run(&["export".as_ref(), dir.join(name).as_os_str()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("这就是所给的文件，不能覆盖它"), "{err}");
    assert_eq!(std::fs::read(dir.join(name)).unwrap(), before);
    // What does not import is not exported: a damaged .docx, a .doc, a page that is no report.
    let out = scratch("export-bad");
    let docx = std::fs::read(published("08_", "docx")).unwrap();
    let doc = [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0; 504]].concat();
    for (file, bytes, message) in [
        ("损坏.docx", &docx[..docx.len() - 100], "文件已损坏，无法读取"),
        ("旧.doc", &doc[..], "另存为 .docx"),
        ("新闻.htm", b"<p>\xE4\xBB\x8A\xE5\xA4\xA9</p>".as_slice(), "这不是政府信息公开工作年度报告"),
    ] {
        let path = dir.join(file);
        std::fs::write(&path, bytes).unwrap();
        let (code, _, err) = run(&["export".as_ref(), path.as_os_str(), "-o".as_ref(), out.as_os_str()]);
        assert_eq!(code, Some(2), "{file}: {err}");
        assert!(err.contains(message) && err.contains("无法导入"), "{file}: {err}");
    }
    assert!(files_in(&out).is_empty(), "{:?}", files_in(&out));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&out);
}
