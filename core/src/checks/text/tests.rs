//! Each text check: a sentence that triggers it and a near miss that must not.

use super::*;
use crate::checks::Status;
use crate::format::{FieldKey, TableId};
use crate::zero_fill::fill_blanks_with_zero;

/// A 2024 report: 新收 70 (自然人 64, 商业企业 6), 上年结转 5, 予以公开 30,
/// 部分公开 5, 其他处理 35 → 办结 70, 结转 5; 复议 3, 直接起诉 2; 表二 制发 8, 现行有效 60.
fn report() -> Report {
    let mut r = Report::new(2024);
    let t3 = |row, col| FieldKey::new(TableId::Table3, row, col);
    r.set_raw(t3("new_received", "natural"), "64");
    r.set_raw(t3("new_received", "business"), "6");
    r.set_raw(t3("carried_over", "natural"), "5");
    r.set_raw(t3("granted", "natural"), "30");
    r.set_raw(t3("partly_granted", "natural"), "5");
    r.set_raw(t3("other_misc", "natural"), "29");
    r.set_raw(t3("other_misc", "business"), "6");
    r.set_raw(t3("carried_forward", "natural"), "5");
    r.set_raw(FieldKey::new(TableId::Table4, "review", "upheld"), "3");
    r.set_raw(FieldKey::new(TableId::Table4, "suit_direct", "pending"), "2");
    r.set_raw(FieldKey::new(TableId::Table2, "normative_docs", "issued"), "8");
    r.set_raw(FieldKey::new(TableId::Table2, "normative_docs", "in_force"), "60");
    r.set_raw(FieldKey::new(TableId::Table2, "licensing", "decisions"), "550");
    r.set_raw(FieldKey::new(TableId::Table2, "fees", "amount"), "12.3456");
    fill_blanks_with_zero(&mut r);
    r
}

fn with_overview(text: &str) -> Vec<CheckResult> {
    let mut r = report();
    r.sections.overview = text.to_string();
    run_text_checks(&r, None, CheckOptions::default())
}

/// Failing ids, without the ordinal of figure checks.
fn failing(results: &[CheckResult]) -> Vec<String> {
    results
        .iter()
        .filter(|r| r.status == Status::Fail)
        .map(|r| {
            let id = r.id.as_str();
            match id.rsplit_once('.') {
                Some((head, n)) if n.chars().all(|c| c.is_ascii_digit()) => head.to_string(),
                _ => id.to_string(),
            }
        })
        .collect()
}

fn passing_figures(results: &[CheckResult]) -> usize {
    let figure = |id: &str| id.starts_with("text.figure.") || id.starts_with("text.share.");
    results.iter().filter(|r| figure(&r.id) && r.status == Status::Pass).count()
}

#[test]
fn received_reads_either_new_or_new_plus_carried_over() {
    for ok in ["共收到政府信息公开申请70件。", "共收到政府信息公开申请75件。", "全年受理申请70件。"]
    {
        let r = with_overview(ok);
        assert_eq!(failing(&r), Vec::<String>::new(), "{ok}");
        assert_eq!(passing_figures(&r), 1, "{ok}");
    }
    let r = with_overview("共收到政府信息公开申请72件。");
    assert_eq!(failing(&r), ["text.figure.overview.received"]);
    let w = r.iter().find(|r| r.status == Status::Fail).unwrap();
    assert!(
        w.explanation.contains("为70") && w.explanation.contains("新收与上年结转之和为75"),
        "{}",
        w.explanation
    );
    assert_eq!(w.text.as_ref().unwrap().quote, "共收到政府信息公开申请72件。");
}

#[test]
fn each_result_category_and_the_applicants() {
    let text = "收到申请70件（其中自然人64件、法人或其他组织6件），办结70件，其中予以公开30件，部分公开5件，\
                予以公开及部分公开35件，其他处理35件；结转下年度继续办理5件。";
    let r = with_overview(text);
    assert_eq!(failing(&r), Vec::<String>::new());
    assert_eq!(passing_figures(&r), 9);
    let r =
        with_overview("收到申请70件，办结70件，其中予以公开31件，不予公开1件，无法提供2件，不予处理3件。");
    assert_eq!(
        failing(&r),
        [
            "text.figure.overview.result.granted",
            "text.figure.overview.result.withheld_state_secret",
            "text.figure.overview.result.unavailable_not_held",
            "text.figure.overview.result.declined_petition"
        ]
    );
}

#[test]
fn shares_beside_counts() {
    // 30 of 70 handled = 42.86 %.
    assert_eq!(failing(&with_overview("办结申请70件，其中予以公开30件，占42.86%。")), Vec::<String>::new());
    assert_eq!(
        failing(&with_overview("办结申请70件，其中予以公开30件，占52.86%。")),
        ["text.share.overview.result.granted"]
    );
    // Near miss: a growth rate is not a share.
    assert_eq!(
        failing(&with_overview("办结申请70件，其中予以公开30件，同比增长1.05%。")),
        Vec::<String>::new()
    );
}

#[test]
fn appeals_and_lawsuits() {
    let ok = "因政府信息公开被申请行政复议3件，其中结果维持3件；被提起行政诉讼2件，其中尚未审结2件。";
    let r = with_overview(ok);
    assert_eq!(failing(&r), Vec::<String>::new());
    assert_eq!(passing_figures(&r), 4);
    let r = with_overview("政府信息公开行政复议4件、行政诉讼1件。");
    assert_eq!(
        failing(&r),
        ["text.figure.overview.appeal.review.total", "text.figure.overview.appeal.suits.total"]
    );
    // Near miss: a 司法局's 行政复议 work in general, not about 政府信息公开.
    assert_eq!(failing(&with_overview("全年办理行政复议案件134件。")), Vec::<String>::new());
}

#[test]
fn table2_figures() {
    let ok =
        "本年制发行政规范性文件8件，现行有效规范性文件60件；作出行政许可决定550件；行政事业性收费12.35万元。";
    let r = with_overview(ok);
    assert_eq!(failing(&r), Vec::<String>::new());
    assert_eq!(passing_figures(&r), 4);
    let r = with_overview("目前现行有效行政规范性文件393件，行政事业性收费123456元。");
    assert_eq!(failing(&r), ["text.figure.overview.t2.normative_docs.in_force"]);
    // Near misses: items of information by 公开属性, 主动公开 with no cell, 政策性文件.
    for miss in [
        "全年印发公文类政府信息共432条，其中主动公开信息数99条，依申请公开信息数316条，不予公开22条。",
        "主动公开政府信息13561条，其中政策及规范性文件类3条。",
        "新增公开市政府及市政府办政策性文件11件。",
        "公开行政处罚信息1282条。",
    ] {
        let r = with_overview(miss);
        assert_eq!(failing(&r), Vec::<String>::new(), "{miss}");
        assert_eq!(passing_figures(&r), 0, "{miss}");
    }
}

#[test]
fn figures_about_a_part_or_another_year_are_left_alone() {
    for miss in [
        "共收到申请75件，其中网上申请60件。",
        "市本级收到申请12件。",
        "2023年收到申请50件。",
        "较上年收到申请增加10件。",
        "接待群众来访收到申请20件次。",
    ] {
        let r = with_overview(miss);
        assert!(
            failing(&r).iter().all(|id| !id.contains("figure.overview.received")) || miss.contains("75"),
            "{miss}"
        );
    }
    assert_eq!(failing(&with_overview("共收到申请75件，其中网上申请60件。")), Vec::<String>::new());
}

#[test]
fn contradictions() {
    assert_eq!(
        failing(&with_overview("全年收到的申请均已办结。")),
        ["text.contradiction.all_handled.overview"]
    );
    // Near miss: it names the carried-forward ones itself.
    assert_eq!(failing(&with_overview("除5件结转下年度外，均已办结。")), Vec::<String>::new());
    assert_eq!(
        failing(&with_overview("本年度未收到政府信息公开申请。")),
        ["text.contradiction.none_received.overview"]
    );
    assert_eq!(failing(&with_overview("本年度未收到投诉。")), Vec::<String>::new());
    assert_eq!(
        failing(&with_overview("本年度未发生因政府信息公开引起的行政复议、行政诉讼。")),
        ["text.contradiction.no_appeals.overview"]
    );
    assert_eq!(failing(&with_overview("未发生相关责任人责任追究问题情况。")), Vec::<String>::new());
    assert_eq!(
        failing(&with_overview("共有行政复议案件3件、行政诉讼案件2件，均已结案。")),
        ["text.contradiction.appeals_closed.overview"]
    );
}

#[test]
fn stale_years() {
    assert_eq!(failing(&with_overview("2023年，我局扎实推进政务公开工作。")), ["text.year.overview"]);
    let mut r = report();
    r.preamble = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。".to_string();
    assert_eq!(failing(&run_text_checks(&r, None, CheckOptions::default())), ["text.year.preamble"]);
    for miss in [
        "2024年，我局扎实推进政务公开工作。",
        "较2023年增长明显。",
        "根据《关于做好2023年政务公开工作的通知》要求，1件结转至2025年办理。",
        "2025年，我局将进一步加强政策解读。",
        "2023年12月印发的实施方案继续执行。",
    ] {
        assert_eq!(failing(&with_overview(miss)), Vec::<String>::new(), "{miss}");
    }
}

#[test]
fn punctuation_doubled_and_numbering() {
    assert_eq!(failing(&with_overview("2024年,我局推进公开工作。")), ["text.punctuation.overview"]);
    assert_eq!(
        failing(&with_overview("网址为http://www.gov.cn，电话0591-1234,5678。")),
        Vec::<String>::new()
    );
    assert_eq!(failing(&with_overview("加强政府信息的的管理。")), ["text.doubled.overview"]);
    assert_eq!(failing(&with_overview("还存在一些问题问题和不足。")), ["text.doubled.overview"]);
    assert_eq!(failing(&with_overview("层层把关，人人有责，年年雷同。")), Vec::<String>::new());
    assert_eq!(
        failing(&with_overview("（一）主动公开。（二）依申请公开。（四）平台建设。")),
        ["text.numbering.overview"]
    );
    assert_eq!(
        failing(&with_overview("一是加强学习；二是完善制度；二是强化监督。")),
        ["text.numbering.overview"]
    );
    let ok =
        "（一）问题。一是甲；二是乙。（二）措施。一是丙；二是丁。依据第二十条第（五）项。1.用词；2.隐私。";
    assert_eq!(failing(&with_overview(ok)), Vec::<String>::new());
}

#[test]
fn thin_problems_fee_and_length() {
    let mut r = report();
    let run = |r: &Report, at_export| failing(&run_text_checks(r, None, CheckOptions { at_export }));
    assert_eq!(run(&r, false), Vec::<String>::new(), "an empty draft raises nothing while typing");
    assert_eq!(run(&r, true), ["text.problems.thin", "text.other.fee"]);
    r.sections.problems = "无".to_string();
    r.sections.other = "本机关依申请提供政府信息，不收取费用。".to_string();
    assert_eq!(run(&r, false), ["text.problems.thin", "text.other.fee"]);
    r.sections.problems = "政策解读形式单一。".to_string();
    r.sections.other = "全年收取信息处理费3940元。".to_string();
    assert_eq!(run(&r, false), ["text.problems.thin", "text.other.fee"]);
    r.sections.problems =
        "一是政策解读形式单一，缺少图解、视频等形式；二是公开队伍建设仍需加强。下一步将丰富解读形式。"
            .to_string();
    r.sections.other = "全年收取信息处理费2件，共计3940元。".to_string();
    assert_eq!(run(&r, false), Vec::<String>::new());
    r.sections.other = "2024年，本机关未收取信息处理费。".to_string();
    assert_eq!(run(&r, false), Vec::<String>::new());
    r.sections.overview = format!("{}好", "政务公开工作推进有力".repeat(100));
    assert_eq!(run(&r, false), ["text.overview.length"]);
    r.sections.overview = "政务公开工作推进有力".repeat(100);
    assert_eq!(run(&r, false), Vec::<String>::new());
}

#[test]
fn the_year_must_match_the_format_edition() {
    let mut r = Report::new(2019);
    r.format = crate::format::FormatVersion::Official2021;
    assert_eq!(failing(&run_text_checks(&r, None, CheckOptions::default())), ["text.edition"]);
    let r = Report::new(2019);
    assert_eq!(failing(&run_text_checks(&r, None, CheckOptions::default())), Vec::<String>::new());
}

#[test]
fn repetition_is_robust_to_changed_years_and_figures() {
    let last_text = "2023年，我局坚持以人民为中心，全年主动公开政府信息350条，严格落实政务公开各项制度，\
                     扎实推进基层政务公开标准化规范化建设，不断提升政务公开质量和实效，政府信息公开工作取得新成效。";
    let mut last = NarrativeReference { year: 2023, ..Default::default() };
    last.sections.overview = last_text.to_string();
    let mut r = report();
    r.sections.overview = last_text.replace("2023", "2024").replace("350", "412");
    let results = run_text_checks(&r, Some(&last), CheckOptions::default());
    let rep = results.iter().find(|x| x.id == "text.repetition.overview").unwrap();
    assert_eq!(rep.status, Status::Fail);
    assert!(rep.explanation.contains("重复约100%"), "{}", rep.explanation);
    r.sections.overview = "2024年，我局围绕优化营商环境，聚焦企业关切，新开设惠企政策专栏，\
                           全年发布政策解读46篇，举办政府开放日活动3场，邀请企业代表参与重大决策。"
        .to_string();
    let results = run_text_checks(&r, Some(&last), CheckOptions::default());
    let rep = results.iter().find(|x| x.id == "text.repetition.overview").unwrap();
    assert_eq!(rep.status, Status::Pass, "{}", rep.explanation);
}

#[test]
fn the_paragraphs_before_the_tables_are_read_too() {
    let mut r = report();
    r.table_intros.table3 = "2024年，共收到政府信息公开申请71件。".to_string();
    r.table_intros.table4 = "全年发生政府信息公开行政复议3件，行政诉讼2件。".to_string();
    let results = run_text_checks(&r, None, CheckOptions::default());
    assert_eq!(failing(&results), ["text.figure.table3_intro.received"]);
    let w = results.iter().find(|c| c.status == Status::Fail).unwrap();
    let span = w.text.as_ref().unwrap();
    assert_eq!(
        (span.place, span.place.path()),
        (TextPlace::TableIntro(TableId::Table3), "table_intros.table3")
    );
    assert!(
        w.explanation.starts_with("第三部分表前说明“2024年，共收到政府信息公开申请71件。”"),
        "{}",
        w.explanation
    );
    assert_eq!(passing_figures(&results), 2, "表四's two figures match");
    // A stale year there is caught like anywhere else.
    r.table_intros.table2 = "2023年，我局主动公开政府信息1200条。".to_string();
    let results = run_text_checks(&r, None, CheckOptions::default());
    assert!(failing(&results).contains(&"text.year.table2_intro".to_string()), "{:?}", failing(&results));
}

#[test]
fn a_paragraph_before_a_table_copied_from_last_year_is_flagged() {
    let mut r = report();
    let intro = "我局严格按照《中华人民共和国政府信息公开条例》规定，认真受理、审查和答复每一件政府信息公开申请，\
                 做到依法依规、按时答复，切实保障人民群众的知情权、参与权、表达权和监督权，依申请公开工作平稳有序。";
    r.table_intros.table3 = intro.to_string();
    let mut last = NarrativeReference::of(&r);
    last.year = 2023;
    let results = run_text_checks(&r, Some(&last), CheckOptions::default());
    assert!(
        failing(&results).contains(&"text.repetition.table3_intro".to_string()),
        "{:?}",
        failing(&results)
    );
}
