//! What the import tests share: the fixtures and the comparison with the
//! transcription (the drafts in core/fixtures/, converted from it).

#![allow(dead_code)]

use std::path::PathBuf;

use xxgk_core::draft::from_json;
use xxgk_core::format::{format, TableId};
use xxgk_core::import::Imported;
use xxgk_core::model::Report;

pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The published pages with a transcription, by stem (`10_pingtan-…-2023`).
pub fn stems() -> Vec<String> {
    let mut stems: Vec<String> = std::fs::read_dir(dir().join("published"))
        .unwrap()
        .filter_map(|e| {
            e.unwrap().file_name().to_string_lossy().strip_suffix(".copied.txt").map(str::to_string)
        })
        .collect();
    stems.sort();
    stems
}

/// The page as a clerk copies it from the portal, selecting from the title
/// (printed above the article, without the site's 「_栏目_网站」) down.
pub fn copied(stem: &str) -> String {
    let html = std::fs::read_to_string(dir().join(format!("published/{stem}.html"))).unwrap();
    let title = html.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap_or("");
    let title = title.split('_').next().unwrap_or("");
    let text = std::fs::read_to_string(dir().join(format!("published/{stem}.copied.txt"))).unwrap();
    format!("{title}\n{text}")
}

pub fn transcribed(stem: &str) -> Report {
    from_json(&std::fs::read_to_string(dir().join(format!("{stem}.json"))).unwrap()).unwrap()
}

/// Every cell (blanks included), the unit, year, edition and headings as transcribed.
pub fn assert_same_report(stem: &str, imported: &Imported) {
    let want = transcribed(stem.split('.').next().unwrap_or(stem));
    let got = &imported.report;
    assert_eq!(got.unit_name, want.unit_name, "{stem}: 机关");
    assert_eq!(got.year, want.year, "{stem}: 年度");
    assert_eq!(got.format, want.format, "{stem}: 格式");
    assert_eq!(imported.log.format, want.format, "{stem}: 格式 in the import report");
    for id in TableId::ALL {
        for field in &format(want.format).table(id).fields {
            assert_eq!(got.raw(field.key), want.raw(field.key), "{stem}: {}", field.key.path());
        }
        assert_eq!(got.table(id), want.table(id), "{stem}: {}", id.key());
    }
    // All six headings found.
    for s in &imported.log.sections {
        assert!(s.printed.is_some(), "{stem}: {} not found", s.heading);
    }
    // Each narrative starts as transcribed (the transcription keeps the first paragraph).
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).take(30).collect::<String>();
    for (g, w, name) in [
        (&got.sections.overview, &want.sections.overview, "一"),
        (&got.sections.problems, &want.sections.problems, "五"),
        (&got.sections.other, &want.sections.other, "六"),
        (&got.preamble, &want.preamble, "前言"),
    ] {
        assert!(
            squash(g).starts_with(&squash(w)) || squash(w).starts_with(&squash(g)) && !g.is_empty(),
            "{stem}: {name}: {g:?} vs {w:?}"
        );
    }
    assert_eq!(got.signature_date, want.signature_date, "{stem}: 成文日期");
    if !want.signature_date.is_empty() {
        assert_eq!(got.signing_org(), want.signing_org(), "{stem}: 落款");
    }
}
