//! `/sitemap.xml`, the list of article pages search engines should crawl, following the sitemap
//! protocol (<https://www.sitemaps.org/protocol.html>). A file may hold at most 50,000
//! addresses (fewer when `QUIRE_SITEMAP_URLS_PER_FILE` says so); past that, `/sitemap.xml` is an
//! index of `/sitemaps/articles-{n}.xml` files, oldest articles first.

use std::io;

use chrono::{DateTime, SecondsFormat, Utc};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quire_persistence::store::articles::{self, ArticleFilter, SitemapEntry, Visibility};
use quire_persistence::{Store, StoreError};

use super::links::Links;

/// The sitemap protocol's namespace.
pub const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The media type of every sitemap.
pub const CONTENT_TYPE: &str = "application/xml; charset=utf-8";

/// What `/sitemap.xml` holds.
#[derive(Debug)]
pub enum SitemapRoot {
    /// Every article, when one file holds them all.
    Urls(Vec<SitemapEntry>),
    /// The number of `/sitemaps/articles-{n}.xml` files the articles fill.
    Index(usize),
}

impl SitemapRoot {
    /// Counts the visible articles, then reads them all when one file holds them.
    pub async fn read(
        store: &Store,
        visibility: Visibility,
        now: DateTime<Utc>,
        per_file: usize,
    ) -> Result<Self, StoreError> {
        store
            .read(move |conn| {
                let count = articles::count(conn, &ArticleFilter::default(), visibility, now)?;
                let count = usize::try_from(count).unwrap_or(usize::MAX);
                if count <= per_file {
                    Ok(SitemapRoot::Urls(slice(conn, visibility, 0, per_file)?))
                } else {
                    Ok(SitemapRoot::Index(count.div_ceil(per_file)))
                }
            })
            .await
    }
}

/// The articles of `/sitemaps/articles-{number}.xml`; `None` past the last file.
pub async fn read_file(
    store: &Store,
    visibility: Visibility,
    number: usize,
    per_file: usize,
) -> Result<Option<Vec<SitemapEntry>>, StoreError> {
    let Some(first) = number.checked_sub(1).and_then(|n| n.checked_mul(per_file)) else {
        return Ok(None);
    };
    store
        .read(move |conn| {
            let entries = slice(conn, visibility, first, per_file)?;
            Ok((number == 1 || !entries.is_empty()).then_some(entries))
        })
        .await
}

fn slice(
    conn: &mut quire_persistence::DbConn,
    visibility: Visibility,
    first: usize,
    per_file: usize,
) -> Result<Vec<SitemapEntry>, StoreError> {
    let offset = i64::try_from(first).unwrap_or(i64::MAX);
    let limit = i64::try_from(per_file).unwrap_or(i64::MAX);
    articles::sitemap_slice(conn, visibility, offset, limit)
}

/// The address of the `number`th sitemap file.
pub fn file_path(number: usize) -> String {
    format!("/sitemaps/articles-{number}.xml")
}

/// A `urlset` of the articles' pages, each with its last change.
pub fn write_urls(entries: &[SitemapEntry], links: &Links) -> io::Result<Vec<u8>> {
    document(|writer| {
        writer
            .create_element("urlset")
            .with_attribute(("xmlns", NAMESPACE))
            .write_inner_content(|writer| {
                for entry in entries {
                    writer.create_element("url").write_inner_content(|writer| {
                        text_element(writer, "loc", &links.article(&entry.slug))?;
                        text_element(writer, "lastmod", &w3c_datetime(entry.updated_at))
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })
}

/// A `sitemapindex` of `files` sitemap files.
pub fn write_index(files: usize, links: &Links) -> io::Result<Vec<u8>> {
    document(|writer| {
        writer
            .create_element("sitemapindex")
            .with_attribute(("xmlns", NAMESPACE))
            .write_inner_content(|writer| {
                for number in 1..=files {
                    writer
                        .create_element("sitemap")
                        .write_inner_content(|writer| {
                            text_element(writer, "loc", &links.path(&file_path(number)))
                        })?;
                }
                Ok(())
            })?;
        Ok(())
    })
}

/// An XML document in UTF-8 with its declaration, the rest written by `body`.
pub fn document(body: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>) -> io::Result<Vec<u8>> {
    let mut writer = Writer::new(Vec::new());
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    body(&mut writer)?;
    Ok(writer.into_inner())
}

/// `<name>text</name>`, the text escaped.
pub fn text_element(writer: &mut Writer<Vec<u8>>, name: &str, text: &str) -> io::Result<()> {
    writer
        .create_element(name)
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

/// An instant as the W3C datetime profile the protocols ask for, such as
/// `2026-11-26T04:00:00Z`.
pub fn w3c_datetime(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}
