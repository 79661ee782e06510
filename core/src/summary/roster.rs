//! The roster: the units that must report. The most common defect of a
//! summary report is a region not fully covered, so the office pastes the list
//! (or keeps last year's) and sees who has not reported yet.

use super::batch::unit_key;

/// Names from pasted text: one per line (a column copied from Excel or WPS),
/// or separated by 、，,；; and tabs; list numbers like 「1.」「2、」「（3）」 dropped,
/// repeats dropped.
pub fn parse_roster(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    // A line's own number first: 「2、乙局」 is one name, not 「2」 and 「乙局」.
    for line in text.split(['\n', '\r']) {
        for piece in strip_number(line.trim()).split(['\t', '、', '，', ',', '；', ';']) {
            let name = strip_number(piece.trim()).trim();
            if !name.is_empty() && !names.iter().any(|n| unit_key(n) == unit_key(name)) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// 「12.」「3、」「（4）」「(5)」「6 」 at the start of a name.
fn strip_number(name: &str) -> &str {
    let digits = name.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if digits.len() < name.len() {
        for sep in ['.', '、', '．', ' ', '\u{3000}'] {
            if let Some(rest) = digits.strip_prefix(sep) {
                return rest;
            }
        }
        return name;
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = name.strip_prefix(open) {
            if let Some((number, rest)) = inner.split_once(close) {
                if !number.is_empty()
                    && number.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
                {
                    return rest;
                }
            }
        }
    }
    name
}

/// Who has reported and who has not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterMatch {
    /// Roster names with no report.
    pub missing: Vec<String>,
    /// Roster name → index of the unit that reported under it.
    pub reported: Vec<(String, usize)>,
    /// Units that reported but are not on the roster.
    pub not_listed: Vec<usize>,
}

/// Matches the roster against the units' names: equal ignoring spaces, or,
/// failing that, the one unit whose name ends with the roster's name
/// (「自然资源局」 for 「平潭综合实验区自然资源局」).
pub fn match_roster(roster: &[String], units: &[&str]) -> RosterMatch {
    let keys: Vec<String> = units.iter().map(|u| unit_key(u)).collect();
    let mut taken = vec![false; units.len()];
    let mut out = RosterMatch::default();
    let mut unmatched = Vec::new();
    for name in roster {
        let key = unit_key(name);
        let exact: Vec<usize> = (0..units.len()).filter(|&i| keys[i] == key).collect();
        if exact.is_empty() {
            unmatched.push((name, key));
        } else {
            exact.iter().for_each(|&i| taken[i] = true);
            out.reported.push((name.clone(), exact[0]));
        }
    }
    for (name, key) in unmatched {
        let ends: Vec<usize> = (0..units.len()).filter(|&i| !taken[i] && keys[i].ends_with(&key)).collect();
        match ends.as_slice() {
            [only] => {
                taken[*only] = true;
                out.reported.push((name.clone(), *only));
            }
            _ => out.missing.push(name.clone()),
        }
    }
    out.not_listed = (0..units.len()).filter(|&i| !taken[i]).collect();
    out
}
