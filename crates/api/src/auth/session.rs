//! Sign-in sessions: login, refresh-token rotation and logout.

use chrono::{DateTime, Utc};
use quire_domain::validation::{ArgumentCheck, MAX_EMAIL, MAX_PASSWORD};
use quire_domain::{User, Viewer};
use quire_persistence::Store;
use quire_persistence::store::{tokens, users};

use super::access::AccessTokens;
use super::api_token::{self, ApiTokens};
use super::password::{self, PasswordCost};
use super::refresh;
use super::throttle::LoginThrottle;
use crate::error::ApiError;

/// What a successful login or refresh hands the client.
#[derive(Debug, Clone)]
pub struct Session {
    /// Bearer token for API calls.
    pub access_token: String,
    /// When `access_token` stops working.
    pub expires_at: DateTime<Utc>,
    /// Single-use token that buys the next session.
    pub refresh_token: String,
    /// The signed-in account.
    pub user: User,
}

/// Everything needed to authenticate requests and run sessions.
#[derive(Clone)]
pub struct Auth {
    store: Store,
    access: AccessTokens,
    api_tokens: ApiTokens,
    cost: PasswordCost,
    throttle: LoginThrottle,
    public_read: bool,
}

const BAD_CREDENTIALS: &str = "email or password is incorrect";
/// Why an anonymous reader is refused when `QUIRE_PUBLIC_READ` is off.
pub const NO_ANONYMOUS_READERS: &str =
    "this server does not serve anonymous readers; send an API token or sign in";
const BAD_REFRESH: &str = "the refresh token is invalid, expired or already used; sign in again";

impl Auth {
    /// Sessions over `store`, signing with `secret`; `public_read` says whether readers
    /// without credentials are served (`QUIRE_PUBLIC_READ`).
    pub fn new(store: Store, secret: &[u8], cost: PasswordCost, public_read: bool) -> Self {
        Self {
            api_tokens: ApiTokens::new(store.clone()),
            store,
            access: AccessTokens::new(secret),
            cost,
            throttle: LoginThrottle::default(),
            public_read,
        }
    }

    /// The cost new password hashes get.
    pub fn password_cost(&self) -> PasswordCost {
        self.cost
    }

    /// The viewer an `Authorization` header stands for: anonymous without one, an error when
    /// one is present but not a valid bearer token (so an expired token is never mistaken for
    /// a reader who should see less). A bearer with the API token prefix is looked up in the
    /// database on every call, so a revoked token is refused at once; anything else is checked
    /// as an access token without touching the database.
    pub async fn viewer(&self, header: Option<&str>) -> Result<Viewer, ApiError> {
        let Some(header) = header else {
            return Ok(Viewer::Anonymous);
        };
        let token = header
            .strip_prefix("Bearer ")
            .or_else(|| header.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                ApiError::Unauthenticated(
                    "the Authorization header must be `Bearer <access token or API token>`".into(),
                )
            })?;
        if api_token::is_api_token(token) {
            let now = quire_domain::time::now();
            return self.api_tokens.authenticate(token, now).await;
        }
        self.access.verify(token)
    }

    /// The viewer of a read-only route (REST, feeds, sitemaps): [`Auth::viewer`], except that
    /// anonymous callers are refused with UNAUTHENTICATED when `QUIRE_PUBLIC_READ` is off. Call
    /// it once per request, with the request's `Authorization` header, and answer the error with
    /// HTTP 401.
    pub async fn reader(&self, header: Option<&str>) -> Result<Viewer, ApiError> {
        let viewer = self.viewer(header).await?;
        if viewer == Viewer::Anonymous && !self.public_read {
            return Err(ApiError::Unauthenticated(NO_ANONYMOUS_READERS.into()));
        }
        Ok(viewer)
    }

    /// Checks a password and starts a session. Unknown email and wrong password fail alike.
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        now: DateTime<Utc>,
    ) -> Result<Session, ApiError> {
        ArgumentCheck::default()
            .text("email", email, MAX_EMAIL)
            .finish()?;
        if password.chars().count() > MAX_PASSWORD {
            return Err(ApiError::bad_input(
                "password",
                format!("must be at most {MAX_PASSWORD} characters"),
            ));
        }
        let email = email.trim().to_lowercase();
        self.throttle.attempt(&email)?;
        let found = self
            .store
            .read(move |conn| users::credentials(conn, &email))
            .await?;
        let (user, hash) = match found {
            Some((user, hash)) => (Some(user), Some(hash)),
            None => (None, None),
        };
        let valid = password::verify(password.to_owned(), hash).await?;
        match user {
            Some(user) if valid => self.start(user, now).await,
            _ => Err(ApiError::Unauthenticated(BAD_CREDENTIALS.into())),
        }
    }

    /// Spends a refresh token for a new session in the same family.
    pub async fn refresh(&self, token: &str, now: DateTime<Utc>) -> Result<Session, ApiError> {
        let hash = refresh::hash(token);
        let next = refresh::generate();
        let next_hash = refresh::hash(&next);
        let outcome = self
            .store
            .write(move |conn| {
                let exchange = tokens::exchange(conn, &hash, now)?;
                if let tokens::Exchange::Accepted { user, family } = &exchange {
                    let token = tokens::NewRefreshToken {
                        user: user.id,
                        family,
                        hash: &next_hash,
                        expires_at: now + refresh::REFRESH_TTL,
                    };
                    tokens::issue(conn, token, now)?;
                }
                Ok(exchange)
            })
            .await?;
        match outcome {
            tokens::Exchange::Accepted { user, .. } => self.session(user, next, now),
            tokens::Exchange::Refused => Err(ApiError::Unauthenticated(BAD_REFRESH.into())),
        }
    }

    /// Ends the session a refresh token belongs to; false when the token is unknown.
    pub async fn logout(&self, token: &str, now: DateTime<Utc>) -> Result<bool, ApiError> {
        let hash = refresh::hash(token);
        Ok(self
            .store
            .write(move |conn| tokens::revoke(conn, &hash, now))
            .await?)
    }

    async fn start(&self, user: User, now: DateTime<Utc>) -> Result<Session, ApiError> {
        let token = refresh::generate();
        let hash = refresh::hash(&token);
        let family = refresh::generate();
        let id = user.id;
        self.store
            .write(move |conn| {
                let new = tokens::NewRefreshToken {
                    user: id,
                    family: &family,
                    hash: &hash,
                    expires_at: now + refresh::REFRESH_TTL,
                };
                tokens::issue(conn, new, now)
            })
            .await?;
        self.session(user, token, now)
    }

    fn session(
        &self,
        user: User,
        refresh_token: String,
        now: DateTime<Utc>,
    ) -> Result<Session, ApiError> {
        let (access_token, expires_at) = self.access.issue(user.id, user.role, now)?;
        Ok(Session {
            access_token,
            expires_at,
            refresh_token,
            user,
        })
    }
}
