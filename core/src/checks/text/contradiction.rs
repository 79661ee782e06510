//! Sentences that contradict the tables without stating a figure:
//! - 「均已办结」「全部办结」 while 表三 carries applications forward;
//! - 「未收到…申请」 while 表三 has new applications;
//! - 「未发生…行政复议」 (or 诉讼) while 表四 has cases;
//! - 「均已结案」 for 复议/诉讼 while 表四 has cases 尚未审结.
//!
//! Each is judged on the words of one clause (between 「，」 and 「；」/「。」),
//! and only when the clause states no figure (then it is [`super::stated`]'s).

use std::sync::LazyLock;

use super::cells::{sum, t3_total, t4_total};
use super::scan::{chars, Doc, WordList};
use super::{short_quote, TextPlace, TextSpan};
use crate::checks::{CheckResult, Severity, Status};
use crate::figures::Figures;
use crate::format::table3::{CARRIED_FORWARD, NEW_RECEIVED};
use crate::format::table4::{BLOCKS, OUTCOMES};
use crate::format::{FieldKey, TableId};

struct Claim {
    kind: &'static str,
    title: &'static str,
    /// What the text says, for the message.
    says: String,
    keys: Vec<FieldKey>,
}

/// The phrases each contradiction is told by, built once.
struct Phrases {
    finished: WordList,
    none_received: WordList,
    no_appeal: WordList,
    closed: WordList,
    review: Vec<char>,
    suit: Vec<char>,
    apply: Vec<char>,
    carried: Vec<char>,
    except: Vec<char>,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| Phrases {
    finished: WordList::new(&[
        "均已办结",
        "全部办结",
        "已全部办结",
        "均按时办结",
        "均已按时办结",
        "全部按时办结",
        "均已按期办结",
    ]),
    none_received: WordList::new(&["未收到", "没有收到", "未接到", "没有接到", "无申请"]),
    no_appeal: WordList::new(&[
        "未发生",
        "没有发生",
        "未出现",
        "未产生",
        "未收到",
        "没有收到",
        "未被提起",
        "未被申请",
        "未涉及",
        "均无",
        "暂无",
        "无因",
        "无政府信息公开",
        "无行政复议",
        "无行政诉讼",
        "无相关",
    ]),
    closed: WordList::new(&["均已结案", "均已审结", "全部结案", "全部审结", "均已办结"]),
    review: chars("复议"),
    suit: chars("诉讼"),
    apply: chars("申请"),
    carried: chars("结转"),
    except: chars("除"),
});

pub(super) fn check(figures: &Figures, place: TextPlace, doc: &Doc, out: &mut Vec<CheckResult>) {
    let p = &*PHRASES;
    let (finished, none_received, no_appeal, closed) =
        (&p.finished, &p.none_received, &p.no_appeal, &p.closed);
    let (review, suit) = (&p.review, &p.suit);
    let mut n = 0;
    for &s in doc.sentences() {
        let sentence_appeals = doc.contains(s.start, s.end, review) || doc.contains(s.start, s.end, suit);
        let mut claims: Vec<Claim> = Vec::new();
        for (a, b) in clauses(doc, s.start, s.end) {
            let has =
                |list: &WordList| -> Option<String> { doc.find_any(a, b, list).map(|w| w.iter().collect()) };
            if (a..b).any(|i| doc.chars[i].is_ascii_digit()) {
                continue;
            }
            let (r, l) = (doc.contains(a, b, review), doc.contains(a, b, suit));
            if let Some(w) = has(finished).filter(|_| !sentence_appeals) {
                // 「除1件结转下年度外，均已办结」 says it itself.
                if !doc.contains(s.start, s.end, &p.carried) && !doc.contains(s.start, s.end, &p.except) {
                    claims.push(Claim {
                        kind: "all_handled",
                        title: "正文说申请“均已办结”时，表三不应有结转下年度的申请",
                        says: w.clone(),
                        keys: vec![t3_total(CARRIED_FORWARD)],
                    });
                }
            }
            if let Some(w) = has(none_received) {
                if doc.contains(a, b, &p.apply) && !r && !l {
                    claims.push(Claim {
                        kind: "none_received",
                        title: "正文说“未收到”申请时，表三本年新收应为 0",
                        says: w.clone(),
                        keys: vec![t3_total(NEW_RECEIVED)],
                    });
                }
            }
            if r || l {
                if let Some(w) = has(no_appeal) {
                    let mut keys = Vec::new();
                    if r {
                        keys.push(t4_total(BLOCKS[0].0));
                    }
                    if l {
                        keys.extend([t4_total(BLOCKS[1].0), t4_total(BLOCKS[2].0)]);
                    }
                    claims.push(Claim {
                        kind: "no_appeals",
                        title: "正文说“未发生”行政复议、行政诉讼时，表四相应总计应为 0",
                        says: w.clone(),
                        keys,
                    });
                }
            }
            if sentence_appeals {
                if let Some(w) = has(closed) {
                    let pending = OUTCOMES[3].0;
                    let mut keys = Vec::new();
                    let (sr, sl) = (doc.contains(s.start, s.end, review), doc.contains(s.start, s.end, suit));
                    if sr {
                        keys.push(FieldKey::new(TableId::Table4, BLOCKS[0].0, pending));
                    }
                    if sl {
                        keys.extend(
                            BLOCKS[1..]
                                .iter()
                                .map(|(row, _, _)| FieldKey::new(TableId::Table4, row, pending)),
                        );
                    }
                    claims.push(Claim {
                        kind: "appeals_closed",
                        title: "正文说复议、诉讼“均已结案”时，表四「尚未审结」应为 0",
                        says: w.clone(),
                        keys,
                    });
                }
            }
        }
        for claim in claims {
            let Some(total) = sum(figures, &claim.keys) else { continue };
            let quote = doc.slice(s.start, s.end);
            let failed = !total.is_zero();
            let cells: Vec<String> = claim
                .keys
                .iter()
                .filter_map(|&k| figures.layout.index_of(k))
                .map(|i| format!("「{}」", figures.layout.fields[i].accessible_label()))
                .collect();
            let table = claim.keys[0].table.short_name();
            let explanation = if failed {
                format!(
                    "{}“{}”：文中说“{}”，而{table}{}合计为{total}",
                    place.name(),
                    short_quote(&quote),
                    claim.says,
                    cells.join("、")
                )
            } else {
                format!("{}“{}”：文中说“{}”，{table}相应为 0", place.name(), short_quote(&quote), claim.says)
            };
            n += 1;
            out.push(CheckResult {
                id: format!("text.contradiction.{}.{}.{n}", claim.kind, place.key()),
                severity: Severity::Warning,
                status: if failed { Status::Fail } else { Status::Pass },
                title: claim.title.to_string(),
                explanation,
                difference: None,
                left: claim.keys,
                right: Vec::new(),
                text: Some(TextSpan { place, start: s.start, end: s.end, quote }),
            });
        }
    }
}

/// The clauses of `start..end`, split at 「，」「；」 (and their ASCII forms).
fn clauses(doc: &Doc, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = start;
    for i in start..end {
        if matches!(doc.chars[i], '，' | ',' | '；' | ';' | '。') {
            if i > a {
                out.push((a, i));
            }
            a = i + 1;
        }
    }
    if end > a {
        out.push((a, end));
    }
    out
}
