//! `quire article publish|unpublish|delete SLUG`: moving an article through its life cycle.

use std::io::{BufRead as _, Write as _};

use chrono::{DateTime, Utc};
use serde_json::json;

use super::id_of;
use crate::cli::{DeleteArgs, PublishArgs, SlugArgs};
use crate::client::operations::{
    ArticleStatus, DeleteArticle, PublishArticle, UnpublishArticle, delete_article,
    publish_article, unpublish_article,
};
use crate::client::{ClientError, Session, output};

/// Publishes now, or schedules for `--at`; says which happened.
pub async fn publish(args: PublishArgs) -> Result<(), ClientError> {
    let mut session = Session::open(args.server.server.as_deref())?;
    let id = id_of(&mut session, &args.slug).await?;
    let variables = publish_article::Variables { id, at: args.at };
    let article = session
        .run::<PublishArticle>(variables)
        .await?
        .publish_article;
    let line = stage(&article.slug, article.status, article.published_at);
    report(args.json, &article, &line)
}

/// Takes the article back to draft.
pub async fn unpublish(args: SlugArgs) -> Result<(), ClientError> {
    let mut session = Session::open(args.server.server.as_deref())?;
    let id = id_of(&mut session, &args.slug).await?;
    let variables = unpublish_article::Variables { id };
    let article = session
        .run::<UnpublishArticle>(variables)
        .await?
        .unpublish_article;
    let line = stage(&article.slug, article.status, article.published_at);
    report(args.json, &article, &line)
}

/// Moves the article to the trash, after asking when a person is at the terminal and `--yes` is absent.
pub async fn delete(args: DeleteArgs) -> Result<(), ClientError> {
    let mut session = Session::open(args.server.server.as_deref())?;
    let id = id_of(&mut session, &args.slug).await?;
    if !args.yes && output::interactive() && !confirm(&args.slug)? {
        println!("kept {}", args.slug);
        return Ok(());
    }
    let variables = delete_article::Variables { id };
    let id = session
        .run::<DeleteArticle>(variables)
        .await?
        .delete_article;
    if args.json {
        return output::print_json(&json!({ "deleted": id, "slug": args.slug }));
    }
    println!(
        "moved {} (id {id}) to the trash; an editor can restore it until it is purged",
        args.slug
    );
    Ok(())
}

/// The article as JSON for scripts, or `line` for a person.
fn report(json: bool, article: &impl serde::Serialize, line: &str) -> Result<(), ClientError> {
    if json {
        return output::print_json(article);
    }
    println!("{line}");
    Ok(())
}

fn stage(slug: &str, status: ArticleStatus, at: Option<DateTime<Utc>>) -> String {
    match (status, at) {
        (ArticleStatus::Scheduled, Some(at)) => {
            format!("{slug} is SCHEDULED for {}", at.to_rfc3339())
        }
        (ArticleStatus::Published, Some(at)) => {
            format!("{slug} is PUBLISHED (since {})", at.to_rfc3339())
        }
        (status, _) => format!("{slug} is {status}"),
    }
}

fn confirm(slug: &str) -> Result<bool, ClientError> {
    eprint!("Move {slug} to the trash? [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|error| ClientError::failure(format!("cannot read the answer: {error}")))?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes"))
}
