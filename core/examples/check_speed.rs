//! How long `run_checks` takes on a full report (every cell filled), the
//! work the browser does on each keystroke.
//!
//!   cargo run --release -p xxgk-core --example check_speed

use std::hint::black_box;
use std::time::{Duration, Instant};

use xxgk_core::checks::{previous_year, run_checks, CheckOptions};
use xxgk_core::format::{format, FormatVersion};
use xxgk_core::model::{Report, UnitLevel};
use xxgk_core::totals::with_totals;

/// Every input cell filled with a different small number, totals typed.
fn full_report() -> Report {
    let mut r = Report::new(2024);
    r.unit_name = "某市人民政府".to_string();
    r.unit_level = Some(UnitLevel::CityGovernment);
    for (i, f) in format(FormatVersion::Official2021).fields().enumerate() {
        r.set_raw(f.key, &(i * 7 % 23).to_string());
    }
    r.previous = Some(previous_year(&r));
    r.previous.as_mut().unwrap().year = 2023;
    r = with_totals(&r);
    r
}

/// Median time per run over batches: the machine may be busy with other work.
fn time(label: &str, report: &Report, options: CheckOptions) {
    let results = run_checks(report, options);
    for _ in 0..1_000 {
        black_box(run_checks(black_box(report), options));
    }
    let runs_per_batch = 1_000u32;
    let mut batches: Vec<Duration> = (0..25)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..runs_per_batch {
                black_box(run_checks(black_box(report), options));
            }
            start.elapsed() / runs_per_batch
        })
        .collect();
    batches.sort();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{label}: {} checks, median {:.1} µs per run (fastest batch {:.1} µs)",
        results.len(),
        micros(batches[batches.len() / 2]),
        micros(batches[0])
    );
}

fn main() {
    let mut report = full_report();
    time("automatic totals on ", &report, CheckOptions::default());
    report.auto_totals = false;
    time("automatic totals off", &report, CheckOptions::default());
    time("at export           ", &report, CheckOptions { at_export: true });
}
