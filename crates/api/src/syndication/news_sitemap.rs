//! `/sitemap-news.xml`, the Google News sitemap
//! (<https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap>): the
//! articles published in the last two days, each with the publication's name and language, its
//! publication date and its title. Google reads at most 1,000 of them.

use std::io;

use chrono::{DateTime, Duration, Utc};
use quire_domain::Article;
use quire_persistence::page::PageRequest;
use quire_persistence::store::articles::{self, ArticleFilter, ArticleOrder, Visibility};
use quire_persistence::{Store, StoreError};

use super::links::Links;
use super::settings::SyndicationSettings;
use super::sitemap::{NAMESPACE, document, text_element, w3c_datetime};

/// The Google News sitemap extension's namespace.
pub const NEWS_NAMESPACE: &str = "http://www.google.com/schemas/sitemap-news/0.9";

/// How far back a news sitemap reaches: Google News considers articles of the last two days.
pub const WINDOW: Duration = Duration::hours(48);

/// The most articles one news sitemap may list.
pub const MAX_NEWS_URLS: usize = 1_000;

/// The visible articles published within [`WINDOW`] of `now`, newest first.
pub async fn read(
    store: &Store,
    visibility: Visibility,
    now: DateTime<Utc>,
) -> Result<Vec<Article>, StoreError> {
    let filter = ArticleFilter {
        published_after: Some(now - WINDOW),
        ..ArticleFilter::default()
    };
    let request = PageRequest {
        limit: MAX_NEWS_URLS,
        after: None,
        before: None,
        from_end: false,
    };
    store
        .read(move |conn| {
            let page = articles::list(
                conn,
                &filter,
                ArticleOrder::PublishedAtDesc,
                &request,
                visibility,
                now,
            )?;
            Ok(page.items.into_iter().map(|(_, a)| a).collect())
        })
        .await
}

/// The news sitemap of `recent`.
pub fn write(
    recent: &[Article],
    links: &Links,
    settings: &SyndicationSettings,
) -> io::Result<Vec<u8>> {
    document(|writer| {
        writer
            .create_element("urlset")
            .with_attribute(("xmlns", NAMESPACE))
            .with_attribute(("xmlns:news", NEWS_NAMESPACE))
            .write_inner_content(|writer| {
                for article in recent {
                    let published = article.published_at.unwrap_or(article.created_at);
                    writer.create_element("url").write_inner_content(|writer| {
                        text_element(writer, "loc", &links.article(&article.slug))?;
                        writer
                            .create_element("news:news")
                            .write_inner_content(|writer| {
                                writer
                                    .create_element("news:publication")
                                    .write_inner_content(|writer| {
                                        text_element(
                                            writer,
                                            "news:name",
                                            &settings.publication_name,
                                        )?;
                                        text_element(
                                            writer,
                                            "news:language",
                                            &settings.publication_language,
                                        )
                                    })?;
                                text_element(
                                    writer,
                                    "news:publication_date",
                                    &w3c_datetime(published),
                                )?;
                                text_element(writer, "news:title", &article.title)
                            })?;
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })
}
