//! Who a plain-HTTP read (REST, feeds, sitemaps) is for, decided the way GraphQL decides it, so
//! every route shows a caller exactly the same articles.

use actix_web::HttpRequest;
use actix_web::http::header;
use chrono::{DateTime, Utc};
use quire_persistence::store::articles::Visibility;

use crate::auth::session::Auth;
use crate::error::ApiError;

/// Who asks, reduced to what they may see, and the instant the answer is judged at.
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    /// What the viewer may see of the articles.
    pub visibility: Visibility,
    /// One instant for the whole answer, so a scheduled article is not live in one part and
    /// hidden in another.
    pub now: DateTime<Utc>,
}

impl Reader {
    /// The reader `req` stands for, from its `Authorization` header: anonymous without one, 401
    /// when one is present but not valid, and 401 for an anonymous caller of a server that
    /// refuses them (`QUIRE_PUBLIC_READ=false`).
    pub async fn of(auth: &Auth, req: &HttpRequest) -> Result<Self, ApiError> {
        let header = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        let viewer = auth.reader(header).await?;
        let now = quire_domain::time::now();
        Ok(Self {
            visibility: Visibility::for_viewer(&viewer, now),
            now,
        })
    }
}
