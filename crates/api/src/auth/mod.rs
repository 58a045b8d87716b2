//! Authentication: password hashing, access tokens, refresh tokens and API tokens, and turning an
//! `Authorization` header into a [`quire_domain::Viewer`].

pub mod access;
pub mod api_token;
pub mod password;
pub mod refresh;
pub mod session;
pub mod throttle;
