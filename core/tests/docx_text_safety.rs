//! Any text in any field gives a DOCX whose XML a real parser accepts, and
//! nothing printable the user typed is lost.

mod docx_support;

use docx_support::*;
use proptest::prelude::*;
use xxgk_core::docx::build_docx;
use xxgk_core::format::format;
use xxgk_core::model::TitleForm;

/// Every XML part of the package parses.
fn assert_parses(bytes: &[u8]) -> String {
    let parts = unzip(bytes);
    let mut body_text = String::new();
    for (name, text) in &parts {
        if !name.ends_with(".xml") && !name.ends_with(".rels") {
            continue;
        }
        let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if name == "word/document.xml" {
            body_text = text_of(doc.root_element());
        }
    }
    body_text
}

fn printable(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_control() && !c.is_whitespace() && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

#[test]
fn the_parser_is_strict_about_forbidden_characters() {
    assert!(roxmltree::Document::parse("<a>\u{1}</a>").is_err());
    assert!(roxmltree::Document::parse("<a>\u{FFFF}</a>").is_err());
    assert!(roxmltree::Document::parse("<a>&#11;</a>").is_err());
}

#[test]
fn every_c0_control_in_every_field() {
    let controls: String = (0u8..0x20).map(char::from).collect();
    let text = format!("甲{controls}乙\u{7F}\u{85}\u{FFFE}\u{FFFF}丙&<>\"'");
    for form in [TitleForm::Annual, TitleForm::Submission] {
        let body = assert_parses(&build_docx(&everywhere(&text, form, 2021)));
        assert!(body.contains("甲"), "text survives");
        assert!(body.contains("&<>\"'"), "markup characters are escaped, not dropped");
    }
}

/// Characters weighted towards the troublesome: C0 and C1 controls, the
/// non-characters, XML markup, CJK and astral-plane text.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
        1 => (0x7Fu32..0xA0).prop_map(|c| char::from_u32(c).unwrap()),
        1 => prop::sample::select(vec!['\u{FFFE}', '\u{FFFF}', '\u{FEFF}', '\u{2028}', '\u{2029}', '\u{3000}']),
        1 => prop::sample::select(vec!['&', '<', '>', '"', '\'', ']', '：', '〔', '〕']),
        2 => prop::char::range('\u{4E00}', '\u{9FFF}'),
        3 => any::<char>(),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..60).prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_text_in_every_field_still_parses(
        text in hostile_text(),
        cell in hostile_text(),
        submission in any::<bool>(),
    ) {
        let form = if submission { TitleForm::Submission } else { TitleForm::Annual };
        let mut report = everywhere(&text, form, 2021);
        let keys: Vec<_> = format(report.format).fields().map(|f| f.key).step_by(3).collect();
        for key in keys {
            report.set_raw(key, &cell);
        }
        let body = assert_parses(&build_docx(&report));
        for c in printable(&text) {
            prop_assert!(body.contains(c), "{:?} was dropped", c);
        }
    }
}
