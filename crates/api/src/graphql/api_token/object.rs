//! The `ApiToken`, `ApiTokenScope` and `ApiTokenPayload` types.

use async_graphql::{Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use quire_domain::{ApiToken, ApiTokenScope};

/// What an API token may read.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "ApiTokenScope")]
pub enum ApiTokenScopeValue {
    /// Published content, as anonymous readers see it; for servers that refuse anonymous
    /// readers (`QUIRE_PUBLIC_READ=false`).
    Read,
    /// Published content plus drafts and scheduled articles (never archived ones), so a
    /// frontend can render a story before it goes out.
    Preview,
}

impl From<ApiTokenScope> for ApiTokenScopeValue {
    fn from(scope: ApiTokenScope) -> Self {
        match scope {
            ApiTokenScope::Read => ApiTokenScopeValue::Read,
            ApiTokenScope::Preview => ApiTokenScopeValue::Preview,
        }
    }
}

impl From<ApiTokenScopeValue> for ApiTokenScope {
    fn from(scope: ApiTokenScopeValue) -> Self {
        match scope {
            ApiTokenScopeValue::Read => ApiTokenScope::Read,
            ApiTokenScopeValue::Preview => ApiTokenScope::Preview,
        }
    }
}

/// A token as admins see it: never its secret, which is not stored.
pub struct ApiTokenNode(pub ApiToken);

/// A read-only credential for a frontend, sent as `Authorization: Bearer <secret>`.
#[Object(name = "ApiToken")]
impl ApiTokenNode {
    /// Stable identity, for `revokeApiToken`.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// What the token is for.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What it may read.
    async fn scope(&self) -> ApiTokenScopeValue {
        self.0.scope.into()
    }

    /// When it was created.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When it stops working; null when it works until revoked.
    async fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.0.expires_at
    }

    /// The last request it authenticated, to the minute; null when never used.
    async fn last_used_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_used_at
    }

    /// When it was revoked; null while it works.
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
}

/// A new token with its secret.
#[derive(SimpleObject)]
pub struct ApiTokenPayload {
    /// The token's metadata, as `apiTokens` lists it.
    pub token: ApiTokenNode,
    /// Send as `Authorization: Bearer <secret>`. Shown this once: Quire keeps only a hash, so
    /// a lost secret is replaced by revoking the token and creating another.
    pub secret: String,
}
