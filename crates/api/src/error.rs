//! The public error vocabulary. Every failure a client sees is one of these, with a code from
//! [`code`] and a message a person can act on; internal detail goes to the log only.

use async_graphql::ErrorExtensions as _;
use quire_domain::{DomainError, FieldError};
use quire_persistence::StoreError;

/// The `extensions.code` values of the public contract.
pub mod code {
    /// No valid credentials for something that needs them.
    pub const UNAUTHENTICATED: &str = "UNAUTHENTICATED";
    /// Signed in, but the role does not allow it.
    pub const FORBIDDEN: &str = "FORBIDDEN";
    /// The thing does not exist, or the viewer may not know it does.
    pub const NOT_FOUND: &str = "NOT_FOUND";
    /// The request itself is wrong: see `extensions.fields`.
    pub const BAD_USER_INPUT: &str = "BAD_USER_INPUT";
    /// The change collides with the current state: a stale version, a taken slug, a reference.
    pub const CONFLICT: &str = "CONFLICT";
    /// Too many requests; try again later.
    pub const RATE_LIMITED: &str = "RATE_LIMITED";
    /// The database cannot be reached just now (a restart, a failover, a lock held elsewhere):
    /// nothing was written, and the same request can be sent again in a moment.
    pub const UNAVAILABLE: &str = "UNAVAILABLE";
    /// Quire failed; the request id in the response finds the details in the log.
    pub const INTERNAL: &str = "INTERNAL";
}

/// A failure as clients see it.
///
/// It deliberately does not implement `Display`: async-graphql turns any `Display` error into a
/// GraphQL error without `extensions.code`, so this type can only reach clients through the
/// conversion below, which always sets the code.
#[derive(Debug, Clone)]
pub enum ApiError {
    /// See [`code::UNAUTHENTICATED`].
    Unauthenticated(String),
    /// See [`code::FORBIDDEN`].
    Forbidden(String),
    /// See [`code::NOT_FOUND`].
    NotFound(String),
    /// See [`code::BAD_USER_INPUT`].
    BadInput {
        /// Summary for a person.
        message: String,
        /// Every input at fault.
        fields: Vec<FieldError>,
    },
    /// See [`code::CONFLICT`].
    Conflict {
        /// Summary for a person.
        message: String,
        /// The input the conflict is about, if one is.
        field: Option<String>,
        /// The stored version, when the conflict is a stale `expectedVersion`.
        current_version: Option<i32>,
    },
    /// See [`code::RATE_LIMITED`].
    RateLimited(String),
    /// See [`code::UNAVAILABLE`].
    Unavailable(String),
    /// See [`code::INTERNAL`]; the cause was logged where this was made.
    Internal,
}

impl ApiError {
    /// The message for a person.
    pub fn message(&self) -> String {
        match self {
            ApiError::Unauthenticated(m)
            | ApiError::Forbidden(m)
            | ApiError::NotFound(m)
            | ApiError::RateLimited(m)
            | ApiError::Unavailable(m) => m.clone(),
            ApiError::BadInput { message, .. } | ApiError::Conflict { message, .. } => {
                message.clone()
            }
            ApiError::Internal => {
                "internal error: the server failed; quote the requestId when reporting it"
                    .to_owned()
            }
        }
    }

    /// The public code.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Unauthenticated(_) => code::UNAUTHENTICATED,
            ApiError::Forbidden(_) => code::FORBIDDEN,
            ApiError::NotFound(_) => code::NOT_FOUND,
            ApiError::BadInput { .. } => code::BAD_USER_INPUT,
            ApiError::Conflict { .. } => code::CONFLICT,
            ApiError::RateLimited(_) => code::RATE_LIMITED,
            ApiError::Unavailable(_) => code::UNAVAILABLE,
            ApiError::Internal => code::INTERNAL,
        }
    }

    /// A bad-input error about one field.
    pub fn bad_input(field: &str, message: impl Into<String>) -> Self {
        DomainError::invalid(field, message).into()
    }

    /// Logs an unexpected failure with its whole cause chain and hides it from the client.
    pub fn internal(error: &(dyn std::error::Error + 'static)) -> Self {
        let mut chain = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            chain.push_str(": ");
            chain.push_str(&cause.to_string());
            source = cause.source();
        }
        tracing::error!(error = %chain, "request failed");
        ApiError::Internal
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> Self {
        match error {
            DomainError::Invalid(fields) => ApiError::BadInput {
                message: DomainError::Invalid(fields.clone()).to_string(),
                fields,
            },
            DomainError::SignInRequired => ApiError::Unauthenticated(error.to_string()),
            DomainError::Forbidden(why) => ApiError::Forbidden(why.to_owned()),
            DomainError::InvalidTransition { .. } => ApiError::Conflict {
                message: error.to_string(),
                field: None,
                current_version: None,
            },
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Domain(e) => e.into(),
            StoreError::NotFound(what) => ApiError::NotFound(format!("no {what} has that id")),
            StoreError::Conflict { field, message } => ApiError::Conflict {
                message,
                field: field.map(str::to_owned),
                current_version: None,
            },
            StoreError::Stale { current } => ApiError::Conflict {
                message: StoreError::Stale { current }.to_string(),
                field: Some("expectedVersion".to_owned()),
                current_version: Some(current),
            },
            StoreError::ConnectionLost | StoreError::Unavailable(_) => {
                tracing::warn!(%error, "database unavailable");
                ApiError::Unavailable(error.to_string())
            }
            other => ApiError::internal(&other),
        }
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(error: ApiError) -> Self {
        async_graphql::Error::new(error.message()).extend_with(|_, ext| {
            ext.set("code", error.code());
            match &error {
                ApiError::BadInput { fields, .. } => {
                    let names: Vec<async_graphql::Value> =
                        fields.iter().map(|f| f.field.clone().into()).collect();
                    ext.set("fields", names);
                    let details: Vec<async_graphql::Value> = fields
                        .iter()
                        .map(|f| {
                            let mut detail = async_graphql::indexmap::IndexMap::new();
                            detail
                                .insert(async_graphql::Name::new("field"), f.field.clone().into());
                            detail.insert(
                                async_graphql::Name::new("message"),
                                f.message.clone().into(),
                            );
                            async_graphql::Value::Object(detail)
                        })
                        .collect();
                    ext.set("details", details);
                }
                ApiError::Conflict {
                    field,
                    current_version,
                    ..
                } => {
                    if let Some(field) = field {
                        ext.set("fields", vec![async_graphql::Value::from(field.clone())]);
                    }
                    if let Some(version) = current_version {
                        ext.set("currentVersion", *version);
                    }
                }
                _ => {}
            }
        })
    }
}
