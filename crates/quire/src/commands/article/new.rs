//! `quire article new FILE.md`: a draft from a Markdown file with front matter, published or
//! scheduled at once when the file says so.

use quire_domain::ArticleStatus as FileStatus;

use super::{credits, fetch};
use crate::cli::NewArgs;
use crate::client::operations::{CreateArticle, PublishArticle, create_article, publish_article};
use crate::client::{ClientError, Session, output};
use crate::formats;

/// Reads the file, resolves what it names, creates the article and prints its slug and id (or
/// the article as JSON).
pub async fn run(args: NewArgs) -> Result<(), ClientError> {
    let bytes = std::fs::read(&args.file)
        .map_err(|error| crate::client::error::file_error("read", &args.file, &error))?;
    let document = formats::read_document(&bytes).map_err(|error| {
        ClientError::failure(format!("{}: {error}", args.file.display()))
            .hint("fix the file, then run the command again")
    })?;
    let mut session = Session::open(args.server.server.as_deref())?;
    let author_ids = credits::authors(&mut session, &document.authors).await?;
    let source_id = match &document.source {
        Some(source) => Some(credits::source(&mut session, source).await?),
        None => None,
    };
    let related_ids = credits::related(&mut session, &document.related).await?;
    let input = create_article::CreateArticleInput {
        title: document.title.clone(),
        body: document.body.clone(),
        slug: document.slug.clone(),
        subtitle: document.subtitle.clone(),
        excerpt: document.excerpt.clone(),
        author_ids: Some(author_ids).filter(|ids| !ids.is_empty()),
        source_id,
        source_url: document.source_url.clone(),
        canonical_url: document.canonical_url.clone(),
        rights_expire_at: None,
        tags: Some(document.tags.clone()).filter(|tags| !tags.is_empty()),
        related_ids: Some(related_ids).filter(|ids| !ids.is_empty()),
    };
    let created = session
        .run::<CreateArticle>(create_article::Variables { input })
        .await?
        .create_article;
    let mut stage = format!("{}", created.status);
    if matches!(
        document.status,
        Some(FileStatus::Published | FileStatus::Scheduled)
    ) {
        let variables = publish_article::Variables {
            id: created.id.clone(),
            at: document.published_at,
        };
        let published = session
            .run::<PublishArticle>(variables)
            .await
            .map_err(|error| {
                let hint = format!(
                    "the article was created as a draft; publish it with quire article publish {}",
                    created.slug
                );
                error.hint(hint)
            })?
            .publish_article;
        stage = match published.published_at {
            Some(at) => format!("{} at {}", published.status, at.to_rfc3339()),
            None => published.status.to_string(),
        };
    }
    if args.json {
        let article = fetch(&mut session, &created.slug).await?;
        return output::print_json(&article);
    }
    println!("created {} (id {}), {stage}", created.slug, created.id);
    Ok(())
}
