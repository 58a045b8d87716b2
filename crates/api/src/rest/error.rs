//! How the REST API refuses: `{"error":{"code":…,"message":…}}` with the HTTP status that fits,
//! using the codes GraphQL clients already know, so one error handler serves both APIs.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ApiError, code};

/// The code of a request whose method the route does not serve.
pub const METHOD_NOT_ALLOWED: &str = "METHOD_NOT_ALLOWED";
/// The code of a request whose `Accept` header rules out JSON.
pub const NOT_ACCEPTABLE: &str = "NOT_ACCEPTABLE";
/// The code of a request whose body is over the server's limit.
pub const PAYLOAD_TOO_LARGE: &str = "PAYLOAD_TOO_LARGE";

/// A refusal, with everything its response needs.
#[derive(Debug, Clone)]
pub struct RestError {
    status: StatusCode,
    code: &'static str,
    message: String,
    fields: Vec<String>,
    request_id: Option<String>,
    headers: Vec<(header::HeaderName, HeaderValue)>,
}

impl RestError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            fields: Vec::new(),
            request_id: None,
            headers: Vec::new(),
        }
    }

    /// Nothing under `/api/` answers to `path`.
    pub fn unknown_path(path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            code::NOT_FOUND,
            format!(
                "nothing is served at {path}; the API's routes are listed at /api/openapi.json"
            ),
        )
    }

    /// No `what` the viewer may see has this slug.
    pub fn no_such(what: &str, slug: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            code::NOT_FOUND,
            format!("no {what} has the slug `{slug}`"),
        )
    }

    /// The routes only read, so only GET and HEAD are served; `Allow` says so.
    pub fn method_not_allowed(method: &str) -> Self {
        let mut error = Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            METHOD_NOT_ALLOWED,
            format!("{method} is not served here: the content API is read-only, use GET or HEAD"),
        );
        error
            .headers
            .push((header::ALLOW, HeaderValue::from_static("GET, HEAD")));
        error
    }

    /// The client's `Accept` header rules out the only type served.
    pub fn not_acceptable() -> Self {
        Self::new(
            StatusCode::NOT_ACCEPTABLE,
            NOT_ACCEPTABLE,
            "this API answers in application/json only; accept it (or */*) in the Accept header",
        )
    }

    /// The request carries a body larger than the server takes.
    pub fn payload_too_large(max_body_bytes: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            PAYLOAD_TOO_LARGE,
            format!(
                "the request body is larger than the {max_body_bytes} bytes allowed; \
                 these routes read nothing from a body, so send none"
            ),
        )
    }

    /// The request's headers add up to more than the server takes; `message` says how much.
    pub fn headers_too_large(message: String) -> Self {
        let mut error = Self::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            code::BAD_USER_INPUT,
            message,
        );
        error.fields.push("headers".to_owned());
        error
    }

    /// The client spent its budget; `Retry-After` says how many seconds until it may go on.
    pub fn rate_limited(per_minute: u32, retry_after_secs: u64) -> Self {
        let mut error = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            code::RATE_LIMITED,
            format!(
                "more than {per_minute} requests a minute from this address; \
                 try again in {retry_after_secs} s"
            ),
        );
        if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
            error.headers.push((header::RETRY_AFTER, value));
        }
        error
    }

    /// The same refusal, naming the request whose log lines hold the cause.
    pub fn with_request_id(mut self, id: String) -> Self {
        self.request_id = Some(id);
        self
    }

    /// Whether this is a failure of the server's own, which the log explains.
    pub fn is_internal(&self) -> bool {
        self.status == StatusCode::INTERNAL_SERVER_ERROR
    }
}

impl From<ApiError> for RestError {
    fn from(error: ApiError) -> Self {
        let status = match &error {
            ApiError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::BadInput { .. } => StatusCode::BAD_REQUEST,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let mut rest = Self::new(status, error.code(), error.message());
        if let ApiError::BadInput { fields, .. } = &error {
            rest.fields = fields.iter().map(|f| f.field.clone()).collect();
        }
        rest
    }
}

impl From<quire_persistence::StoreError> for RestError {
    fn from(error: quire_persistence::StoreError) -> Self {
        ApiError::from(error).into()
    }
}

impl From<quire_domain::DomainError> for RestError {
    fn from(error: quire_domain::DomainError) -> Self {
        ApiError::from(error).into()
    }
}

impl std::fmt::Display for RestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl ResponseError for RestError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        for (name, value) in &self.headers {
            response.insert_header((name.clone(), value.clone()));
        }
        response.json(ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message.clone(),
                fields: (!self.fields.is_empty()).then(|| self.fields.clone()),
                request_id: self.request_id.clone(),
            },
        })
    }
}

/// Every REST error response.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// What went wrong, for programs (`code`) and for people (`message`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetail {
    /// `BAD_USER_INPUT`, `UNAUTHENTICATED`, `NOT_FOUND`, `METHOD_NOT_ALLOWED`, `NOT_ACCEPTABLE`,
    /// `PAYLOAD_TOO_LARGE`, `RATE_LIMITED`, `INTERNAL` or `UNAVAILABLE`.
    #[schema(example = "NOT_FOUND")]
    pub code: String,
    /// What to change, for a person.
    pub message: String,
    /// The parameters at fault, for `BAD_USER_INPUT`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<String>>,
    /// The id to quote when reporting an `INTERNAL` error; the server's log has the cause.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}
