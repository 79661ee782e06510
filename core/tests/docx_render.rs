//! Renders the DOCX with LibreOffice (scripts/render-docx.sh through the CLI)
//! and finds every paragraph and table cell in the PDF text. When LibreOffice
//! or poppler is not installed it fails in CI (`CI` set), and locally says
//! "skipped" with the reason.

mod docx_support;

use std::path::Path;
use std::process::Command;

fn installed(tool: &str) -> bool {
    Command::new("sh").arg("-c").arg(format!("command -v {tool}")).output().is_ok_and(|o| o.status.success())
}

#[test]
fn libreoffice_renders_every_label_and_number() {
    let missing: Vec<_> = ["soffice", "pdftotext", "pdfinfo", "pdftoppm", "unzip"]
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
    for (name, report) in
        [("erlintu-2021", docx_support::erlintu_numbered()), ("trial-2019", docx_support::trial_2019())]
    {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, xxgk_core::draft::to_json(&report)).unwrap();
        drafts.push(path);
    }
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
