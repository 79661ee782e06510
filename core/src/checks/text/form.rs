//! Checks on the form of the text, figures aside:
//! - per text: a stale year, English punctuation inside Chinese, doubled
//!   characters (「的的」, 「问题问题」), numbering out of sequence;
//! - per report: 五 empty, 「无」 or a line; 六 not saying what 信息处理费 was
//!   collected; 一 over the notice's length; a year in the wrong format edition.

use super::scan::{chars, is_han, is_white, words, Doc, Sentence, Unit};
use super::{short_quote, TextPlace, TextSpan};
use crate::checks::{CheckOptions, CheckResult, Severity, Status};
use crate::format::{format, FormatVersion, NarrativeKey, SectionBody};
use crate::model::Report;
use crate::value::Decimal;

/// Shortest 五 a reader takes for a real account of problems and measures.
pub const PROBLEMS_MIN_CHARS: usize = 30;

fn warning(
    id: String,
    title: &str,
    status: Status,
    explanation: String,
    text: Option<TextSpan>,
) -> CheckResult {
    CheckResult {
        id,
        severity: Severity::Warning,
        status,
        title: title.to_string(),
        explanation,
        difference: None,
        left: Vec::new(),
        right: Vec::new(),
        text,
    }
}

fn sentence_at(doc: &Doc, place: TextPlace, at: usize) -> TextSpan {
    let s = doc
        .sentences()
        .iter()
        .copied()
        .find(|s| s.start <= at && at < s.end)
        .unwrap_or(Sentence { start: at, end: (at + 1).min(doc.len()) });
    TextSpan { place, start: s.start, end: s.end, quote: doc.slice(s.start, s.end) }
}

pub(super) fn check_text(report: &Report, place: TextPlace, doc: &Doc, out: &mut Vec<CheckResult>) {
    stale_years(report, place, doc, out);
    punctuation(place, doc, out);
    doubled(place, doc, out);
    numbering(place, doc, out);
}

/// 「2023年，我局…」 in a 2024 report: a year that opens a sentence as the
/// period it reports on, or the statistics period 「自2023年1月1日起」.
fn stale_years(report: &Report, place: TextPlace, doc: &Doc, out: &mut Vec<CheckResult>) {
    let year = i128::from(report.year);
    let period_words = ["1月1日", "12月31日"];
    let after_opening = words(&["，", ",", "度，", "度,", "以来", "全年", "我", "本", "共", "度我", "度本"]);
    let mut found = 0;
    for &s in doc.sentences() {
        // A sentence may open with a numbering like 「（一）」 or 「一是」.
        let mut opening = s.start;
        while opening < s.end
            && (matches!(doc.chars[opening], '（' | '）' | '(' | ')' | '、' | '.' | '是')
                || "一二三四五六七八九十".contains(doc.chars[opening]))
        {
            opening += 1;
        }
        for n in doc.numbers(s.start, s.end).iter().copied() {
            let v = n.value.micros() / 1_000_000;
            if n.unit != Unit::Other || n.decimals != 0 || !(1990..=2100).contains(&v) {
                continue;
            }
            let mut j = n.end;
            while j < s.end && doc.chars[j] == ' ' {
                j += 1;
            }
            if doc.chars.get(j) != Some(&'年') || doc.in_title(n.start) {
                continue;
            }
            let after = j + 1;
            let opens = n.start == opening && after_opening.iter().any(|w| doc.starts_with(after, w));
            let next: String =
                doc.chars[after..s.end.min(after + 12)].iter().filter(|c| **c != ' ').collect();
            let period = period_words.iter().any(|w| next.starts_with(w));
            let stale = if period { v != year } else { opens && (v < year || v > year + 1) };
            if !stale {
                continue;
            }
            found += 1;
            let span = TextSpan { place, start: s.start, end: s.end, quote: doc.slice(s.start, s.end) };
            out.push(warning(
                format!("text.year.{}.{found}", place.key()),
                "正文中的年份应为报告年度",
                Status::Fail,
                format!(
                    "{}“{}”：写的是{v}年，而报告年度为{year}年。是否沿用了往年的文字？",
                    place.name(),
                    short_quote(&span.quote)
                ),
                Some(span),
            ));
            break;
        }
    }
}

/// ASCII 「, ; : ? ! ( )」 next to Chinese characters.
fn punctuation(place: TextPlace, doc: &Doc, out: &mut Vec<CheckResult>) {
    let c = &doc.chars;
    let han = |i: Option<usize>| {
        i.and_then(|i| c.get(i)).is_some_and(|&ch| is_han(ch) || "《》“”「」".contains(ch))
    };
    let hits: Vec<usize> = (0..c.len())
        .filter(|&i| {
            let (prev, next) = (i.checked_sub(1), Some(i + 1));
            match c[i] {
                ',' | ';' | ':' | '?' | '!' => {
                    han(prev) || (han(next) && prev.is_none_or(|p| !c[p].is_ascii()))
                }
                '(' => han(next) || han(prev),
                ')' => han(prev) || han(next),
                _ => false,
            }
        })
        .collect();
    let Some(&first) = hits.first() else { return };
    let shown: String = {
        let mut seen: Vec<char> = Vec::new();
        for &i in &hits {
            if !seen.contains(&c[i]) {
                seen.push(c[i]);
            }
        }
        seen.iter().map(|ch| format!("「{ch}」")).collect::<Vec<_>>().join("")
    };
    let span = sentence_at(doc, place, first);
    out.push(warning(
        format!("text.punctuation.{}", place.key()),
        "中文正文应使用中文标点",
        Status::Fail,
        format!(
            "{}有{}处英文标点{shown}，第一处在“{}”。请改为全角的中文标点",
            place.name(),
            hits.len(),
            short_quote(&span.quote)
        ),
        Some(span),
    ));
}

/// 「的的」 and 「问题问题」: a function word or a two-character word typed twice.
fn doubled(place: TextPlace, doc: &Doc, out: &mut Vec<CheckResult>) {
    let c = &doc.chars;
    let single = |c: char| {
        matches!(
            c,
            '的' | '了'
                | '和'
                | '在'
                | '是'
                | '对'
                | '及'
                | '与'
                | '将'
                | '把'
                | '被'
                | '从'
                | '向'
                | '按'
                | '并'
                | '或'
                | '于'
        )
    };
    let numeral = |c: char| {
        matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '两'
        )
    };
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i + 1 < c.len() {
        if c[i] == c[i + 1] && single(c[i]) {
            hits.push((i, 2));
            i += 2;
            continue;
        }
        let word = i + 3 < c.len()
            && c[i] != c[i + 1]
            && c[i] == c[i + 2]
            && c[i + 1] == c[i + 3]
            && [c[i], c[i + 1]].iter().all(|&ch| is_han(ch) && !numeral(ch));
        if word {
            hits.push((i, 4));
            i += 4;
            continue;
        }
        i += 1;
    }
    let Some(&(first, _)) = hits.first() else { return };
    let examples: Vec<String> =
        hits.iter().take(3).map(|&(a, len)| format!("「{}」", doc.slice(a, a + len))).collect();
    let span = sentence_at(doc, place, first);
    out.push(warning(
        format!("text.doubled.{}", place.key()),
        "正文不应有重复的字词",
        Status::Fail,
        format!(
            "{}有重复的字词{}，第一处在“{}”",
            place.name(),
            examples.join("、"),
            short_quote(&span.quote)
        ),
        Some(span),
    ));
}

fn numeral(text: &[char]) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| (i / '一'.len_utf8()) as u32 + 1);
    match text {
        [a] if *a == '十' => Some(10),
        [a] => digit(*a),
        ['十', b] => digit(*b).map(|d| 10 + d),
        [a, '十'] => digit(*a).map(|d| d * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

/// Markers of a numbered list: 「（一）」, 「一是」, 「1.」/「1、」/「（1）」, each
/// style its own sequence. Out of sequence: a number that neither follows the
/// previous one nor restarts at 1.
fn numbering(place: TextPlace, doc: &Doc, out: &mut Vec<CheckResult>) {
    let c = &doc.chars;
    let mut last: [Option<u32>; 4] = [None; 4];
    let boundary = |i: usize| {
        i == 0
            || matches!(
                c[i - 1],
                '。' | '；'
                    | ';'
                    | '：'
                    | ':'
                    | '，'
                    | ','
                    | '\n'
                    | ' '
                    | '\u{3000}'
                    | '）'
                    | ')'
                    | '！'
                    | '？'
            )
    };
    let chinese_digit =
        |c: char| matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十');
    for i in 0..c.len() {
        let mut found: Option<(usize, u32, usize)> = None;
        if matches!(c[i], '（' | '(') && (i == 0 || c[i - 1] != '第') {
            if let Some(close) = (i + 1..(i + 5).min(c.len())).find(|&j| matches!(c[j], '）' | ')')) {
                let inner = &c[i + 1..close];
                if let Some(v) = numeral(inner) {
                    found = Some((0, v, close + 1));
                } else if !inner.is_empty() && inner.iter().all(|d| d.is_ascii_digit()) {
                    found = inner.iter().collect::<String>().parse().ok().map(|v| (2, v, close + 1));
                }
            }
        } else if chinese_digit(c[i]) && boundary(i) {
            if let Some(end) = (i + 1..(i + 4).min(c.len())).find(|&j| c[j] == '是') {
                if let Some(v) = numeral(&c[i..end]) {
                    found = Some((1, v, end + 1));
                }
            }
        } else if c[i].is_ascii_digit() && boundary(i) {
            let mut j = i;
            while j < c.len() && c[j].is_ascii_digit() {
                j += 1;
            }
            let marks =
                j < c.len() && matches!(c[j], '.' | '、' | '．') && c.get(j + 1).is_some_and(|&n| is_han(n));
            if marks && j - i <= 2 {
                found = c[i..j].iter().collect::<String>().parse().ok().map(|v| (3, v, j + 1));
            }
        }
        let Some((style, v, _)) = found else { continue };
        if doc.in_title(i) {
            continue;
        }
        // 「（1）」 and 「1.」 count as one style.
        let style = if style == 2 { 3 } else { style };
        let previous = last[style];
        last[style] = Some(v);
        let Some(p) = previous else { continue };
        if v == 1 || v == p + 1 {
            continue;
        }
        let span = sentence_at(doc, place, i);
        out.push(warning(
            format!("text.numbering.{}", place.key()),
            "正文的序号应连续",
            Status::Fail,
            format!(
                "{}的序号不连续：“{}”之前的序号是{}，这里是{}",
                place.name(),
                short_quote(&span.quote),
                p,
                v
            ),
            Some(span),
        ));
        return;
    }
}

pub(super) fn check_report(
    report: &Report,
    docs: &[(TextPlace, Doc)],
    options: CheckOptions,
    out: &mut Vec<CheckResult>,
) {
    let doc = |key: NarrativeKey| {
        docs.iter()
            .find(|(p, _)| *p == TextPlace::Section(key))
            .map(|(_, d)| d)
            .expect("every section is read")
    };
    problems(doc(NarrativeKey::Problems), options, out);
    if report.format == FormatVersion::Official2021 {
        fee(doc(NarrativeKey::Other), options, out);
    }
    overview_length(report, doc(NarrativeKey::Overview), out);
    edition(report, out);
}

fn whole(place: TextPlace, doc: &Doc) -> Option<TextSpan> {
    (doc.len() > 0).then(|| TextSpan { place, start: 0, end: doc.len(), quote: doc.slice(0, doc.len()) })
}

/// 五 must say something: not empty, not 「无」, not a line.
fn problems(doc: &Doc, options: CheckOptions, out: &mut Vec<CheckResult>) {
    let place = TextPlace::Section(NarrativeKey::Problems);
    let count = doc.non_white();
    // The text is gathered only when it may be short or a bare 「无。」: a
    // long 五 passes on its count alone.
    let stops =
        doc.chars.iter().rev().filter(|&&c| !is_white(c)).take_while(|&&c| matches!(c, '。' | '.')).count();
    let text: String = if count < PROBLEMS_MIN_CHARS || count - stops <= 3 {
        doc.chars.iter().filter(|&&c| !is_white(c)).collect()
    } else {
        String::new()
    };
    let bare = text.trim_end_matches(['。', '.']);
    let (status, explanation) = if count == 0 {
        if !options.at_export {
            return;
        }
        (Status::Fail, "第五部分尚未填写。请写明本年工作存在的主要问题和改进措施".to_string())
    } else if matches!(bare, "无" | "暂无" | "没有" | "无问题") {
        (Status::Fail, format!("第五部分只写了“{text}”。请实事求是地写明存在的问题和改进措施"))
    } else if count < PROBLEMS_MIN_CHARS {
        (
            Status::Fail,
            format!(
                "第五部分只有{count}个字（“{}”），过于简单。请写明具体问题和改进措施",
                short_quote(&text)
            ),
        )
    } else {
        (Status::Pass, format!("第五部分共{count}字"))
    };
    out.push(warning(
        "text.problems.thin".to_string(),
        "第五部分应写明存在的主要问题及改进情况",
        status,
        explanation,
        whole(place, doc),
    ));
}

/// 六 must report the 信息处理费 collected: 件数 and 金额, or that none was.
fn fee(doc: &Doc, options: CheckOptions, out: &mut Vec<CheckResult>) {
    let place = TextPlace::Section(NarrativeKey::Other);
    let all = (0, doc.len());
    let has = |w: &str| doc.contains(all.0, all.1, &chars(w));
    let none = [
        "未收取",
        "无收取",
        "没有收取",
        "未产生",
        "没有产生",
        "未发生",
        "均未收取",
        "未收费",
        "不涉及收取",
        "收取0元",
    ];
    let numbers = doc.numbers(all.0, all.1);
    let amount = numbers.iter().any(|n| matches!(n.unit, Unit::Yuan | Unit::Wanyuan));
    let zero_amount =
        numbers.iter().any(|n| matches!(n.unit, Unit::Yuan | Unit::Wanyuan) && n.value == Decimal::ZERO);
    let cases = numbers.iter().any(|n| n.unit == Unit::Jian) || has("笔");
    let (status, explanation) = if doc.chars.iter().all(|&c| is_white(c)) {
        if !options.at_export {
            return;
        }
        (
            Status::Fail,
            "第六部分尚未填写。请报告本年收取信息处理费的情况（件数、金额），没有收取的写明未收取"
                .to_string(),
        )
    } else if !has("处理费") {
        (
            Status::Fail,
            "第六部分没有报告信息处理费的收取情况。请写明本年收取的件数和金额，没有收取的写明未收取"
                .to_string(),
        )
    } else if none.iter().any(|w| has(w)) || zero_amount {
        (Status::Pass, "第六部分写明了本年未收取信息处理费".to_string())
    } else if amount && cases {
        (Status::Pass, "第六部分写明了信息处理费的件数和金额".to_string())
    } else if amount {
        (Status::Fail, "第六部分写了信息处理费的金额，但没有写收费的件数".to_string())
    } else {
        (
            Status::Fail,
            "第六部分只说明了收费的规定，没有写本年实际收取的件数和金额。没有收取的，请写明本年未收取信息处理费".to_string(),
        )
    };
    out.push(warning(
        "text.other.fee".to_string(),
        "第六部分应报告本年实际收取信息处理费的情况",
        status,
        explanation,
        whole(place, doc),
    ));
}

/// 一 within the notice's guideline (「原则上不超过一千字」, 2021 format).
fn overview_length(report: &Report, doc: &Doc, out: &mut Vec<CheckResult>) {
    let limit = format(report.format).sections.iter().find_map(|s| match s.body {
        SectionBody::Narrative { key: NarrativeKey::Overview, soft_limit, .. } => soft_limit,
        _ => None,
    });
    let Some(limit) = limit else { return };
    let count = doc.non_white();
    if count == 0 {
        return;
    }
    let (status, explanation) = if count > limit {
        (Status::Fail, format!("第一部分共{count}字，超过建议的{limit}字，请精简"))
    } else {
        (Status::Pass, format!("第一部分共{count}字（建议不超过{limit}字）"))
    };
    let place = TextPlace::Section(NarrativeKey::Overview);
    out.push(warning(
        "text.overview.length".to_string(),
        "第一部分原则上不超过一千字",
        status,
        explanation,
        whole(place, doc),
    ));
}

/// The format edition must be the one the year requires.
fn edition(report: &Report, out: &mut Vec<CheckResult>) {
    let expected = FormatVersion::for_report_year(report.year);
    let (status, explanation) = if report.format == expected {
        (Status::Pass, format!("{}年度的报告使用{}格式", report.year, expected.notice()))
    } else {
        (
            Status::Fail,
            format!(
                "{}年度的报告应使用{}规定的格式，而本草稿使用的是{}的格式",
                report.year,
                expected.notice(),
                report.format.notice()
            ),
        )
    };
    out.push(warning("text.edition".to_string(), "报告格式应与报告年度相符", status, explanation, None));
}
