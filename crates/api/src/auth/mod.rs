//! Authentication: password hashing, access tokens and refresh tokens, and turning an
//! `Authorization` header into a [`quire_domain::Viewer`].

pub mod access;
pub mod password;
pub mod refresh;
pub mod session;
pub mod throttle;
