//! The feed and sitemap handlers: each works out who asks and where links point, reads its
//! answer in one trip to the store, and writes it in its format.

use std::time::SystemTime;

use actix_web::http::header::{HttpDate, LastModified};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use quire_persistence::Store;
use quire_persistence::store::articles::Visibility;

use super::channel::Channel;
use super::failure::{not_found, respond};
use super::items::{FeedItems, Subject};
use super::links::Links;
use super::settings::SyndicationSettings;
use super::sitemap::{self, SitemapRoot};
use super::{atom, json_feed, news_sitemap, rss};
use crate::auth::session::Auth;
use crate::error::ApiError;

/// What the feed and sitemap routes share.
pub struct Syndication {
    /// Where the articles are.
    pub store: Store,
    /// Who is asking.
    pub auth: Auth,
    /// The public address and the publication.
    pub settings: SyndicationSettings,
}

/// Who asks, at which instant, and where links point.
struct Reader {
    visibility: Visibility,
    now: DateTime<Utc>,
    links: Links,
}

impl Syndication {
    /// The one place these routes learn the viewer: the same rules as every other route, so a
    /// preview token sees drafts in feeds exactly as it does in GraphQL, and a private server
    /// (`QUIRE_PUBLIC_READ=false`) refuses anonymous readers here too.
    async fn reader(&self, req: &HttpRequest) -> Result<Reader, ApiError> {
        let access = crate::http::reader::Reader::of(&self.auth, req).await?;
        Ok(Reader {
            visibility: access.visibility,
            now: access.now,
            links: Links::for_request(self.settings.public_url.as_ref(), req)?,
        })
    }
}

/// The three feed formats, by file extension.
#[derive(Debug, Clone, Copy)]
enum Format {
    Atom,
    Rss,
    Json,
}

impl Format {
    fn from_extension(extension: &str) -> Option<Self> {
        match extension {
            "atom" => Some(Format::Atom),
            "rss" => Some(Format::Rss),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// `/feeds/articles.{format}`: the newest articles.
pub async fn all_articles(
    req: HttpRequest,
    format: web::Path<String>,
    state: web::Data<Syndication>,
) -> HttpResponse {
    match Format::from_extension(&format) {
        Some(format) => feed(&req, Subject::All, format, &state).await,
        None => not_found(unknown_format(&format)),
    }
}

/// `/feeds/{tags|authors|sources}/{slug}.{format}`: the newest articles of one tag, author or
/// source.
pub async fn articles_of(
    req: HttpRequest,
    path: web::Path<(String, String)>,
    state: web::Data<Syndication>,
) -> HttpResponse {
    let (kind, file) = path.into_inner();
    let Some((slug, extension)) = file.rsplit_once('.') else {
        return not_found(format!("`{file}` names no feed: add .atom, .rss or .json"));
    };
    let Some(format) = Format::from_extension(extension) else {
        return not_found(unknown_format(extension));
    };
    let subject = match kind.as_str() {
        "tags" => Subject::Tag(slug.to_owned()),
        "authors" => Subject::Author(slug.to_owned()),
        "sources" => Subject::Source(slug.to_owned()),
        _ => {
            return not_found(format!(
                "there are feeds of tags, authors and sources, not of `{kind}`"
            ));
        }
    };
    feed(&req, subject, format, &state).await
}

fn unknown_format(extension: &str) -> String {
    format!("no feed format `{extension}`: feeds are .atom, .rss and .json")
}

async fn feed(
    req: &HttpRequest,
    subject: Subject,
    format: Format,
    state: &Syndication,
) -> HttpResponse {
    let reader = match state.reader(req).await {
        Ok(reader) => reader,
        Err(error) => return respond(&error),
    };
    let asked = subject.clone();
    let feed = match FeedItems::read(&state.store, subject, reader.visibility, reader.now).await {
        Ok(Some(feed)) => feed,
        Ok(None) => return not_found(missing(&asked)),
        Err(error) => return respond(&error.into()),
    };
    let channel = Channel::of(
        &feed,
        &reader.links,
        req.path(),
        &state.settings,
        reader.now,
    );
    let links = &reader.links;
    let (body, content_type) = match format {
        Format::Atom => (
            atom::write(&feed, &channel, links).map_err(|e| ApiError::internal(&e)),
            atom::CONTENT_TYPE,
        ),
        Format::Rss => (
            rss::write(&feed, &channel, links).map_err(|e| ApiError::internal(&e)),
            rss::CONTENT_TYPE,
        ),
        Format::Json => (
            json_feed::write(&feed, &channel, links).map_err(|e| ApiError::internal(&e)),
            json_feed::CONTENT_TYPE,
        ),
    };
    answer(body, content_type, feed.last_modified())
}

fn missing(subject: &Subject) -> String {
    match subject {
        Subject::All => "no such feed".to_owned(),
        Subject::Tag(slug) => format!("no tag has the slug `{slug}`"),
        Subject::Author(slug) => format!("no author has the slug `{slug}`"),
        Subject::Source(slug) => format!("no source has the slug `{slug}`"),
    }
}

/// `/sitemap.xml`: every article, or an index of sitemap files when they are too many.
pub async fn sitemap_root(req: HttpRequest, state: web::Data<Syndication>) -> HttpResponse {
    let reader = match state.reader(&req).await {
        Ok(reader) => reader,
        Err(error) => return respond(&error),
    };
    let per_file = state.settings.sitemap_urls_per_file;
    match SitemapRoot::read(&state.store, reader.visibility, reader.now, per_file).await {
        Ok(SitemapRoot::Urls(entries)) => {
            let newest = entries.iter().map(|e| e.updated_at).max();
            let body = sitemap::write_urls(&entries, &reader.links);
            answer(
                body.map_err(|e| ApiError::internal(&e)),
                sitemap::CONTENT_TYPE,
                newest,
            )
        }
        Ok(SitemapRoot::Index(files)) => {
            let body = sitemap::write_index(files, &reader.links);
            answer(
                body.map_err(|e| ApiError::internal(&e)),
                sitemap::CONTENT_TYPE,
                None,
            )
        }
        Err(error) => respond(&error.into()),
    }
}

/// `/sitemaps/articles-{n}.xml`: one file of a sitemap index.
pub async fn sitemap_file(
    req: HttpRequest,
    number: web::Path<String>,
    state: web::Data<Syndication>,
) -> HttpResponse {
    let Ok(number) = number.parse::<usize>() else {
        return not_found("no such sitemap file");
    };
    let reader = match state.reader(&req).await {
        Ok(reader) => reader,
        Err(error) => return respond(&error),
    };
    let per_file = state.settings.sitemap_urls_per_file;
    match sitemap::read_file(&state.store, reader.visibility, number, per_file).await {
        Ok(Some(entries)) => {
            let newest = entries.iter().map(|e| e.updated_at).max();
            let body = sitemap::write_urls(&entries, &reader.links);
            answer(
                body.map_err(|e| ApiError::internal(&e)),
                sitemap::CONTENT_TYPE,
                newest,
            )
        }
        Ok(None) => not_found(format!(
            "there is no sitemap file {number}: /sitemap.xml lists those there are"
        )),
        Err(error) => respond(&error.into()),
    }
}

/// `/sitemap-news.xml`: the articles of the last 48 hours, for Google News.
pub async fn news(req: HttpRequest, state: web::Data<Syndication>) -> HttpResponse {
    let reader = match state.reader(&req).await {
        Ok(reader) => reader,
        Err(error) => return respond(&error),
    };
    match news_sitemap::read(&state.store, reader.visibility, reader.now).await {
        Ok(recent) => {
            let newest = recent.iter().map(|a| a.updated_at).max();
            let body = news_sitemap::write(&recent, &reader.links, &state.settings);
            answer(
                body.map_err(|e| ApiError::internal(&e)),
                sitemap::CONTENT_TYPE,
                newest,
            )
        }
        Err(error) => respond(&error.into()),
    }
}

/// A 200 with `body`, its media type and, when known, its last change.
fn answer(
    body: Result<Vec<u8>, ApiError>,
    content_type: &'static str,
    last_modified: Option<DateTime<Utc>>,
) -> HttpResponse {
    let body = match body {
        Ok(body) => body,
        Err(error) => return respond(&error),
    };
    let mut response = HttpResponse::Ok();
    response.content_type(content_type);
    if let Some(at) = last_modified {
        response.insert_header(LastModified(HttpDate::from(SystemTime::from(at))));
    }
    response.body(body)
}
