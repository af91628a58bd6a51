//! The pure core: plain Rust with no browser APIs, tested natively with `cargo test`.

pub mod archive;
pub mod backup;
pub mod checks;
pub mod document;
pub mod drafts;
pub mod editor_sections;
pub mod export;
pub mod field;
pub mod i18n;
pub mod ids;
pub mod intake;
pub mod new_row;
pub mod open_draft;
pub mod photo_use;
pub mod photos;
pub mod profile;
pub mod profile_file;
pub mod report;
pub mod report_file;
pub mod sign_off;
pub mod store;
pub mod store_error;
pub mod strict_json;
pub mod summary;
pub mod templates;
#[cfg(test)]
pub(crate) mod test_support;
pub mod whole_number;
