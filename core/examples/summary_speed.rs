//! Where the time of `xxgk-report summarize` goes: each stage over N drafts
//! (copies of the eight core/fixtures reports under their own unit names),
//! on one thread, so the stages add up to the CPU time of a run.
//!
//!   cargo run --release -p xxgk-core --example summary_speed [N]

use std::hint::black_box;
use std::time::Instant;

use xxgk_core::checks::{run_checks, CheckOptions};
use xxgk_core::draft;
use xxgk_core::summary::xlsx::{overview_xlsx, Extras};
use xxgk_core::summary::{read_file, summarize, Batch, Entry, UnitRow};

fn fixtures() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("core/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(|c: char| c.is_ascii_digit()) && n.ends_with(".json")
        })
        .collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// A stage's wall time, and the CPU time of this thread (Linux: /proc/thread-self/schedstat),
/// which the other work on a shared machine does not inflate.
struct Clock(Instant, Option<u64>);

fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

impl Clock {
    fn start() -> Clock {
        Clock(Instant::now(), cpu_ns())
    }

    fn stop(&self) -> (f64, Option<f64>) {
        let cpu = cpu_ns().zip(self.1).map(|(now, then)| (now - then) as f64 / 1e6);
        (self.0.elapsed().as_secs_f64() * 1e3, cpu)
    }
}

fn line(label: &str, (wall, cpu): (f64, Option<f64>)) {
    let cpu = cpu.map_or_else(|| "?".to_string(), |c| format!("{c:.0}"));
    println!("  {label:<52} {wall:>7.0} ms wall {cpu:>7} ms CPU");
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let base = fixtures();
    // Each copy under its own 机关, year 2023, pretty-printed as the editor exports it.
    let files: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| {
            let mut r = draft::from_json(&base[i % base.len()]).unwrap();
            r.unit_name = format!("测试县第{}单位", i + 1);
            r.year = 2023;
            (format!("{:05}.json", i + 1), draft::to_json(&r).into_bytes())
        })
        .collect();
    let mb = files.iter().map(|f| f.1.len()).sum::<usize>() as f64 / 1e6;
    println!("{n} drafts, {mb:.1} MB, one thread");

    let t = Clock::start();
    for (_, bytes) in &files {
        black_box(serde_json::from_slice::<serde_json::Value>(bytes).unwrap());
    }
    let json = t.stop();

    let t = Clock::start();
    let reports: Vec<_> = files.iter().map(|(name, bytes)| read_file(name, bytes).unwrap()).collect();
    let parse = t.stop();

    let t = Clock::start();
    for r in &reports {
        black_box(run_checks(black_box(r), CheckOptions { at_export: true }));
    }
    let checks = t.stop();

    let t = Clock::start();
    let rows: Vec<UnitRow> = reports.iter().map(UnitRow::of).collect();
    let row = t.stop();

    let t = Clock::start();
    let mut batch = Batch::new();
    for ((name, _), (report, row)) in files.iter().zip(reports.into_iter().zip(rows)) {
        batch.add_checked(name, Ok((report, row)));
    }
    let add = t.stop();

    let t = Clock::start();
    let entries: Vec<&Entry> = batch.entries.iter().collect();
    let s = summarize(&entries, "测试县人民政府", 2023);
    let sum = t.stop();
    assert_eq!(s.summed.len(), n);

    let t = Clock::start();
    let xlsx = overview_xlsx(&batch, Extras { missing: &[], parent: None }).unwrap();
    let book = t.stop();

    line("JSON text to serde_json::Value alone (in read_file)", json);
    line("read_file (JSON, shape check, Report)", parse);
    line("run_checks at export alone (in UnitRow::of)", checks);
    line("UnitRow::of (checks, counts, key figures)", row);
    line("Batch::add_checked", add);
    line("summarize", sum);
    line(&format!("overview_xlsx ({} bytes)", xlsx.len()), book);
    let all = [parse, row, add, sum, book];
    let total = (all.iter().map(|s| s.0).sum(), all.iter().map(|s| s.1).sum::<Option<f64>>());
    line("total: read_file + UnitRow::of + add + summarize + xlsx", total);
}
