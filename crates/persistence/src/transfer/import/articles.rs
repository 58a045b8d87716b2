//! Articles from a bundle, a batch at a time: one statement finds which are stored already,
//! six read those back to compare, and new rows, bylines, tags, former slugs, corrections and
//! revisions go in with a multi-row insert each, whatever the batch size. Only articles that
//! changed are written one statement each. Search terms are written for every article the
//! batch stores, in one statement on PostgreSQL and two per article on SQLite, whose FTS5 table
//! takes rows one at a time. The HTML and word count come computed by the
//! reader; the sort key is the publication instant, or the creation instant until there is one.
//!
//! The bundle wins for an article it carries: its former slugs and corrections replace the
//! stored ones. A version-1 bundle carries neither, so there a stored article keeps its own.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use quire_domain::bundle::ArticleRecord;
use quire_domain::markdown::RenderedBody;
use quire_domain::search::IndexTerms;

use super::super::BundleError;
use super::super::article_records;
use super::super::directory::{Directory, Keys};
use super::{Import, at_lines};
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::{
    article_authors, article_corrections, article_related, article_revisions, article_slugs,
    article_tags, articles,
};
use crate::store::articles::search_index;
use crate::time::naive;

/// Most bind parameters in one statement, under both backends' limits (SQLite 32,766,
/// PostgreSQL 65,535).
const MAX_PARAMETERS: usize = 30_000;

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = articles, treat_none_as_null = true)]
struct ArticleValues<'a> {
    slug: &'a str,
    title: &'a str,
    subtitle: Option<&'a str>,
    status: &'a str,
    published_at: Option<NaiveDateTime>,
    sort_at: NaiveDateTime,
    source_id: Option<i64>,
    source_url: Option<&'a str>,
    canonical_url: Option<&'a str>,
    rights_expire_at: Option<NaiveDateTime>,
    excerpt: &'a str,
    excerpt_is_custom: bool,
    word_count: i32,
    created_by: Option<i64>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    version: i32,
    body: &'a str,
    body_html: &'a str,
}

/// Columns of [`ArticleValues`].
const ARTICLE_COLUMNS: usize = 19;

/// Revisions per insert statement: each carries a whole body, and a statement holds a copy of
/// its parameters.
const REVISIONS_PER_INSERT: usize = 500;

#[derive(Insertable)]
#[diesel(table_name = article_revisions, treat_none_as_null = true)]
struct RevisionValues<'a> {
    article_id: i64,
    version: i32,
    title: &'a str,
    subtitle: Option<&'a str>,
    excerpt: &'a str,
    edited_by: Option<i64>,
    created_at: NaiveDateTime,
    body: &'a str,
}

#[derive(Insertable)]
#[diesel(table_name = article_slugs)]
struct PreviousSlugValues<'a> {
    slug: &'a str,
    article_id: i64,
    retired_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = article_corrections, treat_none_as_null = true)]
struct CorrectionValues<'a> {
    article_id: i64,
    text: &'a str,
    created_by: Option<i64>,
    created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = article_authors)]
struct BylineValues {
    article_id: i64,
    author_id: i64,
    position: i32,
}

#[derive(Insertable)]
#[diesel(table_name = article_tags)]
struct TagLinkValues {
    article_id: i64,
    tag_id: i64,
    position: i32,
}

/// A bundle article with every name it gives resolved to an id.
struct Resolved {
    line: u64,
    record: ArticleRecord,
    derived: RenderedBody,
    authors: Vec<i64>,
    tags: Vec<i64>,
    source: Option<i64>,
    created_by: Option<i64>,
    /// The account of each correction, in the record's order.
    correctors: Vec<Option<i64>>,
    /// The account of each revision, in the record's order.
    editors: Vec<Option<i64>>,
}

/// Writes a batch of articles read from the lines it carries.
pub(super) fn write_batch(
    conn: &mut DbConn,
    import: &mut Import,
    batch: Vec<(u64, ArticleRecord, RenderedBody)>,
) -> Result<(), StoreError> {
    let lines = (
        batch.first().map_or(0, |(line, ..)| *line),
        batch.last().map_or(0, |(line, ..)| *line),
    );
    let mut first_line: HashMap<&str, u64> = HashMap::new();
    for (line, record, _) in &batch {
        if let Some(first) = first_line.insert(&record.slug, *line) {
            return Err(twice(*line, &record.slug, first));
        }
    }
    let slugs: Vec<&str> = batch
        .iter()
        .map(|(_, record, _)| record.slug.as_str())
        .collect();
    let stored_ids: HashMap<String, i64> = articles::table
        .filter(articles::slug.eq_any(&slugs))
        .select((articles::slug, articles::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let stored = stored_records(conn, import, &stored_ids)?;
    let batch: Vec<Resolved> = batch
        .into_iter()
        .map(|(line, mut record, derived)| {
            if !import.carries_history {
                let kept = stored_ids.get(&record.slug).and_then(|id| stored.get(id));
                if let Some(kept) = kept {
                    record.previous_slugs.clone_from(&kept.previous_slugs);
                    record.corrections.clone_from(&kept.corrections);
                }
            }
            resolve(&import.directory, line, record, derived)
        })
        .collect::<Result<_, _>>()?;

    let (mut new, mut changed) = (Vec::new(), Vec::new());
    for article in batch {
        let Some(&id) = stored_ids.get(&article.record.slug) else {
            new.push(article);
            continue;
        };
        if let Some(first) = import.article_lines.insert(id, article.line) {
            return Err(twice(article.line, &article.record.slug, first));
        }
        if stored.get(&id) == Some(&article.record) {
            import.summary.articles.unchanged += 1;
        } else {
            changed.push((id, article));
        }
    }
    refuse_previous_slugs(conn, &new)?;
    import.summary.articles.created += new.len() as u64;
    import.summary.articles.updated += changed.len() as u64;
    write(conn, import, new, changed).map_err(|e| at_lines(lines, e))
}

/// Refuses new articles whose slug another article had before: it still leads there.
fn refuse_previous_slugs(conn: &mut DbConn, new: &[Resolved]) -> Result<(), StoreError> {
    if new.is_empty() {
        return Ok(());
    }
    let slugs: Vec<&str> = new.iter().map(|a| a.record.slug.as_str()).collect();
    let taken: Option<String> = article_slugs::table
        .filter(article_slugs::slug.eq_any(&slugs))
        .select(article_slugs::slug)
        .first(conn)
        .optional()?;
    let Some(article) = taken.and_then(|slug| new.iter().find(|a| a.record.slug == slug)) else {
        return Ok(());
    };
    Err(BundleError::at(
        article.line,
        format!(
            "article {:?} takes a slug another article had before, which still leads to it; \
             give this one another slug",
            article.record.slug
        ),
    )
    .into())
}

/// The error for a slug met twice in one file.
fn twice(line: u64, slug: &str, first: u64) -> StoreError {
    BundleError::at(
        line,
        format!("article {slug:?} appears a second time; its first record is on line {first}"),
    )
    .into()
}

/// The stored state of the batch's articles that exist, as records, by id; notes which of them
/// have "also read" links.
fn stored_records(
    conn: &mut DbConn,
    import: &mut Import,
    stored_ids: &HashMap<String, i64>,
) -> Result<HashMap<i64, ArticleRecord>, StoreError> {
    if stored_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<i64> = stored_ids.values().copied().collect();
    let linked: Vec<i64> = article_related::table
        .filter(article_related::article_id.eq_any(&ids))
        .select(article_related::article_id)
        .distinct()
        .load(conn)?;
    import.had_related.extend(linked);
    let rows = article_records::by_ids(conn, &ids)?;
    Ok(article_records::records_of(conn, rows, &import.directory)?
        .into_iter()
        .collect())
}

/// Resolves the names an article gives, refusing any that is neither earlier in the file nor
/// stored.
fn resolve(
    directory: &Directory,
    line: u64,
    record: ArticleRecord,
    derived: RenderedBody,
) -> Result<Resolved, StoreError> {
    let slug = &record.slug;
    let find = |keys: &Keys, key: &str, what: &str| {
        keys.id(key).ok_or_else(|| {
            StoreError::from(BundleError::at(
                line,
                format!(
                    "article {slug:?} names the {what} {key:?}, which is neither earlier in this \
                     bundle nor stored"
                ),
            ))
        })
    };
    let authors = record
        .authors
        .iter()
        .map(|author| find(&directory.authors, author, "author"))
        .collect::<Result<_, _>>()?;
    let tags = record
        .tags
        .iter()
        .map(|tag| find(&directory.tags, tag, "tag"))
        .collect::<Result<_, _>>()?;
    let source = record
        .source
        .as_deref()
        .map(|source| find(&directory.sources, source, "source"))
        .transpose()?;
    let created_by = record
        .created_by
        .as_deref()
        .map(|email| find(&directory.users, email, "user"))
        .transpose()?;
    let correctors = record
        .corrections
        .iter()
        .map(|correction| {
            correction
                .created_by
                .as_deref()
                .map(|email| find(&directory.users, email, "user"))
                .transpose()
        })
        .collect::<Result<_, _>>()?;
    let editors = record
        .revisions
        .iter()
        .map(|revision| {
            revision
                .edited_by
                .as_deref()
                .map(|email| find(&directory.users, email, "user"))
                .transpose()
        })
        .collect::<Result<_, _>>()?;
    Ok(Resolved {
        line,
        record,
        derived,
        authors,
        tags,
        source,
        created_by,
        correctors,
        editors,
    })
}

/// The row of an article, with the derived columns the reader computed and the sort key.
fn values_of(article: &Resolved) -> ArticleValues<'_> {
    let record = &article.record;
    let created_at = naive(record.created_at);
    let published_at = record.published_at.map(naive);
    ArticleValues {
        slug: &record.slug,
        title: &record.title,
        subtitle: record.subtitle.as_deref(),
        status: record.status.as_str(),
        published_at,
        sort_at: published_at.unwrap_or(created_at),
        source_id: article.source,
        source_url: record.source_url.as_deref(),
        canonical_url: record.canonical_url.as_deref(),
        rights_expire_at: record.rights_expire_at.map(naive),
        excerpt: &record.excerpt,
        excerpt_is_custom: record.excerpt_is_custom,
        word_count: i32::try_from(article.derived.word_count).unwrap_or(i32::MAX),
        created_by: article.created_by,
        created_at,
        updated_at: naive(record.updated_at),
        version: record.version,
        body: &record.body,
        body_html: &article.derived.html,
    }
}

/// Inserts the new articles and rewrites the changed ones, with their links, slug history,
/// corrections and revisions.
fn write(
    conn: &mut DbConn,
    import: &mut Import,
    new: Vec<Resolved>,
    changed: Vec<(i64, Resolved)>,
) -> Result<(), StoreError> {
    let mut written: Vec<(i64, Resolved)> = Vec::with_capacity(new.len() + changed.len());
    if !new.is_empty() {
        let rows: Vec<ArticleValues<'_>> = new.iter().map(values_of).collect();
        let mut ids: HashMap<String, i64> = HashMap::with_capacity(rows.len());
        for chunk in rows.chunks(MAX_PARAMETERS / ARTICLE_COLUMNS) {
            let inserted: Vec<(i64, String)> = on_backend!(conn, |conn| {
                diesel::insert_into(articles::table)
                    .values(chunk)
                    .returning((articles::id, articles::slug))
                    .get_results(conn)?
            });
            ids.extend(inserted.into_iter().map(|(id, slug)| (slug, id)));
        }
        for article in new {
            let id = ids.get(&article.record.slug).copied().ok_or_else(|| {
                StoreError::Corrupt(format!("article {:?} vanished", article.record.slug))
            })?;
            import.article_lines.insert(id, article.line);
            written.push((id, article));
        }
    }
    if !changed.is_empty() {
        for (id, article) in &changed {
            diesel::update(articles::table.find(id))
                .set(&values_of(article))
                .execute(conn)?;
        }
        let ids: Vec<i64> = changed.iter().map(|(id, _)| *id).collect();
        diesel::delete(article_authors::table.filter(article_authors::article_id.eq_any(&ids)))
            .execute(conn)?;
        diesel::delete(article_tags::table.filter(article_tags::article_id.eq_any(&ids)))
            .execute(conn)?;
        diesel::delete(article_revisions::table.filter(article_revisions::article_id.eq_any(&ids)))
            .execute(conn)?;
        diesel::delete(article_slugs::table.filter(article_slugs::article_id.eq_any(&ids)))
            .execute(conn)?;
        diesel::delete(
            article_corrections::table.filter(article_corrections::article_id.eq_any(&ids)),
        )
        .execute(conn)?;
        written.extend(changed);
    }
    refuse_taken_history(conn, &written)?;
    let language = import.search_language;
    let terms: Vec<(i64, IndexTerms)> = written
        .iter()
        .map(|(id, article)| {
            let record = &article.record;
            let terms = IndexTerms::of(&record.title, &record.excerpt, &record.body, language);
            (*id, terms)
        })
        .collect();
    search_index::write(conn, &terms)?;
    insert_links(conn, &written)
}

/// Refuses a former slug the bundle gives an article when another article has it, live or as
/// a former slug of its own: a slug leads to one article only. Runs once the batch's new
/// articles are stored and the history of the ones it rewrites is cleared, so it sees every
/// article of the file so far as the file has it, and reports the first line at fault.
fn refuse_taken_history(conn: &mut DbConn, written: &[(i64, Resolved)]) -> Result<(), StoreError> {
    let mut in_file_order: Vec<&(i64, Resolved)> = written.iter().collect();
    in_file_order.sort_by_key(|(_, article)| article.line);
    let mut claimed: HashMap<&str, (i64, &Resolved)> = HashMap::new();
    for (id, article) in in_file_order {
        for previous in &article.record.previous_slugs {
            if let Some((_, first)) = claimed.insert(&previous.slug, (*id, article)) {
                let why = format!(
                    "the article {:?} on line {} gives it too",
                    first.record.slug, first.line
                );
                return Err(history_taken(article, &previous.slug, &why).into());
            }
        }
    }
    let slugs: Vec<&str> = claimed.keys().copied().collect();
    let mut faults = Vec::new();
    for chunk in slugs.chunks(MAX_PARAMETERS) {
        let live: Vec<(String, i64)> = articles::table
            .filter(articles::slug.eq_any(chunk))
            .select((articles::slug, articles::id))
            .load(conn)?;
        let former: Vec<(String, i64, String)> = article_slugs::table
            .inner_join(articles::table)
            .filter(article_slugs::slug.eq_any(chunk))
            .select((article_slugs::slug, articles::id, articles::slug))
            .load(conn)?;
        let holders = live
            .into_iter()
            .map(|(slug, id)| {
                let why = format!("it is the slug of the article {slug:?}");
                (slug, id, why)
            })
            .chain(former.into_iter().map(|(slug, id, holder)| {
                let why = format!("the article {holder:?} had it before, and it still leads there");
                (slug, id, why)
            }));
        for (slug, holder, why) in holders {
            if let Some(&(owner, article)) = claimed.get(slug.as_str())
                && owner != holder
            {
                faults.push(history_taken(article, &slug, &why));
            }
        }
    }
    match faults.into_iter().min_by_key(|fault| fault.line) {
        Some(fault) => Err(fault.into()),
        None => Ok(()),
    }
}

/// The error for a former slug that belongs to another article.
fn history_taken(article: &Resolved, slug: &str, why: &str) -> BundleError {
    BundleError::at(
        article.line,
        format!(
            "article {:?} gives {slug:?} as a former slug, but {why}; a slug leads to one \
             article only",
            article.record.slug
        ),
    )
}

/// Inserts the bylines, tags, former slugs, corrections and revisions of articles that have
/// none stored.
fn insert_links(conn: &mut DbConn, written: &[(i64, Resolved)]) -> Result<(), StoreError> {
    let bylines: Vec<BylineValues> = written
        .iter()
        .flat_map(|(id, article)| {
            article
                .authors
                .iter()
                .zip(0..)
                .map(|(author, position)| BylineValues {
                    article_id: *id,
                    author_id: *author,
                    position,
                })
        })
        .collect();
    for chunk in bylines.chunks(MAX_PARAMETERS / 3) {
        on_backend!(conn, |conn| diesel::insert_into(article_authors::table)
            .values(chunk)
            .execute(conn)?);
    }
    let tags: Vec<TagLinkValues> = written
        .iter()
        .flat_map(|(id, article)| {
            article
                .tags
                .iter()
                .zip(0..)
                .map(|(tag, position)| TagLinkValues {
                    article_id: *id,
                    tag_id: *tag,
                    position,
                })
        })
        .collect();
    for chunk in tags.chunks(MAX_PARAMETERS / 3) {
        on_backend!(conn, |conn| diesel::insert_into(article_tags::table)
            .values(chunk)
            .execute(conn)?);
    }
    let revisions: Vec<RevisionValues<'_>> = written
        .iter()
        .flat_map(|(id, article)| {
            article
                .record
                .revisions
                .iter()
                .zip(&article.editors)
                .map(|(revision, editor)| RevisionValues {
                    article_id: *id,
                    version: revision.version,
                    title: &revision.title,
                    subtitle: revision.subtitle.as_deref(),
                    excerpt: &revision.excerpt,
                    edited_by: *editor,
                    created_at: naive(revision.created_at),
                    body: &revision.body,
                })
        })
        .collect();
    let previous_slugs: Vec<PreviousSlugValues<'_>> = written
        .iter()
        .flat_map(|(id, article)| {
            article
                .record
                .previous_slugs
                .iter()
                .map(|previous| PreviousSlugValues {
                    slug: &previous.slug,
                    article_id: *id,
                    retired_at: naive(previous.retired_at),
                })
        })
        .collect();
    for chunk in previous_slugs.chunks(MAX_PARAMETERS / 3) {
        on_backend!(conn, |conn| diesel::insert_into(article_slugs::table)
            .values(chunk)
            .execute(conn)?);
    }
    let corrections: Vec<CorrectionValues<'_>> = written
        .iter()
        .flat_map(|(id, article)| {
            article
                .record
                .corrections
                .iter()
                .zip(&article.correctors)
                .map(|(correction, corrector)| CorrectionValues {
                    article_id: *id,
                    text: &correction.text,
                    created_by: *corrector,
                    created_at: naive(correction.created_at),
                })
        })
        .collect();
    for chunk in corrections.chunks(MAX_PARAMETERS / 4) {
        on_backend!(conn, |conn| diesel::insert_into(article_corrections::table)
            .values(chunk)
            .execute(conn)?);
    }
    for chunk in revisions.chunks(REVISIONS_PER_INSERT) {
        on_backend!(conn, |conn| diesel::insert_into(article_revisions::table)
            .values(chunk)
            .execute(conn)?);
    }
    Ok(())
}
