//! The accounts a test server starts with: known roles, random passwords, tokens ready to use.

use chrono::{DateTime, Utc};
use quire_domain::{NewUser, Role};
use quire_persistence::Store;
use quire_persistence::store::users;

use crate::auth::password;
use crate::auth::refresh;
use crate::auth::session::Auth;
use crate::error::ApiError;

/// The roles a test server signs in at start: enough to write and publish, and to manage users.
pub const STARTING_ROLES: [Role; 2] = [Role::Admin, Role::Editor];

/// A signed-in account of a test server.
#[derive(Debug, Clone)]
pub struct TestAccount {
    /// What it may do.
    pub role: Role,
    /// Sign-in address: `admin@quire.test`, `editor@quire.test` (`.test` is reserved, so no
    /// mail can ever reach anyone).
    pub email: String,
    /// Random for each server, so a test server reachable by mistake is not open to anyone.
    pub password: String,
    /// Bearer token for API calls, valid until `expires_at`.
    pub access_token: String,
    /// When `access_token` stops working; `refresh_token` buys the next one.
    pub expires_at: DateTime<Utc>,
    /// Single-use token for the `refreshToken` mutation.
    pub refresh_token: String,
}

/// Creates an account for `role` and signs it in.
pub async fn create(store: &Store, auth: &Auth, role: Role) -> Result<TestAccount, ApiError> {
    let email = format!("{}@quire.test", role.as_str().to_lowercase());
    let password = refresh::generate();
    let hash = password::hash(password.clone(), auth.password_cost()).await?;
    let now = quire_domain::time::now();
    let new = NewUser {
        email: email.clone(),
        name: format!("Test {}", role.as_str().to_lowercase()),
        role,
    };
    store
        .write(move |conn| users::create(conn, new, &hash, now))
        .await?;
    let session = auth.login(&email, &password, now).await?;
    Ok(TestAccount {
        role,
        email,
        password,
        access_token: session.access_token,
        expires_at: session.expires_at,
        refresh_token: session.refresh_token,
    })
}
