//! What every subcommand shares: reading its options (with `--help` and the
//! usage errors, in the same words everywhere), the Chinese reasons for a file
//! that cannot be read or written, and output that survives a closed pipe.
//!
//! `println!` panics when the reader of a pipe has gone (`check … | head -1`):
//! `say!` and `tell!` drop what can no longer be written instead, and the
//! command runs to its end, with its real exit code.

use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A line on stdout; lost quietly if stdout is closed.
macro_rules! say {
    ($($arg:tt)*) => { $crate::cli::write_line(false, format_args!($($arg)*)) };
}

/// A line on stderr; lost quietly if stderr is closed.
macro_rules! tell {
    ($($arg:tt)*) => { $crate::cli::write_line(true, format_args!($($arg)*)) };
}

pub(crate) use {say, tell};

pub fn write_line(to_stderr: bool, text: fmt::Arguments) {
    // A write error here can only be reported on the same stream: nothing to do but go on.
    let _ = if to_stderr {
        writeln!(std::io::stderr().lock(), "{text}")
    } else {
        writeln!(std::io::stdout().lock(), "{text}")
    };
}

/// One option of a subcommand.
pub struct Opt {
    /// Its spellings (`["-o", "--output"]`); the first names it in `Options`.
    pub names: &'static [&'static str],
    /// `None`: a switch. `Some(what)`: takes a value, and `what` says what is
    /// missing when it does not follow (「后面缺少{what}。」).
    pub value: Option<&'static str>,
}

/// The command line as given: options by their first name, and the files.
#[derive(Debug, Default)]
pub struct Options {
    switches: Vec<&'static str>,
    values: HashMap<&'static str, String>,
    pub files: Vec<PathBuf>,
}

impl Options {
    pub fn switch(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    pub fn path(&self, name: &str) -> Option<PathBuf> {
        self.value(name).map(PathBuf::from)
    }
}

/// Reads `args` by `spec`: each option at most once, a value after each
/// option that takes one, anything else starting with `-` refused (a lone `-`
/// is a file name).
pub fn parse(args: &[String], spec: &[Opt]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let Some(opt) = spec.iter().find(|o| o.names.contains(&arg.as_str())) else {
            if arg.starts_with('-') && arg != "-" {
                return Err(format!("不认识的选项：{arg}"));
            }
            options.files.push(PathBuf::from(arg));
            continue;
        };
        let name = opt.names[0];
        let given = options.switches.contains(&name) || options.values.contains_key(name);
        if given {
            return Err(format!("{arg} 只能给一次。"));
        }
        match opt.value {
            None => options.switches.push(name),
            Some(what) => {
                let value = rest.next().ok_or_else(|| format!("{arg} 后面缺少{what}。"))?;
                options.values.insert(name, value.clone());
            }
        }
    }
    Ok(options)
}

/// The start of every subcommand: `--help` prints `usage` (exit 0); a usage
/// error prints its reason and `usage` on stderr (exit 2). `Err` is the exit
/// code to return at once.
pub fn start<A>(
    args: &[String],
    usage: &str,
    parse: impl FnOnce(&[String]) -> Result<A, String>,
) -> Result<A, ExitCode> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        say!("{usage}");
        return Err(ExitCode::SUCCESS);
    }
    parse(args).map_err(|message| {
        tell!("{message}\n{usage}");
        ExitCode::from(2)
    })
}

/// A file's bytes, or 「无法读取文件（文件不存在）」.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("无法读取文件（{}）", read_reason(&e)))
}

pub fn read_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".to_string(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".to_string(),
        std::io::ErrorKind::IsADirectory => "这是一个文件夹".to_string(),
        _ => e.to_string(),
    }
}

/// Writes `bytes` to `path`; the error names the file and says why, with the
/// program that may hold it open (「Word/WPS」, 「Excel/WPS」, or none: 「」).
pub fn write(path: &Path, bytes: impl AsRef<[u8]>, held_by: &str) -> Result<(), String> {
    std::fs::write(path, bytes)
        .map_err(|e| format!("{}：无法写入文件（{}）", path.display(), write_reason(&e, held_by)))
}

pub fn write_reason(e: &std::io::Error, held_by: &str) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "所在文件夹不存在".to_string(),
        std::io::ErrorKind::PermissionDenied if held_by.is_empty() => "没有写入权限".to_string(),
        std::io::ErrorKind::PermissionDenied => format!("没有写入权限，或文件正在 {held_by} 中打开"),
        std::io::ErrorKind::IsADirectory => "这是一个文件夹".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &[Opt] = &[
        Opt { names: &["--json"], value: None },
        Opt { names: &["-o", "--output"], value: Some("输出文件名") },
    ];

    fn args(list: &[&str]) -> Result<Options, String> {
        parse(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>(), SPEC)
    }

    #[test]
    fn options_and_files_in_any_order() {
        let o = args(&["a.json", "--output", "x", "-", "--json", "b"]).unwrap();
        assert!(o.switch("--json"));
        assert_eq!(o.value("-o"), Some("x"));
        assert_eq!(o.files, [PathBuf::from("a.json"), PathBuf::from("-"), PathBuf::from("b")]);
        let o = args(&["a"]).unwrap();
        assert!(!o.switch("--json"));
        assert_eq!(o.path("-o"), None);
    }

    #[test]
    fn usage_errors_in_chinese() {
        assert_eq!(args(&["a", "-o"]).unwrap_err(), "-o 后面缺少输出文件名。");
        assert_eq!(args(&["-o", "x", "--output", "y"]).unwrap_err(), "--output 只能给一次。");
        assert_eq!(args(&["--json", "--json"]).unwrap_err(), "--json 只能给一次。");
        assert_eq!(args(&["--colour"]).unwrap_err(), "不认识的选项：--colour");
    }

    #[test]
    fn reasons_in_chinese() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(read_reason(&missing), "文件不存在");
        assert_eq!(write_reason(&missing, "Word/WPS"), "所在文件夹不存在");
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(write_reason(&denied, "Excel/WPS"), "没有写入权限，或文件正在 Excel/WPS 中打开");
        assert_eq!(write_reason(&denied, ""), "没有写入权限");
        let err = read(Path::new("/nonexistent/xxgk/draft.json")).unwrap_err();
        assert_eq!(err, "无法读取文件（文件不存在）");
    }
}
