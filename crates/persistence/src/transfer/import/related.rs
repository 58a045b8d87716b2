//! "Also read" lists from a bundle, a batch at a time: the slugs of a whole batch are resolved
//! together, the stored lists read together, and only the lists that differ are rewritten.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use quire_domain::bundle::RelatedRecord;

use super::super::BundleError;
use super::{Import, at_lines};
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::{article_related, articles};

/// Slugs looked up, or articles cleared, per statement.
const KEYS_PER_STATEMENT: usize = 5_000;

#[derive(Insertable)]
#[diesel(table_name = article_related)]
struct RelatedValues {
    article_id: i64,
    related_id: i64,
    position: i32,
}

/// Writes a batch of "also read" lists read from the lines it carries.
pub(super) fn write_batch(
    conn: &mut DbConn,
    import: &mut Import,
    batch: Vec<(u64, RelatedRecord)>,
) -> Result<(), StoreError> {
    let lines = (
        batch.first().map_or(0, |(line, _)| *line),
        batch.last().map_or(0, |(line, _)| *line),
    );
    let ids = ids_of_slugs(conn, &batch)?;
    let mut lists = Vec::with_capacity(batch.len());
    for (line, record) in &batch {
        let find = |slug: &str| {
            ids.get(slug).copied().ok_or_else(|| {
                StoreError::from(BundleError::at(
                    *line,
                    format!(
                        "related links of {:?}: the article {slug:?} is neither in this bundle nor stored",
                        record.article
                    ),
                ))
            })
        };
        let article = find(&record.article)?;
        if let Some(first) = import.related_lines.insert(article, *line) {
            return Err(BundleError::at(
                *line,
                format!(
                    "the related links of {:?} appear a second time; the first are on line {first}",
                    record.article
                ),
            )
            .into());
        }
        let related: Vec<i64> = record
            .related
            .iter()
            .map(|slug| find(slug))
            .collect::<Result<_, _>>()?;
        lists.push((article, related));
    }
    write(conn, import, lists).map_err(|e| at_lines(lines, e))
}

/// The ids of every article a batch names, by slug.
fn ids_of_slugs(
    conn: &mut DbConn,
    batch: &[(u64, RelatedRecord)],
) -> Result<HashMap<String, i64>, StoreError> {
    let slugs: HashSet<&str> = batch
        .iter()
        .flat_map(|(_, record)| {
            std::iter::once(record.article.as_str())
                .chain(record.related.iter().map(String::as_str))
        })
        .collect();
    let slugs: Vec<&str> = slugs.into_iter().collect();
    let mut ids = HashMap::with_capacity(slugs.len());
    for chunk in slugs.chunks(KEYS_PER_STATEMENT) {
        let found: Vec<(String, i64)> = articles::table
            .filter(articles::slug.eq_any(chunk))
            .select((articles::slug, articles::id))
            .load(conn)?;
        ids.extend(found);
    }
    Ok(ids)
}

/// Compares each list with the stored one and rewrites those that differ.
fn write(
    conn: &mut DbConn,
    import: &mut Import,
    lists: Vec<(i64, Vec<i64>)>,
) -> Result<(), StoreError> {
    let articles: Vec<i64> = lists.iter().map(|(article, _)| *article).collect();
    let mut stored: HashMap<i64, Vec<i64>> = HashMap::new();
    let links: Vec<(i64, i64)> = article_related::table
        .filter(article_related::article_id.eq_any(&articles))
        .order_by((article_related::article_id, article_related::position))
        .select((article_related::article_id, article_related::related_id))
        .load(conn)?;
    for (article, related) in links {
        stored.entry(article).or_default().push(related);
    }
    let counts = &mut import.summary.related;
    let mut replaced = Vec::new();
    let mut rows = Vec::new();
    for (article, related) in lists {
        match stored.get(&article) {
            Some(current) if *current == related => counts.unchanged += 1,
            None if related.is_empty() => counts.unchanged += 1,
            Some(_) => {
                counts.updated += 1;
                replaced.push(article);
            }
            None => counts.created += 1,
        }
        if stored.get(&article) != Some(&related) {
            rows.extend(
                related
                    .into_iter()
                    .zip(0..)
                    .map(|(related_id, position)| RelatedValues {
                        article_id: article,
                        related_id,
                        position,
                    }),
            );
        }
    }
    clear(conn, &replaced)?;
    for chunk in rows.chunks(KEYS_PER_STATEMENT) {
        on_backend!(conn, |conn| diesel::insert_into(article_related::table)
            .values(chunk)
            .execute(conn)?);
    }
    Ok(())
}

/// Removes every "also read" link of these articles.
pub(super) fn clear(conn: &mut DbConn, articles: &[i64]) -> Result<(), StoreError> {
    for chunk in articles.chunks(KEYS_PER_STATEMENT) {
        diesel::delete(article_related::table.filter(article_related::article_id.eq_any(chunk)))
            .execute(conn)?;
    }
    Ok(())
}
