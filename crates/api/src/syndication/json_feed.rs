//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>), for readers and scripts that would rather
//! not parse XML. The format has no element for a source publication; `external_url` points at
//! the original and the credit closes `content_html`.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::channel::Channel;
use super::items::{FeedItem, FeedItems};
use super::links::Links;

/// The media type of a JSON Feed.
pub const CONTENT_TYPE: &str = "application/feed+json; charset=utf-8";

const VERSION: &str = "https://jsonfeed.org/version/1.1";

#[derive(Serialize)]
struct JsonFeed {
    version: &'static str,
    title: String,
    home_page_url: String,
    feed_url: String,
    description: String,
    language: String,
    items: Vec<JsonItem>,
}

#[derive(Serialize)]
struct JsonItem {
    id: String,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_url: Option<String>,
    title: String,
    content_html: String,
    summary: String,
    date_published: String,
    date_modified: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
}

#[derive(Serialize)]
struct JsonAuthor {
    name: String,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    avatar: Option<String>,
}

/// `feed` as a JSON Feed document.
pub fn write(feed: &FeedItems, channel: &Channel, links: &Links) -> serde_json::Result<Vec<u8>> {
    let document = JsonFeed {
        version: VERSION,
        title: channel.title.clone(),
        home_page_url: channel.page_url.clone(),
        feed_url: channel.self_url.clone(),
        description: channel.description.clone(),
        language: channel.language.clone(),
        items: feed.items.iter().map(|item| entry(item, links)).collect(),
    };
    serde_json::to_vec(&document)
}

fn entry(item: &FeedItem, links: &Links) -> JsonItem {
    let article = &item.article;
    let url = links.article(&article.slug);
    JsonItem {
        id: url.clone(),
        url,
        external_url: article.source_url.clone(),
        title: article.title.clone(),
        content_html: item.content_html(),
        summary: article.excerpt.clone(),
        date_published: rfc3339(item.published_at()),
        date_modified: rfc3339(article.updated_at),
        authors: item
            .authors
            .iter()
            .map(|author| JsonAuthor {
                name: author.name.clone(),
                url: links.author(&author.slug),
                avatar: author.avatar_url.clone(),
            })
            .collect(),
        tags: item.tags.iter().map(|tag| tag.name.clone()).collect(),
    }
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}
