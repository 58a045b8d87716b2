//! Per-request DataLoaders: every relation of a page of results is fetched in one statement,
//! however many rows the page has. They are built per request so the viewer's visibility applies
//! inside them and nothing is cached across viewers.

mod article_authors;
mod article_tags;
mod article_texts;
mod related_articles;
mod sources;
mod tag_article_counts;

use async_graphql::dataloader::DataLoader;
use quire_persistence::Store;
use quire_persistence::store::articles::Visibility;

pub use article_authors::ArticleAuthors;
pub use article_tags::ArticleTags;
pub use article_texts::ArticleTexts;
pub use related_articles::RelatedArticles;
pub use sources::Sources;
pub use tag_article_counts::TagArticleCounts;

/// The loaders of one request.
pub struct Loaders {
    /// Article → byline.
    pub authors: DataLoader<ArticleAuthors>,
    /// Article → tags.
    pub tags: DataLoader<ArticleTags>,
    /// Article → body, for articles read in lists.
    pub texts: DataLoader<ArticleTexts>,
    /// Article → visible "also read" articles.
    pub related: DataLoader<RelatedArticles>,
    /// Source by id.
    pub sources: DataLoader<Sources>,
    /// Tag → visible article count.
    pub tag_counts: DataLoader<TagArticleCounts>,
}

impl Loaders {
    /// Fresh loaders for one request by a viewer with `visibility`.
    pub fn new(store: &Store, visibility: Visibility) -> Self {
        Self {
            authors: DataLoader::new(ArticleAuthors(store.clone()), tokio::spawn),
            tags: DataLoader::new(ArticleTags(store.clone()), tokio::spawn),
            texts: DataLoader::new(ArticleTexts(store.clone()), tokio::spawn),
            related: DataLoader::new(
                RelatedArticles {
                    store: store.clone(),
                    visibility,
                },
                tokio::spawn,
            ),
            sources: DataLoader::new(Sources(store.clone()), tokio::spawn),
            tag_counts: DataLoader::new(
                TagArticleCounts {
                    store: store.clone(),
                    visibility,
                },
                tokio::spawn,
            ),
        }
    }
}
