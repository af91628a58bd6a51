//! The report leaves the app: what it shows is decided once ([`view`]), and each writer only writes
//! its format ([`html`], [`docx`]; CSV and a summary are to sit beside them).
//!
//! The interface needs only the functions re-exported here: the printable page, the name of an
//! exported file and the email that sends the report.

pub mod docx;
pub mod html;
pub mod html_writer;
pub mod jobs;
pub mod letterhead;
pub mod markup;
pub mod names;
pub mod summary;
pub mod summary_screen;
pub mod view;

pub use docx::report_docx;
pub use html::{printable_html, report_file_html, report_html, report_html_with_photos};
pub use names::{email_summary, file_name};
