//! Native DOCX export time: `cargo bench -p xxgk-core --bench docx [-- DRAFT.json ...]`
//! (default: every core/fixtures/*.json). Built with the release profile, the
//! same optimisation settings as the browser's wasm; prints milliseconds per
//! export (draft parsing excluded) and the size of the file.

use std::path::PathBuf;
use std::time::Instant;

use xxgk_core::docx::build_docx;

const WARM_UP: usize = 5;
const RUNS: usize = 50;

fn main() {
    let mut paths: Vec<PathBuf> =
        std::env::args().skip(1).filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    if paths.is_empty() {
        let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        paths = std::fs::read_dir(&fixtures)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        paths.sort();
    }
    if paths.is_empty() {
        eprintln!("no drafts: pass DRAFT.json paths or add core/fixtures/*.json");
        std::process::exit(2);
    }
    println!("{:<56} {:>9} {:>9} {:>9} {:>10}", "draft", "min ms", "median ms", "max ms", "docx bytes");
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable draft");
        let report = match xxgk_core::draft::from_json(&text) {
            Ok(report) => report,
            Err(e) => {
                eprintln!("skipped {}: {}", path.display(), e.message());
                continue;
            }
        };
        let mut size = 0;
        for _ in 0..WARM_UP {
            size = build_docx(&report).len();
        }
        let mut times: Vec<f64> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(build_docx(std::hint::black_box(&report)));
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let name = path.file_name().unwrap().to_string_lossy();
        println!("{name:<56} {:>9.2} {:>9.2} {:>9.2} {size:>10}", times[0], times[RUNS / 2], times[RUNS - 1]);
    }
}
