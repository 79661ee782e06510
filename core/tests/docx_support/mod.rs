//! Shared by the DOCX tests: sample reports and a reader for the generated package.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use xxgk_core::format::{format, FormatVersion};
use xxgk_core::model::{Report, TitleForm};

/// The 尔林兔镇 2021 report (../shared/fixtures/erlintu-2021-reference.txt):
/// every part of a real report, sent as a 报告 with 发文字号, 主送机关, 落款 and 版记.
pub fn erlintu() -> Report {
    let mut r = Report::new(2021);
    r.unit_name = "尔林兔镇人民政府".into();
    r.title_form = TitleForm::Submission;
    r.doc_number = "尔政字〔2022〕8号".into();
    r.addressee = "神木市政府办".into();
    r.preamble = "尔林兔镇2021年政府信息公开工作情况如下：".into();
    r.sections.overview = [
        "2021年，我镇认真落实神木市委、市政府关于全面推进政务公开工作决策部署及相关文件精神，坚持以公开为常态、不公开为例外原则，推进决策公开、执行公开、管理公开、服务公开、结果公开。积极推进和开展政府信息公开工作，依法保障公民获取政府信息，提高政府工作透明度。为切实做好政府信息公开工作。我镇专门配备了1名专职工作人员。2021年度，我镇政府信息公开工作运行正常，政府信息公开咨询、申请以及答复工作均得到了顺利开展。",
        "一是强化思想认识，加强组织保障。2021年度，镇党委高度重视政务公开工作，把推行政务公开工作列入重要议事日程，同时与机关作风建设紧密结合起来，整体推进。使领导干部充分认识到推行政务公开是全面贯彻落实习近平新时代中国特色社会主义思想的具体体现，也是实行依法行政，转变工作作风，提高工作效率的一项重要举措，促使领导干部自觉抓好政务公开工作的落实。同时由于党政班子和办公室人事变动，我镇及时调整了政务公开领导小组成员并完成工作交接，确保了政务公开组织协调工作不因人事变动受影响。",
        "二是规范信息发布，提高信息质量。严格按照信息公开目录公开对应信息，保持信息内容符合栏目要求，出现错误进行调整及更新。严格做好信息公开时的主题分类工作，提高规范性文件获取的便利性，并尽量在公布内容概述的同时，添加附件，以供下载。在公开内容上，我们严格按照神木市政务公开相关文件的要求，在公开基本内容的基础上，重点公开与群众切身利益密切相关的国家、省、市的规范性文件和政策解读，以及群众最关心、社会最敏感、反映最强烈的热点问题。严格按照时间节点重点做好各项财政资金的预决算信息公开，真正的做到主动、及时、全面、真实地公开内容，公开深度到位，公开程序规范。",
        "三是狠抓落实，确保工作取得实在成效。我镇严格运行保密审查机制，落实领导责任制、岗位责任制，认真遵循政府信息公开工作保密管理“谁发布、谁负责、谁审查”、“事前审查、依法审查”的总原则，严格遵守政府信息公开保密审查、登记制度，严格审查程序，保证了信息发布及时、准确、规范、完整。同时，我镇还根据上级检查考核工作要求，认真对照查找，改进和完善工作中存在的不足，确保政府信息公开工作取得实在成效。",
    ]
    .join("\n");
    r.sections.problems = [
        "2021 年度，我镇政府信息公开工作虽然取得了一定的成绩，但我们也清醒地认识到，在政务公开的内容和方式、任务制度、任务效率等方面还具有诸多不足。一是现有主动公开的政府信息还不够全面与公众的需求还存在不少距离，公开内容需要进一步深化。二是信息公开的时效性仍有待提高；三是公开知晓度宣传工作有待进一步加强。",
        "在今后的工作中，我镇将继续贯彻落实上级有关文件精神，做好信息公开工作。",
        "（一）进一步提高对政务公开和信息公开工作重要性的认识。继续加强对政务公开和信息公开工作的领导，将政务信息公开工作纳入全局总体工作，一并抓好、落实好。",
        "（二）是认真解决政府信息公开工作中存在的问题。依照国家法规和政策，建立科学合理、行之有效、具体明确、易于运行操作的运行体系，全面规范政务公开工作，深入实际，办实事、重实效。",
        "（三）是完善政府信息公开制度，加强各种监督，重视服务性。对在政务公开工作中造成不良影响的行为，依据有关规定追究责任人的相关责任。",
        "（四）是加强镇政府信息公开管理人员的思想政治教育、保密素养和业务知识培训，不断提高政务公开工作人员的思想政治素质、保密素养和业务水平，增强责任意识和服务意识，树立良好政府形象，确保政务公开工作顺利开展，进一步推动我镇信息化建设，不断提高政务信息公开工作。",
    ]
    .join("\n");
    r.sections.other = "暂无其他需要说明的事项。".into();
    r.signature_date = "2022-01-12".into();
    r.imprint_org = "尔林兔镇党政办公室".into();
    r.imprint_date = "2022-01-12".into();
    for field in format(r.format).fields() {
        r.set_raw(field.key, "0");
    }
    r
}

/// [`erlintu`] with a different number in every cell (totals left to be
/// computed), so that a missing or misplaced cell shows.
pub fn erlintu_numbered() -> Report {
    let mut r = erlintu();
    fill_distinct(&mut r);
    r
}

/// Writes distinct values into every input cell that is not a computed total.
pub fn fill_distinct(r: &mut Report) {
    let computed: Vec<_> = format(r.format).sum_rules().map(|s| s.total).collect();
    for (i, field) in format(r.format).fields().enumerate() {
        if computed.contains(&field.key) {
            r.set_raw(field.key, "");
            continue;
        }
        let text = match field.kind {
            xxgk_core::format::ValueKind::Amount => format!("{}.{:02}", 100 + i, i % 100),
            xxgk_core::format::ValueKind::Delta => format!("-{}", 10 + i),
            xxgk_core::format::ValueKind::Count => format!("{}", 1000 + i * 7),
        };
        r.set_raw(field.key, &text);
    }
}

/// A 2020 report in the trial format, for the 2019 grid.
pub fn trial_2019() -> Report {
    let mut r = Report::new(2020);
    assert_eq!(r.format, FormatVersion::Trial2019);
    r.unit_name = "平潭综合实验区社会事业局".into();
    r.sections.overview = "总体情况。".into();
    fill_distinct(&mut r);
    r
}

/// `text` in every text field, every table intro and every table cell.
pub fn everywhere(text: &str, form: TitleForm, year: u16) -> Report {
    let mut r = Report::new(year);
    r.title_form = form;
    for field in [
        &mut r.unit_name,
        &mut r.doc_number,
        &mut r.addressee,
        &mut r.preamble,
        &mut r.sections.overview,
        &mut r.sections.problems,
        &mut r.sections.other,
        &mut r.table_intros.table2,
        &mut r.table_intros.table3,
        &mut r.table_intros.table4,
        &mut r.signature_org,
        &mut r.signature_date,
        &mut r.imprint_org,
        &mut r.imprint_date,
    ] {
        *field = text.to_string();
    }
    let keys: Vec<_> = format(r.format).fields().map(|f| f.key).collect();
    for key in keys {
        r.set_raw(key, text);
    }
    r
}

/// The parts of a .docx, by path.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        if file.is_dir() {
            continue;
        }
        let mut text = String::new();
        file.read_to_string(&mut text).expect("UTF-8 part");
        parts.insert(file.name().to_string(), text);
    }
    parts
}

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Attribute `w:name` of a node.
pub fn w_attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The first child element `w:name`.
pub fn w_child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name((W, name)))
}

/// The children elements `w:name`.
pub fn w_children<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children().filter(move |c| c.has_tag_name((W, name)))
}

/// The text of a node's `w:t` descendants.
pub fn text_of(node: roxmltree::Node) -> String {
    node.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect()
}
