//! Telling a Quire bundle from a single-article file by its first bytes, never by its name: files
//! get renamed, and an export saved as `articles.txt` must still import as a bundle.

/// What a file is, told from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// JSON Lines written by `quire export`: many articles and the rows they refer to.
    Bundle,
    /// One article: Markdown with front matter or a saved web page.
    Document,
}

/// Tells a bundle from a document. `start` is the first few KiB of the file, which may end in the
/// middle of the first line, so only the beginning of the bundle's header object is inspected:
/// `{"format":"quire-bundle"` with any spacing, optionally after a byte order mark.
pub fn kind_of(start: &[u8]) -> FileKind {
    let rest = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    let parsed = expect_token(rest, b"{")
        .and_then(|rest| expect_token(rest, b"\"format\""))
        .and_then(|rest| expect_token(rest, b":"))
        .and_then(|rest| expect_token(rest, b"\"quire-bundle\""));
    match parsed {
        Some(rest) if ends_the_value(rest) => FileKind::Bundle,
        _ => FileKind::Document,
    }
}

/// Skips JSON whitespace (but not line breaks, since the header is one line) and then `token`.
fn expect_token<'a>(bytes: &'a [u8], token: &[u8]) -> Option<&'a [u8]> {
    skip_spaces(bytes).strip_prefix(token)
}

fn skip_spaces(bytes: &[u8]) -> &[u8] {
    let spaces = bytes
        .iter()
        .take_while(|byte| matches!(byte, b' ' | b'\t'))
        .count();
    &bytes[spaces..]
}

/// The format value is complete: more members follow, the object closes, or the sample ends.
fn ends_the_value(rest: &[u8]) -> bool {
    matches!(skip_spaces(rest).first(), None | Some(b',' | b'}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_header_is_a_bundle_however_it_is_spaced() {
        for start in [
            &b"{\"format\":\"quire-bundle\",\"version\":1}\n{\"article\":{}}"[..],
            b"{ \"format\" : \"quire-bundle\" , \"version\": 1",
            b"\xEF\xBB\xBF{\"format\":\"quire-bundle\"}",
            b"{\"format\":\"quire-bundle\"",
        ] {
            assert_eq!(kind_of(start), FileKind::Bundle, "{start:?}");
        }
    }

    #[test]
    fn anything_else_is_a_document() {
        for start in [
            &b"---\ntitle: \"{\\\"format\\\":\\\"quire-bundle\\\"}\"\n---\n"[..],
            b"{\"version\":1,\"format\":\"quire-bundle\"}",
            b"{\"format\":\"quire-bundle-2\"}",
            b"{\"format\":\"other\"}",
            b"\n{\"format\":\"quire-bundle\"}",
            b"Skip to main content\n\nA title",
            b"",
            b"\x89PNG\r\n\x1a\n",
        ] {
            assert_eq!(kind_of(start), FileKind::Document, "{start:?}");
        }
    }
}
