//! Keeping the search index in step with the articles. Quire derives each article's terms
//! itself ([`IndexTerms`]) and writes them on every change of its text, in the same
//! transaction; the database only stores them: rows of SQLite's contentless FTS5 table
//! `articles_search`, or PostgreSQL's `articles.search` `tsvector`, weighted A, B and C for
//! title, excerpt and body. Deleting an article drops its row by a trigger on SQLite and with
//! the row itself on PostgreSQL.
//!
//! The terms depend on the language they were stemmed for, recorded in the settings table with
//! a format number: a server started with another language, or a release that derives terms
//! differently, rebuilds the index before it serves ([`ensure_search_index`]).

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Text};
use quire_domain::Article;
use quire_domain::search::{IndexTerms, SearchLanguage};

use super::search::quoted_lexeme;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::articles;
use crate::store::{Store, settings};

/// The setting that records what the index was built with: `LANGUAGE:FORMAT`.
const SETTING: &str = "search_index";

/// Raised whenever terms are derived differently, so indexes built before are rebuilt.
const FORMAT: u32 = 1;

/// The advisory lock key that rebuilding servers take turns on ("quire ix" in ASCII).
const REBUILD_LOCK: i64 = 0x7175_6972_6520_6978;

/// Articles indexed per transaction while rebuilding, so a large index is rebuilt without one
/// long transaction holding everything.
const REBUILD_BATCH: i64 = 500;

/// What the setting says for an index of `language` in the current format.
fn record_of(language: SearchLanguage) -> String {
    format!("{}:{FORMAT}", language.code())
}

/// The language the index holds terms of: the one recorded at its last rebuild, English until
/// there was one.
pub(crate) fn indexed_language(conn: &mut DbConn) -> Result<SearchLanguage, StoreError> {
    let recorded = settings::get(conn, SETTING)?;
    Ok(recorded
        .as_deref()
        .and_then(|value| value.split(':').next())
        .and_then(|code| code.parse().ok())
        .unwrap_or_default())
}

/// Indexes `article` as given, which must carry its text.
pub(crate) fn index(conn: &mut DbConn, article: &Article) -> Result<(), StoreError> {
    let language = indexed_language(conn)?;
    let body = article.text.as_ref().map_or("", |text| text.body.as_str());
    let terms = IndexTerms::of(&article.title, &article.excerpt, body, language);
    write(conn, &[(article.id.0, terms)])
}

/// Stores the terms of each article given, replacing what was indexed for it.
pub(crate) fn write(conn: &mut DbConn, indexed: &[(i64, IndexTerms)]) -> Result<(), StoreError> {
    if indexed.is_empty() {
        return Ok(());
    }
    match conn {
        DbConn::Sqlite(sqlite) => {
            for (id, terms) in indexed {
                diesel::sql_query("DELETE FROM articles_search WHERE rowid = ?")
                    .bind::<BigInt, _>(id)
                    .execute(sqlite)?;
                diesel::sql_query(
                    "INSERT INTO articles_search (rowid, title, excerpt, body) VALUES (?, ?, ?, ?)",
                )
                .bind::<BigInt, _>(id)
                .bind::<Text, _>(terms.title.join(" "))
                .bind::<Text, _>(terms.excerpt.join(" "))
                .bind::<Text, _>(terms.body.join(" "))
                .execute(sqlite)?;
            }
        }
        DbConn::Postgres(pg) => {
            let ids: Vec<i64> = indexed.iter().map(|(id, _)| *id).collect();
            let vectors: Vec<String> = indexed.iter().map(|(_, terms)| tsvector(terms)).collect();
            diesel::sql_query(
                "UPDATE articles SET search = given.search::tsvector \
                 FROM unnest($1::bigint[], $2::text[]) AS given (id, search) \
                 WHERE articles.id = given.id",
            )
            .bind::<Array<BigInt>, _>(ids)
            .bind::<Array<Text>, _>(vectors)
            .execute(pg)?;
        }
    }
    Ok(())
}

/// The terms as `tsvector` text: each term quoted, with its position and its field's weight.
/// A position is skipped between fields, so a phrase never runs from one field into the next,
/// as it cannot between FTS5's columns.
fn tsvector(terms: &IndexTerms) -> String {
    let mut text = String::new();
    let mut position = 0;
    for (field, weight) in [
        (&terms.title, 'A'),
        (&terms.excerpt, 'B'),
        (&terms.body, 'C'),
    ] {
        for term in field {
            position += 1;
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&quoted_lexeme(term));
            text.push_str(&format!(":{position}{weight}"));
        }
        position += 1;
    }
    text
}

/// Rebuilds the index unless it was built for `language` in the current format; returns how
/// many articles were indexed, `None` when the index was current. Run before serving, by the
/// server and by `quire import`.
pub async fn ensure_search_index(
    store: &Store,
    language: SearchLanguage,
) -> Result<Option<u64>, StoreError> {
    let wanted = record_of(language);
    let recorded = store.read(|conn| settings::get(conn, SETTING)).await?;
    if recorded.as_deref() == Some(wanted.as_str()) {
        return Ok(None);
    }
    tracing::info!(language = %language, "rebuilding the search index");
    let (mut after, mut indexed) = (0, 0);
    loop {
        let batch = store
            .write(move |conn| reindex_after(conn, after, language))
            .await?;
        let Some(last) = batch.last else { break };
        after = last;
        indexed += batch.count;
    }
    store
        .write(move |conn| {
            settings::set(conn, SETTING, &wanted)?;
            if let DbConn::Sqlite(_) = conn {
                conn.batch_execute(
                    "INSERT INTO articles_search (articles_search) VALUES ('optimize')",
                )?;
            }
            Ok(())
        })
        .await?;
    tracing::info!(articles = indexed, "search index rebuilt");
    Ok(Some(indexed))
}

/// What one batch of a rebuild did.
struct Batch {
    /// The highest id indexed; `None` when there was nothing left.
    last: Option<i64>,
    count: u64,
}

/// Indexes the next [`REBUILD_BATCH`] articles after id `after`, in id order. Servers
/// rebuilding together on PostgreSQL take turns batch by batch rather than lock the same rows
/// in different orders, and a server stops once another has finished the rebuild.
fn reindex_after(
    conn: &mut DbConn,
    after: i64,
    language: SearchLanguage,
) -> Result<Batch, StoreError> {
    if let DbConn::Postgres(_) = conn {
        conn.batch_execute(&format!("SELECT pg_advisory_xact_lock({REBUILD_LOCK})"))?;
    }
    if settings::get(conn, SETTING)?.as_deref() == Some(record_of(language).as_str()) {
        return Ok(Batch {
            last: None,
            count: 0,
        });
    }
    let rows: Vec<(i64, String, String, String)> = articles::table
        .filter(articles::id.gt(after))
        .order_by(articles::id)
        .limit(REBUILD_BATCH)
        .select((
            articles::id,
            articles::title,
            articles::excerpt,
            articles::body,
        ))
        .load(conn)?;
    let indexed: Vec<(i64, IndexTerms)> = rows
        .iter()
        .map(|(id, title, excerpt, body)| (*id, IndexTerms::of(title, excerpt, body, language)))
        .collect();
    write(conn, &indexed)?;
    Ok(Batch {
        last: rows.last().map(|(id, ..)| *id),
        count: indexed.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsvector_weighs_fields_and_keeps_a_gap_between_them() {
        let terms = IndexTerms {
            title: vec!["docker".into(), "strike".into()],
            excerpt: vec!["it's".into()],
            body: vec!["crane".into()],
        };
        assert_eq!(
            tsvector(&terms),
            "'docker':1A 'strike':2A 'it''s':4B 'crane':6C"
        );
    }
}
