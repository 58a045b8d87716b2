//! The authors, source and related articles a document names, as ids the API takes. Authors and
//! sources are found by slug (the name's, or the one written); those the server lacks are
//! created, and the command says so on standard error, where it does not disturb `--json`.
//! Related articles must exist.

use quire_domain::{AuthorReference, RelatedReference, SourceReference};

use super::slug_of;
use crate::client::operations::{
    ArticleIdBySlug, AuthorBySlug, CreateAuthor, CreateSource, SourceBySlug, article_id_by_slug,
    author_by_slug, create_author, create_source, source_by_slug,
};
use crate::client::{ClientError, Kind, Session};

/// The byline's ids, lead author first.
pub async fn authors(
    session: &mut Session,
    authors: &[AuthorReference],
) -> Result<Vec<String>, ClientError> {
    let mut ids = Vec::with_capacity(authors.len());
    for author in authors {
        let slug = slug_of(&author.name);
        let found = session
            .run::<AuthorBySlug>(author_by_slug::Variables { slug })
            .await?
            .author;
        let id = match found {
            Some(found) => found.id,
            None => {
                let input = create_author::AuthorInput {
                    name: author.name.clone(),
                    bio: author.bio.clone(),
                    avatar_url: None,
                    slug: None,
                    url: None,
                    user_id: None,
                };
                let created = session
                    .run::<CreateAuthor>(create_author::Variables { input })
                    .await?
                    .create_author;
                eprintln!("created author {} ({})", created.name, created.slug);
                created.id
            }
        };
        ids.push(id);
    }
    Ok(ids)
}

/// The source's id.
pub async fn source(
    session: &mut Session,
    source: &SourceReference,
) -> Result<String, ClientError> {
    let slug = slug_of(&source.name);
    let found = session
        .run::<SourceBySlug>(source_by_slug::Variables { slug })
        .await?
        .source;
    if let Some(found) = found {
        return Ok(found.id);
    }
    let input = create_source::SourceInput {
        name: source.name.clone(),
        country: source.country.clone(),
        slug: None,
        url: None,
        license: None,
        attribution_text: None,
    };
    let created = session
        .run::<CreateSource>(create_source::Variables { input })
        .await?
        .create_source;
    eprintln!("created source {} ({})", created.name, created.slug);
    Ok(created.id)
}

/// The related articles' ids, in order.
pub async fn related(
    session: &mut Session,
    related: &[RelatedReference],
) -> Result<Vec<String>, ClientError> {
    let mut ids = Vec::with_capacity(related.len());
    for reference in related {
        let (RelatedReference::Slug(slug) | RelatedReference::Title(slug)) = reference;
        let found = session
            .run::<ArticleIdBySlug>(article_id_by_slug::Variables { slug: slug.clone() })
            .await?
            .article;
        let article = found.ok_or_else(|| {
            ClientError::new(
                Kind::NotFound,
                format!("the related article `{slug}` is not on this server"),
            )
            .hint("`related` takes article slugs, as quire article list shows them")
        })?;
        ids.push(article.id);
    }
    Ok(ids)
}
