//! xxgk-core: the 政府信息公开工作年度报告 domain, free of any DOM.
//!
//! - [`format`]: the official format (2019 trial and 2021) as data;
//! - [`model`]: what a report is;
//! - [`checks`]: the 勾稽 checks, with explanations and the cells involved;
//! - [`draft`]: the versioned draft file (JSON), loaded with validation;
//! - [`date`]: calendar dates (成文日期, 印发日期), read once for validation and print;
//! - [`year`]: the year a new report is about, and switching a report's year (and format edition);
//! - [`value`]: reading what is typed into a number cell;
//! - [`paste`]: reading a block of cells copied from Excel or WPS;
//! - [`totals`]: 总计 cells computed from their parts;
//! - [`zero_fill`]: 「空格填 0」, writing 0 into every blank input cell;
//! - [`text`]: free text as printed (XML-safe, paragraphs, official dates), shared by the preview and the DOCX;
//! - [`outline`]: the report as a document (blocks, tables, page), rendered by the DOCX and the preview alike;
//! - [`docx`]: the report as a DOCX in the official layout;
//! - [`import`]: a published report (DOCX, HTML, pasted text) read into a draft;
//! - [`storage`]: drafts kept in the browser (record format, list, next year's report);
//! - [`summary`]: 汇总, many units' reports summed, compared and listed (with an XLSX overview);

pub mod checks;
pub mod date;
pub mod docx;
pub mod draft;
mod figures;
pub mod format;
pub mod import;
pub mod model;
pub mod outline;
pub mod paste;
pub mod storage;
pub mod summary;
pub mod text;
pub mod totals;
pub mod value;
pub mod year;
pub mod zero_fill;
