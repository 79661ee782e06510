//! The figures a narrative states, compared with the tables.
//!
//! A figure is tied to a cell only when a known phrase stands right before it
//! (「收到政府信息公开申请75件」, 「行政复议134件」, 「现行有效行政规范性文件698件」),
//! with nothing between them but filler words, and when nothing in its clause
//! says it is about something narrower or another year (「网上申请」,
//! 「市本级」, 「2023年」, 「同比」). Anything less certain is left alone: a
//! false alarm costs more than a miss. Where the text may mean one of two
//! cells (「收到」: 新收, or 新收 + 上年结转), the figure passes if it matches
//! either; a warning names both.
//!
//! Units decide too: applications and cases are counted in 件 (or 起);
//! 「依申请公开信息311条」 counts items of information, never applications.

use std::cell::{OnceCell, RefCell};
use std::sync::LazyLock;

use super::cells::{result_groups, sum, t3_total, ResultGroup};
use super::scan::{chars, is_white, words, Doc, Number, Sentence, Unit, WordList};
use super::{concat, short_quote, TextPlace, TextSpan};
use crate::checks::{CheckResult, Severity, Status};
use crate::figures::Figures;
use crate::format::table2::{IN_FORCE, ISSUED, NORMATIVE_DOCS, REPEALED, RULES};
use crate::format::table3::{self, CARRIED_FORWARD, CARRIED_OVER, NEW_RECEIVED, TOTAL_HANDLED};
use crate::format::table4::{BLOCKS, OUTCOMES};
use crate::format::{FieldKey, TableId, ValueKind};
use crate::model::Report;
use crate::value::Decimal;

/// One way of reading a figure: the cells that, added up, it should equal.
struct Reading {
    name: String,
    keys: Vec<FieldKey>,
}

/// A figure tied to the tables.
struct Claim {
    /// Stable part of the check id, e.g. 「received」, 「review」.
    topic: String,
    /// What the text states, e.g. 「收到的申请」.
    what: String,
    table: TableId,
    readings: Vec<Reading>,
    /// The figure is in 元 while the cell is in 万元.
    in_yuan: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum App {
    Received,
    Handled,
    /// 「办理」: 办结, or the applications received.
    Dealt,
    CarriedOver,
    CarriedForward,
    Group(usize),
    GrantedAndPartly,
    /// Applicant columns of 表三 (0 = 自然人 … 4 = 法律服务机构), or 5: all 法人或其他组织.
    Applicant(usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Appeal {
    /// The block(s) of 表四 named: 0 复议, 1 直接起诉, 2 复议后起诉; `Suits` both lawsuits.
    Block(usize),
    Suits,
    /// One of 维持、纠正、其他、尚未审结, in the block named before it.
    Outcome(usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stock {
    Object(&'static str),
    Action(&'static str),
}

struct Vocabulary {
    app: Vec<(Vec<char>, App)>,
    app_filler: Vec<Vec<char>>,
    appeal: Vec<(Vec<char>, Appeal)>,
    appeal_filler: Vec<Vec<char>>,
    stock: Vec<(Vec<char>, Stock)>,
    stock_filler: Vec<Vec<char>>,
    /// 行政许可、行政处罚、行政强制, each tagged with its row label.
    decisions: Vec<(Vec<char>, &'static str)>,
    decision_filler: Vec<Vec<char>>,
    fees: Vec<(Vec<char>, &'static str)>,
    fee_filler: Vec<Vec<char>>,
    /// Words that make a clause about a part, another period or a change.
    narrower: WordList,
    /// Phrases after a figure that make it 结转下年度.
    forward: Vec<Vec<char>>,
    share: Vec<char>,
    open: Vec<char>,
    apply: Vec<char>,
    review: Vec<char>,
    suit: Vec<char>,
}

fn tagged<T: Copy>(list: &[(&str, T)]) -> Vec<(Vec<char>, T)> {
    let plain: Vec<&str> = list.iter().map(|(w, _)| *w).collect();
    words(&plain)
        .into_iter()
        .map(|w| {
            let tag = list.iter().find(|(x, _)| chars(x) == w).map(|(_, t)| *t);
            (w, tag.expect("a word of the list"))
        })
        .collect()
}

static WORDS: LazyLock<Vocabulary> = LazyLock::new(|| {
    use App::*;
    let mut app = vec![
        ("收到", Received),
        ("共收到", Received),
        ("受理", Received),
        ("接收", Received),
        ("新收", Received),
        ("接到", Received),
        ("办结", Handled),
        ("答复", Handled),
        ("办理完毕", Handled),
        ("办理", Dealt),
        ("上年结转", CarriedOver),
        ("上年度结转", CarriedOver),
        ("上一年度结转", CarriedOver),
        ("结转下年度继续办理", CarriedForward),
        ("结转下年度", CarriedForward),
        ("结转至下年度", CarriedForward),
        ("结转到下年度", CarriedForward),
        ("结转下一年度", CarriedForward),
        ("转入下年度", CarriedForward),
        ("予以公开及部分公开", GrantedAndPartly),
        ("予以公开和部分公开", GrantedAndPartly),
        ("予以公开或部分公开", GrantedAndPartly),
        ("公开及部分公开", GrantedAndPartly),
        ("法人或其他组织", Applicant(5)),
    ];
    // The result groups and applicant columns as the format names them.
    let groups = result_groups(crate::figures::layout(crate::format::FormatVersion::Official2021));
    for (i, g) in groups.iter().enumerate() {
        app.push((g.label, Group(i)));
    }
    for (i, (_, label)) in table3::COLUMNS[..5].iter().enumerate() {
        app.push((label, Applicant(i)));
    }
    let appeal = [
        ("行政复议", Appeal::Block(0)),
        ("复议", Appeal::Block(0)),
        ("未经复议直接起诉", Appeal::Block(1)),
        ("直接起诉", Appeal::Block(1)),
        ("直接提起行政诉讼", Appeal::Block(1)),
        ("复议后起诉", Appeal::Block(2)),
        ("复议后提起行政诉讼", Appeal::Block(2)),
        ("复议后提起诉讼", Appeal::Block(2)),
        ("行政诉讼", Appeal::Suits),
        ("诉讼", Appeal::Suits),
        ("结果维持", Appeal::Outcome(0)),
        ("维持", Appeal::Outcome(0)),
        ("结果纠正", Appeal::Outcome(1)),
        ("纠正", Appeal::Outcome(1)),
        ("其他结果", Appeal::Outcome(2)),
        ("尚未审结", Appeal::Outcome(3)),
        ("未审结", Appeal::Outcome(3)),
    ];
    let stock = [
        ("规章", Stock::Object(RULES)),
        ("规范性文件", Stock::Object(NORMATIVE_DOCS)),
        ("制发", Stock::Action(ISSUED)),
        ("新制发", Stock::Action(ISSUED)),
        ("印发", Stock::Action(ISSUED)),
        ("出台", Stock::Action(ISSUED)),
        ("制定", Stock::Action(ISSUED)),
        ("新制定", Stock::Action(ISSUED)),
        ("新增", Stock::Action(ISSUED)),
        ("废止", Stock::Action(REPEALED)),
        ("废除", Stock::Action(REPEALED)),
        ("宣布失效", Stock::Action(REPEALED)),
        ("现行有效", Stock::Action(IN_FORCE)),
    ];
    let common = ["共", "计", "共计", "合计", "总计", "累计", "了", "为", "达", "的", "数量", "件数", "总数"];
    let with = |extra: &[&'static str]| {
        let mut all: Vec<&str> = common.to_vec();
        all.extend_from_slice(extra);
        words(&all)
    };
    Vocabulary {
        app: tagged(&app),
        app_filler: with(&[
            "政府信息公开申请",
            "信息公开申请",
            "公开申请",
            "依申请公开",
            "申请",
            "各类",
            "其中",
        ]),
        appeal: tagged(&appeal),
        appeal_filler: with(&[
            "政府信息公开",
            "信息公开",
            "案件",
            "申请",
            "被",
            "被申请",
            "被提起",
            "提起",
            "其中",
        ]),
        stock: tagged(&stock),
        stock_filler: with(&["行政", "本年度", "本年"]),
        decisions: tagged(&[("行政许可", "行政许可"), ("行政处罚", "行政处罚"), ("行政强制", "行政强制")]),
        decision_filler: with(&["决定书", "处理决定", "决定"]),
        fees: tagged(&[("行政事业性收费", "行政事业性收费")]),
        fee_filler: with(&["金额", "收费金额", "收入", "总额"]),
        narrower: WordList::new(&[
            "本级",
            "部门",
            "乡镇",
            "街道",
            "县区",
            "区县",
            "各地",
            "市直",
            "区直",
            "县直",
            "网上",
            "网络",
            "当面",
            "信函",
            "邮寄",
            "传真",
            "电子邮件",
            "电话",
            "平台",
            "系统",
            "窗口",
            "专栏",
            "上年",
            "去年",
            "上一年",
            "同比",
            "较",
            "比上年",
            "增长",
            "减少",
            "下降",
            "增加",
            "平均",
            "月",
        ]),
        forward: words(&[
            "结转下年度",
            "结转至下年度",
            "结转到下年度",
            "结转下一年度",
            "转入下年度",
            "顺延至下年度",
            "顺延到下年度",
            "延续至下年度",
        ]),
        share: chars("占"),
        open: chars("公开"),
        apply: chars("申请"),
        review: chars("复议"),
        suit: chars("诉讼"),
    }
});

/// What the sentence has said so far, for the figures that depend on it.
#[derive(Default)]
struct Context {
    /// The 表四 block last named (0 复议, 1 直接起诉, 2 复议后起诉, 3 both lawsuits).
    block: Option<usize>,
    /// A count of applications received was stated: applicant figures refer to it.
    received: bool,
    /// The 表二 row last named (规章 or 规范性文件).
    object: Option<&'static str>,
    /// The claims made so far (indices in [`Stated::cache`]): a topic is checked once per sentence.
    topics: Vec<usize>,
    /// The sentence says 「公开」 / 「申请」 somewhere (read once per sentence).
    open: bool,
    apply: bool,
}

pub(crate) struct Stated<'a> {
    report: &'a Report,
    figures: &'a Figures<'a>,
    groups: Vec<ResultGroup>,
    /// Each claim made in this run, with its values and wordings, built the
    /// first time a figure makes it: a report states the same few dozen
    /// claims in sentence after sentence. `None`: no such cell in this format.
    cache: RefCell<Vec<(Key, Option<Prepared>)>>,
}

/// What a claim is, once the sentence's context is resolved.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    App(App),
    /// A block of 表四 (3: both lawsuits) and a column.
    Appeal(usize, &'static str),
    Stock(&'static str, &'static str),
    Decision(&'static str),
    /// In 元 (else 万元).
    Fees(bool),
}

/// A claim with what comparing it needs.
struct Prepared {
    claim: Claim,
    /// Each reading's sum; `None` when a cell it needs is blank (nothing to compare).
    values: Option<Vec<Decimal>>,
    /// 「「…」为N，…」: each reading with its value, for a warning.
    described: String,
    left: Vec<FieldKey>,
    right: Vec<FieldKey>,
    title: String,
}

impl<'a> Stated<'a> {
    pub fn new(report: &'a Report, figures: &'a Figures<'a>) -> Stated<'a> {
        Stated { report, figures, groups: result_groups(figures.layout), cache: RefCell::new(Vec::new()) }
    }

    /// The claim `key`, built the first time it is made: its index in the cache.
    fn prepared(&self, key: Key) -> Option<usize> {
        if let Some(i) = self.cache.borrow().iter().position(|(k, _)| *k == key) {
            return self.cache.borrow()[i].1.as_ref().map(|_| i);
        }
        let prepared = self.build(key).map(|claim| self.prepare(claim));
        let mut cache = self.cache.borrow_mut();
        cache.push((key, prepared));
        cache.last().and_then(|(_, p)| p.as_ref()).map(|_| cache.len() - 1)
    }

    fn build(&self, key: Key) -> Option<Claim> {
        match key {
            Key::App(kind) => self.application(kind),
            Key::Appeal(block, col) => Some(self.appeal(block, col)),
            Key::Stock(row, col) => Some(self.stock_claim(row, col)),
            Key::Decision(label) => self.decision(label),
            Key::Fees(in_yuan) => self.fees(in_yuan),
        }
    }

    fn prepare(&self, claim: Claim) -> Prepared {
        let values: Option<Vec<Decimal>> =
            claim.readings.iter().map(|r| sum(self.figures, &r.keys)).collect();
        let described = values.as_ref().map_or_else(String::new, |values| {
            let named = claim.readings.iter().zip(values);
            named
                .map(|(r, v)| format!("{}为{}", self.name(r), self.shown(&claim, *v)))
                .collect::<Vec<_>>()
                .join("，")
        });
        let mut keys = claim.readings.iter().flat_map(|r| r.keys.iter().copied());
        let left: Vec<FieldKey> = claim.readings[0].keys.clone();
        let right: Vec<FieldKey> = keys.by_ref().filter(|k| !left.contains(k)).collect();
        let title = format!("正文数字应与{}一致：{}", claim.table.short_name(), claim.what);
        Prepared { claim, values, described, left, right, title }
    }

    pub fn check(&self, place: TextPlace, doc: &Doc, out: &mut Vec<CheckResult>) {
        let mut ordinal = 0;
        for &s in doc.sentences() {
            let numbers = doc.numbers(s.start, s.end);
            if numbers.is_empty() {
                continue;
            }
            let w = &*WORDS;
            let mut context = Context {
                open: doc.contains(s.start, s.end, &w.open),
                apply: doc.contains(s.start, s.end, &w.apply),
                ..Context::default()
            };
            let quote = doc.str(s.start, s.end);
            // Cut for a message only when the sentence gives one.
            let short = OnceCell::new();
            let mut last: Option<(usize, Number, Option<Decimal>)> = None;
            for (i, n) in numbers.iter().enumerate() {
                if n.unit == Unit::Percent {
                    if let Some((claim, count, Some(matched))) = &last {
                        let cache = self.cache.borrow();
                        let claim = &cache[*claim].1.as_ref().expect("a prepared claim").claim;
                        if let Some(r) = self.share(
                            place,
                            doc,
                            (s, quote, &short),
                            claim,
                            count,
                            *matched,
                            n,
                            &mut ordinal,
                        ) {
                            out.push(r);
                        }
                    }
                    last = None;
                    continue;
                }
                last = None;
                let Some(claim) = self.claim(doc, s, n, &numbers[..i], &mut context) else { continue };
                {
                    let cache = self.cache.borrow();
                    let topic = |i: usize| cache[i].1.as_ref().map(|p| p.claim.topic.as_str());
                    if context.topics.iter().any(|&t| topic(t) == topic(claim)) {
                        continue;
                    }
                }
                context.topics.push(claim);
                if let Some((result, matched)) =
                    self.compare(place, doc, (s, quote, &short), claim, n, &mut ordinal)
                {
                    out.push(result);
                    last = Some((claim, *n, matched));
                }
            }
        }
    }

    /// The cell(s) the figure `n` is about, if it can be told with confidence.
    fn claim(
        &self,
        doc: &Doc,
        s: Sentence,
        n: &Number,
        _before: &[Number],
        cx: &mut Context,
    ) -> Option<usize> {
        let w = &*WORDS;
        let counted = matches!(n.unit, Unit::Jian | Unit::Qi);
        // 「件次」 counts visits, not applications.
        if doc.chars.get(n.unit_end) == Some(&'次') {
            return None;
        }
        if counted && cx.open {
            if let Some((kind, at)) = keyword_before(doc, s.start, n.start, &w.appeal_filler, &w.appeal) {
                let clause = clause_start(doc, s.start, at);
                if !self.narrowed(doc, clause, at) {
                    return self.appeal_key(kind, cx);
                }
                return None;
            }
        }
        if n.unit == Unit::Jian && cx.apply {
            let found = keyword_before(doc, s.start, n.start, &w.app_filler, &w.app)
                .or_else(|| forward_keyword(doc, n.unit_end, s.end).map(|_| (App::CarriedForward, n.start)));
            if let Some((kind, at)) = found {
                let clause = clause_start(doc, s.start, at);
                if self.narrowed(doc, clause, at) || mixes_appeals(doc, clause, n.start) {
                    return None;
                }
                // 「予以公开答复」: the answer, not the count of answers.
                if kind == App::Handled
                    && [['公', '开'], ['予', '以'], ['告', '知']].iter().any(|p| doc.ends_with(at, p))
                {
                    return None;
                }
                return self.application_key(kind, cx);
            }
        }
        if n.unit == Unit::Jian {
            if let Some(claim) =
                self.stock(doc, s, n, cx).and_then(|(row, col)| self.prepared(Key::Stock(row, col)))
            {
                return Some(claim);
            }
            if let Some((label, at)) = keyword_before(doc, s.start, n.start, &w.decision_filler, &w.decisions)
            {
                let clause = clause_start(doc, s.start, at);
                if !self.narrowed(doc, clause, at) {
                    return self.prepared(Key::Decision(label));
                }
            }
        }
        if matches!(n.unit, Unit::Wanyuan | Unit::Yuan) {
            if let Some((_, at)) = keyword_before(doc, s.start, n.start, &w.fee_filler, &w.fees) {
                let clause = clause_start(doc, s.start, at);
                if !self.narrowed(doc, clause, at) {
                    return self.prepared(Key::Fees(n.unit == Unit::Yuan));
                }
            }
        }
        None
    }

    /// Whether the clause before the keyword narrows the figure to a part, or
    /// moves it to another year: 「网上申请」「市本级」「2023年」「同比」.
    fn narrowed(&self, doc: &Doc, clause: usize, at: usize) -> bool {
        let w = &*WORDS;
        if doc.find_any(clause, at, &w.narrower).is_some() {
            return true;
        }
        // A year other than the report's.
        doc.numbers(clause, at).iter().any(|n| {
            n.unit == Unit::Other
                && doc
                    .chars
                    .get(n.end..)
                    .is_some_and(|rest| rest.iter().find(|&&c| !is_white(c)) == Some(&'年'))
                && n.value != Decimal::from_int(i64::from(self.report.year))
        })
    }

    fn key_label(&self, key: FieldKey) -> String {
        self.figures
            .layout
            .index_of(key)
            .map(|i| format!("「{}」", self.figures.layout.fields[i].accessible_label()))
            .unwrap_or_default()
    }

    /// One cell; its name is looked up only for a message.
    fn single(&self, key: FieldKey) -> Reading {
        Reading { name: String::new(), keys: vec![key] }
    }

    fn name(&self, r: &Reading) -> String {
        if r.name.is_empty() {
            r.keys.first().map(|&k| self.key_label(k)).unwrap_or_default()
        } else {
            r.name.clone()
        }
    }

    /// What the sentence's context makes of an application figure.
    fn application_key(&self, kind: App, cx: &mut Context) -> Option<usize> {
        match kind {
            App::Received => cx.received = true,
            App::Applicant(_) if !cx.received => return None,
            _ => {}
        }
        self.prepared(Key::App(kind))
    }

    fn application(&self, kind: App) -> Option<Claim> {
        let received = |s: &Self| {
            vec![
                s.single(t3_total(NEW_RECEIVED)),
                Reading {
                    name: "新收与上年结转之和".to_string(),
                    keys: vec![t3_total(NEW_RECEIVED), t3_total(CARRIED_OVER)],
                },
            ]
        };
        let groups = &self.groups;
        let group_reading = |g: usize| {
            groups.get(g).map(|group| Reading {
                name: format!("「{}」各项之和", group.heading),
                keys: group.rows.iter().map(|r| t3_total(r)).collect(),
            })
        };
        let (topic, what, readings) = match kind {
            App::Received => ("received".to_string(), "收到的申请".to_string(), received(self)),
            App::Handled => {
                ("handled".to_string(), "办结的申请".to_string(), vec![self.single(t3_total(TOTAL_HANDLED))])
            }
            App::Dealt => {
                let mut r = vec![self.single(t3_total(TOTAL_HANDLED))];
                r.extend(received(self));
                ("dealt".to_string(), "办理的申请".to_string(), r)
            }
            App::CarriedOver => (
                "carried_over".to_string(),
                "上年结转的申请".to_string(),
                vec![self.single(t3_total(CARRIED_OVER))],
            ),
            App::CarriedForward => (
                "carried_forward".to_string(),
                "结转下年度的申请".to_string(),
                vec![self.single(t3_total(CARRIED_FORWARD))],
            ),
            App::Group(g) => {
                let group = groups.get(g)?;
                let mut reading = group_reading(g)?;
                if group.rows.len() == 1 {
                    reading = self.single(reading.keys[0]);
                }
                (format!("result.{}", group.rows[0]), format!("「{}」", group.label), vec![reading])
            }
            App::GrantedAndPartly => {
                let (a, b) = (group_reading(0)?, group_reading(1)?);
                let mut keys = a.keys;
                keys.extend(b.keys);
                let name = "予以公开与部分公开之和".to_string();
                (
                    "result.granted_and_partly".to_string(),
                    "「予以公开及部分公开」".to_string(),
                    vec![Reading { name, keys }],
                )
            }
            App::Applicant(col) => {
                let cols: Vec<&'static str> = if col == 5 {
                    table3::COLUMNS[1..6].iter().map(|(c, _)| *c).collect()
                } else {
                    vec![table3::COLUMNS[col].0]
                };
                let label = if col == 5 { "法人或其他组织" } else { table3::COLUMNS[col].1 };
                let key = |row, c| FieldKey::new(TableId::Table3, row, c);
                let new: Vec<FieldKey> = cols.iter().map(|c| key(NEW_RECEIVED, c)).collect();
                let mut both = new.clone();
                both.extend(cols.iter().map(|c| key(CARRIED_OVER, c)));
                let readings = vec![
                    Reading { name: format!("「{label}」新收"), keys: new },
                    Reading { name: format!("「{label}」新收与上年结转之和"), keys: both },
                ];
                let topic = if col == 5 { "orgs" } else { cols[0] };
                (format!("applicant.{topic}"), format!("{label}的申请"), readings)
            }
        };
        Some(Claim { topic, what, table: TableId::Table3, readings, in_yuan: false })
    }

    /// What the sentence's context makes of a 复议/诉讼 figure.
    fn appeal_key(&self, kind: Appeal, cx: &mut Context) -> Option<usize> {
        let (block, col) = match kind {
            Appeal::Block(b) => {
                cx.block = Some(b);
                (b, OUTCOMES[4].0)
            }
            Appeal::Suits => {
                cx.block = Some(3);
                (3, OUTCOMES[4].0)
            }
            Appeal::Outcome(o) => (cx.block?, OUTCOMES[o].0),
        };
        self.prepared(Key::Appeal(block, col))
    }

    fn appeal(&self, block: usize, col: &'static str) -> Claim {
        let block_keys = |b: usize, col: &'static str| -> Vec<FieldKey> {
            let rows: Vec<&'static str> = match b {
                3 => vec![BLOCKS[1].0, BLOCKS[2].0],
                b => vec![BLOCKS[b].0],
            };
            rows.into_iter().map(|r| FieldKey::new(TableId::Table4, r, col)).collect()
        };
        let block_name = |b: usize| match b {
            3 => "行政诉讼（直接起诉与复议后起诉）".to_string(),
            b => BLOCKS[b].2.to_string(),
        };
        let keys = block_keys(block, col);
        let outcome = OUTCOMES.iter().find(|(c, _, _)| *c == col).map_or("", |(_, l, _)| *l);
        let what = format!("{}{}", block_name(block), if col == OUTCOMES[4].0 { "案件" } else { outcome });
        let name = if keys.len() == 1 {
            self.key_label(keys[0])
        } else {
            format!("{}「{outcome}」之和", block_name(block))
        };
        let topic = format!("appeal.{}.{col}", if block == 3 { "suits" } else { BLOCKS[block].0 });
        Claim { topic, what, table: TableId::Table4, readings: vec![Reading { name, keys }], in_yuan: false }
    }

    /// 规章 and 规范性文件: 制发, 废止, 现行有效 (2021 format).
    fn stock(
        &self,
        doc: &Doc,
        s: Sentence,
        n: &Number,
        cx: &mut Context,
    ) -> Option<(&'static str, &'static str)> {
        let w = &*WORDS;
        let (kind, at) = keyword_before(doc, s.start, n.start, &w.stock_filler, &w.stock)?;
        let clause = clause_start(doc, s.start, at);
        // The other half (object or action) is earlier in the clause, or an
        // object named earlier in the sentence (「制发规范性文件5件，废止3件」).
        let mut actions = w.stock.iter().filter_map(|(word, k)| match k {
            Stock::Action(col) if doc.contains(clause, at, word) => Some(*col),
            _ => None,
        });
        let (row, col) = match kind {
            Stock::Object(row) => {
                cx.object = Some(row);
                let first = actions.next()?;
                // Two different actions (「制发和现行有效的」): which one is counted is unclear.
                if actions.any(|c| c != first) {
                    return None;
                }
                (row, first)
            }
            Stock::Action(col) => {
                let object = w.stock.iter().find_map(|(word, k)| match k {
                    Stock::Object(row) if doc.contains(clause, at, word) => Some(*row),
                    _ => None,
                });
                (object.or(cx.object)?, col)
            }
        };
        if self.narrowed(doc, clause, at) {
            return None;
        }
        self.figures.layout.index_of(FieldKey::new(TableId::Table2, row, col))?;
        Some((row, col))
    }

    fn stock_claim(&self, row: &'static str, col: &'static str) -> Claim {
        let key = FieldKey::new(TableId::Table2, row, col);
        let spec =
            self.figures.layout.index_of(key).map(|i| self.figures.layout.fields[i]).expect("a cell of 表二");
        Claim {
            topic: format!("t2.{row}.{col}"),
            what: format!("{}{}", spec.row_label, spec.col_label.trim_end_matches("件数")),
            table: TableId::Table2,
            readings: vec![self.single(key)],
            in_yuan: false,
        }
    }

    /// 行政许可、行政处罚、行政强制: 本年处理决定数量.
    fn decision(&self, label: &str) -> Option<Claim> {
        let spec = self.figures.layout.fields.iter().find(|f| {
            f.key.table == TableId::Table2
                && f.row_label == label
                && f.kind == ValueKind::Count
                && f.col_label.contains("决定")
        })?;
        Some(Claim {
            topic: format!("t2.{}", spec.key.row),
            what: format!("{label}决定"),
            table: TableId::Table2,
            readings: vec![self.single(spec.key)],
            in_yuan: false,
        })
    }

    fn fees(&self, in_yuan: bool) -> Option<Claim> {
        let label = WORDS.fees[0].1;
        let spec = self.figures.layout.fields.iter().find(|f| {
            f.key.table == TableId::Table2 && f.row_label == label && f.kind == ValueKind::Amount
        })?;
        Some(Claim {
            topic: format!("t2.{}.{}", spec.key.row, spec.key.col),
            what: "行政事业性收费金额".to_string(),
            table: TableId::Table2,
            readings: vec![self.single(spec.key)],
            in_yuan,
        })
    }

    /// The result for a claim; `None` when a cell it needs is blank (nothing to compare).
    fn compare(
        &self,
        place: TextPlace,
        doc: &Doc,
        (s, quote, short): (Sentence, &str, &OnceCell<String>),
        claim: usize,
        n: &Number,
        ordinal: &mut usize,
    ) -> Option<(CheckResult, Option<Decimal>)> {
        let cache = self.cache.borrow();
        let prepared = cache[claim].1.as_ref().expect("a prepared claim");
        let claim = &prepared.claim;
        let values = prepared.values.as_ref()?;
        let stated_text = doc.str(n.start, n.unit_end);
        let matched = values.iter().copied().find(|&v| self.same(claim, n, v));
        let span = TextSpan { place, start: s.start, end: s.end, quote: quote.to_string() };
        let short = short.get_or_init(|| short_quote(quote));
        let table = claim.table.short_name();
        let (status, explanation) = match matched {
            Some(_) => (
                Status::Pass,
                concat(&[place.name(), "“", short, "”：", &claim.what, stated_text, "，与", table, "一致"]),
            ),
            None => (
                Status::Fail,
                concat(&[
                    place.name(),
                    "“",
                    short,
                    "”：文中",
                    &claim.what,
                    "为",
                    stated_text,
                    "，而",
                    table,
                    &prepared.described,
                ]),
            ),
        };
        *ordinal += 1;
        let result = CheckResult {
            id: concat(&["text.figure.", place.key(), ".", &claim.topic, ".", &ordinal.to_string()]),
            severity: Severity::Warning,
            status,
            title: prepared.title.clone(),
            explanation,
            difference: None,
            left: prepared.left.clone(),
            right: prepared.right.clone(),
            text: Some(span),
        };
        Some((result, matched))
    }

    /// Whether the stated figure equals the cell, to the precision written
    /// (「24252.31万元」 for 24252.311082).
    fn same(&self, claim: &Claim, n: &Number, cell: Decimal) -> bool {
        let cell = if claim.in_yuan { cell.micros() * 10_000 } else { cell.micros() };
        let unit = 10i128.pow(6 - n.decimals.min(6));
        (n.value.micros() - cell).abs() * 2 <= unit
    }

    fn shown(&self, claim: &Claim, v: Decimal) -> String {
        if claim.table == TableId::Table2 && claim.topic.ends_with(".amount") || claim.in_yuan {
            format!("{v}万元")
        } else {
            v.to_string()
        }
    }

    /// 「占51.85%」 right after a count: its share of the applications
    /// handled or received, whichever the text may mean.
    #[allow(clippy::too_many_arguments)]
    fn share(
        &self,
        place: TextPlace,
        doc: &Doc,
        (s, quote, short): (Sentence, &str, &OnceCell<String>),
        claim: &Claim,
        count: &Number,
        stated: Decimal,
        p: &Number,
        ordinal: &mut usize,
    ) -> Option<CheckResult> {
        if claim.table != TableId::Table3 || claim.topic == "received" || claim.topic == "dealt" {
            return None;
        }
        // Only 「，占…51.85%」, within a few characters of the count.
        let between = &doc.chars[count.unit_end..p.start];
        let share_at = between.iter().position(|c| *c == WORDS.share[0])?;
        if between.len() > 12
            || between[..share_at].iter().any(|c| !matches!(c, '，' | ',' | '（' | '(' | ' '))
            || between[share_at..].iter().any(|c| matches!(c, '，' | '。' | '；' | '、'))
        {
            return None;
        }
        let bases = [
            ("「（七）总计」", vec![t3_total(TOTAL_HANDLED)]),
            ("新收申请", vec![t3_total(NEW_RECEIVED)]),
            ("新收与上年结转之和", vec![t3_total(NEW_RECEIVED), t3_total(CARRIED_OVER)]),
        ];
        let tolerance = 10i128.pow(6 - p.decimals.min(4));
        let mut shares = Vec::new();
        let mut fits = false;
        for (name, keys) in &bases {
            let Some(base) = sum(self.figures, keys).filter(|b| !b.is_zero()) else { continue };
            // Percent in millionths: stated × 100 / base.
            let share = stated.micros() * 100 * 1_000_000 / base.micros();
            fits |= (share - p.value.micros()).abs() <= tolerance;
            shares.push(format!("占{name}{base}件的{}%", round2(share)));
        }
        if shares.is_empty() {
            return None;
        }
        *ordinal += 1;
        let stated_text = doc.str(p.start, p.unit_end);
        let short = short.get_or_init(|| short_quote(quote));
        let explanation = if fits {
            format!("{}“{}”：{}占比{stated_text}，与表三一致", place.name(), short, claim.what)
        } else {
            format!(
                "{}“{}”：文中{}{stated}件占{stated_text}，而按表三计算，{}",
                place.name(),
                short,
                claim.what,
                shares.join("，")
            )
        };
        Some(CheckResult {
            id: format!("text.share.{}.{}.{}", place.key(), claim.topic, ordinal),
            severity: Severity::Warning,
            status: if fits { Status::Pass } else { Status::Fail },
            title: format!("正文百分比应与表三一致：{}", claim.what),
            explanation,
            difference: None,
            left: claim.readings[0].keys.clone(),
            right: bases.iter().flat_map(|(_, k)| k.iter().copied()).collect(),
            text: Some(TextSpan { place, start: s.start, end: s.end, quote: quote.to_string() }),
        })
    }
}

/// A percentage in millionths, written with two decimals.
fn round2(micros: i128) -> String {
    let hundredths = (micros + 5_000) / 10_000;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Where the clause holding `at` starts: after the last 「，、；：（」 before it.
fn clause_start(doc: &Doc, from: usize, at: usize) -> usize {
    (from..at)
        .rev()
        .find(|&i| matches!(doc.chars[i], '，' | ',' | '、' | '；' | ';' | '：' | ':' | '（' | '(' | '。'))
        .map_or(from, |i| i + 1)
}

/// A clause naming both applications and 复议/诉讼 (「收到行政复议申请」) is not about applications.
fn mixes_appeals(doc: &Doc, clause: usize, at: usize) -> bool {
    doc.contains(clause, at, &WORDS.review) || doc.contains(clause, at, &WORDS.suit)
}

/// The keyword right before `pos`, past filler words and spaces: its tag and start.
fn keyword_before<T: Copy>(
    doc: &Doc,
    floor: usize,
    pos: usize,
    filler: &[Vec<char>],
    keywords: &[(Vec<char>, T)],
) -> Option<(T, usize)> {
    let mut p = pos;
    // A word can end at `p` only with the character before it: compared first, it spares most comparisons.
    let before_at = |p: usize| (p > floor).then(|| doc.chars[p - 1]);
    loop {
        let last = before_at(p);
        for (word, tag) in keywords {
            if word.last().copied() == last && p >= floor + word.len() && doc.ends_with(p, word) {
                return Some((*tag, p - word.len()));
            }
        }
        let before = p;
        while p > floor && super::scan::is_space(doc.chars[p - 1]) {
            p -= 1;
        }
        let last = before_at(p);
        if let Some(f) =
            filler.iter().find(|f| f.last().copied() == last && p >= floor + f.len() && doc.ends_with(p, f))
        {
            p -= f.len();
        }
        if p == before {
            return None;
        }
    }
}

/// 「103件顺延到下年度」: a phrase right after the figure.
fn forward_keyword(doc: &Doc, pos: usize, end: usize) -> Option<usize> {
    let mut p = pos;
    while p < end && super::scan::is_space(doc.chars[p]) {
        p += 1;
    }
    if doc.starts_with(p, &WORDS.apply) {
        p += 2;
    }
    WORDS.forward.iter().find(|w| doc.starts_with(p, w)).map(|w| p + w.len())
}
