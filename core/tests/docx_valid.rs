//! Every DOCX the program writes is valid WordprocessingML: `openxml-audit`
//! 0.8.0 (a port of Microsoft's Open XML SDK validator, installed by
//! scripts/install.sh into .venv-tools/) reports no error, for the formats of
//! Office 2007, Office 2016 and Microsoft 365, on every fixture draft, the
//! 尔林兔镇 report, the 2019 grid, an empty report and reports full of
//! awkward characters. Word offers to "repair" a file with such errors.
//!
//! Without the validator the test fails in CI (`CI` set) and locally says
//! "skipped" otherwise.

mod docx_support;

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use docx_support::everywhere;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use xxgk_core::docx::build_docx;
use xxgk_core::model::{Report, TitleForm};

const FORMATS: [&str; 3] = ["office2007", "office2016", "microsoft365"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// The validator: $OPENXML_AUDIT, the project's .venv-tools, or the PATH.
fn validator() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("OPENXML_AUDIT").map(PathBuf::from),
        Some(root().join(".venv-tools/bin/openxml-audit")),
        Some(PathBuf::from("openxml-audit")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| Command::new(p).arg("--help").output().is_ok_and(|o| o.status.success()))
}

/// Awkward text: XML's special characters, controls, separators, surrogates'
/// neighbours, full-width and combining characters, emoji.
fn awkward_texts(n: usize) -> Vec<String> {
    let strategy = proptest::collection::vec(
        proptest::prop_oneof![
            proptest::sample::select(vec![
                '<',
                '>',
                '&',
                '"',
                '\'',
                '\t',
                '\n',
                '\r',
                '\u{0}',
                '\u{1}',
                '\u{B}',
                '\u{C}',
                '\u{1F}',
                '\u{7F}',
                '\u{85}',
                '\u{9F}',
                '\u{A0}',
                '\u{2028}',
                '\u{2029}',
                '\u{3000}',
                '\u{200B}',
                '\u{FEFF}',
                '\u{D7FF}',
                '\u{E000}',
                '\u{FFFD}',
                '\u{FFFE}',
                '\u{FFFF}',
                '\u{10000}',
                '\u{10FFFF}',
                '\u{301}',
                '〔',
                '〕',
                '：',
                '（',
                '）',
                '。',
                '—',
                '😀',
                ']',
                '!',
                '-',
                '0',
                '9',
                '.',
            ]),
            proptest::char::any(),
            proptest::char::range('\u{4E00}', '\u{9FFF}'),
        ],
        0..60,
    )
    .prop_map(|chars| chars.into_iter().collect::<String>());
    let mut runner =
        TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
    (0..n).map(|_| strategy.new_tree(&mut runner).expect("a value").current()).collect()
}

/// Every report the gate checks, by file name.
fn reports() -> Vec<(String, Report)> {
    let mut out = Vec::new();
    let fixtures = root().join("core/fixtures");
    let mut drafts: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("core/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    drafts.sort();
    for path in drafts {
        let text = std::fs::read_to_string(&path).unwrap();
        if !text.contains("\"xxgk-report/draft\"") {
            continue;
        }
        let report = xxgk_core::draft::from_json(&text)
            .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message()));
        out.push((path.file_stem().unwrap().to_string_lossy().into_owned(), report));
    }
    assert!(out.len() >= 8, "the fixture drafts are missing: {}", out.len());
    out.push(("erlintu-2021".into(), docx_support::erlintu()));
    out.push(("erlintu-2021-numbered".into(), docx_support::erlintu_numbered()));
    out.push(("trial-2019".into(), docx_support::trial_2019()));
    out.push(("empty-2024".into(), Report::new(2024)));
    for (i, text) in awkward_texts(6).iter().enumerate() {
        let form = if i % 2 == 0 { TitleForm::Annual } else { TitleForm::Submission };
        out.push((format!("awkward-{i}"), everywhere(text, form, if i % 3 == 0 { 2020 } else { 2021 })));
    }
    out
}

/// A copy of `docx` whose first paragraph properties are out of schema order,
/// to show the validator does see such errors.
fn broken(docx: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            let text = String::from_utf8(bytes).unwrap().replacen(
                "<w:pPr>",
                r#"<w:pPr><w:jc w:val="left"/><w:keepNext/>"#,
                1,
            );
            bytes = text.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn openxml_audit_finds_no_error_in_any_docx() {
    let Some(audit) = validator() else {
        let message = "openxml-audit is not installed (bash scripts/install.sh puts it in .venv-tools/)";
        assert!(std::env::var_os("CI").is_none(), "cannot validate the DOCX in CI: {message}");
        println!("skipped: {message}");
        return;
    };
    let dir = std::env::temp_dir().join(format!("xxgk-docx-valid-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let reports = reports();
    for (name, report) in &reports {
        std::fs::write(dir.join(format!("{name}.docx")), build_docx(report)).unwrap();
    }
    std::fs::write(dir.join("control-broken.docx"), broken(&build_docx(&docx_support::erlintu()))).unwrap();

    let mut failures = Vec::new();
    for fmt in FORMATS {
        let output = Command::new(&audit)
            .args(["-f", fmt, "-m", "0", "-o", "json", "-r"])
            .arg(&dir)
            .output()
            .expect("openxml-audit runs");
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!("openxml-audit output is not JSON ({e}): {}", String::from_utf8_lossy(&output.stderr))
        });
        let files = json.as_array().expect("a list of files");
        assert_eq!(files.len(), reports.len() + 1, "{fmt}: every file validated");
        let mut line = Vec::new();
        for file in files {
            let name = file["file"].as_str().unwrap_or_default();
            let count = file["error_count"].as_u64().expect("error_count");
            if name.contains("control-broken") {
                assert!(count > 0, "{fmt}: the validator misses a paragraph property out of order");
                continue;
            }
            line.push(format!("{count}"));
            if count > 0 {
                let first: Vec<String> = file["errors"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .take(5)
                    .map(|e| format!("{} {} {}", e["part_uri"], e["path"], e["description"]))
                    .collect();
                failures.push(format!("{fmt} {name}: {count} errors, first: {first:#?}"));
            }
        }
        println!("openxml-audit -f {fmt}: {} files, errors per file: {}", line.len(), line.join(" "));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let _ = std::fs::remove_dir_all(&dir);
}
