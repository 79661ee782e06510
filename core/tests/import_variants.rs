//! The variants real reports print, each read by its label and said in the
//! import report: misprinted labels, stale 2019 tables, split tables, merged
//! number cells, full-width digits, 「—」 and blank cells, text beside the
//! tables, a 信息处理费 table, letter lines.

use xxgk_core::format::{format, FieldKey, FormatVersion, TableId};
use xxgk_core::import::{read_plain_text, recognise, Block, Cell, Document, Imported, NoteKind, Table};

const T2: TableId = TableId::Table2;
const T3: TableId = TableId::Table3;
const T4: TableId = TableId::Table4;

fn import(text: &str) -> Imported {
    recognise(&read_plain_text(text)).unwrap_or_else(|e| panic!("{e}"))
}

fn raw<'a>(i: &'a Imported, t: TableId, row: &'static str, col: &'static str) -> Option<&'a str> {
    i.report.raw(FieldKey::new(t, row, col))
}

fn notes(i: &Imported, kind: NoteKind) -> Vec<&str> {
    i.log.notes.iter().filter(|n| n.kind == kind).map(|n| n.message.as_str()).collect()
}

const TABLE3_2021: &str = "（本列数据的钩稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
自然人\t法人或其他组织\t总计
商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
一、本年新收政府信息公开申请数量\t１,２０３\t0\t0\t0\t0\t0\t1203
二、上年结转政府信息公开申请数量\t—\t—\t\t\t\t\t
（一）予以公开\t3\t0\t0\t0\t0\t0\t3
（六）其他处理\t5\t0\t0\t0\t0\t0\t5
（七）总计\t8\t0\t0\t0\t0\t0\t8
";

fn report(year: u16, t2: &str, t3: &str, t4: &str, tail: &str) -> String {
    format!(
        "某局{year}年政府信息公开工作年度报告\n本报告依据《条例》编制。\n一、总体情况\n{year}年，我局……\n\
二、主动公开政府信息情况\n{t2}\n三、收到和处理政府信息公开申请情况\n{t3}\n\
四、政府信息公开行政复议、行政诉讼情况\n{t4}\n五、存在的主要问题及改进情况\n一是……\n六、其他需要报告的事项\n{tail}"
    )
}

const T4_ONE_ROW_HEADER: &str = "行政复议\t\t\t\t\t行政诉讼
0\t0\t0\t0\t0\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0
";

#[test]
fn misprinted_labels_are_read_as_the_format_and_said() {
    let t2 =
        "第二十条第（一）项\n信息内容\t本年制发件数\t本年废纸件数\t先行有效件数\n规范性文件\t13\t0\t13\n\
第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t2,293\n";
    let i = import(&report(2023, t2, TABLE3_2021, T4_ONE_ROW_HEADER, "无。"));
    // No 规章 row: its cells are not found, and stay blank.
    assert_eq!(raw(&i, T2, "rules", "issued"), None);
    assert_eq!(raw(&i, T2, "normative_docs", "repealed"), Some("0"));
    assert_eq!(raw(&i, T2, "normative_docs", "in_force"), Some("13"));
    assert_eq!(raw(&i, T2, "licensing", "decisions"), Some("2293"));
    let variants = notes(&i, NoteKind::Variant);
    for printed in ["本年废纸件数", "先行有效件数", "规范性文件", "钩稽"] {
        assert!(variants.iter().any(|n| n.contains(printed)), "{printed}: {variants:?}");
    }
    assert_eq!(i.log.tables[0].found, 4, "{:?}", i.log.tables);
    // Full-width digits and thousands separators read as the number; 「—」 and blank stay blank.
    assert_eq!(raw(&i, T3, "new_received", "natural"), Some("1203"));
    assert_eq!(raw(&i, T3, "carried_over", "natural"), None);
    assert_eq!(raw(&i, T3, "carried_over", "business"), None);
    assert!(notes(&i, NoteKind::Reading).iter().any(|n| n.contains("2 个单元格印作「—」")));
    // The single-row （六） goes to 3.其他, and the report says so.
    assert_eq!(raw(&i, T3, "other_misc", "natural"), Some("5"));
    assert_eq!(raw(&i, T3, "other_no_correction", "natural"), None);
    assert!(
        notes(&i, NoteKind::Guess).contains(&"表三（六）其他处理只有一行（2019 年试行格式），已计入 3.其他")
    );
    // 表四 with its header in one row: the figures in the format's order.
    assert_eq!(raw(&i, T4, "suit_direct", "upheld"), Some("1"));
    assert_eq!(raw(&i, T4, "suit_direct", "total"), Some("1"));
    assert_eq!(i.log.tables[2].found, 15);
}

#[test]
fn a_2019_table2_in_a_2022_report_keeps_what_has_a_place() {
    let t2 = "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t1\t20\n规范性文件\t60\t60\t368\n\
第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t5\t-1\t120\n其他对外管理服务事项\t0\t0\t0\n\
第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t6\t251000元\n";
    let i = import(&report(2022, t2, TABLE3_2021, T4_ONE_ROW_HEADER, "无。"));
    assert_eq!(i.report.format, FormatVersion::Official2021);
    assert_eq!(raw(&i, T2, "rules", "issued"), Some("1"));
    assert_eq!(raw(&i, T2, "normative_docs", "issued"), Some("60"));
    assert_eq!(raw(&i, T2, "licensing", "decisions"), Some("120"));
    assert_eq!(raw(&i, T2, "rules", "in_force"), None);
    let unplaced = notes(&i, NoteKind::Unplaced);
    assert!(unplaced.iter().any(|n| n.contains("对外公开总数量") && n.contains("368")), "{unplaced:?}");
    assert!(unplaced.iter().any(|n| n.contains("251000元")), "{unplaced:?}");
    assert!(notes(&i, NoteKind::Guess).iter().any(|n| n.contains("本年新制作数量")));
}

#[test]
fn a_2020_report_is_in_the_2019_format() {
    let t2 = "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t1\t20\n\
信息内容\t采购项目数量\t采购总金额\n政府集中采购\t6\t2.5\n";
    let i = import(&report(2020, t2, TABLE3_2021, T4_ONE_ROW_HEADER, "无。"));
    assert_eq!(i.report.format, FormatVersion::Trial2019);
    assert_eq!(i.log.format, FormatVersion::Trial2019);
    assert_eq!(raw(&i, T2, "rules", "total_published"), Some("20"));
    assert_eq!(raw(&i, T2, "procurement", "amount"), Some("2.5"));
    assert_eq!(raw(&i, T3, "other_handling", "natural"), Some("5"));
    assert_eq!(i.log.tables[1].expected, format(FormatVersion::Trial2019).table(T3).fields.len());
}

#[test]
fn text_beside_the_tables_a_fee_table_and_letter_lines_are_kept_or_listed() {
    let t2 = "2023年，我局主动公开政府信息459条。\n信息内容\t本年处理决定数量\n行政处罚\t135\n";
    let t4 = "本年度未发生行政复议、行政诉讼。\n行政复议\t\t\t\t\t行政诉讼\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
    let tail = "本年度收取信息处理费情况如下：\n收费件数\t收费金额（元）\n1\t100\n附件：相关材料\n此函。\n某局\n2024年1月31日\n";
    let i = import(&report(2023, t2, TABLE3_2021, t4, tail));
    assert_eq!(i.report.table_intros.table2, "2023年，我局主动公开政府信息459条。");
    assert_eq!(i.report.table_intros.table4, "本年度未发生行政复议、行政诉讼。");
    assert_eq!(raw(&i, T2, "penalty", "decisions"), Some("135"));
    assert_eq!(i.report.sections.other, "本年度收取信息处理费情况如下：\n收费件数　收费金额（元）\n1　100");
    assert_eq!(i.report.signature_date, "2024-01-31");
    assert_eq!(i.report.signing_org(), "某局");
    let unplaced = notes(&i, NoteKind::Unplaced);
    assert!(unplaced.iter().any(|n| n.contains("附件：相关材料")), "{unplaced:?}");
    assert!(unplaced.iter().any(|n| n.contains("此函。")), "{unplaced:?}");
    assert!(notes(&i, NoteKind::Reading).iter().any(|n| n.contains("信息处理费")));
}

#[test]
fn table2_split_over_several_tables_and_a_heading_glued_to_a_paragraph() {
    let doc = Document {
        blocks: vec![
            Block::Paragraph("某局2023年政府信息公开工作年度报告".into()),
            Block::Paragraph("本报告依据《条例》编制。一、总体情况".into()),
            Block::Paragraph("2023年，我局……二、主动公开政府信息情况".into()),
            Block::Table(Table {
                rows: vec![
                    vec![Cell::spanning("第二十条第（一）项", 1, 4)],
                    vec![
                        Cell::new("信息内容"),
                        Cell::new("本年制发件数"),
                        Cell::new("本年废止件数"),
                        Cell::new("现行有效件数"),
                    ],
                    vec![Cell::new("规章"), Cell::new("0"), Cell::new("0"), Cell::new("0")],
                ],
            }),
            Block::Table(Table {
                rows: vec![
                    vec![Cell::spanning("第二十条第（八）项", 1, 4)],
                    vec![Cell::new("信息内容"), Cell::spanning("本年收费金额（单位：万元）", 1, 3)],
                    vec![Cell::new("行政事业性收费"), Cell::spanning("24252.311082", 1, 3)],
                ],
            }),
        ],
        title: None,
    };
    let i = recognise(&doc).unwrap();
    assert_eq!(raw(&i, T2, "rules", "in_force"), Some("0"));
    assert_eq!(raw(&i, T2, "fees", "amount"), Some("24252.311082"));
    assert_eq!(i.report.preamble, "本报告依据《条例》编制。");
    assert_eq!(i.report.sections.overview, "2023年，我局……");
    assert_eq!(i.log.sections[1].printed.as_deref(), Some("二、主动公开政府信息情况"));
}

#[test]
fn a_number_cell_spanning_three_rows_counts_once_and_is_reported() {
    // 平潭市场监管局 2023: （六）1's cells span rows 2 and 3 and hold 0.
    let nums = |text: &str, rows: u16| (0..7).map(|_| Cell::spanning(text, rows, 1)).collect::<Vec<_>>();
    let mut row1 = vec![
        Cell::spanning("（六）其他处理", 3, 1),
        Cell::new("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ];
    row1.extend(nums("0", 3));
    let doc = Document {
        blocks: vec![
            Block::Paragraph("某局2023年政府信息公开工作年度报告".into()),
            Block::Paragraph("三、收到和处理政府信息公开申请情况".into()),
            Block::Table(Table {
                rows: vec![
                    row1,
                    vec![Cell::new(
                        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    )],
                    vec![Cell::new("3.其他")],
                ],
            }),
        ],
        title: None,
    };
    let i = recognise(&doc).unwrap();
    assert_eq!(raw(&i, T3, "other_no_correction", "total"), Some("0"));
    assert_eq!(raw(&i, T3, "other_unpaid_fee", "total"), None);
    assert_eq!(raw(&i, T3, "other_misc", "natural"), None);
    let readings = notes(&i, NoteKind::Reading);
    assert_eq!(readings.iter().filter(|n| n.contains("跨行合并")).count(), 2, "{readings:?}");
    assert_eq!(i.log.tables[1].found, 21);
}

#[test]
fn anything_else_is_refused_with_a_message() {
    for text in ["", "会议纪要\n今天开会。", "\t\t\n1\t2\t3"] {
        let e = recognise(&read_plain_text(text)).unwrap_err();
        assert!(e.message().starts_with("这不是政府信息公开工作年度报告"), "{text:?}: {e}");
    }
    let e = recognise(&read_plain_text("一、总体情况\n我局……\n二、主动公开政府信息情况")).unwrap_err();
    assert!(e.message().starts_with("无法确定报告年度"), "{e}");
}
