//! A DOCX exported by this app imports back to the draft it was made from:
//! every cell (blanks included, totals as printed), the headings, 机关, 年度,
//! title form, 发文字号, 主送机关, preamble, narratives, table introductions,
//! 落款, 成文日期 and 版记, for every fixture draft, with and without the
//! optional paragraphs before the tables.

mod docx_support;
mod import_support;

use xxgk_core::docx::build_docx;
use xxgk_core::draft::from_json;
use xxgk_core::format::{format, TableId};
use xxgk_core::import::{import_file, NoteKind};
use xxgk_core::model::Report;
use xxgk_core::outline::{Block, Outline};
use xxgk_core::totals::with_totals;

/// Every draft in core/fixtures, and the DOCX tests' reports (尔林兔镇 as sent, with every
/// part of a letter; a distinct number in every cell; a 2019-format report).
fn drafts() -> Vec<(String, Report)> {
    let mut out: Vec<(String, Report)> = std::fs::read_dir(import_support::dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            text.contains("\"xxgk-report/draft\"").then(|| {
                let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                (name, from_json(&text).unwrap())
            })
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 8, "the fixture drafts are missing: {}", out.len());
    out.push(("erlintu-2021".into(), docx_support::erlintu()));
    out.push(("erlintu-2021-numbered".into(), docx_support::erlintu_numbered()));
    out.push(("trial-2019".into(), docx_support::trial_2019()));
    out
}

/// What a reader of the DOCX can see: the report as printed (totals computed,
/// the 落款 spelled out only when it differs from the unit).
fn printed(report: &Report) -> Report {
    let mut r = with_totals(report);
    if r.signature_org == r.unit_name {
        r.signature_org.clear();
    }
    r
}

fn assert_round_trip(name: &str, draft: &Report) {
    let docx = build_docx(draft);
    let imported = import_file("导出.docx", &docx).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (got, log) = (&imported.report, &imported.log);
    let want = printed(draft);
    assert_eq!(got.unit_name, want.unit_name, "{name}: 机关");
    assert_eq!(got.year, want.year, "{name}: 年度");
    assert_eq!(got.format, want.format, "{name}: 格式");
    assert_eq!(got.title_form, want.title_form, "{name}: 标题形式");
    for id in TableId::ALL {
        for field in &format(want.format).table(id).fields {
            assert_eq!(got.raw(field.key), want.raw(field.key), "{name}: {}", field.key.path());
        }
        assert_eq!(got.table_intros.get(id), want.table_intros.get(id), "{name}: {} intro", id.key());
    }
    // Every heading the DOCX prints is found as printed (a narrative section without text has none).
    let outline = Outline::of(draft);
    for (s, found) in format(want.format).sections.iter().zip(&log.sections) {
        let shown = outline.blocks.contains(&Block::Heading(s.heading.to_string()));
        assert_eq!(found.printed.as_deref(), shown.then_some(s.heading), "{name}: heading");
    }
    let parts = |r: &Report| {
        [
            ("发文字号", r.doc_number.clone()),
            ("主送机关", r.addressee.trim_end_matches(['：', ':']).to_string()),
            ("前言", r.preamble.clone()),
            ("一", r.sections.overview.clone()),
            ("五", r.sections.problems.clone()),
            ("六", r.sections.other.clone()),
            ("落款", r.signature_org.clone()),
            ("成文日期", r.signature_date.clone()),
            ("印发机关", r.imprint_org.clone()),
            ("印发日期", r.imprint_date.clone()),
        ]
    };
    for ((part, g), (_, w)) in parts(got).into_iter().zip(parts(&want)) {
        assert_eq!(lines(&g), lines(&w), "{name}: {part}");
    }
    // Nothing was guessed or left without a place.
    let odd: Vec<&str> =
        log.notes.iter().filter(|n| n.kind != NoteKind::Reading).map(|n| n.message.as_str()).collect();
    assert!(odd.is_empty(), "{name}: {odd:?}");
}

/// A text's non-empty lines, each trimmed (the DOCX prints a line per paragraph).
fn lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

#[test]
fn every_fixture_draft_round_trips_through_its_docx() {
    for (name, draft) in drafts() {
        assert_round_trip(&name, &draft);
    }
}

#[test]
fn table_intros_round_trip_too() {
    for (name, mut draft) in drafts() {
        draft.table_intros.table2 = format!("{}年，本机关主动公开政府信息共计126条。", draft.year);
        draft.table_intros.table3 =
            "本年度收到的申请均已按时答复。\n（一）办理情况。均在法定期限内答复。".into();
        draft.table_intros.table4 = "本年度未发生因政府信息公开引起的行政复议、行政诉讼。".into();
        assert_round_trip(&format!("{name} (intros)"), &draft);
    }
}
