//! docs/draft-format.md stays true: its example loads, and it names every
//! table key of both formats.

use xxgk_core::draft::from_json;
use xxgk_core::format::{format, FormatVersion};

const DOC: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/draft-format.md"));

#[test]
fn the_example_is_a_valid_draft() {
    let after = DOC.split("## Example").nth(1).expect("an Example section");
    let json = after.split("```json\n").nth(1).and_then(|s| s.split("\n```").next()).expect("a json block");
    let report = from_json(json).unwrap_or_else(|e| panic!("{}", e.message()));
    assert_eq!(report.unit_name, "平潭综合实验区社会事业局");
    assert_eq!(report.table4.get("suit_after_review", "total"), Some("15"));
}

#[test]
fn every_row_and_column_key_is_documented() {
    for v in [FormatVersion::Trial2019, FormatVersion::Official2021] {
        for field in format(v).fields() {
            for key in [field.key.row, field.key.col] {
                assert!(
                    DOC.contains(&format!("`{key}`")),
                    "{} key `{key}` is not in docs/draft-format.md",
                    v.key()
                );
            }
        }
    }
}
