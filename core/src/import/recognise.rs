//! From a neutral [`Document`] to a report and its import report.

use std::fmt;

use crate::format::{format, TableId};
use crate::model::{Report, TitleForm};
use crate::value;

use super::dates::{parse_date, trailing_date};
use super::document::{Document, Table};
use super::labels::score;
use super::normalize::norm;
use super::outline::{outline, trim, Found, Item};
use super::report::{ellipsis, ImportReport, Note, NoteKind, PartFound, SectionFound, TableTally};
use super::tables::{is_value_like, read, table_tokens, Reading, Token};

/// A report read from a document, with what the reading found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub report: Report,
    pub log: ImportReport,
}

/// Why a document could not be read as a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Neither the headings nor the tables of a report.
    NotAReport,
    /// A report, but no year anywhere (title, dates).
    NoYear,
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::NotAReport => {
                "这不是政府信息公开工作年度报告：没有找到报告的标题、六个部分的标题或三张统计表".to_string()
            }
            ImportError::NoYear => {
                "无法确定报告年度：标题中没有「××××年」，正文中也没有可用的日期".to_string()
            }
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ImportError {}

struct Title {
    unit: String,
    year: u16,
    form: TitleForm,
}

/// Reads `doc` as a published annual report.
pub fn recognise(doc: &Document) -> Result<Imported, ImportError> {
    let outline = outline(doc);
    let mut notes: Vec<Note> = Vec::new();

    // The front: 发文字号, title, 主送机关, preamble.
    let mut doc_number = String::new();
    let mut title: Option<Title> = None;
    let mut addressee = String::new();
    let mut preamble: Vec<String> = Vec::new();
    let mut before_title: Vec<String> = Vec::new();
    let mut stray_tables: Vec<&Table> = Vec::new();
    for item in &outline.front {
        let text = match item {
            Item::Para(p) => p.as_str(),
            Item::Table(t) => {
                stray_tables.push(t);
                continue;
            }
        };
        if doc_number.is_empty() && title.is_none() && is_doc_number(text) {
            doc_number = text.to_string();
        } else if title.is_none() && preamble.is_empty() {
            match parse_title(text) {
                Some(t) => title = Some(t),
                None => before_title.push(text.to_string()),
            }
        } else if title.is_some() && addressee.is_empty() && preamble.is_empty() && is_addressee(text) {
            addressee = trim(text).trim_end_matches(['：', ':']).to_string();
        } else {
            preamble.push(text.to_string());
        }
    }
    if title.is_none() {
        // Without a title, what came first is the preamble.
        preamble.splice(0..0, before_title.drain(..));
        // The file's own title (a page's <title>, a .docx's title property) names 机关 and 年度.
        if let Some(own) = doc.title.as_deref() {
            title = parse_title(own);
            if title.is_some() {
                notes.push(Note::new(
                    NoteKind::Reading,
                    format!("正文中没有报告标题，机关和年度取自文件的标题「{}」", ellipsis(own, 60)),
                ));
            }
        }
    }
    for text in &before_title {
        notes.push(Note::new(
            NoteKind::Unplaced,
            format!("标题前的文字「{}」不属于报告的任何部分，未导入", ellipsis(text, 40)),
        ));
    }

    let headings_found = outline.sections.iter().filter(|s| s.is_some()).count();

    // The end: 落款, 成文日期, 版记 and letter lines, after the last section's text.
    let mut end = End::default();
    if let Some(last) = outline.sections.iter().rposition(Option::is_some) {
        if let Some(found) = &outline.sections[last] {
            end = read_end(found, title.as_ref().map(|t| t.unit.as_str()));
        }
    }
    notes.extend(end.notes.iter().cloned());

    // Year and unit: from the title, else guessed.
    let (unit, year, form) = match &title {
        Some(t) => (t.unit.clone(), t.year, t.form),
        None => {
            let year = guess_year(&preamble, &outline, &end).ok_or(if headings_found == 0 {
                ImportError::NotAReport
            } else {
                ImportError::NoYear
            })?;
            notes.push(Note::new(
                NoteKind::Guess,
                format!("没有找到报告标题，报告年度 {year} 是从正文的日期推断的"),
            ));
            if !end.org.is_empty() {
                notes.push(Note::new(NoteKind::Guess, format!("机关名称「{}」取自落款", end.org)));
            }
            (end.org.clone(), year, TitleForm::Annual)
        }
    };
    let mut report = Report::new(year);
    report.unit_name = unit;
    report.title_form = form;
    report.doc_number = doc_number;
    report.addressee = addressee;
    report.preamble = preamble.join("\n");
    report.signature_org = if end.org == report.unit_name { String::new() } else { end.org.clone() };
    report.signature_date = end.date.clone();
    report.imprint_org = end.imprint_org.clone();
    report.imprint_date = end.imprint_date.clone();
    // Transcribed as published: the printed totals are the figures.
    report.auto_totals = false;

    // The tables, by their labels; the text beside them.
    let mut tokens: [Vec<Token>; 3] = Default::default();
    let mut tables_seen = 0;
    let mut fee_text: Vec<String> = Vec::new();
    let mut sections_text: [Vec<String>; 6] = Default::default();
    for table in stray_tables {
        place_table(table, None, &mut tokens, &mut tables_seen, &mut fee_text, &mut notes);
    }
    for (i, found) in outline.sections.iter().enumerate() {
        let Some(found) = found else { continue };
        let table_id = section_table(i);
        let items = if i == outline.sections.iter().rposition(Option::is_some).unwrap_or(6) {
            &found.items[..end.body_len.min(found.items.len())]
        } else {
            &found.items[..]
        };
        let mut run = false;
        for item in items {
            match item {
                Item::Table(t) => {
                    place_table(t, Some(i), &mut tokens, &mut tables_seen, &mut fee_text, &mut notes)
                }
                Item::Para(p) => match table_id {
                    Some(id) if is_cell_text(id, p, run) => {
                        run = true;
                        let token =
                            if is_value_like(p) { Token::Value(p.clone()) } else { Token::Text(p.clone()) };
                        tokens[index(id)].push(token);
                    }
                    _ => {
                        run = false;
                        sections_text[i].push(p.clone());
                    }
                },
            }
        }
    }
    let mut reading = Reading::default();
    for id in TableId::ALL {
        read(id, &tokens[index(id)], &mut report, &mut reading);
    }
    if !fee_text.is_empty() {
        sections_text[5].extend(fee_text);
        notes.push(Note::new(
            NoteKind::Reading,
            "六、其他需要报告的事项中的表格（如信息处理费）已按行转为文字放在该部分".to_string(),
        ));
    }
    if headings_found == 0 && reading.found.is_empty() {
        return Err(ImportError::NotAReport);
    }

    report.sections.overview = sections_text[0].join("\n");
    report.table_intros.table2 = sections_text[1].join("\n");
    report.table_intros.table3 = sections_text[2].join("\n");
    report.table_intros.table4 = sections_text[3].join("\n");
    report.sections.problems = sections_text[4].join("\n");
    report.sections.other = sections_text[5].join("\n");
    for (i, id) in TableId::ALL.iter().enumerate() {
        if !sections_text[i + 1].is_empty() {
            notes.push(Note::new(
                NoteKind::Reading,
                format!(
                    "{}旁的说明文字（{} 段）已放入该表前的说明",
                    id.short_name(),
                    sections_text[i + 1].len()
                ),
            ));
        }
    }

    let spec = format(report.format);
    let sections = spec
        .sections
        .iter()
        .zip(&outline.sections)
        .map(|(s, found)| SectionFound {
            heading: s.heading.to_string(),
            printed: found.as_ref().map(|f| f.printed.clone()),
        })
        .collect();
    for (s, found) in spec.sections.iter().zip(&outline.sections) {
        if let Some(Found { printed, variant: Some(reason), .. }) = found {
            notes.push(Note::new(
                NoteKind::Variant,
                format!("标题「{printed}」按「{}」读取（{reason}）", s.heading),
            ));
        }
    }
    let tables = TableId::ALL
        .iter()
        .map(|&id| {
            let fields = &spec.table(id).fields;
            TableTally {
                table: id,
                found: fields.iter().filter(|f| reading.found.contains(&f.key)).count(),
                filled: fields.iter().filter(|f| report.raw(f.key).is_some()).count(),
                expected: fields.len(),
            }
        })
        .collect();
    let part = |name: &str, text: &str| PartFound { name: name.to_string(), text: text.to_string() };
    let parts = vec![
        part("发文字号", &report.doc_number),
        part("主送机关", &report.addressee),
        part("前言", &report.preamble),
        part("落款", report.signing_org()),
        part("成文日期", &report.signature_date),
        part("版记", [report.imprint_org.as_str(), report.imprint_date.as_str()].join(" ").trim()),
    ];
    notes.extend(reading.notes);
    let log = ImportReport {
        unit_name: report.unit_name.clone(),
        year: report.year,
        format: report.format,
        title_form: report.title_form,
        tables,
        sections,
        parts,
        notes,
    };
    Ok(Imported { report, log })
}

fn index(id: TableId) -> usize {
    TableId::ALL.iter().position(|&t| t == id).unwrap_or(0)
}

fn section_table(section: usize) -> Option<TableId> {
    match section {
        1 => Some(TableId::Table2),
        2 => Some(TableId::Table3),
        3 => Some(TableId::Table4),
        _ => None,
    }
}

/// A table goes to the statistical table whose labels it carries; a table
/// under 六 (信息处理费) becomes text there; any other is listed.
fn place_table(
    table: &Table,
    section: Option<usize>,
    tokens: &mut [Vec<Token>; 3],
    seen: &mut usize,
    fee_text: &mut Vec<String>,
    notes: &mut Vec<Note>,
) {
    let texts: Vec<&str> = table.rows.iter().flatten().map(|c| c.text.as_str()).collect();
    // Each text normalised once, then looked up for every table.
    let labels: Vec<String> = texts.iter().map(|t| norm(t)).collect();
    let scores = TableId::ALL.map(|id| score(id, &labels));
    let best = TableId::ALL.iter().map(|&id| (scores[index(id)], id)).max_by_key(|(s, _)| *s);
    // Under 二、三、四, a table with fewer labels (表四's header in one row) is that section's.
    let here = section.and_then(section_table).filter(|&id| scores[index(id)] > 0);
    *seen += 1;
    match (best, here) {
        (Some((s, id)), _) if s >= 3 => tokens[index(id)].extend(table_tokens(table)),
        (_, Some(id)) => tokens[index(id)].extend(table_tokens(table)),
        _ if section == Some(5) => {
            for row in &table.rows {
                let line: Vec<&str> = row.iter().map(|c| trim(&c.text)).filter(|t| !t.is_empty()).collect();
                if !line.is_empty() {
                    fee_text.push(line.join("　"));
                }
            }
        }
        _ => notes.push(Note::new(
            NoteKind::Unplaced,
            format!("一张不属于三张统计表的表格（「{}」），未导入", ellipsis(&texts.join(" "), 40)),
        )),
    }
}

/// Whether a paragraph under 二、三、四 is a cell of a table copied one cell
/// per line: a figure, a label of the table, or a short piece of a label
/// inside such a run.
fn is_cell_text(id: TableId, text: &str, in_run: bool) -> bool {
    if is_value_like(text) && !value::is_blank(text) {
        return true;
    }
    if score(id, &[norm(text)]) > 0 {
        return true;
    }
    in_run && text.chars().count() <= 12 && !text.contains(['。', '，', '；'])
}

fn is_doc_number(text: &str) -> bool {
    let n = norm(text);
    if n.chars().count() > 30 || !n.ends_with('号') {
        return false;
    }
    let Some(open) = n.find(['〔', '[', '［', '【', '（']) else { return false };
    let after = &n[open..];
    let digits: String = after.chars().skip(1).take_while(char::is_ascii_digit).collect();
    open > 0 && digits.len() == 4
}

fn is_addressee(text: &str) -> bool {
    let n = norm(text);
    n.ends_with('：') && n.chars().count() <= 30 && !n.contains(['。', '，']) && !n.contains("如下")
}

/// 「<机关><年度>年(度)政府信息公开工作年度报告」, 「<年度>年<机关>政府信息公开工作年度报告」,
/// 「<机关>关于报送<年度>年政府信息公开工作(情况)的报告」; a portal's 「_栏目_网站」 suffix is cut.
fn parse_title(text: &str) -> Option<Title> {
    let n = norm(text);
    let n = n.split('_').next().unwrap_or("");
    if n.chars().count() > 80 || !n.contains("政府信息公开") || !n.ends_with("报告") {
        return None;
    }
    let at = n.find('年')?;
    let digits: String = n[..at].chars().rev().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let year: u16 = digits.chars().rev().collect::<String>().parse().ok()?;
    if !(2008..=2100).contains(&year) {
        return None;
    }
    let before = &n[..at - 4];
    if let Some(unit) = before.strip_suffix("关于报送").or_else(|| before.strip_suffix("关于")) {
        return Some(Title { unit: unit.to_string(), year, form: TitleForm::Submission });
    }
    let unit = if before.is_empty() {
        let after = n[at + '年'.len_utf8()..].trim_start_matches('度');
        after.split("政府信息公开").next().unwrap_or("").to_string()
    } else {
        before.to_string()
    };
    Some(Title { unit, year, form: TitleForm::Annual })
}

/// The year from 「统计期限自2023年1月1日」, the opening 「2023年，」 or a 落款 in the year after.
fn guess_year(preamble: &[String], outline: &super::outline::Outline, end: &End) -> Option<u16> {
    let year_before = |text: &str, marker: &str| -> Option<u16> {
        let n = norm(text);
        let at = n.find(marker)?;
        let digits: String = n[..at].chars().rev().take_while(char::is_ascii_digit).collect();
        (digits.len() == 4).then(|| digits.chars().rev().collect::<String>().parse().ok()).flatten()
    };
    preamble
        .iter()
        .find_map(|p| year_before(p, "年1月1日"))
        .or_else(|| {
            let first = outline.sections[0].as_ref()?.items.iter().find_map(|i| match i {
                Item::Para(p) => Some(p),
                Item::Table(_) => None,
            })?;
            year_before(first, "年")
        })
        .or_else(|| end.date.get(..4).and_then(|y| y.parse::<u16>().ok()).and_then(|y| y.checked_sub(1)))
        .filter(|y| (2008..=2100).contains(y))
}

/// What follows the text of the last section.
#[derive(Default)]
struct End {
    /// How many items of the last section are its text.
    body_len: usize,
    org: String,
    date: String,
    imprint_org: String,
    imprint_date: String,
    notes: Vec<Note>,
}

/// Reads 落款, 成文日期, 版记 and the letter's closing lines from the end of the last section.
/// `unit` is the title's 机关: a last line naming it is the 落款 even without a date after it.
fn read_end(found: &Found, unit: Option<&str>) -> End {
    let mut end = End { body_len: found.items.len(), ..End::default() };
    let mut i = found.items.len();
    let mut letter_lines = Vec::new();
    while i > 0 {
        let Item::Para(text) = &found.items[i - 1] else { break };
        let n = norm(text);
        if end.imprint_date.is_empty() && end.date.is_empty() && n.ends_with("印发") {
            let Some((org, date)) = trailing_date(n.trim_end_matches("印发")) else { break };
            end.imprint_date = date;
            end.imprint_org = org;
            i -= 1;
            if end.imprint_org.is_empty() && i > 0 {
                if let Item::Para(prev) = &found.items[i - 1] {
                    if is_signing_line(prev) {
                        end.imprint_org = trim(prev).to_string();
                        i -= 1;
                    }
                }
            }
        } else if end.date.is_empty()
            && trailing_date(text).is_some_and(|(org, _)| org.is_empty() || is_signing_line(&org))
        {
            let (org, date) = trailing_date(text).unwrap_or_default();
            end.date = date;
            end.org = org;
            i -= 1;
            if end.org.is_empty() && i > 0 {
                if let Item::Para(prev) = &found.items[i - 1] {
                    if is_signing_line(prev) && parse_date(prev).is_none() {
                        end.org = trim(prev).to_string();
                        i -= 1;
                    }
                }
            }
        } else if is_letter_line(&n) {
            letter_lines.push(text.clone());
            i -= 1;
        } else {
            break;
        }
    }
    // A 落款 not yet dated (a draft's export): the unit's name, or a short line naming an organ.
    if end.date.is_empty() && end.org.is_empty() && i > 0 {
        if let Item::Para(text) = &found.items[i - 1] {
            let named = norm(text);
            let is_unit = unit.is_some_and(|u| !u.is_empty() && norm(u) == named);
            if is_signing_line(text) && parse_date(text).is_none() && (is_unit || names_an_organ(&named)) {
                if !is_unit {
                    end.notes.push(Note::new(
                        NoteKind::Guess,
                        format!("最后一行「{}」按落款读取（其后没有成文日期）", trim(text)),
                    ));
                }
                end.org = trim(text).to_string();
                i -= 1;
            }
        }
    }
    end.body_len = i;
    for line in letter_lines.iter().rev() {
        end.notes.push(Note::new(
            NoteKind::Unplaced,
            format!("「{}」在草稿中没有对应的位置，未导入", ellipsis(line, 40)),
        ));
    }
    end
}

/// Whether a short line ends as the name of a government organ does.
fn names_an_organ(n: &str) -> bool {
    const ENDINGS: &[&str] = &["政府", "办公室", "办公厅", "管委会", "委员会", "局", "厅", "办", "办事处"];
    n.chars().count() >= 4 && ENDINGS.iter().any(|e| n.ends_with(e))
}

/// A short line that can sign the report: no sentence punctuation.
fn is_signing_line(text: &str) -> bool {
    let t = trim(text);
    !t.is_empty() && t.chars().count() <= 40 && !t.contains(['。', '，', '；', '：', ':'])
}

/// 「此函。」「特此报告。」「附件：…」「抄送：…」「（此件公开发布）」.
fn is_letter_line(n: &str) -> bool {
    ["此函", "特此报告", "特此函告"].iter().any(|w| n.trim_end_matches(['。', '！']) == *w)
        || ["附件", "抄送", "（此件", "联系人", "联系电话"].iter().any(|w| n.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_in_both_forms() {
        let t =
            parse_title("平潭综合实验区市场监督管理局2023年度政府信息公开工作年度报告_政府信息公开年报_平潭")
                .unwrap();
        assert_eq!(
            (t.unit.as_str(), t.year, t.form),
            ("平潭综合实验区市场监督管理局", 2023, TitleForm::Annual)
        );
        let t = parse_title("尔林兔镇人民政府 关于报送2021年政府信息公开工作的报告").unwrap();
        assert_eq!((t.unit.as_str(), t.year, t.form), ("尔林兔镇人民政府", 2021, TitleForm::Submission));
        let t = parse_title("2019年上海市人民政府办公厅政府信息公开工作年度报告").unwrap();
        assert_eq!((t.unit.as_str(), t.year), ("上海市人民政府办公厅", 2019));
        assert!(parse_title("本报告由……编制").is_none());
    }

    #[test]
    fn the_files_own_title_is_used_only_when_the_text_prints_none() {
        use crate::import::Block;
        let body = |title: Option<&str>| {
            let mut blocks: Vec<Block> = title.into_iter().map(|t| Block::Paragraph(t.into())).collect();
            blocks.push(Block::Paragraph("一、总体情况".into()));
            blocks.push(Block::Paragraph("2023年，我局……".into()));
            blocks.push(Block::Paragraph("六、其他需要报告的事项".into()));
            blocks.push(Block::Paragraph("无。".into()));
            Document {
                blocks, title: Some("某甲局2022年政府信息公开工作年度报告_年报_网站".into())
            }
        };
        let from_file = recognise(&body(None)).unwrap();
        assert_eq!((from_file.report.unit_name.as_str(), from_file.report.year), ("某甲局", 2022));
        assert!(from_file.log.notes.iter().any(|n| n.message.contains("取自文件的标题「某甲局2022年")));
        assert_eq!(from_file.report.preamble, "");
        let printed = recognise(&body(Some("某乙局2023年政府信息公开工作年度报告"))).unwrap();
        assert_eq!((printed.report.unit_name.as_str(), printed.report.year), ("某乙局", 2023));
        assert!(!printed.log.notes.iter().any(|n| n.message.contains("取自文件的标题")));
        // A file title that is not a report's title is ignored: the year is guessed from the text.
        let mut doc = body(None);
        doc.title = Some("新建 Microsoft Word 文档".into());
        let guessed = recognise(&doc).unwrap();
        assert_eq!(guessed.report.year, 2023);
        assert!(guessed.log.notes.iter().any(|n| n.message.starts_with("没有找到报告标题")));
    }

    #[test]
    fn a_last_line_naming_an_organ_is_an_undated_signature() {
        use crate::import::Block;
        let doc = |last: &str| Document {
            blocks: [
                "某甲局2023年政府信息公开工作年度报告",
                "一、总体情况",
                "2023年，我局……",
                "六、其他需要报告的事项",
                "无。",
                last,
            ]
            .iter()
            .map(|p| Block::Paragraph(p.to_string()))
            .collect(),
            title: None,
        };
        let own = recognise(&doc("某甲局")).unwrap();
        assert_eq!((own.report.signing_org(), own.report.sections.other.as_str()), ("某甲局", "无。"));
        assert!(own.log.notes.is_empty(), "{:?}", own.log.notes);
        let other = recognise(&doc("某县人民政府办公室")).unwrap();
        assert_eq!(
            (other.report.signature_org.as_str(), other.report.sections.other.as_str()),
            ("某县人民政府办公室", "无。")
        );
        assert!(other
            .log
            .notes
            .iter()
            .any(|n| n.message == "最后一行「某县人民政府办公室」按落款读取（其后没有成文日期）"));
        // Text stays text.
        let text = recognise(&doc("今后继续做好相关工作")).unwrap();
        assert_eq!(
            (text.report.signature_org.as_str(), text.report.sections.other.as_str()),
            ("", "无。\n今后继续做好相关工作")
        );
    }

    #[test]
    fn front_lines() {
        assert!(is_doc_number("尔政字〔2022〕8号"));
        assert!(is_doc_number("尔政字[2022]8号"));
        assert!(!is_doc_number("国办公开办函〔2021〕30号文件要求，我局编制了本报告"));
        assert!(is_addressee("神木市政府办："));
        assert!(!is_addressee("尔林兔镇2021年政府信息公开工作情况如下："));
    }
}
