//! Atom (RFC 4287), the format most feed readers prefer: full HTML content, typed links, and
//! `atom:source` for the publication an article came from.

use atom_syndication::{Category, Content, Entry, Feed, Generator, Link, Person, Source, Text};

use super::channel::Channel;
use super::items::{FeedItem, FeedItems};
use super::links::Links;

/// The media type of an Atom feed.
pub const CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";

/// `feed` as an Atom document.
pub fn write(
    feed: &FeedItems,
    channel: &Channel,
    links: &Links,
) -> Result<Vec<u8>, atom_syndication::Error> {
    let mut document = Feed::default();
    document.set_title(Text::plain(channel.title.clone()));
    document.set_subtitle(Some(Text::plain(channel.description.clone())));
    document.set_id(channel.self_url.clone());
    document.set_updated(channel.updated);
    document.set_lang(Some(channel.language.clone()));
    document.set_links(vec![
        link(&channel.self_url, "self", Some("application/atom+xml")),
        link(&channel.page_url, "alternate", Some("text/html")),
    ]);
    document.set_generator(Some(Generator {
        value: "Quire".to_owned(),
        ..Generator::default()
    }));
    document.set_entries(
        feed.items
            .iter()
            .map(|item| entry(item, links))
            .collect::<Vec<_>>(),
    );
    document.write_to(Vec::new())
}

fn entry(item: &FeedItem, links: &Links) -> Entry {
    let article = &item.article;
    let url = links.article(&article.slug);
    let mut entry = Entry::default();
    entry.set_id(url.clone());
    entry.set_title(Text::plain(article.title.clone()));
    entry.set_summary(Some(Text::plain(article.excerpt.clone())));
    entry.set_published(Some(item.published_at().fixed_offset()));
    entry.set_updated(article.updated_at);
    let mut content = Content::default();
    content.set_content_type(Some("html".to_owned()));
    content.set_value(Some(item.content_html()));
    entry.set_content(Some(content));
    entry.set_authors(
        item.authors
            .iter()
            .map(|author| Person {
                name: author.name.clone(),
                uri: Some(links.author(&author.slug)),
                ..Person::default()
            })
            .collect::<Vec<_>>(),
    );
    entry.set_categories(
        item.tags
            .iter()
            .map(|tag| Category {
                term: tag.slug.clone(),
                scheme: Some(links.path("/tags/")),
                label: Some(tag.name.clone()),
            })
            .collect::<Vec<_>>(),
    );
    let mut entry_links = vec![link(&url, "alternate", Some("text/html"))];
    if let Some(original) = &article.source_url {
        entry_links.push(link(original, "via", None));
    }
    entry.set_links(entry_links);
    if let Some(source) = &item.source {
        let page = links.source(&source.slug);
        let mut credited = Source::default();
        credited.set_title(Text::plain(source.name.clone()));
        credited.set_id(page.clone());
        credited.set_updated(item.published_at());
        credited.set_links(vec![link(
            source.url.as_deref().unwrap_or(&page),
            "alternate",
            None,
        )]);
        entry.set_source(Some(credited));
    }
    entry
}

fn link(href: &str, rel: &str, media: Option<&str>) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(media.map(str::to_owned));
    link
}
