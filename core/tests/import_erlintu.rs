//! The seed text (尔林兔镇 2021, sent as a 报告 with 发文字号, 主送机关, 落款
//! and 版记) imports with all its parts.

use xxgk_core::import::{read_plain_text, recognise, NoteKind};
use xxgk_core::model::TitleForm;

const TEXT: &str = include_str!("../fixtures/import/erlintu-2021.txt");

#[test]
fn the_seed_text_imports_with_all_its_parts() {
    let imported = recognise(&read_plain_text(TEXT)).unwrap_or_else(|e| panic!("{e}"));
    if std::env::var_os("XXGK_PRINT").is_some() {
        println!("{}", imported.log.lines().join("\n"));
    }
    let r = &imported.report;
    assert_eq!(r.unit_name, "尔林兔镇人民政府");
    assert_eq!(r.year, 2021);
    assert_eq!(r.title_form, TitleForm::Submission);
    assert_eq!(r.doc_number, "尔政字〔2022〕8号");
    assert_eq!(r.addressee, "神木市政府办");
    assert_eq!(r.preamble, "尔林兔镇2021年政府信息公开工作情况如下：");
    assert!(r.sections.overview.starts_with("2021年，我镇认真落实神木市委"), "{}", r.sections.overview);
    // A sentence the copy broke over an empty line stays in its section.
    assert!(r.sections.overview.ends_with("工作中存在的不足，确保政府信息公开工作取得实在成效。"));
    assert!(r.sections.problems.starts_with("2021 年度，我镇政府信息公开工作虽然"));
    assert!(r.sections.problems.ends_with("不断提高政务信息公开工作。"));
    assert_eq!(r.sections.other, "暂无其他需要说明的事项。");
    assert_eq!((r.signing_org(), r.signature_date.as_str()), ("尔林兔镇人民政府", "2022-01-12"));
    assert_eq!((r.imprint_org.as_str(), r.imprint_date.as_str()), ("尔林兔镇党政办公室", "2022-01-12"));
    assert_eq!(r.table_intros, Default::default());

    // Every cell is 0 but the blank 四、结转下年度继续办理 row, which stays blank.
    let tally: Vec<_> = imported.log.tables.iter().map(|t| (t.found, t.filled, t.expected)).collect();
    assert_eq!(tally, [(10, 10, 10), (175, 168, 175), (15, 15, 15)]);
    let f = xxgk_core::format::format(r.format);
    for field in f.fields() {
        let want = if field.key.row == "carried_forward" { None } else { Some("0") };
        assert_eq!(r.raw(field.key), want, "{}", field.key.path());
    }
    assert!(imported.log.sections.iter().all(|s| s.printed.is_some()));
    assert!(imported.log.notes.iter().all(|n| n.kind != NoteKind::Unplaced), "{:?}", imported.log.notes);
}
