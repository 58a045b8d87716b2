//! What the REST routes share, and the one place that turns a request into a viewer.

use actix_web::HttpRequest;
use actix_web::http::header;
use chrono::{DateTime, Utc};
use quire_persistence::store::articles::Visibility;
use quire_persistence::{DbConn, Store, StoreError};

use super::error::RestError;
use super::throttle::ClientThrottle;
use crate::auth::session::Auth;

/// The database, token checks and the per-client budget, shared by every worker.
#[derive(Clone)]
pub struct RestState {
    store: Store,
    auth: Auth,
    throttle: Option<ClientThrottle>,
}

/// Who asks, reduced to what they may see, and the instant the answer is judged at.
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    /// What the viewer may see of the articles.
    pub visibility: Visibility,
    /// One instant for the whole answer, so a scheduled article is not live in one part and
    /// hidden in another.
    pub now: DateTime<Utc>,
}

impl RestState {
    /// The state over `store` and `auth`, allowing each client address `rate_limit` requests a
    /// minute (0: no limit).
    pub fn new(store: Store, auth: Auth, rate_limit: u32) -> Self {
        Self {
            store,
            auth,
            throttle: ClientThrottle::per_minute(rate_limit),
        }
    }

    /// The per-client budget, when one is set.
    pub fn throttle(&self) -> Option<&ClientThrottle> {
        self.throttle.as_ref()
    }

    /// The reader a request stands for, from its `Authorization` header exactly as GraphQL
    /// reads it: anonymous without one, 401 when one is present but not valid, and 401 for an
    /// anonymous caller of a server that refuses them (`QUIRE_PUBLIC_READ=false`).
    pub async fn reader(&self, req: &HttpRequest) -> Result<Reader, RestError> {
        let header = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        let viewer = self.auth.reader(header).await?;
        let now = quire_domain::time::now();
        Ok(Reader {
            visibility: Visibility::for_viewer(&viewer, now),
            now,
        })
    }

    /// Runs one read-only closure for a whole answer.
    pub async fn read<T, F>(&self, f: F) -> Result<T, RestError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        Ok(self.store.read(f).await?)
    }
}
