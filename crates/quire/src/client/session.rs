//! Sending operations as the signed-in editor. The credentials come from `QUIRE_TOKEN` (an
//! access token or API token, used as it is, for CI) or from the session `quire login` saved.
//! A saved access token that expires within [`REFRESH_MARGIN`] is exchanged for a new pair
//! before the call, and a call the server answers UNAUTHENTICATED refreshes once and is sent
//! again; the rotated pair is saved at once, since the old refresh token no longer works.

use chrono::{TimeDelta, Utc};
use graphql_client::GraphQLQuery;

use super::credentials::{CredentialStore, Credentials};
use super::error::{ClientError, Kind};
use super::http::Endpoint;
use super::operations::{RefreshSession, refresh_session};

/// How close to its expiry a saved access token is replaced before use.
const REFRESH_MARGIN: TimeDelta = TimeDelta::seconds(30);

/// The environment variable holding a token to use instead of a saved session.
pub const TOKEN_VARIABLE: &str = "QUIRE_TOKEN";

/// Where the hint points when the address came from the command line or the environment.
pub const SERVER_FLAG: &str = "the address passed to --server (or QUIRE_SERVER)";
/// Where the hint points when the address came from the saved session.
const SAVED_SERVER: &str =
    "the server of the saved session (run quire login --server URL to change it)";

/// A server and the credentials to call it with.
#[derive(Debug)]
pub struct Session {
    endpoint: Endpoint,
    auth: Auth,
}

#[derive(Debug)]
enum Auth {
    /// `QUIRE_TOKEN`: never refreshed, never saved.
    Token(String),
    /// The session `quire login` saved.
    Saved {
        store: CredentialStore,
        credentials: Credentials,
    },
}

impl Session {
    /// The session to use: `QUIRE_TOKEN` with `server` (from `--server` or `QUIRE_SERVER`) or
    /// the saved session's server, else the saved session, which must then be for `server`
    /// when one is named.
    pub fn open(server: Option<&str>) -> Result<Self, ClientError> {
        let store = CredentialStore::locate()?;
        if let Some(token) = std::env::var(TOKEN_VARIABLE).ok().filter(|t| !t.is_empty()) {
            let endpoint = match server {
                Some(server) => Endpoint::new(server, SERVER_FLAG)?,
                None => match store.load()? {
                    Some(saved) => Endpoint::new(&saved.server, SAVED_SERVER)?,
                    None => {
                        return Err(ClientError::failure(format!(
                            "{TOKEN_VARIABLE} is set but no server is named"
                        ))
                        .hint("set QUIRE_SERVER (or pass --server) to the server's address"));
                    }
                },
            };
            return Ok(Self {
                endpoint,
                auth: Auth::Token(token),
            });
        }
        let Some(credentials) = store.load()? else {
            let url = server.unwrap_or("URL");
            return Err(ClientError::new(Kind::NotAllowed, "not logged in")
                .hint(format!("run quire login --server {url}")));
        };
        let endpoint = Endpoint::new(&credentials.server, SAVED_SERVER)?;
        if let Some(server) = server {
            let named = Endpoint::new(server, SERVER_FLAG)?;
            if named.url() != endpoint.url() {
                return Err(ClientError::new(
                    Kind::NotAllowed,
                    format!(
                        "logged in to {}, not to {}",
                        endpoint.url(),
                        named.url()
                    ),
                )
                .hint(format!(
                    "run quire login --server {server}, or set {TOKEN_VARIABLE} to a token of that server"
                )));
            }
        }
        Ok(Self {
            endpoint,
            auth: Auth::Saved { store, credentials },
        })
    }

    /// The server spoken to.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Sends operation `Q`, refreshing a saved session when its access token has run out or is
    /// refused.
    pub async fn run<Q: GraphQLQuery>(
        &mut self,
        variables: Q::Variables,
    ) -> Result<Q::ResponseData, ClientError> {
        let body = serde_json::to_value(Q::build_query(variables))
            .map_err(|error| ClientError::failure(format!("cannot write the request: {error}")))?;
        self.run_body::<Q>(&body).await
    }

    /// Sends operation `Q` as a request body already in JSON, for variables its generated
    /// types cannot express, such as an explicit `null` that clears a field.
    pub async fn run_body<Q: GraphQLQuery>(
        &mut self,
        body: &serde_json::Value,
    ) -> Result<Q::ResponseData, ClientError> {
        if self.expiring() {
            self.refresh().await?;
        }
        let answer = self.endpoint.send_body::<Q>(self.token(), body).await;
        let answer = match answer {
            Err(error) if error.is_unauthenticated() && matches!(self.auth, Auth::Saved { .. }) => {
                self.refresh().await?;
                self.endpoint.send_body::<Q>(self.token(), body).await
            }
            answer => answer,
        };
        answer.map_err(|error| self.explain(error))
    }

    fn token(&self) -> Option<&str> {
        match &self.auth {
            Auth::Token(token) => Some(token),
            Auth::Saved { credentials, .. } => Some(&credentials.access_token),
        }
    }

    fn expiring(&self) -> bool {
        match &self.auth {
            Auth::Token(_) => false,
            Auth::Saved { credentials, .. } => credentials.expires_at - Utc::now() < REFRESH_MARGIN,
        }
    }

    /// Exchanges the saved refresh token for a new pair and saves it.
    async fn refresh(&mut self) -> Result<(), ClientError> {
        let Auth::Saved { store, credentials } = &mut self.auth else {
            return Ok(());
        };
        let variables = refresh_session::Variables {
            refresh_token: credentials.refresh_token.clone(),
        };
        let answer = self.endpoint.send::<RefreshSession>(None, variables).await;
        let session = match answer {
            Ok(data) => data.refresh_token,
            Err(error) if error.code.is_some() => {
                return Err(ClientError::new(
                    Kind::NotAllowed,
                    format!("your session has ended ({})", error.message),
                )
                .hint(format!(
                    "run quire login --server {}",
                    login_address(&credentials.server)
                )));
            }
            Err(error) => return Err(error),
        };
        credentials.access_token = session.access_token;
        credentials.refresh_token = session.refresh_token;
        credentials.expires_at = session.expires_at;
        store.save(credentials)
    }

    /// Adds the next step to refusals, which depends on where the credentials came from.
    fn explain(&self, error: ClientError) -> ClientError {
        let hint = match (error.code.as_deref(), &self.auth) {
            (Some("UNAUTHENTICATED"), Auth::Token(_)) => format!(
                "the server refused {TOKEN_VARIABLE}: check it, or unset it and run quire login --server {}",
                login_address(self.endpoint.url())
            ),
            (Some("UNAUTHENTICATED"), Auth::Saved { credentials, .. }) => format!(
                "run quire login --server {}",
                login_address(&credentials.server)
            ),
            (Some("FORBIDDEN"), _) => {
                "your account may not do this: ask an editor or an admin".to_owned()
            }
            _ => return error,
        };
        if error.hint.is_some() {
            error
        } else {
            error.hint(hint)
        }
    }
}

/// The address to show in `quire login --server …` hints: the server, without `/graphql`.
pub fn login_address(graphql_url: &str) -> &str {
    graphql_url.strip_suffix("/graphql").unwrap_or(graphql_url)
}
