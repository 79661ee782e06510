//! `xxgk-report export`.

use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("xxgk-report export: 尚未实现");
    ExitCode::from(2)
}
