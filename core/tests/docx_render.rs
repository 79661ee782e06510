//! Renders the DOCX with LibreOffice (scripts/render-docx.sh through the CLI)
//! for every fixture draft, the 尔林兔镇 report (with its 版记) and the 2019
//! grid: finds every paragraph and table cell in the PDF text, each table whole
//! on one page with its vertical label, the page numbers on their sides and
//! the 版记 alone on the last page. Without LibreOffice or poppler the test
//! fails in CI (`CI` set) and locally says "skipped" with the reason.

mod docx_support;

use std::path::Path;
use std::process::Command;

fn installed(tool: &str) -> bool {
    Command::new("sh").arg("-c").arg(format!("command -v {tool}")).output().is_ok_and(|o| o.status.success())
}

#[test]
fn libreoffice_renders_every_label_and_number() {
    let missing: Vec<_> = ["soffice", "pdftotext", "pdfinfo", "pdftoppm", "unzip", "python3"]
        .into_iter()
        .filter(|t| !installed(t))
        .collect();
    if !missing.is_empty() {
        let reason = format!(
            "{} not installed (apt: libreoffice-writer-nogui poppler-utils unzip)",
            missing.join(", ")
        );
        assert!(std::env::var_os("CI").is_none(), "cannot render the DOCX in CI: {reason}");
        println!("skipped: {reason}");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let dir = std::env::temp_dir().join(format!("xxgk-docx-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut drafts = Vec::new();
    // With an introduction before each table, as many published reports print.
    let mut erlintu = docx_support::erlintu_numbered();
    erlintu.table_intros.table2 = "2021年，我镇主动公开政府信息共计126条，其中规范性文件3件。".into();
    erlintu.table_intros.table3 = "2021年共收到政府信息公开申请1件，已按时答复。".into();
    erlintu.table_intros.table4 = "本年度未发生政府信息公开行政复议、行政诉讼案件。".into();
    for (name, report) in [("erlintu-2021", erlintu), ("trial-2019", docx_support::trial_2019())] {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, xxgk_core::draft::to_json(&report)).unwrap();
        drafts.push(path);
    }
    let mut fixtures: Vec<_> = std::fs::read_dir(root.join("core/fixtures"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("\"xxgk-report/draft\"")))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 8, "the fixture drafts are missing");
    drafts.extend(fixtures);
    let output = Command::new("bash")
        .arg(root.join("scripts/render-docx.sh"))
        .args(&drafts)
        .env("XXGK_REPORT", env!("CARGO_BIN_EXE_xxgk-report"))
        .env("RENDER_OUT", &dir)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "render check failed:\n{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}
