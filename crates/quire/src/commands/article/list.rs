//! `quire article list`: a table of articles for people, a JSON array for scripts.

use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

use super::slug_of;
use crate::cli::ListArgs;
use crate::client::operations::article_list::{ArticleFilter, ArticleListArticlesNodes};
use crate::client::operations::{ArticleList, ArticleStatus, article_list};
use crate::client::{ClientError, Session, output};

/// The largest page the API gives.
const PAGE: u32 = 100;

/// Pages through the filtered list up to `--limit` articles and prints them.
pub async fn run(args: ListArgs) -> Result<(), ClientError> {
    let mut session = Session::open(args.server.server.as_deref())?;
    let filter = ArticleFilter {
        status: Some(args.status.iter().map(|&s| s.into()).collect::<Vec<_>>())
            .filter(|statuses| !statuses.is_empty()),
        tags: args.tag.as_deref().map(|tag| vec![slug_of(tag)]),
        author: args.author.as_deref().map(slug_of),
        search: args.search.clone(),
        source: None,
        published_after: None,
        published_before: None,
        rights_expire_before: None,
    };
    let mut articles = Vec::new();
    let mut after = None;
    loop {
        let wanted = args.limit - u32::try_from(articles.len()).unwrap_or(u32::MAX);
        let variables = article_list::Variables {
            filter: Some(filter.clone()),
            first: Some(i64::from(wanted.min(PAGE))),
            after: after.take(),
        };
        let page = session.run::<ArticleList>(variables).await?.articles;
        articles.extend(page.nodes);
        if !page.page_info.has_next_page || articles.len() >= args.limit as usize {
            break;
        }
        after = page.page_info.end_cursor;
    }
    if args.json {
        return output::print_json(&articles);
    }
    if articles.is_empty() {
        println!("no articles");
        return Ok(());
    }
    println!("{}", table(&articles, output::colour()));
    Ok(())
}

fn table(articles: &[ArticleListArticlesNodes], colour: bool) -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["slug", "status", "title", "authors", "published / updated"]);
    if !colour {
        table.force_no_tty();
    }
    for article in articles {
        let authors: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
        let when = match &article.published_at {
            Some(at) => output::short_time(at),
            None => format!("updated {}", output::short_time(&article.updated_at)),
        };
        let mut status = Cell::new(article.status);
        if colour {
            status = status.fg(status_colour(article.status));
        }
        table.add_row(vec![
            Cell::new(&article.slug),
            status,
            Cell::new(&article.title),
            Cell::new(authors.join(", ")),
            Cell::new(when),
        ]);
    }
    table
}

fn status_colour(status: ArticleStatus) -> Color {
    match status {
        ArticleStatus::Draft => Color::Yellow,
        ArticleStatus::Scheduled => Color::Cyan,
        ArticleStatus::Published => Color::Green,
        ArticleStatus::Archived => Color::DarkGrey,
    }
}
