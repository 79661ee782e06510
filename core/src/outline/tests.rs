use super::*;
use crate::format::TableId;

#[test]
fn subheadings_split_after_the_first_full_stop() {
    assert_eq!(subheading_split("（一）加强领导。继续加强。"), Some(("（一）加强领导。", "继续加强。")));
    assert_eq!(subheading_split("（十二）短标题"), Some(("（十二）短标题", "")));
    assert_eq!(subheading_split("一是强化思想认识。"), None);
    assert_eq!(subheading_split("（注）说明。"), None);
    let long = format!("（三）{}", "很长的没有句号的段落".repeat(5));
    assert_eq!(subheading_split(&long), None);
}

fn heading_texts(outline: &Outline) -> Vec<&str> {
    outline
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn an_empty_report_has_its_title_the_table_sections_and_its_signer() {
    let mut report = Report::new(2024);
    report.unit_name = "某某县人民政府办公室".into();
    let outline = Outline::of(&report);
    let spec = format(report.format);
    assert_eq!(outline.blocks[0].texts(), ["某某县人民政府办公室2024年政府信息公开工作年度报告"]);
    let tables: Vec<&str> =
        spec.sections.iter().filter(|s| matches!(s.body, SectionBody::Table(_))).map(|s| s.heading).collect();
    assert_eq!(heading_texts(&outline), tables);
    let ids: Vec<TableId> = outline
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.id),
            _ => None,
        })
        .collect();
    assert_eq!(ids, TableId::ALL);
    assert_eq!(
        outline.blocks.last(),
        Some(&Block::Signature { org: "某某县人民政府办公室".into(), date: String::new() })
    );
}

#[test]
fn the_addressee_ends_in_one_full_width_colon() {
    let mut report = Report::new(2021);
    for typed in ["神木市政府办", "神木市政府办：", "神木市政府办:", " 神木市政府办 ： "]
    {
        report.addressee = typed.into();
        let outline = Outline::of(&report);
        assert!(outline.blocks.contains(&Block::Addressee("神木市政府办：".into())), "{typed:?}");
    }
    report.addressee = "：".into();
    assert!(!Outline::of(&report).blocks.iter().any(|b| matches!(b, Block::Addressee(_))));
}

#[test]
fn parts_come_in_the_order_of_a_real_report() {
    let mut report = Report::new(2021);
    report.unit_name = "尔林兔镇人民政府".into();
    report.doc_number = "尔政字〔2022〕8号".into();
    report.addressee = "神木市政府办".into();
    report.preamble = "情况如下：".into();
    report.sections.overview = "（一）加强领导。继续加强。\n\n第二段。".into();
    report.sections.other = "无。".into();
    report.signature_date = "2022-01-12".into();
    report.imprint_org = "尔林兔镇党政办公室".into();
    report.imprint_date = "2022-01-12".into();
    let outline = Outline::of(&report);
    let kinds: Vec<&str> = outline.blocks.iter().map(Block::kind).collect();
    assert_eq!(
        kinds,
        [
            "number",
            "title",
            "addressee",
            "paragraph",
            "heading",
            "paragraph",
            "paragraph",
            "heading",
            "table",
            "heading",
            "table",
            "heading",
            "table",
            "heading",
            "paragraph",
            "signature",
            "imprint"
        ]
    );
    assert_eq!(
        outline.blocks[5],
        Block::Paragraph { lead: "（一）加强领导。".into(), text: "继续加强。".into() }
    );
    assert_eq!(
        outline.blocks.last(),
        Some(&Block::Imprint {
            org: "尔林兔镇党政办公室".into(), date: "2022年1月12日印发".into()
        })
    );
    assert_eq!(
        outline.blocks[outline.blocks.len() - 2],
        Block::Signature { org: "尔林兔镇人民政府".into(), date: "2022年1月12日".into() }
    );
}

#[test]
fn a_long_title_breaks_after_the_unit_name() {
    let mut report = Report::new(2023);
    report.unit_name = "平潭综合实验区自然资源与生态环境局".into();
    let outline = Outline::of(&report);
    assert_eq!(
        outline.blocks[0],
        Block::Title(vec![
            "平潭综合实验区自然资源与生态环境局".into(),
            "2023年政府信息公开工作年度报告".into()
        ])
    );
}

#[test]
fn a_table_intro_prints_between_its_heading_and_its_table() {
    let mut report = Report::new(2023);
    report.unit_name = "某某县人民政府办公室".into();
    report.table_intros.table3 = "2023年共收到政府信息公开申请12件。\n（一）办理情况。均按时答复。".into();
    let blocks = Outline::of(&report).blocks;
    let spec = format(report.format);
    let heading = spec.sections.iter().find(|s| s.body == SectionBody::Table(TableId::Table3)).unwrap();
    let at = blocks.iter().position(|b| b == &Block::Heading(heading.heading.into())).unwrap();
    assert_eq!(
        blocks[at + 1],
        Block::Paragraph {
            lead: String::new(), text: "2023年共收到政府信息公开申请12件。".into()
        }
    );
    assert_eq!(
        blocks[at + 2],
        Block::Paragraph { lead: "（一）办理情况。".into(), text: "均按时答复。".into() }
    );
    assert!(matches!(&blocks[at + 3], Block::Table(t) if t.id == TableId::Table3));
    // Without an intro the table follows its heading at once.
    for id in [TableId::Table2, TableId::Table4] {
        let heading = spec.sections.iter().find(|s| s.body == SectionBody::Table(id)).unwrap();
        let at = blocks.iter().position(|b| b == &Block::Heading(heading.heading.into())).unwrap();
        assert!(matches!(&blocks[at + 1], Block::Table(t) if t.id == id), "{id:?}");
    }
}
