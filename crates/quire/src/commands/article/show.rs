//! `quire article show SLUG`: one article for reading, as the Markdown `edit` opens, or as JSON.

use std::fmt::Write as _;

use super::{document, fetch};
use crate::cli::ShowArgs;
use crate::client::operations::article_by_slug::ArticleBySlugArticle;
use crate::client::{ClientError, Session, output};
use crate::formats::front_matter;

/// Prints the article in the form asked for.
pub async fn run(args: ShowArgs) -> Result<(), ClientError> {
    let mut session = Session::open(args.server.server.as_deref())?;
    let article = fetch(&mut session, &args.slug).await?;
    if args.json {
        return output::print_json(&article);
    }
    if args.markdown {
        print!("{}", front_matter::render(&document::of_article(&article)));
        return Ok(());
    }
    print!("{}", for_people(&article));
    Ok(())
}

/// A header of the facts an editor checks, then the body.
fn for_people(article: &ArticleBySlugArticle) -> String {
    let mut text = format!("{}\n", article.title);
    if let Some(subtitle) = &article.subtitle {
        let _ = writeln!(text, "{subtitle}");
    }
    let _ = write!(
        text,
        "\n{} · {} · version {}",
        article.slug, article.status, article.version
    );
    if let Some(at) = &article.published_at {
        let _ = write!(text, " · published {}", at.to_rfc3339());
    }
    let _ = writeln!(text, " · updated {}", article.updated_at.to_rfc3339());
    if !article.authors.is_empty() {
        let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
        let _ = writeln!(text, "By {}", names.join(", "));
    }
    if let Some(source) = &article.source {
        let country = source
            .country
            .as_deref()
            .map(|country| format!(", {country}"))
            .unwrap_or_default();
        let _ = writeln!(text, "Source: {}{country}", source.name);
    }
    if !article.tags.is_empty() {
        let names: Vec<&str> = article.tags.iter().map(|t| t.name.as_str()).collect();
        let _ = writeln!(text, "Tags: {}", names.join(", "));
    }
    let _ = writeln!(
        text,
        "{} words, {} min read\n\n{}",
        article.word_count, article.reading_time_minutes, article.body
    );
    text
}
