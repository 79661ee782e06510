use super::*;
use crate::checks::CheckOptions;
use crate::format::{table2, table3, FieldKey, TableId};
use crate::model::{PreviousYear, Report};
use crate::value::Decimal;

fn unit(name: &str, year: u16, cells: &[(FieldKey, &str)]) -> Report {
    let mut r = Report::new(year);
    r.unit_name = name.to_string();
    r.auto_totals = true;
    for (key, raw) in cells {
        r.set_raw(*key, raw);
    }
    r
}

fn batch_of(reports: Vec<Report>) -> Batch {
    let mut b = Batch::new();
    for (i, r) in reports.into_iter().enumerate() {
        b.add_report(&format!("{i}.json"), r);
    }
    b
}

fn sum_all(b: &Batch, year: u16) -> Summation {
    let entries: Vec<&Entry> = b.entries.iter().collect();
    summarize(&entries, "某县人民政府", year)
}

const FEES: FieldKey = FieldKey::new(TableId::Table2, table2::FEES, table2::AMOUNT);
const NATURAL: FieldKey = FieldKey::new(TableId::Table3, table3::NEW_RECEIVED, "natural");
const NEW_TOTAL: FieldKey = FieldKey::new(TableId::Table3, table3::NEW_RECEIVED, table3::TOTAL_COL);

#[test]
fn amounts_are_exact_to_six_decimals() {
    let b = batch_of(vec![
        unit("甲局", 2024, &[(FEES, "0.000001")]),
        unit("乙局", 2024, &[(FEES, "24252.311082")]),
        unit("丙局", 2024, &[(FEES, "0.1")]),
        unit("丁局", 2024, &[(FEES, "0.2")]),
    ]);
    let s = sum_all(&b, 2024);
    // 0.1 + 0.2 is 0.3 exactly (not 0.30000000000000004).
    assert_eq!(s.report.raw(FEES), Some("24252.611083"));
}

#[test]
fn a_blank_in_one_unit_leaves_the_cell_blank_and_names_it() {
    let b = batch_of(vec![
        unit("甲局", 2024, &[(NATURAL, "3")]),
        unit("乙局", 2024, &[]),
        unit("丙局", 2024, &[(NATURAL, "三")]),
        unit("丁局", 2024, &[(NATURAL, "4")]),
    ]);
    let s = sum_all(&b, 2024);
    assert_eq!(s.report.raw(NATURAL), None);
    let cell = s.blanks.iter().find(|c| c.key == NATURAL).unwrap();
    assert_eq!(cell.blank_in, [1]);
    assert_eq!(cell.invalid_in, [2]);
    assert_eq!(cell.label, "一、本年新收政府信息公开申请数量 · 自然人");
    // Automatic totals: the row total follows its parts and is not listed again.
    assert!(s.report.auto_totals);
    assert!(s.blanks.iter().all(|c| c.key != NEW_TOTAL));
}

#[test]
fn zero_is_not_blank() {
    let b = batch_of(vec![unit("甲局", 2024, &[(NATURAL, "0")]), unit("乙局", 2024, &[(NATURAL, "5")])]);
    assert_eq!(sum_all(&b, 2024).report.raw(NATURAL), Some("5"));
}

#[test]
fn repeats_and_other_formats_are_counted_out_with_the_reason() {
    let b = batch_of(vec![
        unit("甲局", 2024, &[(NATURAL, "3")]),
        unit(" 甲 局", 2024, &[(NATURAL, "3")]),
        unit("乙局", 2020, &[]),
        unit("丙局", 2023, &[(NATURAL, "2")]),
    ]);
    assert_eq!(b.entries[1].duplicate_of, Some(0));
    assert_eq!(b.duplicates().collect::<Vec<_>>(), [(1, 0)]);
    let s = sum_all(&b, 2024);
    assert_eq!(s.summed, [0, 3]);
    assert_eq!(s.other_year, [3]);
    assert_eq!(s.skipped.len(), 2);
    assert!(s.skipped[0].reason.contains("只计一次"), "{}", s.skipped[0].reason);
    assert!(s.skipped[1].reason.contains("国办公开办函〔2019〕60号"), "{}", s.skipped[1].reason);
    assert_eq!(s.report.raw(NATURAL), Some("5"));
}

#[test]
fn typed_totals_are_summed_as_typed() {
    let mut a = unit("甲局", 2024, &[(NATURAL, "3"), (NEW_TOTAL, "4")]);
    a.auto_totals = false;
    let mut other = unit("乙局", 2024, &[]);
    for (col, _) in &table3::COLUMNS[..6] {
        other.set_raw(FieldKey::new(TableId::Table3, table3::NEW_RECEIVED, col), "0");
    }
    other.set_raw(NATURAL, "1");
    let b = batch_of(vec![a, other]);
    let s = sum_all(&b, 2024);
    assert!(!s.report.auto_totals);
    // 甲 typed 4, 乙's total is computed (1): the summary's total is 5, not 3 + 1.
    assert_eq!(s.report.raw(NEW_TOTAL), Some("5"));
}

#[test]
fn last_years_figures_are_summed_when_every_unit_has_them() {
    const REVIEW: &str = crate::format::table4::BLOCKS[0].0;
    let map = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let prev = |cf: &str, fees: &str, t3: &[(&str, &str)], t4: &[(&str, &str)]| {
        let mut p = PreviousYear {
            year: 2023,
            carried_forward: map(&[("natural", cf)]),
            in_force: map(&[(table2::NORMATIVE_DOCS, "10")]),
            table3_totals: map(t3),
            table4_totals: map(t4),
            ..Default::default()
        };
        p.table2.set(table2::FEES, table2::AMOUNT, fees);
        p.table2.set(table2::NORMATIVE_DOCS, table2::IN_FORCE, "10");
        p
    };
    let mut a = unit("甲局", 2024, &[]);
    a.previous = Some(prev(
        "2",
        "0.1",
        &[(table3::NEW_RECEIVED, "3"), (table3::TOTAL_HANDLED, "1")],
        &[(REVIEW, "1")],
    ));
    let mut c = unit("乙局", 2024, &[]);
    // 乙 left last year's 办结 总计 blank and its 表四 复议 is not a number.
    c.previous = Some(prev("5", "0.200001", &[(table3::NEW_RECEIVED, "4")], &[(REVIEW, "一")]));
    let s = sum_all(&batch_of(vec![a.clone(), c]), 2024);
    let p = s.report.previous.unwrap();
    assert_eq!(p.year, 2023);
    assert_eq!(p.carried_forward["natural"], "7");
    assert_eq!(p.in_force[table2::NORMATIVE_DOCS], "20");
    // Amounts exactly, six decimals kept.
    assert_eq!(p.table2.get(table2::FEES, table2::AMOUNT), Some("0.300001"));
    assert_eq!(p.table2.get(table2::NORMATIVE_DOCS, table2::IN_FORCE), Some("20"));
    assert_eq!(p.table3_totals.get(table3::NEW_RECEIVED).map(String::as_str), Some("7"));
    // Blank in one unit: blank in the sum, as this year's cells.
    assert_eq!(p.table3_totals.get(table3::TOTAL_HANDLED), None);
    assert_eq!(p.table4_totals.get(REVIEW), None);
    // A unit without last year's figures: the summary has none.
    let s = sum_all(&batch_of(vec![a, unit("丙局", 2024, &[])]), 2024);
    assert_eq!(s.report.previous, None);
}

#[test]
fn a_parent_one_cell_off_is_reported_with_both_values() {
    let children = batch_of(vec![
        unit("甲局", 2024, &[(NATURAL, "3"), (FEES, "1.5")]),
        unit("乙局", 2024, &[(NATURAL, "4"), (FEES, "0.25")]),
    ]);
    let s = sum_all(&children, 2024);
    let mut parent = s.report.clone();
    parent.unit_name = "某县人民政府".to_string();
    assert_eq!(compare(&parent, &s).unwrap(), []);
    parent.set_raw(NATURAL, "8");
    let m = compare(&parent, &s).unwrap();
    // Only the cell: the row total is blank in the children (other columns blank).
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].key, NATURAL);
    assert_eq!(m[0].parent, Some(Decimal::from_int(8)));
    assert_eq!(m[0].children, Decimal::from_int(7));
    assert_eq!(
        m[0].explanation(),
        "表三「一、本年新收政府信息公开申请数量 · 自然人」：本级 8，下级合计 7，相差 1"
    );
    parent.set_raw(NATURAL, "7");
    parent.set_raw(FEES, "");
    let m = compare(&parent, &s).unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].parent, None);
    assert_eq!(m[0].children.to_string(), "1.75");
    let old = unit("某县人民政府", 2020, &[]);
    assert!(compare(&old, &s).unwrap_err().contains("格式"));
}

#[test]
fn roster_lines_and_matching() {
    let roster = parse_roster("1.甲局\n2、乙局\r\n（3）丙 局\n\n甲局\n丁局、戊局\t自然资源局");
    assert_eq!(roster, ["甲局", "乙局", "丙 局", "丁局", "戊局", "自然资源局"]);
    let units = ["甲局", "丙局", "某县自然资源局", "己局"];
    let m = match_roster(&roster, &units);
    assert_eq!(m.missing, ["乙局", "丁局", "戊局"]);
    assert_eq!(
        m.reported,
        [("甲局".to_string(), 0), ("丙 局".to_string(), 1), ("自然资源局".to_string(), 2)]
    );
    assert_eq!(m.not_listed, [3]);
}

#[test]
fn files_that_do_not_read_say_why() {
    let mut b = Batch::new();
    b.add_file("坏.json", b"{not json");
    b.add_file("报告.docx", b"PK\x03\x04");
    b.add_file("二进制.json", &[0xff, 0xfe, 0x00]);
    b.add_file("报告.pdf", b"%PDF-1.7\n");
    b.add_file("通知.txt", "关于做好春节期间值班工作的通知".as_bytes());
    assert!(b.entries.is_empty());
    let reasons: Vec<&str> = b.unreadable.iter().map(|u| u.reason.as_str()).collect();
    assert!(reasons[0].starts_with("「坏.json」无法导入"), "{}", reasons[0]);
    assert!(reasons[1].starts_with("「报告.docx」无法导入："), "{}", reasons[1]);
    assert!(reasons[2].contains("不是文本"), "{}", reasons[2]);
    assert!(
        reasons[3].starts_with("「报告.pdf」无法导入：") && reasons[3].contains(".docx"),
        "{}",
        reasons[3]
    );
    assert!(reasons[4].starts_with("「通知.txt」无法导入："), "{}", reasons[4]);
}

#[test]
fn published_reports_are_read_like_their_drafts() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let read = |name: &str| std::fs::read(format!("{dir}/{name}")).unwrap();
    let mut b = Batch::new();
    for name in [
        "published/10_pingtan-shichang-jiandu-guanliju-2023.docx",
        "published/08_pingtan-junshan-pianqu-guanliju-2023.html",
        "published/06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023.gbk.html",
    ] {
        b.add_file(name, &read(name));
    }
    assert!(b.unreadable.is_empty(), "{:?}", b.unreadable);
    let drafts = [
        "10_pingtan-shichang-jiandu-guanliju-2023.json",
        "08_pingtan-junshan-pianqu-guanliju-2023.json",
        "06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023.json",
    ];
    for (e, draft) in b.entries.iter().zip(drafts) {
        let d = read_file(draft, &read(draft)).unwrap();
        assert_eq!((e.row.unit_name.as_str(), e.row.year), (d.unit_name.as_str(), d.year));
        assert_eq!(e.row.figures, UnitRow::of(&d).figures, "{draft}");
        for key in crate::format::format(d.format).fields().map(|f| f.key) {
            assert_eq!(e.report.raw(key), d.raw(key), "{draft}: {key:?}");
        }
    }
}

#[test]
fn overview_rows_count_checks_blanks_and_figures() {
    let r = unit("甲局", 2024, &[(NATURAL, "3"), (FEES, "2.5")]);
    let row = UnitRow::of(&r);
    let all = crate::checks::run_checks(&r, CheckOptions { at_export: true });
    assert_eq!(row.errors, crate::checks::summarize(&all).errors);
    assert!(row.blanks > 100, "{}", row.blanks);
    assert_eq!(row.figures[6], Some("2.5".parse().unwrap()));
    assert_eq!(row.figures[0], None);
    assert!(KEY_FIGURES[5].applies_to(&r));
    assert!(!KEY_FIGURES[5].applies_to(&Report::new(2020)));
}

#[test]
fn the_workbook_lists_units_figures_and_checks() {
    let mut b = batch_of(vec![
        unit("甲局", 2024, &[(FEES, "24252.311082")]),
        unit("乙局", 2024, &[(NATURAL, "x")]),
        unit("甲局", 2024, &[]),
    ]);
    b.add_file("坏.json", b"");
    let missing = vec!["丙局".to_string()];
    let bytes = xlsx::overview_xlsx(&b, xlsx::Extras { missing: &missing, parent: None }).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let read = |zip: &mut zip::ZipArchive<_>, name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let sheet1 = read(&mut zip, "xl/worksheets/sheet1.xml");
    let strings = read(&mut zip, "xl/sharedStrings.xml");
    let workbook = read(&mut zip, "xl/workbook.xml");
    assert!(workbook.contains("单位概览") && workbook.contains("未通过的校验"));
    assert!(workbook.contains("未能读取的文件") && workbook.contains("未报送的单位"));
    for text in ["甲局", "乙局", "收费（万元）", "重复", "「坏.json」", "丙局", "含有非数字字符「x」"]
    {
        assert!(strings.contains(text), "{text} missing");
    }
    // The amount is a number cell with every decimal.
    assert!(sheet1.contains("<v>24252.311082</v>"), "{sheet1}");
}
