//! The editorial life cycle of an article and the moves allowed between its stages.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

use crate::error::DomainError;

/// Where an article stands in the editorial life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ArticleStatus {
    /// Being written; only staff see it.
    Draft,
    /// Approved for release at `published_at`; readers see it from that instant on.
    Scheduled,
    /// Live for readers.
    Published,
    /// Withdrawn from readers but kept for the record.
    Archived,
}

/// The stage an article reaches after a publish, unpublish or archive request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    /// The stored status after the move.
    pub status: ArticleStatus,
    /// The stored publication instant after the move.
    pub published_at: Option<DateTime<Utc>>,
}

impl ArticleStatus {
    /// Every status, in life-cycle order.
    pub const ALL: [ArticleStatus; 4] = [
        ArticleStatus::Draft,
        ArticleStatus::Scheduled,
        ArticleStatus::Published,
        ArticleStatus::Archived,
    ];

    /// The stored and displayed spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "DRAFT",
            ArticleStatus::Scheduled => "SCHEDULED",
            ArticleStatus::Published => "PUBLISHED",
            ArticleStatus::Archived => "ARCHIVED",
        }
    }

    /// The status a reader observes at `now`: a scheduled article whose time has come is
    /// published, without any background job having to flip it.
    pub fn effective(self, published_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Self {
        match (self, published_at) {
            (ArticleStatus::Scheduled, Some(at)) if at <= now => ArticleStatus::Published,
            (status, _) => status,
        }
    }

    /// Publishes now, or schedules for `at` when that lies in the future.
    pub fn publish(
        self,
        at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<Transition, DomainError> {
        if self == ArticleStatus::Published {
            return Err(DomainError::InvalidTransition {
                from: self,
                action: "publish",
            });
        }
        let at = at.map(crate::time::truncate).unwrap_or(now);
        let status = if at > now {
            ArticleStatus::Scheduled
        } else {
            ArticleStatus::Published
        };
        Ok(Transition {
            status,
            published_at: Some(at),
        })
    }

    /// Takes an article back to draft, clearing its publication instant.
    pub fn unpublish(self) -> Result<Transition, DomainError> {
        if self == ArticleStatus::Draft {
            return Err(DomainError::InvalidTransition {
                from: self,
                action: "unpublish",
            });
        }
        Ok(Transition {
            status: ArticleStatus::Draft,
            published_at: None,
        })
    }

    /// Withdraws an article from readers, keeping when it was published.
    pub fn archive(self, published_at: Option<DateTime<Utc>>) -> Result<Transition, DomainError> {
        if self == ArticleStatus::Archived {
            return Err(DomainError::InvalidTransition {
                from: self,
                action: "archive",
            });
        }
        Ok(Transition {
            status: ArticleStatus::Archived,
            published_at,
        })
    }
}

impl fmt::Display for ArticleStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stored status string that no variant matches; it means the database was edited by hand.
#[derive(Debug, thiserror::Error)]
#[error("unknown article status `{0}`")]
pub struct UnknownStatus(pub String);

impl FromStr for ArticleStatus {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ArticleStatus::ALL
            .into_iter()
            .find(|status| status.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownStatus(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn now() -> DateTime<Utc> {
        crate::time::now()
    }

    #[test]
    fn publishing_without_a_date_goes_live_now() {
        let now = now();
        let t = ArticleStatus::Draft.publish(None, now).unwrap();
        assert_eq!(t.status, ArticleStatus::Published);
        assert_eq!(t.published_at, Some(now));
    }

    #[test]
    fn publishing_in_the_future_schedules() {
        let now = now();
        let at = now + Duration::hours(2);
        let t = ArticleStatus::Draft.publish(Some(at), now).unwrap();
        assert_eq!(t.status, ArticleStatus::Scheduled);
        assert_eq!(
            ArticleStatus::Scheduled.effective(t.published_at, now),
            ArticleStatus::Scheduled
        );
        assert_eq!(
            ArticleStatus::Scheduled.effective(t.published_at, at),
            ArticleStatus::Published
        );
    }

    #[test]
    fn refuses_moves_that_change_nothing() {
        let now = now();
        assert!(ArticleStatus::Published.publish(None, now).is_err());
        assert!(ArticleStatus::Draft.unpublish().is_err());
        assert!(ArticleStatus::Archived.archive(None).is_err());
    }

    #[test]
    fn unpublish_and_archive_from_anywhere_else() {
        for from in [
            ArticleStatus::Scheduled,
            ArticleStatus::Published,
            ArticleStatus::Archived,
        ] {
            assert_eq!(from.unpublish().unwrap().status, ArticleStatus::Draft);
        }
        for from in [
            ArticleStatus::Draft,
            ArticleStatus::Scheduled,
            ArticleStatus::Published,
        ] {
            assert_eq!(from.archive(None).unwrap().status, ArticleStatus::Archived);
        }
    }

    #[test]
    fn parses_its_own_spelling() {
        for status in ArticleStatus::ALL {
            assert_eq!(status.as_str().parse::<ArticleStatus>().unwrap(), status);
        }
        assert!("LIVE".parse::<ArticleStatus>().is_err());
    }
}
