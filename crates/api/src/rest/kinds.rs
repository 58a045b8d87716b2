//! Authors, sources and tags as [`NamedKind`]s, and their documented routes.

use std::collections::HashMap;

use quire_domain::{Author, Source, Tag, TagId};
use quire_persistence::store::articles::Visibility;
use quire_persistence::store::{authors, sources, tags};
use quire_persistence::{DbConn, Page, PageRequest, StoreError};

use super::named::{NamedKind, named_routes};
use super::shapes::{AuthorJson, CountedTagJson, SourceJson};

/// People credited on articles.
pub struct Authors;

impl NamedKind for Authors {
    type Item = Author;
    type Extra = ();
    type Json = AuthorJson;
    const WHAT: &'static str = "author";
    const ORDERING: &'static str = authors::ORDERING;

    fn page(conn: &mut DbConn, request: &PageRequest) -> Result<Page<Author>, StoreError> {
        authors::list(conn, request)
    }

    fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<Author>, StoreError> {
        authors::by_slug(conn, slug)
    }

    fn extra(_: &mut DbConn, _: &[&Author], _: Visibility) -> Result<(), StoreError> {
        Ok(())
    }

    fn shape(item: Author, (): &()) -> AuthorJson {
        item.into()
    }
}

/// Publications articles come from.
pub struct Sources;

impl NamedKind for Sources {
    type Item = Source;
    type Extra = ();
    type Json = SourceJson;
    const WHAT: &'static str = "source";
    const ORDERING: &'static str = sources::ORDERING;

    fn page(conn: &mut DbConn, request: &PageRequest) -> Result<Page<Source>, StoreError> {
        sources::list(conn, request)
    }

    fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<Source>, StoreError> {
        sources::by_slug(conn, slug)
    }

    fn extra(_: &mut DbConn, _: &[&Source], _: Visibility) -> Result<(), StoreError> {
        Ok(())
    }

    fn shape(item: Source, (): &()) -> SourceJson {
        item.into()
    }
}

/// Topic labels, each with how many articles the viewer may see carry it.
pub struct Tags;

impl NamedKind for Tags {
    type Item = Tag;
    type Extra = HashMap<TagId, i64>;
    type Json = CountedTagJson;
    const WHAT: &'static str = "tag";
    const ORDERING: &'static str = tags::ORDERING;

    fn page(conn: &mut DbConn, request: &PageRequest) -> Result<Page<Tag>, StoreError> {
        tags::list(conn, request)
    }

    fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<Tag>, StoreError> {
        tags::by_slug(conn, slug)
    }

    /// The counts, through the same query GraphQL's `articleCount` uses; none for no tags.
    fn extra(
        conn: &mut DbConn,
        items: &[&Tag],
        visibility: Visibility,
    ) -> Result<HashMap<TagId, i64>, StoreError> {
        if items.is_empty() {
            return Ok(HashMap::new());
        }
        let ids: Vec<TagId> = items.iter().map(|tag| tag.id).collect();
        tags::article_counts(conn, &ids, visibility)
    }

    fn shape(item: Tag, counts: &HashMap<TagId, i64>) -> CountedTagJson {
        let article_count = counts.get(&item.id).copied().unwrap_or(0);
        CountedTagJson {
            tag: item.into(),
            article_count,
        }
    }
}

named_routes!(
    Authors,
    AuthorJson,
    "authors",
    "/api/authors",
    "/api/authors/{slug}",
    list_authors = "listAuthors",
    get_author = "getAuthor",
    "author"
);
named_routes!(
    Sources,
    SourceJson,
    "sources",
    "/api/sources",
    "/api/sources/{slug}",
    list_sources = "listSources",
    get_source = "getSource",
    "source"
);
named_routes!(
    Tags,
    CountedTagJson,
    "tags",
    "/api/tags",
    "/api/tags/{slug}",
    list_tags = "listTags",
    get_tag = "getTag",
    "tag"
);
