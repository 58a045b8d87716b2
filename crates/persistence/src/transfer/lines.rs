//! A bundle's lines, one at a time, in a buffer that is reused, so reading a file of any size
//! holds one line in memory. A line has a length limit, so a file with no line breaks (binary
//! garbage) is refused at the limit instead of read whole.

use std::io::{BufRead, Read};

use super::BundleError;

/// Longest header line: the header is a few dozen bytes.
pub(super) const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Longest record line. The longest record is an article with its revisions, each body at most
/// 400,000 characters; this leaves room for dozens of full-length revisions.
pub(super) const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// A buffer larger than this is given back after its line, so one long line does not hold
/// memory for the rest of the file.
const KEPT_CAPACITY: usize = 1024 * 1024;

/// Reads numbered lines from a bundle.
pub(super) struct Lines<'a> {
    input: &'a mut (dyn BufRead + Send),
    buffer: Vec<u8>,
    number: u64,
    consumed: u64,
}

impl<'a> Lines<'a> {
    pub(super) fn new(input: &'a mut (dyn BufRead + Send)) -> Self {
        Lines {
            input,
            buffer: Vec::new(),
            number: 0,
            consumed: 0,
        }
    }

    /// Bytes read so far, for progress reports.
    pub(super) fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The next line without its line ending, with its 1-based number; `None` at the end.
    pub(super) fn next_line(&mut self, limit: usize) -> Result<Option<(u64, &str)>, BundleError> {
        if self.buffer.capacity() > KEPT_CAPACITY {
            self.buffer = Vec::new();
        }
        self.buffer.clear();
        self.number += 1;
        let number = self.number;
        let read = Read::take(&mut *self.input, limit as u64 + 1)
            .read_until(b'\n', &mut self.buffer)
            .map_err(|e| BundleError::at(number, format!("cannot be read: {e}")))?;
        if read == 0 {
            return Ok(None);
        }
        self.consumed += read as u64;
        if self.buffer.last() == Some(&b'\n') {
            self.buffer.pop();
            if self.buffer.last() == Some(&b'\r') {
                self.buffer.pop();
            }
        } else if self.buffer.len() > limit {
            return Err(BundleError::at(
                number,
                format!(
                    "the line is longer than {} MiB, more than any record needs; \
                     is this a Quire bundle?",
                    limit.div_ceil(1024 * 1024)
                ),
            ));
        }
        let mut bytes = self.buffer.as_slice();
        if number == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        let line = std::str::from_utf8(bytes).map_err(|e| {
            BundleError::at(
                number,
                format!(
                    "is not valid UTF-8 (byte {} of the line); bundles are UTF-8 text",
                    e.valid_up_to() + 1
                ),
            )
        })?;
        Ok(Some((number, line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &[u8], limit: usize) -> Result<Vec<(u64, String)>, BundleError> {
        let mut input = text;
        let mut lines = Lines::new(&mut input);
        let mut out = Vec::new();
        while let Some((n, line)) = lines.next_line(limit)? {
            out.push((n, line.to_owned()));
        }
        Ok(out)
    }

    #[test]
    fn numbers_lines_and_drops_their_endings() {
        let lines = all(b"\xEF\xBB\xBFone\r\ntwo\n\nlast", 100).unwrap();
        let expected = [(1, "one"), (2, "two"), (3, ""), (4, "last")];
        assert_eq!(
            lines,
            expected.map(|(n, l)| (n, l.to_owned())).to_vec(),
            "a byte order mark and CR LF are tolerated"
        );
    }

    #[test]
    fn refuses_overlong_lines_and_broken_text() {
        let long = all(b"ok\n0123456789abc\n", 10).unwrap_err();
        assert_eq!(long.line, 2);
        assert!(long.reason.contains("longer than"), "{long}");
        assert_eq!(all(b"0123456789\n", 10).unwrap().len(), 1);
        let broken = all(b"ok\nab\xff\n", 10).unwrap_err();
        assert_eq!(broken, BundleError::at(2, broken.reason.clone()));
        assert!(broken.reason.contains("byte 3"), "{broken}");
    }
}
