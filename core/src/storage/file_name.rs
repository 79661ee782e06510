//! The name of an exported draft file.

use crate::model::Report;

/// 「<机关><年度>年政府信息公开工作年度报告-草稿.json」, safe to save on Windows.
pub fn export_file_name(report: &Report) -> String {
    format!("{}-草稿.json", title_stem(report))
}

/// 「<机关><年度>年政府信息公开工作年度报告.docx」, the DOCX export's name.
pub fn docx_file_name(report: &Report) -> String {
    format!("{}.docx", title_stem(report))
}

fn title_stem(report: &Report) -> String {
    let unit = safe_for_file_name(&report.unit_name);
    let unit = if unit.is_empty() { "未命名机关".to_string() } else { unit };
    format!("{unit}{}年政府信息公开工作年度报告", report.year)
}

/// Characters Windows refuses in file names become full-width look-alikes
/// (「/」 in 「办公厅/室」 stays readable); control characters and trailing dots
/// and spaces (which Windows strips silently) go.
fn safe_for_file_name(name: &str) -> String {
    let mapped: String = name
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '/' => '／',
            '\\' => '＼',
            ':' => '：',
            '*' => '＊',
            '?' => '？',
            '"' => '＂',
            '<' => '＜',
            '>' => '＞',
            '|' => '｜',
            other => other,
        })
        .collect();
    mapped.trim_end_matches(['.', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(unit: &str, year: u16) -> Report {
        let mut r = Report::new(year);
        r.unit_name = unit.to_string();
        r
    }

    #[test]
    fn names_the_unit_and_year() {
        assert_eq!(
            export_file_name(&named("平潭综合实验区管委会", 2023)),
            "平潭综合实验区管委会2023年政府信息公开工作年度报告-草稿.json"
        );
    }

    #[test]
    fn characters_windows_refuses_are_replaced() {
        assert_eq!(
            export_file_name(&named(" 市政府办公厅/室:\"A\"?\t. ", 2021)),
            "市政府办公厅／室：＂A＂？2021年政府信息公开工作年度报告-草稿.json"
        );
    }

    #[test]
    fn the_docx_is_named_after_the_title() {
        assert_eq!(docx_file_name(&named("A/B局", 2021)), "A／B局2021年政府信息公开工作年度报告.docx");
    }

    #[test]
    fn an_unnamed_unit_still_gets_a_name() {
        assert_eq!(
            export_file_name(&named("  ", 2024)),
            "未命名机关2024年政府信息公开工作年度报告-草稿.json"
        );
    }
}
