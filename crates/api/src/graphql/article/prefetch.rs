//! Loading the relations a query selects together with the articles, in the same trip to the
//! database, and handing them to the request's loaders.
//!
//! The loaders alone already batch each relation into one statement, but every relation then
//! costs its own hop to the blocking pool and its own pool checkout. Reading the selection up
//! front lets a page of articles and all its relations come back from one closure on one
//! connection; the loaders are primed with the results, so resolvers find them without waiting.

use std::collections::HashMap;

use async_graphql::{Context, Lookahead};
use chrono::{DateTime, Utc};
use quire_domain::{Article, ArticleId, Author, Correction, RelatedLimit, Source, SourceId, Tag};
use quire_persistence::store::articles::{self, Visibility, corrections};
use quire_persistence::store::sources;
use quire_persistence::{DbConn, StoreError};

use crate::graphql::context::ContextExt;

/// The relations of an article that a query selects.
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    authors: bool,
    tags: bool,
    source: bool,
    /// The sizes of the `related` lists selected, each once, in order.
    related: Vec<RelatedLimit>,
    curated_related: bool,
    corrections: bool,
}

impl Wanted {
    /// What the selection below an `Article` field asks for.
    pub fn of(article: Lookahead<'_>) -> Self {
        Wanted {
            authors: article.field("authors").exists(),
            tags: article.field("tags").exists(),
            source: article.field("source").exists(),
            related: related_limits(article.field("related")),
            curated_related: article.field("curatedRelated").exists(),
            corrections: article.field("corrections").exists(),
        }
    }

    /// What the selection below an `ArticleConnection` field asks for, through `nodes` or
    /// `edges.node`.
    pub fn of_connection(connection: Lookahead<'_>) -> Self {
        let nodes = Self::of(connection.field("nodes"));
        let edges = Self::of(connection.field("edges").field("node"));
        let mut related = nodes.related;
        related.extend(edges.related);
        related.sort_unstable();
        related.dedup();
        Wanted {
            authors: nodes.authors || edges.authors,
            tags: nodes.tags || edges.tags,
            source: nodes.source || edges.source,
            related,
            curated_related: nodes.curated_related || edges.curated_related,
            corrections: nodes.corrections || edges.corrections,
        }
    }
}

/// The list sizes the `related` selections ask for, each once. A size the resolver will
/// refuse is left out: there is nothing to read ahead for it.
fn related_limits(related: Lookahead<'_>) -> Vec<RelatedLimit> {
    let mut limits: Vec<RelatedLimit> = related
        .selection_fields()
        .iter()
        .filter_map(|field| {
            let arguments = field.arguments().ok()?;
            match arguments.iter().find(|(name, _)| name.as_str() == "limit") {
                None | Some((_, async_graphql::Value::Null)) => Some(RelatedLimit::DEFAULT),
                Some((_, async_graphql::Value::Number(n))) => {
                    RelatedLimit::parse("limit", n.as_i64()?).ok()
                }
                Some(_) => None,
            }
        })
        .collect();
    limits.sort_unstable();
    limits.dedup();
    limits
}

/// Relations read alongside some articles.
#[derive(Debug, Default)]
pub struct Prefetched {
    authors: Option<HashMap<ArticleId, Vec<Author>>>,
    tags: Option<HashMap<ArticleId, Vec<Tag>>>,
    sources: Option<HashMap<SourceId, Source>>,
    related: Vec<(RelatedLimit, HashMap<ArticleId, Vec<Article>>)>,
    curated_related: Option<HashMap<ArticleId, Vec<Article>>>,
    corrections: Option<HashMap<ArticleId, Vec<Correction>>>,
    ids: Vec<ArticleId>,
}

impl Prefetched {
    /// Reads the wanted relations of `articles` on the connection already in hand; related
    /// articles are the editors' choices `visibility` lets the viewer see, then similar
    /// articles live at `now`, and the curated ones those choices alone.
    pub fn read<'a>(
        conn: &mut DbConn,
        articles: impl IntoIterator<Item = &'a Article>,
        wanted: Wanted,
        visibility: Visibility,
        now: DateTime<Utc>,
    ) -> Result<Self, StoreError> {
        let mut ids = Vec::new();
        let mut source_ids = Vec::new();
        for article in articles {
            ids.push(article.id);
            source_ids.extend(article.source_id);
        }
        if ids.is_empty() {
            return Ok(Prefetched::default());
        }
        source_ids.sort_unstable();
        source_ids.dedup();
        Ok(Prefetched {
            authors: wanted
                .authors
                .then(|| articles::authors_of(conn, &ids))
                .transpose()?,
            tags: wanted
                .tags
                .then(|| articles::tags_of(conn, &ids))
                .transpose()?,
            sources: (wanted.source && !source_ids.is_empty())
                .then(|| sources::by_ids(conn, &source_ids))
                .transpose()?,
            related: wanted
                .related
                .iter()
                .map(|limit| {
                    articles::related_of(conn, &ids, *limit, visibility, now)
                        .map(|found| (*limit, found))
                })
                .collect::<Result<_, _>>()?,
            curated_related: wanted
                .curated_related
                .then(|| articles::curated_related_of(conn, &ids, visibility))
                .transpose()?,
            corrections: wanted
                .corrections
                .then(|| corrections::for_articles(conn, &ids))
                .transpose()?,
            ids,
        })
    }

    /// Primes the request's loaders. Articles without authors or tags are primed with empty
    /// lists, so asking for them does not go back to the database.
    pub async fn prime(self, ctx: &Context<'_>) {
        let loaders = ctx.loaders();
        if let Some(authors) = self.authors {
            loaders
                .authors
                .feed_many(covering(authors, &self.ids))
                .await;
        }
        if let Some(tags) = self.tags {
            loaders.tags.feed_many(covering(tags, &self.ids)).await;
        }
        if let Some(sources) = self.sources {
            loaders.sources.feed_many(sources).await;
        }
        for (limit, related) in self.related {
            let related = covering(related, &self.ids)
                .into_iter()
                .map(|(id, list)| ((id, limit), list));
            loaders.related.feed_many(related).await;
        }
        if let Some(curated) = self.curated_related {
            loaders
                .curated_related
                .feed_many(covering(curated, &self.ids))
                .await;
        }
        if let Some(corrections) = self.corrections {
            loaders
                .corrections
                .feed_many(covering(corrections, &self.ids))
                .await;
        }
    }
}

/// `map` with an empty value for every id it lacks.
fn covering<V: Default>(
    mut map: HashMap<ArticleId, V>,
    ids: &[ArticleId],
) -> HashMap<ArticleId, V> {
    for id in ids {
        map.entry(*id).or_default();
    }
    map
}
