//! Corrections: dated public notes appended to an article after it ran. They are added, never
//! edited or removed, so readers can trust that what was once admitted stays on the record.

use chrono::{DateTime, Utc};

use crate::error::DomainError;
use crate::validation::{MAX_CORRECTION, Report};

/// A correction as readers see it. The text is plain text, never Markdown or HTML: clients
/// escape it like any other string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The note.
    pub text: String,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

/// The text of a correction about to be added, trimmed and checked like every other text
/// input, so only valid notes reach the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionText(String);

impl CorrectionText {
    /// Trims `text` and checks it: 1 to [`MAX_CORRECTION`] characters, no control characters
    /// but line breaks and tabs. Failures name the field `text`.
    pub fn parse(text: String) -> Result<Self, DomainError> {
        let mut report = Report::default();
        let text = report.required("text", text, MAX_CORRECTION);
        report.finish(CorrectionText(text))
    }

    /// The checked text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(text: &str) -> String {
        match CorrectionText::parse(text.to_owned()) {
            Err(DomainError::Invalid(errors)) => {
                assert_eq!(errors.len(), 1);
                assert_eq!(errors[0].field, "text");
                errors[0].message.clone()
            }
            other => panic!("expected a refusal of {text:?}, got {other:?}"),
        }
    }

    #[test]
    fn trims_and_keeps_plain_text_as_given() {
        let text = CorrectionText::parse("  An earlier version misspelt <b>Srinagar</b>.\n".into())
            .unwrap();
        assert_eq!(
            text.as_str(),
            "An earlier version misspelt <b>Srinagar</b>."
        );
    }

    #[test]
    fn refuses_blank_text() {
        assert_eq!(refusal(" \n\t "), "must not be empty");
    }

    #[test]
    fn counts_characters_not_bytes() {
        let longest = "é".repeat(MAX_CORRECTION);
        assert!(CorrectionText::parse(longest).is_ok());
        assert!(refusal(&"é".repeat(MAX_CORRECTION + 1)).contains("at most 2000"));
    }

    #[test]
    fn refuses_control_characters() {
        assert!(refusal("Corrected\u{0} figure").contains("U+0000"));
        assert!(refusal("bell\u{7}").contains("U+0007"));
    }
}
