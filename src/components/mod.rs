//! The editor's components, one per file.

pub mod checks_panel;
pub mod grid_cell;
pub mod notice;
pub mod preview;
pub mod section;
pub mod summary_badge;
pub mod table_grid;
pub mod text_field;
pub mod toolbar;
pub mod unit_form;
