//! The six sections of the report, with the template's headings and placeholders.

use serde::{Deserialize, Serialize};

use super::{FormatVersion, TableId};

/// The free-text sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NarrativeKey {
    /// 一、总体情况
    Overview,
    /// 五、存在的主要问题及改进情况
    Problems,
    /// 六、其他需要报告的事项
    Other,
}

impl NarrativeKey {
    pub const ALL: [NarrativeKey; 3] = [NarrativeKey::Overview, NarrativeKey::Problems, NarrativeKey::Other];

    /// Key in the draft JSON (`sections.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            NarrativeKey::Overview => "overview",
            NarrativeKey::Problems => "problems",
            NarrativeKey::Other => "other",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionBody {
    Narrative {
        key: NarrativeKey,
        /// The template's placeholder, verbatim, e.g. 「（文字描述）」.
        placeholder: &'static str,
        /// What the notice asks this section to cover, shown as a hint.
        guidance: &'static str,
        /// The notice's length guideline in characters (一: 「原则上不超过一千字」).
        soft_limit: Option<usize>,
    },
    Table(TableId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionSpec {
    /// 「一」 … 「六」.
    pub number: &'static str,
    /// The heading as the template prints it, e.g. 「一、总体情况」.
    pub heading: &'static str,
    pub body: SectionBody,
}

pub(super) fn sections(version: FormatVersion) -> Vec<SectionSpec> {
    let other_placeholder = match version {
        FormatVersion::Trial2019 => "（文字描述）",
        FormatVersion::Official2021 => "（文字描述，收取信息处理费情况在此处报告。）",
    };
    let other_guidance = match version {
        FormatVersion::Trial2019 => "本机关认为需要报告的其他事项，以及其他文件专门要求通过年度报告予以报告的事项。",
        FormatVersion::Official2021 => {
            "依据《政府信息公开信息处理费管理办法》收取信息处理费的情况在此专门报告（件数、金额，或写明本年未收取）；其他需要报告的事项。"
        }
    };
    let overview_limit = match version {
        FormatVersion::Trial2019 => None,
        FormatVersion::Official2021 => Some(1000),
    };
    vec![
        SectionSpec {
            number: "一",
            heading: "一、总体情况",
            body: SectionBody::Narrative {
                key: NarrativeKey::Overview,
                placeholder: "（文字描述）",
                guidance: "围绕主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面，聚焦主题、简明客观；各级人民政府还应包括工作考核、社会评议和责任追究结果情况。",
                soft_limit: overview_limit,
            },
        },
        SectionSpec { number: "二", heading: "二、主动公开政府信息情况", body: SectionBody::Table(TableId::Table2) },
        SectionSpec {
            number: "三",
            heading: "三、收到和处理政府信息公开申请情况",
            body: SectionBody::Table(TableId::Table3),
        },
        SectionSpec {
            number: "四",
            heading: "四、政府信息公开行政复议、行政诉讼情况",
            body: SectionBody::Table(TableId::Table4),
        },
        SectionSpec {
            number: "五",
            heading: "五、存在的主要问题及改进情况",
            body: SectionBody::Narrative {
                key: NarrativeKey::Problems,
                placeholder: "（文字描述）",
                guidance: "实事求是、明确具体，查找问题要有针对性，改进举措要有实效性，不得年年雷同。",
                soft_limit: None,
            },
        },
        SectionSpec {
            number: "六",
            heading: "六、其他需要报告的事项",
            body: SectionBody::Narrative {
                key: NarrativeKey::Other,
                placeholder: other_placeholder,
                guidance: other_guidance,
                soft_limit: None,
            },
        },
    ]
}
