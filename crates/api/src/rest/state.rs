//! What the REST routes share, and the one place that turns a request into a viewer.

use actix_web::HttpRequest;
use quire_domain::search::SearchLanguage;
use quire_persistence::{DbConn, Store, StoreError};

use super::error::RestError;
use super::throttle::ClientThrottle;
use crate::auth::session::Auth;
use crate::http::reader::Reader;

/// The database, token checks and the per-client budget, shared by every worker.
#[derive(Clone)]
pub struct RestState {
    store: Store,
    auth: Auth,
    throttle: Option<ClientThrottle>,
    search_language: SearchLanguage,
}

impl RestState {
    /// The state over `store` and `auth`, allowing each client address `rate_limit` requests a
    /// minute (0: no limit), searching in `search_language`.
    pub fn new(store: Store, auth: Auth, rate_limit: u32, search_language: SearchLanguage) -> Self {
        Self {
            store,
            auth,
            throttle: ClientThrottle::per_minute(rate_limit),
            search_language,
        }
    }

    /// The language searches are read in.
    pub fn search_language(&self) -> SearchLanguage {
        self.search_language
    }

    /// The per-client budget, when one is set.
    pub fn throttle(&self) -> Option<&ClientThrottle> {
        self.throttle.as_ref()
    }

    /// The reader a request stands for, as every read-only route decides it.
    pub async fn reader(&self, req: &HttpRequest) -> Result<Reader, RestError> {
        Ok(Reader::of(&self.auth, req).await?)
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
