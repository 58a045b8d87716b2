//! Short-lived HS256 access tokens. They carry the user id and role, so a request is
//! authenticated without touching the database.

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use quire_domain::{Role, UserId, Viewer};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

/// How long an access token is accepted.
pub const ACCESS_TTL: Duration = Duration::minutes(15);

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    role: String,
    iat: i64,
    exp: i64,
}

/// Signs and checks access tokens with one secret.
#[derive(Clone)]
pub struct AccessTokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl AccessTokens {
    /// Keys derived from the server's signing secret.
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    /// A token for `user` with `role`, valid from `now` for [`ACCESS_TTL`].
    pub fn issue(
        &self,
        user: UserId,
        role: Role,
        now: DateTime<Utc>,
    ) -> Result<(String, DateTime<Utc>), ApiError> {
        let expires_at = now + ACCESS_TTL;
        let claims = Claims {
            sub: user.to_string(),
            role: role.as_str().to_owned(),
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::internal(&e))?;
        Ok((token, expires_at))
    }

    /// The viewer a token stands for.
    pub fn verify(&self, token: &str) -> Result<Viewer, ApiError> {
        let refused = || {
            ApiError::Unauthenticated(
                "the access token is invalid or expired; call refreshToken or login for a new one"
                    .into(),
            )
        };
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| refused())?;
        let id = data.claims.sub.parse().map_err(|_| refused())?;
        let role = data.claims.role.parse().map_err(|_| refused())?;
        Ok(Viewer::User { id, role })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_tampering() {
        let tokens = AccessTokens::new(b"a secret of enough length for hs256");
        let now = Utc::now();
        let (token, expires) = tokens.issue(UserId(7), Role::Editor, now).unwrap();
        assert_eq!(expires, now + ACCESS_TTL);
        assert_eq!(
            tokens.verify(&token).unwrap(),
            Viewer::User {
                id: UserId(7),
                role: Role::Editor
            }
        );
        let other = AccessTokens::new(b"another secret entirely, also long");
        assert!(other.verify(&token).is_err());
        assert!(tokens.verify("not.a.token").is_err());
    }

    #[test]
    fn refuses_expired_tokens() {
        let tokens = AccessTokens::new(b"a secret of enough length for hs256");
        let (token, _) = tokens
            .issue(UserId(1), Role::Admin, Utc::now() - Duration::hours(1))
            .unwrap();
        assert!(matches!(
            tokens.verify(&token),
            Err(ApiError::Unauthenticated(_))
        ));
    }
}
