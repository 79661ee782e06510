//! The generated DOCX, parsed as XML and checked against the layout rules and
//! the format description: page, fonts, parts, every table merge cell by
//! cell, header rows, footers.

mod docx_support;

use docx_support::*;
use roxmltree::{Document, Node};
use xxgk_core::docx::build_docx;
use xxgk_core::format::{format, CellContent, LabelStyle, SectionBody, TableSpec};
use xxgk_core::model::{Report, TitleForm};
use xxgk_core::totals::with_totals;
use xxgk_core::value::normalize;

struct Package {
    parts: std::collections::BTreeMap<String, String>,
}

impl Package {
    fn of(report: &Report) -> Package {
        Package { parts: unzip(&build_docx(report)) }
    }

    fn part(&self, name: &str) -> Document<'_> {
        let text = self.parts.get(name).unwrap_or_else(|| panic!("{name} is missing"));
        Document::parse(text).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
    }
}

fn body<'a, 'i>(doc: &'a Document<'i>) -> Node<'a, 'i> {
    let root = doc.root_element();
    assert!(root.has_tag_name((W, "document")));
    w_child(root, "body").expect("w:body")
}

fn int(node: Node, name: &str) -> i64 {
    w_attr(node, name).unwrap_or_else(|| panic!("attribute w:{name}")).parse().unwrap()
}

/// The top-level paragraphs' texts, in order (tables shown as 「<table>」).
fn outline(doc: &Document) -> Vec<String> {
    body(doc)
        .children()
        .filter(|n| n.is_element())
        .filter_map(|n| match n.tag_name().name() {
            "p" => Some(text_of(n)),
            "tbl" => Some("<table>".to_string()),
            _ => None,
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn page_is_a4_with_the_official_margins() {
    let pkg = Package::of(&erlintu());
    let doc = pkg.part("word/document.xml");
    let sect = w_child(body(&doc), "sectPr").expect("w:sectPr");
    let size = w_child(sect, "pgSz").unwrap();
    assert_eq!((int(size, "w"), int(size, "h")), (11906, 16838));
    let mar = w_child(sect, "pgMar").unwrap();
    // 37 / 35 / 28 / 26 mm.
    assert_eq!(
        (int(mar, "top"), int(mar, "bottom"), int(mar, "left"), int(mar, "right")),
        (2098, 1984, 1587, 1474)
    );
    // The 版心 is 156 mm wide: every table fits in it.
    for tbl in body(&doc).children().filter(|n| n.has_tag_name((W, "tbl"))) {
        let grid: i64 = w_children(w_child(tbl, "tblGrid").unwrap(), "gridCol").map(|c| int(c, "w")).sum();
        assert!(grid <= 11906 - 1587 - 1474, "table grid {grid} twips is wider than the text block");
        let layout = w_child(w_child(tbl, "tblPr").unwrap(), "tblLayout").unwrap();
        assert_eq!(w_attr(layout, "type"), Some("fixed"));
    }
}

#[test]
fn parts_come_in_the_order_of_the_reference_report() {
    let report = erlintu();
    let pkg = Package::of(&report);
    let doc = pkg.part("word/document.xml");
    let lines = outline(&doc);
    let spec = format(report.format);
    let mut expected: Vec<String> = vec![
        "尔政字〔2022〕8号".into(),
        "尔林兔镇人民政府关于报送2021年政府信息公开工作的报告".into(),
        "神木市政府办：".into(),
        "尔林兔镇2021年政府信息公开工作情况如下：".into(),
    ];
    for section in &spec.sections {
        expected.push(section.heading.to_string());
        match section.body {
            SectionBody::Narrative { key, .. } => {
                expected.extend(report.sections.get(key).lines().map(str::to_string))
            }
            SectionBody::Table(_) => expected.push("<table>".into()),
        }
    }
    expected.extend(
        ["尔林兔镇人民政府", "2022年1月12日", "尔林兔镇党政办公室2022年1月12日印发"].map(String::from),
    );
    assert_eq!(lines, expected);
}

#[test]
fn only_filled_parts_appear() {
    let mut report = Report::new(2021);
    report.unit_name = "某某县人民政府办公室".into();
    report.sections.problems = "问题。".into();
    let pkg = Package::of(&report);
    let doc = pkg.part("word/document.xml");
    let lines = outline(&doc);
    let spec = format(report.format);
    let headings = |n: usize| spec.sections[n].heading.to_string();
    assert_eq!(
        lines,
        vec![
            "某某县人民政府办公室2021年政府信息公开工作年度报告".to_string(),
            headings(1),
            "<table>".into(),
            headings(2),
            "<table>".into(),
            headings(3),
            "<table>".into(),
            headings(4),
            "问题。".into(),
            // The 落款 defaults to the unit; no date, no 版记.
            "某某县人民政府办公室".into(),
        ]
    );
    // Blank cells print empty: no cell holds a number.
    let numbers: Vec<String> = body(&doc)
        .descendants()
        .filter(|n| n.has_tag_name((W, "tc")))
        .map(text_of)
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .collect();
    assert!(numbers.is_empty(), "{numbers:?}");
}

#[test]
fn a_table_intro_is_a_body_paragraph_before_its_table() {
    let mut report = Report::new(2022);
    report.unit_name = "某某县人民政府办公室".into();
    report.table_intros.table2 = "2022年主动公开政府信息1200条。".into();
    report.table_intros.table4 = "本年度未发生行政复议、行政诉讼。\n（一）说明。无。".into();
    let pkg = Package::of(&report);
    let doc = pkg.part("word/document.xml");
    let spec = format(report.format);
    let headings = |n: usize| spec.sections[n].heading.to_string();
    assert_eq!(
        outline(&doc),
        vec![
            "某某县人民政府办公室2022年政府信息公开工作年度报告".to_string(),
            headings(1),
            "2022年主动公开政府信息1200条。".into(),
            "<table>".into(),
            headings(2),
            "<table>".into(),
            headings(3),
            "本年度未发生行政复议、行政诉讼。".into(),
            "（一）说明。无。".into(),
            "<table>".into(),
            "某某县人民政府办公室".into(),
        ]
    );
    // Set as body text, a heading sentence 「（一）…。」 in 楷体, like a narrative's.
    assert_eq!(face_of(&doc, "2022年主动公开政府信息1200条。"), ("仿宋_GB2312".into(), 32));
    assert_eq!(face_of(&doc, "（一）说明。无。"), ("楷体_GB2312".into(), 32));
}

#[test]
fn title_breaks_after_the_unit_name_when_too_long_for_one_line() {
    let doc_for = |unit: &str, form| {
        let mut r = Report::new(2022);
        r.unit_name = unit.into();
        r.title_form = form;
        build_docx(&r)
    };
    let title_paragraph = |bytes: &[u8]| {
        let parts = unzip(bytes);
        let doc = Document::parse(&parts["word/document.xml"]).unwrap();
        let p = body(&doc).children().find(|n| n.has_tag_name((W, "p"))).unwrap();
        let breaks = p.descendants().filter(|n| n.has_tag_name((W, "br"))).count();
        (text_of(p), breaks)
    };
    let long = doc_for("平潭综合实验区自然资源与生态环境局", TitleForm::Annual);
    assert_eq!(
        title_paragraph(&long),
        ("平潭综合实验区自然资源与生态环境局2022年政府信息公开工作年度报告".to_string(), 1)
    );
    let short = doc_for("某局", TitleForm::Annual);
    assert_eq!(title_paragraph(&short).1, 0);
}

/// Every run (text, tab, field) sets its face for East Asian and Latin text alike.
fn assert_runs_have_fonts(doc: &Document, part: &str, allowed: &[&str]) -> usize {
    let mut runs = 0;
    for r in doc.descendants().filter(|n| n.has_tag_name((W, "r"))) {
        runs += 1;
        let fonts = w_child(r, "rPr").and_then(|p| w_child(p, "rFonts"));
        let fonts = fonts.unwrap_or_else(|| panic!("{part}: run 「{}」 has no w:rFonts", text_of(r)));
        let east = w_attr(fonts, "eastAsia").expect("eastAsia");
        assert!(allowed.contains(&east), "{part}: unexpected face {east}");
        assert_eq!(w_attr(fonts, "ascii"), Some(east), "{part}: ascii face of 「{}」", text_of(r));
        assert_eq!(w_attr(fonts, "hAnsi"), Some(east), "{part}: hAnsi face of 「{}」", text_of(r));
        let size = w_child(w_child(r, "rPr").unwrap(), "sz").expect("w:sz on every run");
        assert!(int(size, "val") >= 10, "{part}: size below 5 pt");
    }
    runs
}

const FACES: [&str; 5] = ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"];

#[test]
fn every_run_names_its_faces() {
    let pkg = Package::of(&erlintu_numbered());
    let doc = pkg.part("word/document.xml");
    assert!(assert_runs_have_fonts(&doc, "document", &FACES) > 300);
    for footer in ["word/footer1.xml", "word/footer2.xml"] {
        let doc = pkg.part(footer);
        assert!(assert_runs_have_fonts(&doc, footer, &["宋体"]) >= 3);
    }
}

/// The face and size of the first run of the paragraph whose text is `text`.
fn face_of(doc: &Document, text: &str) -> (String, i64) {
    let p = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| text_of(*p) == text)
        .unwrap_or_else(|| panic!("no paragraph 「{text}」"));
    let rpr = w_child(w_child(p, "r").unwrap(), "rPr").unwrap();
    (
        w_attr(w_child(rpr, "rFonts").unwrap(), "eastAsia").unwrap().to_string(),
        int(w_child(rpr, "sz").unwrap(), "val"),
    )
}

#[test]
fn faces_and_sizes_follow_gb_t_9704() {
    let report = erlintu();
    let pkg = Package::of(&report);
    let doc = pkg.part("word/document.xml");
    assert_eq!(face_of(&doc, &report.title()), ("方正小标宋简体".into(), 44));
    assert_eq!(face_of(&doc, "一、总体情况"), ("黑体".into(), 32));
    assert_eq!(face_of(&doc, "暂无其他需要说明的事项。"), ("仿宋_GB2312".into(), 32));
    // A second-level heading sentence is set in 楷体.
    let sub = report.sections.problems.lines().find(|l| l.starts_with("（一）")).unwrap();
    assert_eq!(face_of(&doc, sub), ("楷体_GB2312".into(), 32));
    assert_eq!(face_of(&doc, "尔林兔镇党政办公室2022年1月12日印发"), ("仿宋_GB2312".into(), 28));

    // Body paragraphs: exact 579-twip lines, first line indented two characters, justified.
    let p = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| text_of(*p) == "暂无其他需要说明的事项。")
        .unwrap();
    let ppr = w_child(p, "pPr").unwrap();
    let spacing = w_child(ppr, "spacing").unwrap();
    assert_eq!((w_attr(spacing, "line"), w_attr(spacing, "lineRule")), (Some("579"), Some("exact")));
    assert_eq!(w_attr(w_child(ppr, "ind").unwrap(), "firstLine"), Some("640"));
    assert_eq!(w_attr(w_child(ppr, "jc").unwrap(), "val"), Some("both"));

    // The document language is Chinese.
    let styles = pkg.part("word/styles.xml");
    let lang = styles.descendants().find(|n| n.has_tag_name((W, "lang"))).expect("w:lang");
    assert_eq!(w_attr(lang, "eastAsia"), Some("zh-CN"));
    assert!(lang.ancestors().any(|a| a.has_tag_name((W, "rPrDefault"))));

    // The font table offers the Windows 8+ names as alternates.
    let fonts = pkg.part("word/fontTable.xml");
    let alt = fonts
        .descendants()
        .find(|n| n.has_tag_name((W, "font")) && w_attr(*n, "name") == Some("仿宋_GB2312"))
        .and_then(|f| w_child(f, "altName"))
        .and_then(|a| w_attr(a, "val"));
    assert_eq!(alt, Some("仿宋"));
}

/// (alignment, left indent, right indent) of the last paragraph whose text is `text`.
fn placement(doc: &Document, text: &str) -> (String, i64, i64) {
    let p = doc.descendants().filter(|n| n.has_tag_name((W, "p"))).rfind(|p| text_of(*p) == text).unwrap();
    let ppr = w_child(p, "pPr").unwrap();
    let ind = w_child(ppr, "ind");
    let side = |name| ind.and_then(|i| w_attr(i, name)).map_or(0, |v| v.parse().unwrap());
    (w_attr(w_child(ppr, "jc").unwrap(), "val").unwrap().to_string(), side("left"), side("right"))
}

/// Two body characters (3号 at 98 %) in twips.
const TWO_CHARS: i64 = 627;

#[test]
fn closing_date_starts_two_characters_right_of_the_name() {
    // A long name: 右空二字; the date is placed from the left, two characters
    // in from where the name starts (14 characters from the right edge).
    let mut report = erlintu();
    report.unit_name = "平潭综合实验区市场监督管理局".into();
    let doc_bytes = build_docx(&report);
    let parts = unzip(&doc_bytes);
    let doc = Document::parse(&parts["word/document.xml"]).unwrap();
    assert_eq!(placement(&doc, "平潭综合实验区市场监督管理局"), ("right".into(), 0, TWO_CHARS));
    let text_width = 11906 - 1587 - 1474;
    assert_eq!(placement(&doc, "2022年1月12日"), ("left".into(), text_width - 4390, 0));

    // A short name: the date, the longer, keeps 右空二字 and the name moves left.
    let pkg = Package::of(&erlintu());
    let doc = pkg.part("word/document.xml");
    assert_eq!(placement(&doc, "2022年1月12日"), ("right".into(), 0, TWO_CHARS));
    let (align, _, right) = placement(&doc, "尔林兔镇人民政府");
    assert_eq!(align, "right");
    assert!(right > TWO_CHARS, "the name sits further left than the date ends");
}

/// One `w:tc` as read back: grid position, spans, merge state, text.
#[derive(Debug, PartialEq)]
struct ReadCell {
    col: usize,
    col_span: usize,
    v_merge: Option<String>,
    text: String,
}

fn read_rows(tbl: Node) -> Vec<(bool, Vec<ReadCell>)> {
    w_children(tbl, "tr")
        .map(|tr| {
            let header = w_child(tr, "trPr").is_some_and(|p| w_child(p, "tblHeader").is_some());
            let can_split = w_child(tr, "trPr").is_some_and(|p| w_child(p, "cantSplit").is_some());
            assert!(can_split, "every row has w:cantSplit");
            let mut col = 0;
            let cells = w_children(tr, "tc")
                .map(|tc| {
                    let pr = w_child(tc, "tcPr").unwrap();
                    let span = w_child(pr, "gridSpan").map_or(1, |g| int(g, "val") as usize);
                    let v_merge =
                        w_child(pr, "vMerge").map(|v| w_attr(v, "val").unwrap_or("continue").to_string());
                    let cell = ReadCell { col, col_span: span, v_merge, text: text_of(tc) };
                    col += span;
                    cell
                })
                .collect();
            (header, cells)
        })
        .collect()
}

/// What the format says row `r` must look like, cell by cell.
fn expected_row(report: &Report, spec: &TableSpec, r: usize) -> Vec<ReadCell> {
    let occupancy = spec.occupancy();
    let mut out = Vec::new();
    let mut col = 0;
    while col < spec.grid_cols() {
        let cell = occupancy[r][col].unwrap_or_else(|| panic!("{:?} ({r}, {col}) uncovered", spec.id));
        let v_merge =
            (cell.row_span > 1).then(|| if cell.row == r { "restart" } else { "continue" }.to_string());
        let text = match (&cell.content, cell.row == r) {
            (_, false) => String::new(),
            (CellContent::Label(l), true) => l.text.to_string(),
            (CellContent::Field(key), true) => {
                let kind = spec.field(*key).unwrap().kind;
                report.raw(*key).map(|raw| normalize(kind, raw)).unwrap_or_default()
            }
        };
        out.push(ReadCell { col, col_span: cell.col_span, v_merge, text });
        col += cell.col_span;
    }
    out
}

fn assert_tables_match_format(report: &Report) {
    let pkg = Package::of(report);
    let doc = pkg.part("word/document.xml");
    let filled = with_totals(report);
    let spec = format(report.format);
    let tables: Vec<Node> = body(&doc).children().filter(|n| n.has_tag_name((W, "tbl"))).collect();
    let specs: Vec<&TableSpec> = spec
        .sections
        .iter()
        .filter_map(|s| match s.body {
            SectionBody::Table(id) => Some(spec.table(id)),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), specs.len());
    for (tbl, table_spec) in tables.into_iter().zip(specs) {
        let grid: Vec<u32> =
            w_children(w_child(tbl, "tblGrid").unwrap(), "gridCol").map(|c| int(c, "w") as u32).collect();
        assert_eq!(grid, table_spec.col_widths, "{:?} grid", table_spec.id);
        let rows = read_rows(tbl);
        assert_eq!(rows.len(), table_spec.grid_rows(), "{:?} rows", table_spec.id);
        for (r, (header, cells)) in rows.iter().enumerate() {
            assert_eq!(*header, r < table_spec.header_rows, "{:?} row {r} tblHeader", table_spec.id);
            assert_eq!(cells, &expected_row(&filled, table_spec, r), "{:?} row {r}", table_spec.id);
        }
    }
}

#[test]
fn tables_have_the_formats_merges_cell_by_cell_2021() {
    assert_tables_match_format(&erlintu_numbered());
    assert_tables_match_format(&erlintu());
}

#[test]
fn tables_have_the_formats_merges_cell_by_cell_2019() {
    assert_tables_match_format(&trial_2019());
}

#[test]
fn table_three_has_the_official_shape() {
    let report = erlintu_numbered();
    let pkg = Package::of(&report);
    let doc = pkg.part("word/document.xml");
    let tbl = body(&doc).children().filter(|n| n.has_tag_name((W, "tbl"))).nth(1).unwrap();
    let rows = read_rows(tbl);
    assert_eq!(rows.len(), 28);
    assert_eq!(w_children(w_child(tbl, "tblGrid").unwrap(), "gridCol").count(), 10);
    // 三、本年度办理结果 spans 22 rows and is set vertically.
    let results = rows.iter().position(|(_, cells)| cells[0].text == "三、本年度办理结果").unwrap();
    let span = 1 + rows[results + 1..]
        .iter()
        .take_while(|(_, c)| c[0].v_merge.as_deref() == Some("continue"))
        .count();
    assert_eq!(span, 22);
    let vertical = tbl
        .descendants()
        .filter(|n| n.has_tag_name((W, "tc")))
        .find(|tc| text_of(*tc) == "三、本年度办理结果")
        .unwrap();
    let dir = w_child(w_child(vertical, "tcPr").unwrap(), "textDirection").expect("w:textDirection");
    assert_eq!(w_attr(dir, "val"), Some("tbRl"));
    // The 勾稽 note spans 3 × 3 and is set in 楷体.
    let note = &rows[0].1[0];
    assert_eq!((note.col_span, note.v_merge.as_deref()), (3, Some("restart")));
    assert_eq!(rows[1].1[0].v_merge.as_deref(), Some("continue"));
    assert_eq!(rows[2].1[0].v_merge.as_deref(), Some("continue"));
    assert_eq!(rows[3].1[0].v_merge, None);
    let spec = format(report.format);
    let note_text = spec.table3.cells().find_map(|c| match &c.content {
        CellContent::Label(l) if l.style == LabelStyle::Note => Some(l.text),
        _ => None,
    });
    assert_eq!(face_of(&doc, note_text.unwrap()).0, "楷体_GB2312");
}

#[test]
fn footers_number_pages_odd_right_even_left() {
    let pkg = Package::of(&erlintu());
    let settings = pkg.part("word/settings.xml");
    assert!(settings.descendants().any(|n| n.has_tag_name((W, "evenAndOddHeaders"))));
    let doc = pkg.part("word/document.xml");
    // The body's section: the first (a 版记 has a section of its own after it).
    let sect = doc.descendants().find(|n| n.has_tag_name((W, "sectPr"))).unwrap();
    let rels = pkg.part("word/_rels/document.xml.rels");
    let target = |id: &str| {
        rels.descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .and_then(|n| n.attribute("Target"))
            .map(|t| format!("word/{t}"))
            .unwrap()
    };
    let mut sides = Vec::new();
    for reference in w_children(sect, "footerReference") {
        let kind = w_attr(reference, "type").unwrap().to_string();
        let id = reference
            .attribute(("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"))
            .unwrap();
        let footer = pkg.part(&target(id));
        let p = footer.descendants().find(|n| n.has_tag_name((W, "p"))).unwrap();
        let instr: String =
            p.descendants().filter(|n| n.has_tag_name((W, "instrText"))).filter_map(|n| n.text()).collect();
        assert_eq!(instr.trim(), "PAGE");
        let chars: Vec<_> = p
            .descendants()
            .filter(|n| n.has_tag_name((W, "fldChar")))
            .map(|n| w_attr(n, "fldCharType").unwrap())
            .collect();
        assert_eq!(chars, ["begin", "separate", "end"]);
        assert_eq!(text_of(p), "— 1 —");
        let ppr = w_child(p, "pPr").unwrap();
        let align = w_attr(w_child(ppr, "jc").unwrap(), "val").unwrap().to_string();
        sides.push((kind, align));
    }
    sides.sort();
    assert_eq!(
        sides,
        [("default".to_string(), "right".to_string()), ("even".to_string(), "left".to_string())]
    );
}

#[test]
fn same_report_gives_the_same_bytes() {
    let report = erlintu_numbered();
    let first = build_docx(&report);
    let _other = build_docx(&trial_2019());
    assert_eq!(first, build_docx(&report));
}

#[test]
fn the_imprint_is_alone_on_an_even_page_without_a_page_number() {
    let pkg = Package::of(&erlintu());
    let doc = pkg.part("word/document.xml");
    let body = body(&doc);
    let last = body.children().rfind(|n| n.has_tag_name((W, "p"))).unwrap();
    assert_eq!(text_of(last), "尔林兔镇党政办公室2022年1月12日印发");
    // The paragraph before it (the date) ends the body's section ...
    let before = last.prev_sibling_element().unwrap();
    assert_eq!(text_of(before), "2022年1月12日");
    assert!(w_child(w_child(before, "pPr").unwrap(), "sectPr").is_some());
    // ... and the 版记's section starts on an even page, with empty footers.
    let sect = w_child(body, "sectPr").unwrap();
    assert_eq!(w_attr(w_child(sect, "type").unwrap(), "val"), Some("evenPage"));
    let rels = pkg.part("word/_rels/document.xml.rels");
    for reference in w_children(sect, "footerReference") {
        let id = reference
            .attribute(("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"))
            .unwrap();
        let target =
            rels.descendants().find(|n| n.attribute("Id") == Some(id)).unwrap().attribute("Target").unwrap();
        let footer = pkg.part(&format!("word/{target}"));
        assert_eq!(text_of(footer.root_element()), "", "{target}");
    }
    // Without a 版记 there is one section.
    let mut report = erlintu();
    report.imprint_org.clear();
    let pkg = Package::of(&report);
    let doc = pkg.part("word/document.xml");
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name((W, "sectPr"))).count(), 1);
}

#[test]
fn tables_are_kept_whole_on_one_page() {
    let pkg = Package::of(&erlintu_numbered());
    let doc = pkg.part("word/document.xml");
    for tbl in w_children(body(&doc), "tbl") {
        let rows: Vec<_> = w_children(tbl, "tr").collect();
        for (i, row) in rows.iter().enumerate() {
            let trpr = w_child(*row, "trPr").unwrap();
            assert!(w_child(trpr, "cantSplit").is_some(), "a row never breaks");
            for p in row.descendants().filter(|n| n.has_tag_name((W, "p"))) {
                let keep = w_child(w_child(p, "pPr").unwrap(), "keepNext").is_some();
                assert_eq!(keep, i + 1 < rows.len(), "row {i}: kept with the next row, the last one not");
            }
        }
    }
}

#[test]
fn entries_are_deflated_and_a_full_report_stays_small() {
    let bytes = build_docx(&erlintu_numbered());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        assert_eq!(file.compression(), zip::CompressionMethod::Deflated, "{}", file.name());
    }
    println!("erlintu (every cell filled): {} bytes", bytes.len());
    assert!(bytes.len() <= 40 * 1024, "{} bytes", bytes.len());
}
