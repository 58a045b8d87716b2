//! `quire article …`: the editors' commands on articles, each in its own file; what they share
//! (finding an article by slug, turning it into a document) is here and in [`document`].

pub mod credits;
pub mod document;
pub mod edit;
pub mod editor;
pub mod list;
pub mod new;
pub mod show;
pub mod stage;

use quire_domain::Slug;

use crate::client::operations::{
    ArticleBySlug, ArticleIdBySlug, article_by_slug, article_id_by_slug,
};
use crate::client::{ClientError, Kind, Session};

/// The article a slug names, in full, or `NOT_FOUND` with a way to find the right slug.
pub async fn fetch(
    session: &mut Session,
    slug: &str,
) -> Result<article_by_slug::ArticleBySlugArticle, ClientError> {
    let variables = article_by_slug::Variables {
        slug: slug.to_owned(),
    };
    session
        .run::<ArticleBySlug>(variables)
        .await?
        .article
        .ok_or_else(|| not_found(slug))
}

/// The id of the article a slug names, for the commands that change it.
pub async fn id_of(session: &mut Session, slug: &str) -> Result<String, ClientError> {
    let variables = article_id_by_slug::Variables {
        slug: slug.to_owned(),
    };
    session
        .run::<ArticleIdBySlug>(variables)
        .await?
        .article
        .map(|article| article.id)
        .ok_or_else(|| not_found(slug))
}

fn not_found(slug: &str) -> ClientError {
    ClientError::new(
        Kind::NotFound,
        format!("no article `{slug}` on this server"),
    )
    .hint("quire article list shows the slugs")
}

/// The slug of a tag or author as typed: kept when it already is one, derived from a name
/// otherwise, so `--tag "Climate Change"` finds `climate-change`.
pub fn slug_of(name: &str) -> String {
    Slug::parse(name)
        .unwrap_or_else(|_| Slug::from_title(name))
        .into_string()
}
