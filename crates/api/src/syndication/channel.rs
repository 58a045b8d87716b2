//! What a feed says about itself, the same in every format: its title and description, its own
//! address, the page it mirrors, its language and when it last changed.

use chrono::{DateTime, Utc};

use super::items::{FeedItems, Scope};
use super::links::Links;
use super::settings::SyndicationSettings;

/// A feed's own metadata.
#[derive(Debug, Clone)]
pub struct Channel {
    /// Shown as the subscription's name in feed readers.
    pub title: String,
    /// What the feed gathers.
    pub description: String,
    /// The feed's own address, which readers poll and use as its identity.
    pub self_url: String,
    /// The page on the site the feed mirrors.
    pub page_url: String,
    /// The publication's language.
    pub language: String,
    /// The newest change among the items; the instant of the request for an empty feed.
    pub updated: DateTime<Utc>,
}

impl Channel {
    /// The metadata of `feed`, served at `path` of this server.
    pub fn of(
        feed: &FeedItems,
        links: &Links,
        path: &str,
        settings: &SyndicationSettings,
        now: DateTime<Utc>,
    ) -> Self {
        let publication = &settings.publication_name;
        let (title, description, page_url) = match &feed.scope {
            Scope::All => (
                publication.clone(),
                format!("The latest articles from {publication}"),
                links.home(),
            ),
            Scope::Tag(tag) => (
                format!("{publication}: {}", tag.name),
                tag.description
                    .clone()
                    .unwrap_or_else(|| format!("The latest articles tagged {}", tag.name)),
                links.tag(&tag.slug),
            ),
            Scope::Author(author) => (
                format!("{publication}: {}", author.name),
                author
                    .bio
                    .clone()
                    .unwrap_or_else(|| format!("The latest articles by {}", author.name)),
                links.author(&author.slug),
            ),
            Scope::Source(source) => (
                format!("{publication}: {}", source.name),
                format!("The latest articles from {}", source.name),
                links.source(&source.slug),
            ),
        };
        Self {
            title,
            description,
            self_url: links.path(path),
            page_url,
            language: settings.publication_language.clone(),
            updated: feed.last_modified().unwrap_or(now),
        }
    }
}
