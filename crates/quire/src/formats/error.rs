//! Why a file could not be read as an article, worded for the person who has to fix the file.

use std::fmt;

/// A file that is not a readable article. The importer prefixes the file's path, so the reason
/// says what is wrong and what to do about it, and the line says where to look when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// 1-based line in the file, when the problem sits on one line.
    pub line: Option<usize>,
    /// What is wrong, in words a person can act on.
    pub reason: String,
}

impl FormatError {
    /// A problem found on one line of the file.
    pub fn at_line(line: usize, reason: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            reason: reason.into(),
        }
    }

    /// A problem with the file as a whole, such as being empty or binary.
    pub fn whole_file(reason: impl Into<String>) -> Self {
        Self {
            line: None,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

impl std::error::Error for FormatError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_line_before_the_reason() {
        let error = FormatError::at_line(7, "`tags` must be a list");
        assert_eq!(error.to_string(), "line 7: `tags` must be a list");
        assert_eq!(
            FormatError::whole_file("the file is empty").to_string(),
            "the file is empty"
        );
    }
}
