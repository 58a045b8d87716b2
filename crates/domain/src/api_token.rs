//! API tokens: read-only credentials an admin hands to a frontend. A READ token lets a private
//! deployment (one that refuses anonymous readers) serve its published content; a PREVIEW token
//! also reads drafts and scheduled articles, so a frontend can render a story before it goes out.
//! Neither can change anything.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

use crate::error::DomainError;
use crate::ids::{ApiTokenId, UserId};
use crate::validation::{MAX_NAME, Report};

/// What a token may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiTokenScope {
    /// What anonymous readers see: published content.
    Read,
    /// Published content, plus drafts and scheduled articles; never archived ones.
    Preview,
}

impl ApiTokenScope {
    /// The stored and displayed spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ApiTokenScope::Read => "READ",
            ApiTokenScope::Preview => "PREVIEW",
        }
    }
}

impl fmt::Display for ApiTokenScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stored scope was neither READ nor PREVIEW.
#[derive(Debug, thiserror::Error)]
#[error("unknown API token scope `{0}`: expected READ or PREVIEW")]
pub struct UnknownScope(pub String);

impl FromStr for ApiTokenScope {
    type Err = UnknownScope;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "READ" => Ok(ApiTokenScope::Read),
            "PREVIEW" => Ok(ApiTokenScope::Preview),
            _ => Err(UnknownScope(s.to_owned())),
        }
    }
}

/// A token as stored: everything but its secret, which is never kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    /// Stable identity, used to revoke it.
    pub id: ApiTokenId,
    /// What it is for ("staging frontend"), so an admin knows which one to revoke.
    pub name: String,
    /// What it may read.
    pub scope: ApiTokenScope,
    /// The admin who created it.
    pub created_by: UserId,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it stops working; `None` for a token that works until revoked.
    pub expires_at: Option<DateTime<Utc>>,
    /// The last request it authenticated, recorded at most once a minute.
    pub last_used_at: Option<DateTime<Utc>>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Why a known token no longer authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiTokenRefusal {
    /// An admin revoked it.
    Revoked,
    /// Its expiry has passed.
    Expired,
}

impl ApiToken {
    /// Whether the token authenticates a request made at `now`.
    pub fn usable_at(&self, now: DateTime<Utc>) -> Result<(), ApiTokenRefusal> {
        if self.revoked_at.is_some() {
            Err(ApiTokenRefusal::Revoked)
        } else if self.expires_at.is_some_and(|at| at <= now) {
            Err(ApiTokenRefusal::Expired)
        } else {
            Ok(())
        }
    }
}

/// A validated request for a new token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiToken {
    /// What it is for, trimmed.
    pub name: String,
    /// What it may read.
    pub scope: ApiTokenScope,
    /// When it stops working, if ever.
    pub expires_at: Option<DateTime<Utc>>,
}

impl NewApiToken {
    /// Checks a new token at `now`: a name that says what it is for, and an expiry (if any) still
    /// to come, since a token born expired could never be used.
    pub fn validated(self, now: DateTime<Utc>) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let name = r.required("name", self.name, MAX_NAME);
        if self.expires_at.is_some_and(|at| at <= now) {
            r.fail(
                "expiresAt",
                "must be in the future; leave it out for a token that works until revoked",
            );
        }
        r.finish(NewApiToken { name, ..self })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn token(expires_at: Option<DateTime<Utc>>, revoked_at: Option<DateTime<Utc>>) -> ApiToken {
        ApiToken {
            id: ApiTokenId(1),
            name: "frontend".into(),
            scope: ApiTokenScope::Preview,
            created_by: UserId(1),
            created_at: crate::time::now(),
            expires_at,
            last_used_at: None,
            revoked_at,
        }
    }

    #[test]
    fn tokens_stop_at_expiry_and_revocation() {
        let now = crate::time::now();
        assert_eq!(token(None, None).usable_at(now), Ok(()));
        assert_eq!(
            token(Some(now + Duration::hours(1)), None).usable_at(now),
            Ok(())
        );
        assert_eq!(
            token(Some(now), None).usable_at(now),
            Err(ApiTokenRefusal::Expired)
        );
        assert_eq!(
            token(None, Some(now)).usable_at(now),
            Err(ApiTokenRefusal::Revoked)
        );
    }

    #[test]
    fn new_tokens_need_a_name_and_a_future_expiry() {
        let now = crate::time::now();
        let new = |name: &str, expires_at| NewApiToken {
            name: name.into(),
            scope: ApiTokenScope::Read,
            expires_at,
        };
        assert_eq!(new("  site  ", None).validated(now).unwrap().name, "site");
        let Err(DomainError::Invalid(fields)) =
            new(" ", Some(now - Duration::seconds(1))).validated(now)
        else {
            panic!("a blank name and a past expiry must be refused");
        };
        let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["name", "expiresAt"]);
        assert!(new(&"x".repeat(MAX_NAME + 1), None).validated(now).is_err());
        for scope in [ApiTokenScope::Read, ApiTokenScope::Preview] {
            assert_eq!(scope.as_str().parse::<ApiTokenScope>().unwrap(), scope);
        }
    }
}
