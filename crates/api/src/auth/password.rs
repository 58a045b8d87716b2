//! argon2id password hashes. Hashing is deliberately slow, so it runs on the blocking pool and
//! never stalls the async workers.

use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::ApiError;

/// How expensive new hashes are. Verification reads the cost from each stored hash, so lowering
/// it (as tests do) never locks anyone out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PasswordCost {
    /// OWASP's recommended argon2id setting: 19 MiB, two passes.
    #[default]
    Standard,
    /// The cheapest setting argon2 accepts, for test suites that create many users.
    Minimal,
}

impl PasswordCost {
    fn hasher(self) -> Argon2<'static> {
        let params = match self {
            PasswordCost::Standard => Params::default(),
            PasswordCost::Minimal => {
                Params::new(Params::MIN_M_COST, 1, 1, None).unwrap_or_default()
            }
        };
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }
}

/// Hashes a new password.
pub async fn hash(password: String, cost: PasswordCost) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        cost.hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| ApiError::internal(&e))
    })
    .await
    .map_err(|e| ApiError::internal(&e))?
}

/// Checks a password against a stored hash. With no stored hash (unknown email) it checks
/// against a fixed dummy, so both failures take the same time and cannot be told apart.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, ApiError> {
    tokio::task::spawn_blocking(move || {
        let dummy = DUMMY_HASH.to_owned();
        let known = stored.is_some();
        let stored = stored.unwrap_or(dummy);
        let parsed = PasswordHash::new(&stored).map_err(|e| ApiError::internal(&e))?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await
    .map_err(|e| ApiError::internal(&e))?
}

/// An argon2id hash at the standard cost of a password nobody knows.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3fW5B0OD6bbVhFrYl3cyvzh8hBMQQVh1i7mG3IDaKfw";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn verifies_what_it_hashed_and_nothing_else() {
        let hash = hash("correct horse battery".into(), PasswordCost::Minimal)
            .await
            .unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify("correct horse battery".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify("wrong horse battery".into(), Some(hash))
                .await
                .unwrap()
        );
        assert!(!verify("anything".into(), None).await.unwrap());
    }

    #[tokio::test]
    async fn accounts_imported_without_a_hash_cannot_sign_in() {
        let locked = quire_domain::bundle::UNUSABLE_PASSWORD_HASH.to_owned();
        assert!(PasswordHash::new(&locked).is_ok());
        for attempt in ["", "password", "a long enough password"] {
            assert!(!verify(attempt.into(), Some(locked.clone())).await.unwrap());
        }
    }

    #[test]
    fn dummy_hash_parses() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
