//! Per-request DataLoaders: every relation of a page of results is fetched in one statement,
//! however many rows the page has. They are built per request so the viewer's visibility applies
//! inside them and nothing is cached across viewers.

mod article_authors;
mod article_corrections;
mod article_tags;
mod article_texts;
mod curated_related;
mod previous_slugs;
mod related_articles;
mod sources;
mod tag_article_counts;
mod users;

use async_graphql::dataloader::{DataLoader, HashMapCache};
use chrono::{DateTime, Utc};
use quire_domain::{ArticleId, RelatedLimit, SourceId, TagId, UserId};
use quire_persistence::Store;
use quire_persistence::store::articles::Visibility;

pub use article_authors::ArticleAuthors;
pub use article_corrections::ArticleCorrections;
pub use article_tags::ArticleTags;
pub use article_texts::ArticleTexts;
pub use curated_related::CuratedRelated;
pub use previous_slugs::PreviousSlugs;
pub use related_articles::RelatedArticles;
pub use sources::Sources;
pub use tag_article_counts::TagArticleCounts;
pub use users::Users;

/// The loaders of one request. They remember what they loaded for the rest of the request, so
/// lists can prime them with relations read up front.
pub struct Loaders {
    /// Article → byline.
    pub authors: DataLoader<ArticleAuthors, HashMapCache>,
    /// Article → corrections, oldest first.
    pub corrections: DataLoader<ArticleCorrections, HashMapCache>,
    /// Article → tags.
    pub tags: DataLoader<ArticleTags, HashMapCache>,
    /// Article → body, for articles read in lists.
    pub texts: DataLoader<ArticleTexts, HashMapCache>,
    /// Article and list size → related articles: visible choices, then similar live ones.
    pub related: DataLoader<RelatedArticles, HashMapCache>,
    /// Article → the editors' own visible "also read" list.
    pub curated_related: DataLoader<CuratedRelated, HashMapCache>,
    /// Article → the slugs it had before.
    pub previous_slugs: DataLoader<PreviousSlugs, HashMapCache>,
    /// Source by id.
    pub sources: DataLoader<Sources, HashMapCache>,
    /// Tag → visible article count.
    pub tag_counts: DataLoader<TagArticleCounts, HashMapCache>,
    /// Account by id.
    pub users: DataLoader<Users, HashMapCache>,
}

impl Loaders {
    /// Fresh loaders for one request made at `now` by a viewer with `visibility`.
    pub fn new(store: &Store, visibility: Visibility, now: DateTime<Utc>) -> Self {
        fn cached<T>(loader: T) -> DataLoader<T, HashMapCache> {
            DataLoader::with_cache(loader, tokio::spawn, HashMapCache::default())
        }
        Self {
            authors: cached(ArticleAuthors(store.clone())),
            corrections: cached(ArticleCorrections(store.clone())),
            tags: cached(ArticleTags(store.clone())),
            texts: cached(ArticleTexts(store.clone())),
            related: cached(RelatedArticles {
                store: store.clone(),
                visibility,
                now,
            }),
            curated_related: cached(CuratedRelated {
                store: store.clone(),
                visibility,
            }),
            previous_slugs: cached(PreviousSlugs(store.clone())),
            sources: cached(Sources(store.clone())),
            tag_counts: cached(TagArticleCounts {
                store: store.clone(),
                visibility,
            }),
            users: cached(Users(store.clone())),
        }
    }

    /// Forgets everything loaded so far: after a write, later fields of the same request must
    /// see the new state.
    pub fn forget(&self) {
        self.authors.clear::<ArticleId>();
        self.corrections.clear::<ArticleId>();
        self.tags.clear::<ArticleId>();
        self.texts.clear::<ArticleId>();
        self.related.clear::<(ArticleId, RelatedLimit)>();
        self.curated_related.clear::<ArticleId>();
        self.previous_slugs.clear::<ArticleId>();
        self.sources.clear::<SourceId>();
        self.tag_counts.clear::<TagId>();
        self.users.clear::<UserId>();
    }
}
