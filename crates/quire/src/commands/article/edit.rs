//! `quire article edit SLUG [--from FILE]`: the article as Markdown with front matter in the
//! person's editor, saved with the version it was read at, so a change someone else made
//! meanwhile is never overwritten. When saving fails (a CONFLICT above all) the edited text is
//! kept in `./SLUG.vN.md` and the message says how to compare and merge it.

use graphql_client::GraphQLQuery as _;
use quire_domain::ArticleDocument;
use serde_json::Value;

use super::document::{self, Changes};
use super::{credits, editor, fetch};
use crate::cli::EditArgs;
use crate::client::error::file_error;
use crate::client::operations::article_by_slug::ArticleBySlugArticle;
use crate::client::operations::{UpdateArticle, update_article};
use crate::client::{ClientError, Kind, Session};
use crate::formats::{self, front_matter};

/// Edits the article and saves what changed.
pub async fn run(args: EditArgs) -> Result<(), ClientError> {
    let editor = editor::command()?;
    let start = match &args.from {
        Some(path) => {
            Some(std::fs::read_to_string(path).map_err(|error| file_error("read", path, &error))?)
        }
        None => None,
    };
    let mut session = Session::open(args.server.server.as_deref())?;
    let article = fetch(&mut session, &args.slug).await?;
    let before = document::of_article(&article);
    let current = front_matter::render(&before);
    let edited = editor::edit(&editor, &article.slug, start.as_deref().unwrap_or(&current)).await?;
    if edited == current {
        println!("no changes");
        return Ok(());
    }
    let after = match formats::read_document(edited.as_bytes()) {
        Ok(after) => after,
        Err(error) => {
            let kept = editor::keep(&article.slug, article.version, &edited)?;
            return Err(ClientError::failure(format!(
                "the edited text cannot be read: {error}; nothing was saved"
            ))
            .hint(format!(
                "your text is kept in {}: fix it, then run quire article edit {} --from {}",
                kept.display(),
                article.slug,
                kept.display()
            )));
        }
    };
    if after.status.is_some() || after.published_at.is_some() {
        eprintln!(
            "note: status and publishedAt are not changed by editing; use quire article publish \
             or unpublish"
        );
    }
    let changes = document::changes(&before, &after);
    if changes.is_empty() {
        println!("no changes");
        return Ok(());
    }
    match save(&mut session, &article, &after, changes).await {
        Ok(saved) => {
            println!("saved {}: version {}", saved.slug, saved.version);
            Ok(())
        }
        Err(error) => {
            let kept = editor::keep(&article.slug, article.version, &edited)?;
            Err(explain(error, &article, &kept.display().to_string()))
        }
    }
}

/// Resolves what the changes name and sends them against the version read.
async fn save(
    session: &mut Session,
    article: &ArticleBySlugArticle,
    after: &ArticleDocument,
    changes: Changes,
) -> Result<update_article::UpdateArticleUpdateArticle, ClientError> {
    let mut input = changes.input;
    if changes.authors {
        let ids = credits::authors(session, &after.authors).await?;
        input.insert("authorIds".to_owned(), ids.into());
    }
    if changes.source
        && let Some(source) = &after.source
    {
        let id = credits::source(session, source).await?;
        input.insert("sourceId".to_owned(), id.into());
    }
    if changes.related {
        let ids = credits::related(session, &after.related).await?;
        input.insert("relatedIds".to_owned(), ids.into());
    }
    let variables = update_article::Variables {
        id: article.id.clone(),
        expected_version: article.version,
        input: update_article::UpdateArticleInput::default(),
    };
    let mut body = serde_json::to_value(UpdateArticle::build_query(variables))
        .map_err(|error| ClientError::failure(format!("cannot write the request: {error}")))?;
    body["variables"]["input"] = Value::Object(input);
    Ok(session
        .run_body::<UpdateArticle>(&body)
        .await?
        .update_article)
}

/// The failure, with where the text is kept and how to go on.
fn explain(error: ClientError, article: &ArticleBySlugArticle, kept: &str) -> ClientError {
    let slug = &article.slug;
    if error.kind == Kind::Conflict
        && let Some(now) = error.current_version
    {
        return ClientError {
            message: format!(
                "CONFLICT: {slug} changed on the server while you edited it (you read version \
                 {}, it is now at version {now}); nothing was saved, and your text is kept in \
                 {kept}",
                article.version
            ),
            hint: Some(format!(
                "see what changed:  quire article show {slug} --markdown | diff - {kept}\n\
                 then merge:        quire article edit {slug} --from {kept}"
            )),
            ..error
        };
    }
    let next = format!(
        "your text is kept in {kept}; to try again: quire article edit {slug} --from {kept}"
    );
    let hint = match &error.hint {
        Some(hint) => format!("{hint}\n{next}"),
        None => next,
    };
    ClientError {
        message: format!("{}; nothing was saved", error.message),
        hint: Some(hint),
        ..error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The update is sent as JSON to express `null`, so the names it uses are checked here
    /// against the input type generated from the schema.
    #[test]
    fn every_field_an_edit_sends_is_in_the_schema() {
        let input = update_article::UpdateArticleInput {
            author_ids: Some(vec![]),
            body: Some(String::new()),
            canonical_url: Some(String::new()),
            excerpt: Some(String::new()),
            related_ids: Some(vec![]),
            rights_expire_at: None,
            slug: Some(String::new()),
            source_id: Some(String::new()),
            source_url: Some(String::new()),
            subtitle: Some(String::new()),
            tags: Some(vec![]),
            title: Some(String::new()),
        };
        let Value::Object(known) = serde_json::to_value(input).unwrap() else {
            panic!("an input object serialises to a JSON object");
        };
        let everything = ArticleDocument {
            title: "t".to_owned(),
            slug: Some("s".to_owned()),
            subtitle: Some("s".to_owned()),
            excerpt: Some("e".to_owned()),
            body: "b".to_owned(),
            source_url: Some("https://a.example".to_owned()),
            canonical_url: Some("https://a.example".to_owned()),
            tags: vec!["x".to_owned()],
            ..ArticleDocument::default()
        };
        let removed = ArticleDocument {
            source: Some(quire_domain::SourceReference::default()),
            ..ArticleDocument::default()
        };
        let mut sent = document::changes(&ArticleDocument::default(), &everything).input;
        sent.extend(document::changes(&removed, &ArticleDocument::default()).input);
        let names: Vec<String> = sent
            .keys()
            .cloned()
            .chain(["authorIds", "sourceId", "relatedIds"].map(str::to_owned))
            .collect();
        for name in names {
            assert!(
                known.contains_key(&name),
                "`{name}` is not an UpdateArticleInput field"
            );
        }
    }
}
