//! `xxgk-report check`.

use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("xxgk-report check: 尚未实现");
    ExitCode::from(2)
}
