//! Matching and ranking a search, the one place where the two backends need their own SQL:
//! SQLite's FTS5 table `articles_search` and PostgreSQL's weighted `tsvector` column
//! `articles.search`. Both hold the terms the domain derives (see `search_index`), and a
//! [`SearchQuery`] of those terms becomes each backend's query text here, every term quoted,
//! so the same terms find the same articles on either and no input is read as syntax.

use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::sql_types::{Bool, Double, Text};
use quire_domain::search::SearchQuery;

use super::visibility::{ArticlePredicate, nothing};
use crate::db::{Backend, Db};
use crate::schema::articles;

/// A boxed numeric expression on `articles`: lower is a better match.
pub(crate) type ArticleScore = Box<dyn BoxableExpression<articles::table, Db, SqlType = Double>>;

/// How a list reads the matches of a search, for SQLite, whose planner cannot tell how many
/// articles a search matches; PostgreSQL's can, from its statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Every match is read: for relevance, which ranks them all, and for counts.
    AllMatches,
    /// The list's ordering is walked and each article checked against the matches, until the
    /// page is full: a word found in most articles then costs a page, not every match.
    AlongTheOrdering,
}

/// Articles matching every clause of `query`; none when it has no clause.
pub(crate) fn matches(backend: Backend, query: &SearchQuery, reading: Reading) -> ArticlePredicate {
    if query.is_empty() {
        return nothing();
    }
    // A unary `+` keeps SQLite from looking articles up by id from the matches, so it walks
    // the ordering's index instead.
    let id = match reading {
        Reading::AllMatches => "articles.id",
        Reading::AlongTheOrdering => "+articles.id",
    };
    match backend {
        Backend::Sqlite => Box::new(
            sql::<Bool>(id)
                .sql(" IN (SELECT rowid FROM articles_search WHERE articles_search MATCH ")
                .bind::<Text, _>(fts5_query(query))
                .sql(")"),
        ),
        Backend::Postgres => Box::new(
            sql::<Bool>("articles.search @@ ")
                .bind::<Text, _>(tsquery(query))
                .sql("::tsquery"),
        ),
    }
}

/// How well each article matches `query`, best (lowest) first; titles weigh most, then
/// excerpts, then bodies.
///
/// On SQLite the scores of all matches are computed once per statement, in a materialized
/// table that each article looks itself up in: `bm25` weighs a term by how many rows hold it,
/// which FTS5 counts afresh for every query, so a lookup per article (`MATCH … AND rowid = …`)
/// would read the whole index once per matching article.
pub(crate) fn score(backend: Backend, query: &SearchQuery) -> ArticleScore {
    if query.is_empty() {
        return no_score();
    }
    match backend {
        Backend::Sqlite => Box::new(
            sql::<Double>(
                "(WITH scored AS MATERIALIZED (\
                 SELECT rowid AS id, bm25(articles_search, 10.0, 4.0, 1.0) AS score \
                 FROM articles_search WHERE articles_search MATCH ",
            )
            .bind::<Text, _>(fts5_query(query))
            .sql(") SELECT score FROM scored WHERE scored.id = articles.id)"),
        ),
        Backend::Postgres => Box::new(
            sql::<Double>("(-ts_rank(articles.search, ")
                .bind::<Text, _>(tsquery(query))
                .sql("::tsquery)::float8)"),
        ),
    }
}

/// A score that ranks everything alike, for orderings that do not use one.
pub(crate) fn no_score() -> ArticleScore {
    Box::new(crate::fixed_sql::EqualScore)
}

/// `query` in FTS5's syntax: each clause a quoted phrase (`"crane operators"`, `"起 重 机"`), a
/// prefix clause followed by `*`, all of them required.
fn fts5_query(query: &SearchQuery) -> String {
    let clauses: Vec<String> = query
        .clauses()
        .iter()
        .map(|clause| {
            let phrase = clause.terms().join(" ").replace('"', "\"\"");
            let star = if clause.is_prefix() { "*" } else { "" };
            format!("\"{phrase}\"{star}")
        })
        .collect();
    clauses.join(" AND ")
}

/// `query` as PostgreSQL's `tsquery` text: each term quoted, a phrase's terms joined by `<->`
/// (next to each other, in order), a prefix term followed by `:*`, clauses joined by `&`.
fn tsquery(query: &SearchQuery) -> String {
    let clauses: Vec<String> = query
        .clauses()
        .iter()
        .map(|clause| {
            let last = clause.terms().len() - 1;
            let terms: Vec<String> = clause
                .terms()
                .iter()
                .enumerate()
                .map(|(i, term)| {
                    let star = if clause.is_prefix() && i == last {
                        ":*"
                    } else {
                        ""
                    };
                    format!("{}{star}", quoted_lexeme(term))
                })
                .collect();
            let phrase = terms.join(" <-> ");
            if terms.len() > 1 {
                format!("({phrase})")
            } else {
                phrase
            }
        })
        .collect();
    clauses.join(" & ")
}

/// A term as a quoted lexeme of `tsquery` and `tsvector` text, read back exactly as given.
pub(super) fn quoted_lexeme(term: &str) -> String {
    let escaped = term.replace('\\', "\\\\").replace('\'', "''");
    format!("'{escaped}'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use quire_domain::search::SearchLanguage;

    fn parse(text: &str) -> SearchQuery {
        SearchQuery::parse(text, SearchLanguage::English)
    }

    #[test]
    fn fts5_quotes_every_clause() {
        assert_eq!(
            fts5_query(&parse("Dockers \"crane operators\" strik* 起重机")),
            "\"docker\" AND \"crane oper\" AND \"strik\"* AND \"起 重 机\""
        );
    }

    #[test]
    fn tsquery_quotes_every_term() {
        assert_eq!(
            tsquery(&parse("Dockers \"crane operators\" strik*")),
            "'docker' & ('crane' <-> 'oper') & 'strik':*"
        );
        assert_eq!(quoted_lexeme("it's\\"), "'it''s\\\\'");
    }
}
