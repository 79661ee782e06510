//! The HTML reader on small pages, on the published pages and on bad input.

use super::html::{decode, parse_fed, read_html, read_html_str, CHUNK};
use super::html_tree::MAX_NODES;
use super::ReadError;
use crate::import::{Block, Cell, Document, Table};

pub(super) const PAGES: &[(&str, &[u8])] = &[
    ("01", include_bytes!("../../../fixtures/published/01_pingtan-zonghe-shiyanqu-2021.html")),
    ("02", include_bytes!("../../../fixtures/published/02_pingtan-zonghe-shiyanqu-2022.html")),
    (
        "05",
        include_bytes!("../../../fixtures/published/05_pingtan-ziranziyuan-shengtaihuanjing-ju-2022.html"),
    ),
    (
        "06",
        include_bytes!("../../../fixtures/published/06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023.html"),
    ),
    ("08", include_bytes!("../../../fixtures/published/08_pingtan-junshan-pianqu-guanliju-2023.html")),
    ("10", include_bytes!("../../../fixtures/published/10_pingtan-shichang-jiandu-guanliju-2023.html")),
    ("11", include_bytes!("../../../fixtures/published/11_pingtan-shehui-shiyeju-2024.html")),
];
const GBK_PAGE: &[u8] =
    include_bytes!("../../../fixtures/published/06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023.gbk.html");

fn read(html: &str) -> Document {
    read_html_str(html).unwrap()
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.paragraphs().collect()
}

#[test]
fn blocks_make_paragraphs_and_br_a_line_break() {
    let doc = read(
        "<div><p>一、总体情况</p><p>  本年度，\n  我局<b>主动</b>公开&nbsp;信息 <br> 共 12 条。</p>\
         <div>二、主动公开<div>政府信息情况</div></div><h3>三、收到和处理</h3>落款</div>",
    );
    assert_eq!(
        paragraphs(&doc),
        [
            "一、总体情况",
            "本年度， 我局主动公开 信息\n共 12 条。",
            "二、主动公开",
            "政府信息情况",
            "三、收到和处理",
            "落款"
        ]
    );
}

#[test]
fn hidden_and_non_text_elements_are_left_out() {
    let doc = read(
        "<html><head><title>标题</title><style>p{}</style></head><body>\
         <script>var a = '脚本';</script><p style='DISPLAY: none'>隐藏</p><p hidden>也隐藏</p>\
         <!-- 注释 --><template><p>模板</p></template><p>可见<span style='mso-hide:all'>隐</span></p>         <p style='color:red; Display :	NONE !important'>也隐藏</p><p style='display:inline;font:none'>显示</p>         </body></html>",
    );
    assert_eq!(paragraphs(&doc), ["可见", "显示"]);
}

#[test]
fn tables_keep_spans_and_cell_lines() {
    let doc = read(
        "<p>二、主动公开政府信息情况</p><table><tbody>\
         <tr><td colspan=4><p>第二十条第（一）项</p></td></tr>\
         <tr><td rowspan='2'><p>信息</p><p>内容</p></td><td>本年制发件数<td>本年废止件数</td><td>&nbsp;</td></tr>\
         <tr><td>3</td><td>—</td><td colspan=\"2x\">5</td></tr>\
         </tbody></table><p>三、</p>",
    );
    let tables: Vec<&Table> = doc.tables().collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(
        tables[0].rows,
        vec![
            vec![Cell::spanning("第二十条第（一）项", 1, 4)],
            vec![
                Cell::spanning("信息\n内容", 2, 1),
                Cell::new("本年制发件数"),
                Cell::new("本年废止件数"),
                Cell::new(""),
            ],
            vec![Cell::new("3"), Cell::new("—"), Cell::spanning("5", 1, 2)],
        ]
    );
    assert_eq!(paragraphs(&doc), ["二、主动公开政府信息情况", "三、"]);
}

#[test]
fn a_table_in_a_cell_is_read_as_lines_of_that_cell() {
    let doc = read("<table><tr><td>外<table><tr><td>内一</td><td>内二</td></tr></table></td></tr></table>");
    let table = doc.tables().next().unwrap();
    assert_eq!(table.rows, vec![vec![Cell::new("外\n内一\n内二")]]);
}

#[test]
fn spans_past_the_table_are_cut_and_odd_spans_read_as_html_does() {
    let doc = read("<table><tr><td rowspan=9 colspan=0>a</td><td rowspan=-2 colspan=99999>b</td></tr><tr><td>c</td></tr></table>");
    let rows = &doc.tables().next().unwrap().rows;
    assert_eq!(rows[0], vec![Cell::spanning("a", 2, 1), Cell::spanning("b", 1, 1000)]);
}

#[test]
fn unclosed_markup_reads_as_a_browser_shows_it() {
    let doc = read("<p>一<p>二<table><tr><td>甲<td>乙<tr><td>丙</table>三");
    assert_eq!(paragraphs(&doc), ["一", "二", "三"]);
    let rows = &doc.tables().next().unwrap().rows;
    assert_eq!(rows, &vec![vec![Cell::new("甲"), Cell::new("乙")], vec![Cell::new("丙")]]);
}

#[test]
fn caption_goes_before_its_table() {
    let doc = read("<table><caption>表一</caption><tr><td>1</td></tr></table>");
    assert_eq!(doc.blocks[0], Block::Paragraph("表一".into()));
    assert!(matches!(doc.blocks[1], Block::Table(_)));
}

#[test]
fn charsets_are_read_as_declared() {
    let text = "<html><head><meta charset=\"gbk\"></head><body><p>平潭综合实验区</p></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    assert_eq!(paragraphs(&read_html(&gbk).unwrap()), ["平潭综合实验区"]);

    let text = "<meta http-equiv=Content-Type content='text/html;charset=GB18030'><p>二〇二三年</p>";
    let (gb18030, _, _) = encoding_rs::GB18030.encode(text);
    assert_eq!(decode(&gb18030).unwrap(), text);

    // No declaration: UTF-8 when it is, else what a Chinese browser assumes.
    assert_eq!(decode("<p>年度报告</p>".as_bytes()).unwrap(), "<p>年度报告</p>");
    let (undeclared, _, _) = encoding_rs::GBK.encode("<p>年度报告</p>");
    assert_eq!(decode(&undeclared).unwrap(), "<p>年度报告</p>");
    // A BOM wins over the declaration.
    let mut bom = b"\xEF\xBB\xBF<meta charset=gbk>".to_vec();
    bom.extend_from_slice("<p>报告</p>".as_bytes());
    assert_eq!(paragraphs(&read_html(&bom).unwrap()), ["报告"]);
}

#[test]
fn a_gbk_page_saved_under_a_utf8_declaration_still_reads() {
    let (bytes, _, _) = encoding_rs::GBK.encode("<meta charset=utf-8><p>政府信息公开</p>");
    assert_eq!(paragraphs(&read_html(&bytes).unwrap()), ["政府信息公开"]);
}

#[test]
fn an_unknown_charset_is_refused_with_its_name() {
    let err = read_html(b"<meta charset=\"x-klingon\"><p>abc</p>").unwrap_err();
    assert_eq!(err, ReadError::UnknownEncoding("x-klingon".into()));
    assert!(err.message().contains("x-klingon") && err.message().contains("无法识别"), "{err}");
}

#[test]
fn pages_without_text_say_so() {
    assert_eq!(
        read_html(b"<html><body><p> &nbsp; </p></body></html>"),
        Err(ReadError::NoText { images: false })
    );
    let scanned = b"<p><img src='page1.png'></p><p><img src='page2.png'></p>";
    let err = read_html(scanned).unwrap_err();
    assert_eq!(err, ReadError::NoText { images: true });
    assert!(err.message().contains("只有图片"));
}

#[test]
fn deep_markup_is_refused_quickly() {
    for open in ["<div>", "<b>", "<span><i>", "<table><tr><td>", "<ul><li>", "<font>"] {
        let html = open.repeat(200_000);
        let watch = Stopwatch::start();
        assert_eq!(read_html(html.as_bytes()), Err(ReadError::TooDeep), "{open}");
        assert!(watch.elapsed().as_secs() < 5, "{open}: {:?} of CPU time", watch.elapsed());
    }
    // Deep but within reason reads.
    let html = format!("{}深{}", "<div>".repeat(300), "</div>".repeat(300));
    assert_eq!(paragraphs(&read(&html)), ["深"]);
}

#[test]
fn huge_flat_markup_is_bounded() {
    // Twice the nodes the tree takes (each paragraph is an element and its text).
    const P: &str = "<p>a</p>";
    let html = P.repeat(MAX_NODES);
    let watch = Stopwatch::start();
    assert_eq!(read_html(html.as_bytes()), Err(ReadError::TooBig));
    // Far less than a hang: the thread's own CPU time, not the wall clock, which grows with
    // whatever else the machine runs.
    let spent = watch.elapsed();
    assert!(spent.as_secs() < 10, "{spent:?} of CPU time");
    // The parser stops within a chunk of the paragraph that fills the tree: the work is bounded by
    // the cap, whatever follows. Counted in bytes, which no load can move.
    let (tree, fed) = parse_fed(&html);
    assert_eq!(tree.err(), Some(ReadError::TooBig));
    assert!(fed <= MAX_NODES / 2 * P.len() + CHUNK, "{fed} of {} bytes parsed", html.len());
}

/// The CPU time this thread has used since [`Stopwatch::start`]: what a hang
/// guard measures. Linux reports it in /proc; elsewhere, the wall clock.
struct Stopwatch {
    cpu: Option<u64>,
    wall: std::time::Instant,
}

impl Stopwatch {
    fn start() -> Stopwatch {
        Stopwatch { cpu: thread_cpu_ns(), wall: std::time::Instant::now() }
    }

    fn elapsed(&self) -> std::time::Duration {
        match (self.cpu, thread_cpu_ns()) {
            (Some(start), Some(now)) => std::time::Duration::from_nanos(now.saturating_sub(start)),
            _ => self.wall.elapsed(),
        }
    }
}

/// The thread's time on the CPU in ns (the first field of `/proc/thread-self/schedstat`).
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

#[test]
fn every_published_page_has_its_three_tables() {
    for (name, bytes) in PAGES {
        let doc = read_html(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let tables: Vec<&Table> = doc.tables().collect();
        assert_eq!(tables.len(), 3, "{name}");
        let first = |t: &Table| t.rows[0][0].text.clone();
        assert_eq!(first(tables[0]), "第二十条第（一）项", "{name}");
        assert!(first(tables[1]).contains("勾稽关系") || first(tables[1]).contains("钩稽关系"), "{name}");
        assert_eq!(first(tables[2]), "行政复议", "{name}");
        // 表三's 「三、本年度办理结果」 covers the 22 rows of its results.
        let results = tables[1].rows.iter().flatten().find(|c| c.text == "三、本年度办理结果").unwrap();
        assert_eq!((results.row_span, results.col_span), (22, 1), "{name}");
        // Indents typed as ideographic spaces are kept, as shown.
        assert!(
            doc.paragraphs().any(|p| p.trim_start_matches('\u{3000}').starts_with("六、其他需要报告的事项")),
            "{name}"
        );
    }
}

#[test]
fn the_gbk_copy_reads_as_its_utf8_original() {
    assert_eq!(read_html(GBK_PAGE).unwrap(), read_html(PAGES[3].1).unwrap());
}

#[test]
fn market_supervision_2023_other_handling_spans_three_rows_holding_zero() {
    // Page 10: in 表三（六） the row-1 cells span three rows and hold 0.
    let doc = read_html(PAGES[5].1).unwrap();
    let table = doc.tables().nth(1).unwrap();
    let row = table.rows.iter().find(|r| r.iter().any(|c| c.text == "（六）其他处理")).unwrap();
    assert_eq!(row.len(), 9);
    assert!(row[2..].iter().all(|c| c.text == "0" && c.row_span == 3), "{row:?}");
}

/// A text as the browser oracle lists it: lines with runs of spaces made one, trimmed (of any
/// Unicode space, as JavaScript's `trim`), blank lines dropped.
pub(super) fn lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|line| {
            line.split([' ', '\t', '\u{a0}'])
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                .trim()
                .to_string()
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// Tables as lists of rows of (lines, row span, column span).
pub(super) type Grid = Vec<Vec<Vec<(Vec<String>, u16, u16)>>>;

/// A page as Chromium shows it (from-browser.mjs): tables, and the lines outside them.
pub(super) struct Shown {
    pub tables: Grid,
    pub text: Vec<String>,
}

pub(super) fn shown(name: &str) -> Shown {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/published");
    let file = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name().unwrap().to_str().unwrap().starts_with(&format!("{name}_"))
                && p.to_str().unwrap().ends_with(".browser.json")
        })
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    let tables = json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|table| {
            let rows = table.as_array().unwrap();
            rows.iter()
                .enumerate()
                .map(|(i, row)| {
                    row.as_array()
                        .unwrap()
                        .iter()
                        .map(|cell| {
                            let lines = cell["lines"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|l| l.as_str().unwrap().to_string())
                                .collect();
                            // Spans past the last row cover the rows there are.
                            let row_span =
                                (cell["row_span"].as_u64().unwrap() as usize).min(rows.len() - i) as u16;
                            (lines, row_span, cell["col_span"].as_u64().unwrap() as u16)
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let text = json["text"].as_array().unwrap().iter().map(|l| l.as_str().unwrap().to_string()).collect();
    Shown { tables, text }
}

/// A document's tables in the oracle's terms.
pub(super) fn tables_of(doc: &Document) -> Grid {
    doc.tables()
        .map(|t| {
            t.rows
                .iter()
                .map(|r| r.iter().map(|c| (lines(&c.text), c.row_span, c.col_span)).collect())
                .collect()
        })
        .collect()
}

#[test]
fn every_published_page_reads_as_chromium_shows_it() {
    for (name, bytes) in PAGES {
        let doc = read_html(bytes).unwrap();
        let seen = shown(name);
        let ours = tables_of(&doc);
        assert_eq!(ours.len(), seen.tables.len(), "{name}");
        for (t, (ours, seen)) in ours.iter().zip(&seen.tables).enumerate() {
            assert_eq!(ours.len(), seen.len(), "{name} table {t}: rows");
            for (r, (ours, seen)) in ours.iter().zip(seen).enumerate() {
                assert_eq!(ours, seen, "{name} table {t} row {r}");
            }
        }
        let text: Vec<String> = doc.paragraphs().flat_map(lines).collect();
        assert_eq!(text, seen.text, "{name}: text outside the tables");
    }
}

#[test]
fn the_title_is_kept_apart_from_the_text() {
    let doc = read(
        "<html><head><title>\n 某局2023年政府信息公开工作年度报告_年报_网站 </title></head>\
         <body><svg><title>图标</title></svg><p>一、总体情况</p></body></html>",
    );
    assert_eq!(doc.title.as_deref(), Some("某局2023年政府信息公开工作年度报告_年报_网站"));
    assert_eq!(paragraphs(&doc), ["一、总体情况"]);
    assert_eq!(read("<p>一、总体情况</p>").title, None);
    assert_eq!(read("<title> </title><p>一、总体情况</p>").title, None);
    // An SVG's title is not the page's.
    assert_eq!(read("<svg><title>图标</title></svg><p>一、总体情况</p>").title, None);
    for (name, bytes) in PAGES.iter().chain([&("06.gbk", GBK_PAGE)]) {
        let title = read_html(bytes).unwrap().title.unwrap_or_default();
        assert!(
            title.ends_with("政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会"),
            "{name}: {title}"
        );
    }
}
