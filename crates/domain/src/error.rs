//! Errors raised by domain rules, before anything is stored.

use crate::status::ArticleStatus;

/// One input at fault and what is wrong with it, phrased for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The input's name as the client spelled it (`title`, `input.slug`, …).
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// A rule of the product refused the request.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// One or more inputs are invalid; every one at fault is listed.
    #[error("invalid input: {}", describe(.0))]
    Invalid(Vec<FieldError>),
    /// The action needs a signed-in user and the request carried no valid credentials.
    #[error("sign in first: this needs an access token in the Authorization header")]
    SignInRequired,
    /// The viewer's role does not allow the action.
    #[error("{0}")]
    Forbidden(&'static str),
    /// The article's current stage does not allow the requested move.
    #[error("cannot {action} an article that is {from}")]
    InvalidTransition {
        /// The article's status when the move was asked for.
        from: ArticleStatus,
        /// The refused move.
        action: &'static str,
    },
}

impl DomainError {
    /// A validation failure on a single field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        DomainError::Invalid(vec![FieldError::new(field, message)])
    }

    /// The same failure with every field named under `parent` (`authors.name`), for inputs
    /// that arrive nested in another, such as an author named by an imported article.
    pub fn within(self, parent: &str) -> Self {
        match self {
            DomainError::Invalid(errors) => DomainError::Invalid(
                errors
                    .into_iter()
                    .map(|e| FieldError::new(format!("{parent}.{}", e.field), e.message))
                    .collect(),
            ),
            other => other,
        }
    }
}

fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}
