//! The recogniser never panics and takes bounded time, whatever it is given:
//! mutated copies of real pages, and documents with arbitrary cells and spans.

mod import_support;

use std::time::{Duration, Instant};

use proptest::prelude::*;
use xxgk_core::import::{read_plain_text, recognise, Block, Cell, Document, Table};

/// A hang guard, not a speed goal (speed is for benchmarks): a real report takes
/// milliseconds, and the 20,000-paragraph text below about 1.4 s in release, 3.5 s
/// in a debug build on a busy machine, growing roughly linearly; one of them took
/// 27.8 s of wall time with the suite's other tests beside it at a load of 13 on two
/// cores. A blow-up (quadratic in 20,000 lines) takes far longer than this bound.
const BOUND: Duration = Duration::from_secs(60);

fn timed(doc: &Document) {
    let start = Instant::now();
    let result = recognise(doc);
    assert!(start.elapsed() < BOUND, "took {:?}", start.elapsed());
    if let Ok(imported) = result {
        // What is imported is a valid draft.
        let json = xxgk_core::draft::to_json(&imported.report);
        xxgk_core::draft::from_json(&json).unwrap_or_else(|e| panic!("{}", e.message()));
        assert!(!imported.log.lines().is_empty());
    }
}

/// Pieces a mutation splices in: the characters and words tables are made of.
const PIECES: &[&str] = &[
    "\t",
    "\n",
    "\n\n",
    "0",
    "1",
    "１",
    ",",
    "—",
    "-",
    "/",
    "（",
    "）",
    "、",
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、本年度办理结果",
    "（六）其他处理",
    "3.其他",
    "信息内容",
    "规章",
    "自然人",
    "总计",
    "行政复议",
    "复议后起诉",
    "2024年1月31日",
    "印发",
    "_",
    "\u{3000}",
    "年",
    "报告",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mutated_copies_of_real_pages(
        page in 0usize..7,
        edits in prop::collection::vec((0.0f64..1.0, 0usize..PIECES.len(), 0usize..40, any::<bool>()), 0..40),
    ) {
        let stems = import_support::stems();
        let mut text: Vec<char> = import_support::copied(&stems[page % stems.len()]).chars().collect();
        for (at, piece, cut, insert) in edits {
            let at = ((text.len() as f64) * at) as usize;
            if insert {
                text.splice(at..at, PIECES[piece].chars());
            } else {
                let end = (at + cut).min(text.len());
                text.drain(at..end);
            }
        }
        let text: String = text.into_iter().collect();
        timed(&read_plain_text(&text));
    }

    #[test]
    fn arbitrary_tables_and_spans(
        rows in prop::collection::vec(
            prop::collection::vec((0usize..PIECES.len(), 0u16..40, 0u16..40), 0..20),
            0..40,
        ),
        heading in 0usize..PIECES.len(),
        file_title in prop::option::of(prop::collection::vec(0usize..PIECES.len(), 0..6)),
    ) {
        let table = Table {
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(|(p, rs, cs)| Cell::spanning(PIECES[p], rs, cs)).collect())
                .collect(),
        };
        let doc = Document {
            blocks: vec![
                Block::Paragraph("某局2023年政府信息公开工作年度报告".into()),
                Block::Paragraph(PIECES[heading].into()),
                Block::Table(table.clone()),
                Block::Paragraph("四、政府信息公开行政复议、行政诉讼情况".into()),
                Block::Table(table),
            ],
            title: None,
        };
        timed(&doc);
        // The same without a printed title, with the file's own title (some report's, or junk).
        let mut untitled = doc.clone();
        untitled.blocks.remove(0);
        untitled.title = file_title.map(|pieces| {
            pieces.iter().map(|&p| PIECES[p]).collect::<String>() + "2023年政府信息公开工作年度报告"
        });
        timed(&untitled);
    }

    /// The whole way from a file's bytes (`import_file`): any bytes behind the
    /// starts that choose a reader (BOMs, a zip's, markup, a draft's brace).
    #[test]
    fn any_file_gets_a_report_or_a_chinese_message(
        start in 0usize..8,
        body in prop::collection::vec(any::<u8>(), 0..2000),
        text in prop::collection::vec(0usize..PIECES.len(), 0..60),
    ) {
        let starts: [&[u8]; 8] =
            [b"", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF", b"PK\x03\x04", b"<html><title>", b"{", b"%PDF"];
        let text: String = text.iter().map(|&p| PIECES[p]).collect();
        for bytes in [[starts[start], &body].concat(), [starts[start], text.as_bytes()].concat()] {
            let begun = Instant::now();
            match xxgk_core::import::import_file("上年报告", &bytes) {
                Ok(imported) => assert!(!imported.log.lines().is_empty()),
                Err(e) => {
                    let message = e.message();
                    assert!(message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{message}");
                }
            }
            assert!(begun.elapsed() < BOUND, "took {:?}", begun.elapsed());
        }
    }
}

#[test]
fn huge_spans_and_a_long_text_stay_quick() {
    let wide = Table { rows: (0..300).map(|_| vec![Cell::spanning("0", u16::MAX, u16::MAX); 30]).collect() };
    timed(&Document {
        blocks: vec![Block::Paragraph("三、收到和处理政府信息公开申请情况".into()), Block::Table(wide)],
        title: None,
    });
    let long =
        "某局2023年政府信息公开工作年度报告\n".to_string() + &"一二三四五六七八九十\t0\n".repeat(20_000);
    timed(&read_plain_text(&long));
    let one_paragraph = "二、主动公开政府信息情况".repeat(20_000);
    timed(&read_plain_text(&one_paragraph));
}
