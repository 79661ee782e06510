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

fn time(label: &str, report: &Report, options: CheckOptions) {
    let results = run_checks(report, options);
    // Warm up, then measure enough runs for a stable mean.
    for _ in 0..1_000 {
        black_box(run_checks(black_box(report), options));
    }
    let runs = 20_000u32;
    let start = Instant::now();
    for _ in 0..runs {
        black_box(run_checks(black_box(report), options));
    }
    let per_run: Duration = start.elapsed() / runs;
    println!("{label}: {} checks in {:.1} µs per run", results.len(), per_run.as_secs_f64() * 1e6);
}

fn main() {
    let mut report = full_report();
    time("automatic totals on ", &report, CheckOptions::default());
    report.auto_totals = false;
    time("automatic totals off", &report, CheckOptions::default());
    time("at export           ", &report, CheckOptions { at_export: true });
}
