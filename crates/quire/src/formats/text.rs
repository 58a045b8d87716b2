//! Turning a file's bytes into text the parsers can trust: UTF-8, no byte order mark, `\n` line
//! ends. Files come from editors on every system and from browsers' "save as text", so these
//! differences are normal and are smoothed over; what cannot be text is refused with a reason.

use super::error::FormatError;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much of the file is sampled to tell text from binary data.
const SAMPLE_BYTES: usize = 8 * 1024;

/// Share of the sample that may be control characters or broken UTF-8 before the file counts as
/// binary rather than as text with a few bad bytes, which deserves a line-precise error instead.
const MAX_NON_TEXT_SHARE: f64 = 0.1;

/// The file as UTF-8 text with `\n` line ends, or why it is not an article's text.
pub fn decode(bytes: &[u8]) -> Result<String, FormatError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(FormatError::whole_file(
            "the file is UTF-16 text; save it as UTF-8 and import it again",
        ));
    }
    if bytes.contains(&0) || looks_binary(&bytes[..bytes.len().min(SAMPLE_BYTES)]) {
        return Err(FormatError::whole_file(
            "the file is binary data (an image, archive or word-processor document?), not text; \
             save the article as Markdown or plain text first",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| not_utf8(bytes, error))?;
    if text.trim().is_empty() {
        return Err(FormatError::whole_file(
            "the file is empty: there is no article in it",
        ));
    }
    Ok(normalise_line_ends(text))
}

fn looks_binary(sample: &[u8]) -> bool {
    let broken: usize = sample
        .utf8_chunks()
        .map(|chunk| {
            let controls = chunk
                .valid()
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'))
                .count();
            controls + chunk.invalid().len()
        })
        .sum();
    broken as f64 > sample.len() as f64 * MAX_NON_TEXT_SHARE
}

fn not_utf8(bytes: &[u8], error: std::str::Utf8Error) -> FormatError {
    let at = error.valid_up_to();
    let line_start = bytes[..at]
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1);
    let line = bytes[..at].iter().filter(|&&byte| byte == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&bytes[line_start..at])
        .chars()
        .count()
        + 1;
    FormatError::at_line(
        line,
        format!(
            "byte 0x{:02X} in column {column} is not UTF-8 (the file may be Latin-1 or \
             Windows-1252); save the file as UTF-8 and import it again",
            bytes[at]
        ),
    )
}

/// Windows `\r\n` and old Mac `\r` line ends become `\n`.
fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_byte_order_mark_and_normalises_line_ends() {
        let text = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n").unwrap();
        assert_eq!(text, "one\ntwo\nthree\n");
    }

    #[test]
    fn refuses_an_empty_or_blank_file() {
        for bytes in [
            &b""[..],
            b"  \n\t\r\n",
            b"\xEF\xBB\xBF",
            "\u{a0}\n".as_bytes(),
        ] {
            let error = decode(bytes).unwrap_err();
            assert_eq!(error.line, None);
            assert!(error.reason.contains("empty"), "{bytes:?}: {error}");
        }
    }

    #[test]
    fn refuses_binary_data() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        assert!(decode(png).unwrap_err().reason.contains("binary"));
        let no_nul: Vec<u8> = (0..600u32).map(|i| (i * 37 % 256) as u8 | 0x80).collect();
        assert!(decode(&no_nul).unwrap_err().reason.contains("binary"));
        let controls = "\x01\x02\x03\x04 text".repeat(50);
        assert!(
            decode(controls.as_bytes())
                .unwrap_err()
                .reason
                .contains("binary")
        );
    }

    #[test]
    fn names_the_line_and_column_of_a_byte_that_is_not_utf8() {
        let error = decode(b"---\ntitle: Caf\xE9 society\n---\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.reason.contains("0xE9 in column 11"), "{error}");
        assert!(error.reason.contains("save the file as UTF-8"), "{error}");
    }

    #[test]
    fn refuses_utf16_with_a_hint() {
        let utf16: Vec<u8> = [0xFF, 0xFE, b't', 0, b'i', 0].to_vec();
        assert!(decode(&utf16).unwrap_err().reason.contains("UTF-16"));
    }

    #[test]
    fn keeps_non_latin_text() {
        let text = "کشمیر\nकश्मीर\n克什米尔\n";
        assert_eq!(decode(text.as_bytes()).unwrap(), text);
    }
}
