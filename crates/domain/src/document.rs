//! An article as it arrives from outside Quire: a Markdown file with front matter or a saved
//! web page. It names its authors, source, tags and related articles the way a person would,
//! by name or slug, because the files it comes from know nothing of stored ids; the importer
//! matches those names against what is stored and creates what is missing.

use chrono::{DateTime, Utc};

use crate::error::DomainError;
use crate::status::{ArticleStatus, Transition};

/// The paragraph a saved page's "Also read" line becomes in a document's body: the importer
/// removes exactly this paragraph when the title matches a stored article, which then becomes a
/// related link, and keeps it otherwise so nothing is lost.
pub fn also_read_paragraph(title: &str) -> String {
    crate::markdown_escape::paragraph(&format!("Also read: {title}"))
}

/// One article read from a file, before any of its names are matched to stored rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleDocument {
    /// Headline.
    pub title: String,
    /// Wanted slug; derived from the title when absent.
    pub slug: Option<String>,
    /// Standfirst.
    pub subtitle: Option<String>,
    /// Editor-written summary; derived from the body when absent.
    pub excerpt: Option<String>,
    /// Markdown body.
    pub body: String,
    /// Byline, lead author first.
    pub authors: Vec<AuthorReference>,
    /// The publication the article was first published by.
    pub source: Option<SourceReference>,
    /// The original's address, for attribution; also what identifies a re-imported article
    /// that has no slug of its own.
    pub source_url: Option<String>,
    /// Tags, by name or slug.
    pub tags: Vec<String>,
    /// Stage the file asks for; the importer's `--status` and its default apply when absent.
    pub status: Option<ArticleStatus>,
    /// When it went, or goes, live.
    pub published_at: Option<DateTime<Utc>>,
    /// "Also read" articles, by slug or exact title, in display order.
    pub related: Vec<RelatedReference>,
    /// Where search engines should consider the original to live.
    pub canonical_url: Option<String>,
    /// The body already rendered, when the reader of the file had a thread to spare; the
    /// importer uses it only while the body stays as read.
    pub rendered: Option<crate::markdown::RenderedBody>,
}

/// An author as a file names one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthorReference {
    /// Name or slug.
    pub name: String,
    /// Biography, when the file carries one (a syndicated page's closing paragraph).
    pub bio: Option<String>,
}

/// A source as a file names one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceReference {
    /// Name or slug, such as "The Quint".
    pub name: String,
    /// Country of publication, such as "India".
    pub country: Option<String>,
}

/// An "also read" link as a file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelatedReference {
    /// The related article's slug, as front matter gives it.
    Slug(String),
    /// The related article's headline, as a saved page shows it. When no stored article has
    /// this title the importer keeps the line in the body instead, so nothing is lost.
    Title(String),
}

impl ArticleDocument {
    /// The stage an imported article takes. `requested` (the importer's `--status`) wins over
    /// the file's own status, and a draft is the default, so nothing goes live by accident.
    /// `kept` is the publication instant already stored, reused when the file gives none so
    /// that importing the same file again changes nothing.
    pub fn stage(
        &self,
        requested: Option<ArticleStatus>,
        kept: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<Transition, DomainError> {
        let status = requested.or(self.status).unwrap_or(ArticleStatus::Draft);
        let at = self.published_at.map(crate::time::truncate).or(kept);
        let transition = match status {
            ArticleStatus::Draft => Transition {
                status,
                published_at: None,
            },
            ArticleStatus::Published | ArticleStatus::Scheduled => {
                let at = match (status, at) {
                    (_, Some(at)) => at,
                    (ArticleStatus::Published, None) => now,
                    (_, None) => {
                        return Err(DomainError::invalid(
                            "publishedAt",
                            "a scheduled article needs the instant it goes live",
                        ));
                    }
                };
                let status = if at > now {
                    ArticleStatus::Scheduled
                } else {
                    ArticleStatus::Published
                };
                Transition {
                    status,
                    published_at: Some(at),
                }
            }
            ArticleStatus::Archived => Transition {
                status,
                published_at: at,
            },
        };
        Ok(transition)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn document(status: Option<ArticleStatus>, at: Option<DateTime<Utc>>) -> ArticleDocument {
        ArticleDocument {
            title: "T".into(),
            status,
            published_at: at,
            ..ArticleDocument::default()
        }
    }

    #[test]
    fn drafts_unless_told_otherwise() {
        let now = crate::time::now();
        let stage = document(None, None).stage(None, None, now).unwrap();
        assert_eq!(stage.status, ArticleStatus::Draft);
        assert_eq!(stage.published_at, None);
    }

    #[test]
    fn the_importers_status_wins_over_the_files() {
        let now = crate::time::now();
        let file = document(Some(ArticleStatus::Published), None);
        let stage = file.stage(Some(ArticleStatus::Draft), None, now).unwrap();
        assert_eq!(stage.status, ArticleStatus::Draft);
    }

    #[test]
    fn published_keeps_the_stored_instant_when_the_file_has_none() {
        let now = crate::time::now();
        let earlier = now - Duration::days(3);
        let file = document(Some(ArticleStatus::Published), None);
        assert_eq!(
            file.stage(None, Some(earlier), now).unwrap().published_at,
            Some(earlier)
        );
        assert_eq!(file.stage(None, None, now).unwrap().published_at, Some(now));
    }

    #[test]
    fn a_future_instant_schedules_and_scheduling_needs_one() {
        let now = crate::time::now();
        let later = now + Duration::days(1);
        let file = document(Some(ArticleStatus::Published), Some(later));
        assert_eq!(
            file.stage(None, None, now).unwrap().status,
            ArticleStatus::Scheduled
        );
        assert!(
            document(Some(ArticleStatus::Scheduled), None)
                .stage(None, None, now)
                .is_err()
        );
    }
}
