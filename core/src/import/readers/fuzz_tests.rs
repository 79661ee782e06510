//! Mutated fixtures through both readers: an answer (a document or a
//! message) every time, never a panic, in bounded time.

use std::io::Read;
use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::docx_tests::{zip_of, DOCXS};
use super::html_tests::PAGES;
use super::read_file;

/// Far above what a fixture takes in a debug build; a hang or a quadratic
/// blow-up goes past it.
const BUDGET: Duration = Duration::from_secs(5);

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    /// Copies `len` bytes from one place to another (tags out of order).
    Splice {
        from: usize,
        to: usize,
        len: usize,
    },
    /// Inserts markup, repeated.
    Insert {
        at: usize,
        what: usize,
        times: usize,
    },
}

const INSERTS: &[&str] = &[
    "<table><tr><td rowspan=65535 colspan=1001>",
    "</td></tr></table>",
    "<w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val=\"60000\"/></w:tcPr>",
    "<w:tbl><w:tr>",
    "</w:p>",
    "<b><i><font>",
    "<meta charset=\"x-unknown\">",
    "&#xFFFFFFFF;&bogus;&#0;",
    "<![CDATA[",
    "<!--",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(at, x)| Mutation::Flip(at, x)),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), any::<usize>(), 1..4096usize).prop_map(|(from, to, len)| Mutation::Splice {
            from,
            to,
            len
        }),
        (any::<usize>(), 0..INSERTS.len(), 1..2000usize).prop_map(|(at, what, times)| Mutation::Insert {
            at,
            what,
            times
        }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let n = bytes.len();
    match *m {
        Mutation::Flip(at, x) => bytes[at % n] ^= x,
        Mutation::Cut(at) => bytes.truncate(at % n),
        Mutation::Splice { from, to, len } => {
            let from = from % n;
            let piece = bytes[from..(from + len).min(n)].to_vec();
            let to = to % n;
            bytes.splice(to..to, piece);
        }
        Mutation::Insert { at, what, times } => {
            let at = at % n;
            bytes.splice(at..at, INSERTS[what].repeat(times).into_bytes());
        }
    }
}

/// The document part of a `.docx` fixture, to mutate inside the zip.
fn document_xml(docx: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = Vec::new();
    archive.by_name("word/document.xml").unwrap().read_to_end(&mut xml).unwrap();
    xml
}

fn answers_in_time(name: &str, bytes: &[u8]) {
    let started = Instant::now();
    match read_file(name, bytes) {
        Ok(_) => {}
        Err(e) => assert!(!e.message().is_empty()),
    }
    assert!(started.elapsed() < BUDGET, "{name}: {:?}", started.elapsed());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn mutated_pages_always_get_an_answer(page in 0..PAGES.len(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut bytes = PAGES[page].1.to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        answers_in_time("page.html", &bytes);
    }

    #[test]
    fn mutated_docx_xml_always_gets_an_answer(doc in 0..DOCXS.len(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut xml = document_xml(DOCXS[doc].1);
        for m in &mutations {
            apply(&mut xml, m);
        }
        answers_in_time("report.docx", &zip_of(&[("word/document.xml", &xml)]));
    }

    #[test]
    fn mutated_docx_bytes_always_get_an_answer(doc in 0..DOCXS.len(), mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut bytes = DOCXS[doc].1.to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        answers_in_time("report.docx", &bytes);
    }
}
