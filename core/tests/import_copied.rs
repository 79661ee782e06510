//! Pages of published reports, as a browser copies them (text/plain), import
//! to exactly the transcribed cells, unit, year, edition and headings.

mod import_support;

use import_support::{assert_same_report, copied, stems};
use xxgk_core::import::{read_plain_text, recognise};

#[test]
fn every_copied_page_imports_to_its_transcription() {
    let stems = stems();
    assert_eq!(stems.len(), 7);
    for stem in stems {
        let doc = read_plain_text(&copied(&stem));
        let imported = recognise(&doc).unwrap_or_else(|e| panic!("{stem}: {e}"));
        if std::env::var_os("XXGK_PRINT").is_some() {
            println!("== {stem}\n{}", imported.log.lines().join("\n"));
        }
        assert_same_report(&stem, &imported);
    }
}
