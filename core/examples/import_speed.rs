//! How long importing one published report takes, stage by stage, for every
//! fixture in `core/fixtures/published/` (each page as saved, its
//! LibreOffice `.docx`, its GBK copy and its copied text): the work the
//! import worker does for one file or paste, natively.
//!
//!   cargo run --release -p xxgk-core --example import_speed [-- FILTER]
//!
//! Stages (median ms over the runs; `—` where the input has no such stage):
//! - decode: the page's bytes → text (charset); a `.docx`: the zip opened and
//!   its main part and properties inflated;
//! - parse: html5ever builds the page's tree; a `.docx`: —, its XML is read
//!   in one pass with the document below;
//! - document: the tree (the `.docx`'s XML, the copied text) → the neutral
//!   document;
//! - recognise: the document → the report and its import report;
//! - json: the draft file and the import report's groups as JSON, as the
//!   worker sends them;
//! - import(): the whole, through the one call the worker makes
//!   (`import::import`), beside the goal (one report ≤ 50 ms in the browser,
//!   where wasm runs some 1.5–3 times slower than this).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use xxgk_core::draft;
use xxgk_core::import::readers::{docx, html};
use xxgk_core::import::{import, read_plain_text, recognise, Document, Source};

const RUNS: usize = 21;
const GOAL_MS: f64 = 50.0;

/// Median time of `f` over [`RUNS`] runs, after one warm-up.
fn median<T>(mut f: impl FnMut() -> T) -> Duration {
    black_box(f());
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn ms(d: Duration) -> String {
    format!("{:8.2}", d.as_secs_f64() * 1e3)
}

const NONE: &str = "       —";

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/published");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("core/fixtures/published")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".html") || n.ends_with(".docx") || n.ends_with(".copied.txt"))
        .filter(|n| n.contains(&filter))
        .collect();
    names.sort();
    println!(
        "{:<52} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  goal",
        "fixture (ms, median of 21)", "KB", "decode", "parse", "document", "recogn.", "json", "import()"
    );
    let mut worst = Duration::ZERO;
    for name in &names {
        let bytes = std::fs::read(dir.join(name)).expect("fixture");
        let (decode, parse, document, doc): (Option<Duration>, Option<Duration>, Duration, Document) =
            if name.ends_with(".docx") {
                let parts = docx::unpack(&bytes).expect(name);
                let doc = parts.document().expect(name);
                (Some(median(|| docx::unpack(&bytes))), None, median(|| parts.document()), doc)
            } else if name.ends_with(".html") {
                let text = html::decode(&bytes).expect(name);
                let page = html::parse_page(&text).expect(name);
                let doc = page.document().expect(name);
                (
                    Some(median(|| html::decode(&bytes))),
                    Some(median(|| html::parse_page(&text).map(drop))),
                    median(|| page.document()),
                    doc,
                )
            } else {
                let text = std::str::from_utf8(&bytes).expect(name);
                (None, None, median(|| read_plain_text(text)), read_plain_text(text))
            };
        let imported = recognise(&doc).expect(name);
        let recognised = median(|| recognise(&doc));
        let json = median(|| {
            (
                draft::to_json(&imported.report),
                serde_json::to_string(&imported.log.groups()).unwrap_or_default(),
            )
        });
        let text = std::str::from_utf8(&bytes).unwrap_or("");
        let source = if name.ends_with(".copied.txt") {
            Source::pasted("", text)
        } else {
            Source::File { name, bytes: &bytes }
        };
        let whole = median(|| import(source).map(|i| draft::to_json(&i.report)));
        worst = worst.max(whole);
        let ok = whole.as_secs_f64() * 1e3 <= GOAL_MS;
        println!(
            "{:<52} {:8.1} {} {} {} {} {} {}  ≤ {GOAL_MS} ms {}",
            name,
            bytes.len() as f64 / 1024.0,
            decode.map_or(NONE.to_string(), ms),
            parse.map_or(NONE.to_string(), ms),
            ms(document),
            ms(recognised),
            ms(json),
            ms(whole),
            if ok { "ok" } else { "MISSED" }
        );
    }
    println!("slowest import(): {} ms (natively; the goal is for the browser)", ms(worst).trim());
}
