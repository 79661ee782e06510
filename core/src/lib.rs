//! xxgk-core: the 政府信息公开工作年度报告 domain, free of any DOM.
//!
//! - [`format`]: the official format (2019 trial and 2021) as data;
//! - [`model`]: what a report is;

pub mod format;
pub mod model;
