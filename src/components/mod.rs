//! The editor's components, one per file.

pub mod checks_panel;
pub mod checks_verify;
pub mod dialog_head;
pub mod drafts_banners;
pub mod drafts_bar;
pub mod drafts_import;
pub mod drafts_list;
pub mod drafts_next_year;
pub mod drafts_reference;
pub mod file_button;
pub mod grid_cell;
pub mod import_dialog;
pub mod lazy_view;
pub mod notice;
pub mod preview;
pub mod section;
pub mod summary_badge;
pub mod table_grid;
pub mod table_markup;
pub mod text_field;
pub mod toolbar;
pub mod unit_form;
pub mod update_banner;
