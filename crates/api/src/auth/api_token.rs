//! API tokens at the door: their secrets, and turning a presented secret into a viewer.
//!
//! A secret is 256 random bits behind the prefix [`SECRET_PREFIX`], so the `Authorization` check
//! tells it from a JWT access token at a glance (and so do secret scanners). Only its SHA-256 is
//! stored: the secret is high-entropy, so a slow password hash would add cost and no safety.
//!
//! Every request looks its token up (one indexed read), so a revocation takes effect on the very
//! next request. The time of last use is written at most once a minute per token: an in-memory
//! note of the last write skips the rest, and the write itself is guarded in SQL, so several
//! servers sharing a database add little. A failed write is logged and never fails the request.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use quire_domain::ApiTokenId;
use quire_domain::Viewer;
use quire_domain::api_token::ApiTokenRefusal;
use quire_persistence::Store;
use quire_persistence::store::api_tokens::{self, LAST_USE_PRECISION};
use rand::RngCore;

use super::refresh;
use crate::error::ApiError;

/// What every API token secret starts with.
pub const SECRET_PREFIX: &str = "quire_pat_";

/// Most tokens whose last write is remembered at once; more only costs a guarded UPDATE.
const NOTED_TOKENS: u64 = 10_000;

/// A new secret: the prefix and 256 random bits, URL-safe.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{SECRET_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Whether a bearer credential is an API token rather than an access token.
pub fn is_api_token(bearer: &str) -> bool {
    bearer.starts_with(SECRET_PREFIX)
}

/// The stored form of a secret: SHA-256, hex, as for refresh tokens.
pub fn hash(secret: &str) -> String {
    refresh::hash(secret)
}

/// Checks presented secrets and records their use.
#[derive(Clone)]
pub struct ApiTokens {
    store: Store,
    /// Tokens whose use was written within the last [`LAST_USE_PRECISION`].
    recently_noted: moka::sync::Cache<ApiTokenId, ()>,
}

impl ApiTokens {
    /// Token checks over `store`.
    pub fn new(store: Store) -> Self {
        let precision = LAST_USE_PRECISION
            .to_std()
            .unwrap_or(Duration::from_secs(60));
        Self {
            store,
            recently_noted: moka::sync::Cache::builder()
                .max_capacity(NOTED_TOKENS)
                .time_to_live(precision)
                .build(),
        }
    }

    /// The viewer a secret stands for at `now`; UNAUTHENTICATED, saying what to do, when the
    /// token is unknown, revoked or expired.
    pub async fn authenticate(&self, secret: &str, now: DateTime<Utc>) -> Result<Viewer, ApiError> {
        let hash = hash(secret);
        let found = self
            .store
            .read(move |conn| api_tokens::by_secret_hash(conn, &hash))
            .await?;
        let Some(token) = found else {
            return Err(ApiError::Unauthenticated(
                "the API token is not known: check it was copied whole, or ask an admin for a new one"
                    .into(),
            ));
        };
        token.usable_at(now).map_err(|refusal| {
            ApiError::Unauthenticated(match refusal {
                ApiTokenRefusal::Revoked => {
                    "the API token was revoked; ask an admin for a new one".into()
                }
                ApiTokenRefusal::Expired => {
                    "the API token has expired; ask an admin for a new one".into()
                }
            })
        })?;
        self.note_use(token.id, now).await;
        Ok(Viewer::ApiToken {
            id: token.id,
            scope: token.scope,
        })
    }

    /// Writes the time of use unless this server wrote it in the last minute.
    async fn note_use(&self, id: ApiTokenId, now: DateTime<Utc>) {
        if !self.recently_noted.entry(id).or_insert(()).is_fresh() {
            return;
        }
        let written = self
            .store
            .write(move |conn| api_tokens::record_use(conn, id, now))
            .await;
        if let Err(error) = written {
            tracing::warn!(%error, token = %id, "could not record the API token's last use");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_prefixed_unique_and_hashed() {
        let (a, b) = (generate(), generate());
        assert_ne!(a, b);
        assert!(is_api_token(&a));
        assert!(!is_api_token("eyJhbGciOiJIUzI1NiJ9.e30.sig"));
        assert_eq!(a.len(), SECRET_PREFIX.len() + 43);
        assert_eq!(hash(&a).len(), 64);
        assert_ne!(hash(&a), hash(&b));
    }
}
