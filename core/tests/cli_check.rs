//! `xxgk-report check` on the committed fixtures: output, JSON and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(stem: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.starts_with(stem))
        .unwrap_or_else(|| panic!("no fixture {stem}"));
    dir.join(name).display().to_string()
}

fn check(args: &[&str]) -> (Option<i32>, String, String) {
    let Output { status, stdout, stderr } =
        Command::new(env!("CARGO_BIN_EXE_xxgk-report")).arg("check").args(args).output().unwrap();
    (status.code(), String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap())
}

/// A file in the temp directory with `content`, unique to this test.
fn temp_file(name: &str, content: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("xxgk-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, content).unwrap();
    path.display().to_string()
}

#[test]
fn a_clean_report_exits_0() {
    let (code, out, _) = check(&[&fixture("12_")]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("（淮安市人民政府 2024年）"), "{out}");
    // Its 六 gives the fee in 元 without the number of cases.
    assert!(out.contains("  提醒　第六部分写了信息处理费的金额，但没有写收费的件数"), "{out}");
    assert!(out.contains("结果：0 个错误，1 个提醒"), "{out}");
}

#[test]
fn errors_are_listed_in_chinese_and_exit_1() {
    let (code, out, _) = check(&[&fixture("06_")]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("  错误　表三「商业企业」列：一+二=0，（七）总计+四=1，相差1"), "{out}");
    // The text checks: 「(以下简称…)」 in ASCII parentheses, 「主要存在在与群众」.
    assert!(out.contains("  提醒　开头部分有4处英文标点「(」「)」"), "{out}");
    assert!(out.contains("  提醒　第五部分有重复的字词「在在」"), "{out}");
    assert!(out.contains("结果：3 个错误，2 个提醒"), "{out}");
}

#[test]
fn warnings_alone_do_not_fail() {
    let (code, out, _) = check(&[&fixture("10_")]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("  提醒　表三有14个单元格未填写"), "{out}");
    assert!(out.contains("另有 11 项因缺数无法判断"), "{out}");
}

#[test]
fn many_files_get_a_summary_per_file_and_a_total() {
    let (code, out, _) = check(&[&fixture("01_"), &fixture("11_"), &fixture("06_")]);
    assert_eq!(code, Some(1));
    assert_eq!(out.matches("  结果：").count(), 3, "{out}");
    assert!(
        out.contains("  错误　表四「行政诉讼 复议后起诉」：总计=15，维持+纠正+其他+尚未审结=19，相差4"),
        "{out}"
    );
    assert!(out.contains("共检查 3 个文件：2 个有错误"), "{out}");
}

#[test]
fn last_years_draft_adds_the_cross_year_checks() {
    let (code, out, _) = check(&["--previous", &fixture("05_"), &fixture("06_")]);
    assert_eq!(code, Some(1));
    assert!(out.contains("  提醒　表二「行政规范性文件」：现行有效件数=35，上年现行有效件数32+本年制发件数2−本年废止件数1=33，相差2"), "{out}");
    let (code, out, _) = check(&["--previous", &fixture("01_"), &fixture("02_")]);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn unreadable_or_invalid_files_exit_2_with_the_reason() {
    let not_json = temp_file("not-json.json", b"hello");
    let not_draft = temp_file("not-draft.json", br#"{"name": "x"}"#);
    let gbk = temp_file("gbk.json", &[0xd5, 0xfe, 0xb8, 0xae]);
    let missing = std::env::temp_dir().join("xxgk-cli-does-not-exist.json").display().to_string();
    let (code, out, _) = check(&[&not_json, &not_draft, &gbk, &missing, &fixture("06_")]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("无法检查：无法读取：这不是草稿文件，或文件已损坏（第 1 行第 1 列附近格式有误）"),
        "{out}"
    );
    assert!(out.contains("无法检查：这不是年度报告草稿文件"), "{out}");
    assert!(out.contains("无法检查：无法读取：文件不是 UTF-8 文本"), "{out}");
    assert!(out.contains("无法检查：无法读取文件（文件不存在）"), "{out}");
    assert!(out.contains("共检查 5 个文件：1 个有错误，4 个无法读取"), "{out}");
    for f in [not_json, not_draft, gbk] {
        let _ = std::fs::remove_file(f);
    }
}

#[test]
fn a_newer_draft_says_so() {
    let newer = temp_file("newer.json", br#"{"schema": "xxgk-report/draft", "version": 9, "report": {}}"#);
    let (code, out, _) = check(&[&newer]);
    assert_eq!(code, Some(2));
    assert!(out.contains("这个草稿由更新版本的程序保存（草稿格式第 9 版"), "{out}");
    let _ = std::fs::remove_file(newer);
}

#[test]
fn json_output_is_machine_readable() {
    let broken = temp_file("broken.json", b"{");
    let (code, out, _) = check(&["--json", &fixture("06_"), &fixture("11_"), &broken]);
    assert_eq!(code, Some(2));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["errors"], 3);
    assert_eq!(files[0]["unit_name"], "平潭综合实验区自然资源与生态环境局");
    let failing: Vec<&str> = files[1]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "fail")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        failing,
        ["t2.in_force.normative_docs", "blank.table2", "t4.sum.suit_after_review", "plausible.appeals"]
    );
    let t4 = files[1]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "t4.sum.suit_after_review")
        .unwrap();
    assert_eq!(t4["severity"], "error");
    assert_eq!(t4["difference"], "4");
    assert_eq!(t4["left"], serde_json::json!(["table4.suit_after_review.total"]));
    assert_eq!(t4["right"].as_array().unwrap().len(), 4);
    assert!(files[2]["error"].as_str().unwrap().starts_with("无法读取"));
    let _ = std::fs::remove_file(broken);
}

#[test]
fn wrong_usage_exits_2() {
    let (code, _, err) = check(&[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("缺少草稿文件"), "{err}");
    let (code, _, err) = check(&["--color", "x.json"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("不认识的选项：--color"), "{err}");
    let (code, _, err) = check(&["x.json", "--previous"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--previous 后面缺少"), "{err}");
    let (code, out, _) = check(&["--help"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("用法：xxgk-report check"));
}

#[test]
fn an_unreadable_previous_draft_stops_before_checking() {
    let (code, out, err) = check(&["--previous", "/nonexistent/last.json", &fixture("01_")]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.contains("上年草稿 /nonexistent/last.json：无法读取文件（文件不存在）"), "{err}");
}

/// `xxgk-report check … | head -1`: the reader goes away after one line; the
/// command ends quietly (no panic about a broken pipe) with its own exit code.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    // More than a pipe holds (64 KiB; 861 bytes of text per draft), so writes after the close fail.
    let drafts: Vec<String> = (0..100).map(|_| fixture("06_")).collect();
    for json in [true, false] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_xxgk-report"))
            .arg("check")
            .args(json.then_some("--json"))
            .args(&drafts)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(!first.is_empty());
        let Output { status, stderr, .. } = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&stderr);
        assert_eq!(status.code(), Some(1), "json {json}: {stderr}");
        assert_eq!(stderr, "", "json {json}");
    }
}

#[test]
fn verified_warnings_are_listed_as_checked_and_not_counted() {
    use xxgk_core::checks::{run_text_checks, verified, CheckOptions, Verifier};
    let mut report = xxgk_core::draft::from_json(&std::fs::read_to_string(fixture("12_")).unwrap()).unwrap();
    let results = run_text_checks(&report, None, CheckOptions { at_export: true });
    let fee = results.iter().find(|r| r.is_warning()).expect("12's one warning, on 六's fee");
    let mark = Verifier::new(&report).mark(fee, "本年收费按件计收，件数见表三").unwrap();
    verified::set_mark(&mut report, mark);
    let marked = temp_file("verified.json", xxgk_core::draft::to_json(&report).as_bytes());
    let (code, out, _) = check(&[&marked]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("  已核实　第六部分写了信息处理费的金额，但没有写收费的件数"), "{out}");
    assert!(out.contains("（说明：本年收费按件计收，件数见表三）"), "{out}");
    assert!(!out.contains("  提醒　"), "{out}");
    assert!(out.contains("结果：0 个错误，0 个提醒，1 个提醒已核实"), "{out}");
    let (_, out, _) = check(&["--json", &marked]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let file = &v["files"][0];
    assert_eq!((file["warnings"].as_u64(), file["verified"].as_u64()), (Some(0), Some(1)));
    let marked_results: Vec<&serde_json::Value> =
        file["results"].as_array().unwrap().iter().filter(|r| !r["verified"].is_null()).collect();
    assert_eq!(marked_results.len(), 1);
    assert_eq!(marked_results[0]["verified"]["note"], "本年收费按件计收，件数见表三");
    // The sentence changes: the mark lapses, the warning is back.
    report.sections.other.push_str("特此说明。");
    let changed = temp_file("verified-changed.json", xxgk_core::draft::to_json(&report).as_bytes());
    let (_, out, _) = check(&[&changed]);
    assert!(out.contains("结果：0 个错误，1 个提醒"), "{out}");
    assert!(!out.contains("已核实"), "{out}");
    let _ = std::fs::remove_file(marked);
    let _ = std::fs::remove_file(changed);
}
