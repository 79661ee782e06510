//! Each published page, saved as HTML (and a GBK copy) and converted to
//! .docx by LibreOffice, imports to exactly the transcribed cells, unit
//! (机关, for every page), year, edition and headings.

mod import_support;

use import_support::{assert_same_report, dir, stems};
use xxgk_core::import::readers::read_file;
use xxgk_core::import::recognise;

#[test]
fn every_published_page_and_its_docx_import_to_the_transcription() {
    let mut read = 0;
    for stem in stems() {
        for ext in ["html", "docx", "gbk.html"] {
            let path = dir().join(format!("published/{stem}.{ext}"));
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let doc =
                read_file(&path.to_string_lossy(), &bytes).unwrap_or_else(|e| panic!("{stem}.{ext}: {e}"));
            let imported = recognise(&doc).unwrap_or_else(|e| panic!("{stem}.{ext}: {e}"));
            // The saved article holds no title (the portal prints it outside): 机关 and 年度
            // come from the page's <title>, which LibreOffice keeps as the .docx's title property.
            let from_title = imported.log.notes.iter().any(|n| n.message.starts_with("正文中没有报告标题"));
            assert!(from_title, "{stem}.{ext}: the title should be said to come from the file's title");
            assert!(!imported.log.notes.iter().any(|n| n.message.starts_with("没有找到报告标题")));
            if std::env::var_os("XXGK_PRINT").is_some() {
                println!("== {stem}.{ext}\n{}", imported.log.lines().join("\n"));
            }
            assert_same_report(&format!("{stem}.{ext}"), &imported);
            read += 1;
        }
    }
    assert_eq!(read, 7 * 2 + 1);
}
