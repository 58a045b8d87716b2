//! The file formats `quire import` and `quire article new|edit` read, told apart by content rather than by extension: a Quire
//! bundle, a Markdown file with YAML front matter, or a saved web page of a syndicated article.
//! Everything here is pure: bytes in, an [`ArticleDocument`] or a precise [`FormatError`] out, so
//! the import command decides alone what touches the database.

mod detect;
mod error;
pub mod front_matter;
mod syndicated_page;
mod text;

use quire_domain::ArticleDocument;

pub use detect::{FileKind, kind_of};
pub use error::FormatError;

/// Reads a whole file that is not a bundle as one article. The format is chosen by content: a
/// first line `---` means front matter, anything else must be a saved article page.
pub fn read_document(bytes: &[u8]) -> Result<ArticleDocument, FormatError> {
    let text = text::decode(bytes)?;
    if front_matter::starts_with_front_matter(&text) {
        return front_matter::parse(&text);
    }
    syndicated_page::parse(&text).map_err(|reason| {
        FormatError::whole_file(format!(
            "not a Quire bundle, a Markdown file with front matter, or a saved article page: \
             {reason}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_line_ends_and_a_byte_order_mark_do_not_matter() {
        let unix = "---\ntitle: A\ntags: [x]\n---\n\nFirst.\n\nSecond.\n";
        let windows = format!("\u{feff}{}", unix.replace('\n', "\r\n"));
        let from_unix = read_document(unix.as_bytes()).unwrap();
        assert_eq!(read_document(windows.as_bytes()).unwrap(), from_unix);
        assert_eq!(from_unix.body, "First.\n\nSecond.");
    }

    #[test]
    fn bad_bytes_are_refused_before_parsing() {
        assert!(read_document(b"").unwrap_err().reason.contains("empty"));
        assert!(
            read_document(b"PK\x03\x04\0\0")
                .unwrap_err()
                .reason
                .contains("binary")
        );
        let error = read_document(b"---\ntitle: A\n---\n\nna\xEFve\n").unwrap_err();
        assert_eq!(error.line, Some(5));
    }

    #[test]
    fn a_file_of_no_known_format_says_what_it_expected() {
        let error = read_document(b"# Just a heading\n\nAnd some text.\n").unwrap_err();
        assert!(
            error.reason.starts_with(
                "not a Quire bundle, a Markdown file with front matter, or a saved article page: "
            ),
            "{error}"
        );
    }
}
