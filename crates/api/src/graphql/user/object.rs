//! The `User` and `AuthPayload` types.

use async_graphql::{Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use quire_domain::{Role, User};

use crate::auth::session::Session;

/// What a signed-in user may do.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "Role")]
pub enum RoleValue {
    /// Everything, including users and API tokens.
    Admin,
    /// All content, including publishing.
    Editor,
    /// Writes articles and edits their own drafts.
    Author,
}

impl From<Role> for RoleValue {
    fn from(role: Role) -> Self {
        match role {
            Role::Admin => RoleValue::Admin,
            Role::Editor => RoleValue::Editor,
            Role::Author => RoleValue::Author,
        }
    }
}

impl From<RoleValue> for Role {
    fn from(role: RoleValue) -> Self {
        match role {
            RoleValue::Admin => Role::Admin,
            RoleValue::Editor => Role::Editor,
            RoleValue::Author => Role::Author,
        }
    }
}

/// An account as GraphQL serves it.
#[derive(Clone)]
pub struct UserNode(pub User);

/// An account that can sign in.
#[Object(name = "User")]
impl UserNode {
    /// Stable identity.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Sign-in address.
    async fn email(&self) -> &str {
        &self.0.email
    }

    /// Display name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What the account may do.
    async fn role(&self) -> RoleValue {
        self.0.role.into()
    }
}

/// A new session.
#[derive(SimpleObject)]
pub struct AuthPayload {
    /// Send as `Authorization: Bearer <accessToken>`.
    pub access_token: String,
    /// Single use: exchange it with `refreshToken` before or after `expiresAt`.
    pub refresh_token: String,
    /// When the access token stops working.
    pub expires_at: DateTime<Utc>,
    /// The signed-in account.
    pub user: UserNode,
}

impl From<Session> for AuthPayload {
    fn from(session: Session) -> Self {
        AuthPayload {
            access_token: session.access_token,
            refresh_token: session.refresh_token,
            expires_at: session.expires_at,
            user: UserNode(session.user),
        }
    }
}
