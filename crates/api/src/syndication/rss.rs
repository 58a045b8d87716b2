//! RSS 2.0, still what many aggregators and podcast-era tools read: the excerpt as
//! `description`, the full HTML as `content:encoded`, bylines as `dc:creator` (RSS's own
//! `author` wants an e-mail address) and the publication an article came from as `source`.

use rss::extension::atom::AtomExtension;
use rss::extension::dublincore::DublinCoreExtension;
use rss::{Category, Channel as RssChannel, Guid, Item, Source};

use super::channel::Channel;
use super::items::{FeedItem, FeedItems};
use super::links::Links;

/// The media type of an RSS feed.
pub const CONTENT_TYPE: &str = "application/rss+xml; charset=utf-8";

/// `feed` as an RSS 2.0 document.
pub fn write(feed: &FeedItems, channel: &Channel, links: &Links) -> Result<Vec<u8>, rss::Error> {
    let mut self_link = atom_syndication::Link::default();
    self_link.set_href(channel.self_url.clone());
    self_link.set_rel("self");
    self_link.set_mime_type(Some("application/rss+xml".to_owned()));
    let document = RssChannel {
        title: channel.title.clone(),
        link: channel.page_url.clone(),
        description: channel.description.clone(),
        language: Some(channel.language.clone()),
        last_build_date: Some(channel.updated.to_rfc2822()),
        generator: Some("Quire".to_owned()),
        atom_ext: Some(AtomExtension {
            links: vec![self_link],
        }),
        items: feed.items.iter().map(|item| entry(item, links)).collect(),
        ..RssChannel::default()
    };
    document.write_to(Vec::new())
}

fn entry(item: &FeedItem, links: &Links) -> Item {
    let article = &item.article;
    let url = links.article(&article.slug);
    let credited = item.source.as_ref().and_then(|source| {
        let address = article.source_url.clone().or_else(|| source.url.clone())?;
        Some(Source {
            url: address,
            title: Some(source.name.clone()),
        })
    });
    Item {
        title: Some(article.title.clone()),
        link: Some(url.clone()),
        description: Some(article.excerpt.clone()),
        content: Some(item.content_html()),
        guid: Some(Guid {
            value: url,
            permalink: true,
        }),
        pub_date: Some(item.published_at().to_rfc2822()),
        categories: item
            .tags
            .iter()
            .map(|tag| Category {
                name: tag.name.clone(),
                domain: Some(links.path("/tags/")),
            })
            .collect(),
        dublin_core_ext: (!item.authors.is_empty()).then(|| DublinCoreExtension {
            creators: item.authors.iter().map(|a| a.name.clone()).collect(),
            ..DublinCoreExtension::default()
        }),
        source: credited,
        ..Item::default()
    }
}
