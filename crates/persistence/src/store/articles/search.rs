//! Full-text search, the one place where the two backends need their own SQL: SQLite's FTS5
//! index (`articles_search`) and PostgreSQL's weighted `tsvector` column (`articles.search`).
//! Both tokenise without stemming, so the same words find the same articles on either.

use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::sql_types::{Bool, Double, Text};

use super::visibility::{ArticlePredicate, nothing};
use crate::db::{Backend, Db};
use crate::schema::articles;

/// A boxed numeric expression on `articles`: lower is a better match.
pub(crate) type ArticleScore = Box<dyn BoxableExpression<articles::table, Db, SqlType = Double>>;

/// Articles containing every word of `text`.
pub(crate) fn matches(backend: Backend, text: &str) -> ArticlePredicate {
    match backend {
        Backend::Sqlite => match fts5_query(text) {
            Some(query) => Box::new(
                sql::<Bool>("articles.id IN (SELECT rowid FROM articles_search WHERE articles_search MATCH ")
                    .bind::<Text, _>(query)
                    .sql(")"),
            ),
            None => nothing(),
        },
        Backend::Postgres => Box::new(
            sql::<Bool>("articles.search @@ websearch_to_tsquery('simple', ")
                .bind::<Text, _>(text.to_owned())
                .sql(")"),
        ),
    }
}

/// How well each article matches `text`, best (lowest) first; titles weigh most, then
/// excerpts, then bodies.
pub(crate) fn score(backend: Backend, text: &str) -> ArticleScore {
    match backend {
        Backend::Sqlite => Box::new(
            sql::<Double>(
                "(SELECT bm25(articles_search, 10.0, 4.0, 1.0) FROM articles_search \
                 WHERE articles_search MATCH ",
            )
            .bind::<Text, _>(fts5_query(text).unwrap_or_default())
            .sql(" AND articles_search.rowid = articles.id)"),
        ),
        Backend::Postgres => Box::new(
            sql::<Double>("(-ts_rank(articles.search, websearch_to_tsquery('simple', ")
                .bind::<Text, _>(text.to_owned())
                .sql("))::float8)"),
        ),
    }
}

/// A score that ranks everything alike, for orderings that do not use one.
pub(crate) fn no_score() -> ArticleScore {
    Box::new(sql::<Double>("0.0"))
}

/// The words of a search as an FTS5 query that matches them all, each quoted so no input can
/// be read as FTS5 syntax; `None` when there is no word at all.
fn fts5_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts5_query;

    #[test]
    fn quotes_every_word_and_drops_syntax() {
        assert_eq!(
            fts5_query("Kashmir's \"hour\" OR -x*").as_deref(),
            Some("\"Kashmir\" \"s\" \"hour\" \"OR\" \"x\"")
        );
        assert_eq!(fts5_query(" -- "), None);
    }
}
