//! Writing the whole database as a bundle.
//!
//! Everything is read in one read-only transaction (a repeatable-read snapshot on PostgreSQL,
//! SQLite's own snapshot), so a bundle taken while editors work is still consistent. Each kind
//! is read in keyset pages by id, never by slug, because PostgreSQL's collation and SQLite's
//! byte order sort slugs differently; ids give both backends the same order, the order rows
//! were created in.

use std::io::{BufWriter, Write};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use quire_domain::Role;
use quire_domain::bundle::{
    AuthorRecord, BundleHeader, Record, RelatedRecord, SourceRecord, TagRecord, UserRecord,
};
use serde::Serialize;

use super::article_records::{self, related_links};
use super::directory::{Directory, key_of};
use super::summary::ExportSummary;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::{articles, authors, sources, tags, users};
use crate::store::articles::in_use;
use crate::time::utc;

/// Articles read per page: large enough that statements are few, small enough that a page of
/// long bodies with their revisions stays a few megabytes.
const ARTICLES_PER_PAGE: i64 = 500;

/// Rows of the small kinds, or article slugs, read per page.
const ROWS_PER_PAGE: i64 = 2_000;

/// What to put in the bundle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Write users' password hashes. Without them the bundle can be shared without handing
    /// out credentials, and accounts imported from it cannot sign in until given a password.
    pub include_secrets: bool,
}

/// Writes every user, author, source, tag, article (with its byline, tags, slug history,
/// corrections and revisions) and "also read" list to `out` as a bundle, one line a record.
///
/// Opens its own read transaction, so call it on a connection outside any transaction (as
/// `Store::read` gives). Writes through a buffer of its own and flushes it before returning.
pub fn export(
    conn: &mut DbConn,
    out: &mut dyn Write,
    options: ExportOptions,
) -> Result<ExportSummary, StoreError> {
    conn.transaction(|conn| {
        if let DbConn::Postgres(_) = conn {
            conn.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
        }
        let directory = Directory::load(conn)?;
        let mut out = RecordWriter(BufWriter::with_capacity(1 << 16, out));
        let mut summary = ExportSummary {
            password_hashes: options.include_secrets,
            ..ExportSummary::default()
        };
        out.write(&BundleHeader::current())?;
        summary.users = export_users(conn, &mut out, options)?;
        summary.authors = export_authors(conn, &mut out, &directory)?;
        summary.sources = export_sources(conn, &mut out)?;
        summary.tags = export_tags(conn, &mut out)?;
        (summary.articles, summary.revisions) = export_articles(conn, &mut out, &directory)?;
        summary.related = export_related(conn, &mut out)?;
        out.0.flush().map_err(StoreError::Output)?;
        Ok(summary)
    })
}

/// Writes one JSON value a line.
struct RecordWriter<W: Write>(W);

impl<W: Write> RecordWriter<W> {
    fn write(&mut self, value: &impl Serialize) -> Result<(), StoreError> {
        serde_json::to_writer(&mut self.0, value).map_err(|e| StoreError::Output(e.into()))?;
        self.0.write_all(b"\n").map_err(StoreError::Output)
    }
}

/// Reads a table page by page in id order, handing each row to `each`; returns the row count.
fn in_pages<R>(
    mut page_after: impl FnMut(i64) -> Result<Vec<R>, StoreError>,
    id: impl Fn(&R) -> i64,
    mut each: impl FnMut(R) -> Result<(), StoreError>,
) -> Result<u64, StoreError> {
    let mut after = 0;
    let mut count = 0;
    loop {
        let page = page_after(after)?;
        let Some(last) = page.last() else {
            return Ok(count);
        };
        after = id(last);
        for row in page {
            each(row)?;
            count += 1;
        }
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
struct UserBundleRow {
    id: i64,
    email: String,
    name: String,
    role: String,
    password_hash: String,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

fn export_users<W: Write>(
    conn: &mut DbConn,
    out: &mut RecordWriter<W>,
    options: ExportOptions,
) -> Result<u64, StoreError> {
    in_pages(
        |after| {
            Ok(users::table
                .filter(users::id.gt(after))
                .order_by(users::id)
                .limit(ROWS_PER_PAGE)
                .select(UserBundleRow::as_select())
                .load(conn)?)
        },
        |row| row.id,
        |row| {
            let role: Role = row
                .role
                .parse()
                .map_err(|e: quire_domain::role::UnknownRole| StoreError::Corrupt(e.to_string()))?;
            out.write(&Record::User(UserRecord {
                email: row.email,
                name: row.name,
                role,
                password_hash: options.include_secrets.then_some(row.password_hash),
                created_at: utc(row.created_at),
                updated_at: utc(row.updated_at),
            }))
        },
    )
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = authors)]
struct AuthorBundleRow {
    id: i64,
    slug: String,
    name: String,
    bio: Option<String>,
    avatar_url: Option<String>,
    url: Option<String>,
    user_id: Option<i64>,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

fn export_authors<W: Write>(
    conn: &mut DbConn,
    out: &mut RecordWriter<W>,
    directory: &Directory,
) -> Result<u64, StoreError> {
    in_pages(
        |after| {
            Ok(authors::table
                .filter(authors::id.gt(after))
                .order_by(authors::id)
                .limit(ROWS_PER_PAGE)
                .select(AuthorBundleRow::as_select())
                .load(conn)?)
        },
        |row| row.id,
        |row| {
            let user = row
                .user_id
                .map(|id| key_of(&directory.users, id, "user").map(str::to_owned))
                .transpose()?;
            out.write(&Record::Author(AuthorRecord {
                slug: row.slug,
                name: row.name,
                bio: row.bio,
                avatar_url: row.avatar_url,
                url: row.url,
                user,
                created_at: utc(row.created_at),
                updated_at: utc(row.updated_at),
            }))
        },
    )
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = sources)]
struct SourceBundleRow {
    id: i64,
    slug: String,
    name: String,
    url: Option<String>,
    country: Option<String>,
    license: Option<String>,
    attribution_text: Option<String>,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

fn export_sources<W: Write>(
    conn: &mut DbConn,
    out: &mut RecordWriter<W>,
) -> Result<u64, StoreError> {
    in_pages(
        |after| {
            Ok(sources::table
                .filter(sources::id.gt(after))
                .order_by(sources::id)
                .limit(ROWS_PER_PAGE)
                .select(SourceBundleRow::as_select())
                .load(conn)?)
        },
        |row| row.id,
        |row| {
            out.write(&Record::Source(SourceRecord {
                slug: row.slug,
                name: row.name,
                url: row.url,
                country: row.country,
                license: row.license,
                attribution_text: row.attribution_text,
                created_at: utc(row.created_at),
                updated_at: utc(row.updated_at),
            }))
        },
    )
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = tags)]
struct TagBundleRow {
    id: i64,
    slug: String,
    name: String,
    description: Option<String>,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

fn export_tags<W: Write>(conn: &mut DbConn, out: &mut RecordWriter<W>) -> Result<u64, StoreError> {
    in_pages(
        |after| {
            Ok(tags::table
                .filter(tags::id.gt(after))
                .order_by(tags::id)
                .limit(ROWS_PER_PAGE)
                .select(TagBundleRow::as_select())
                .load(conn)?)
        },
        |row| row.id,
        |row| {
            out.write(&Record::Tag(TagRecord {
                slug: row.slug,
                name: row.name,
                description: row.description,
                created_at: utc(row.created_at),
                updated_at: utc(row.updated_at),
            }))
        },
    )
}

/// Writes every article; returns how many, and how many revisions they carried.
fn export_articles<W: Write>(
    conn: &mut DbConn,
    out: &mut RecordWriter<W>,
    directory: &Directory,
) -> Result<(u64, u64), StoreError> {
    let (mut count, mut revisions) = (0, 0);
    let mut after = 0;
    loop {
        let rows = article_records::page_after(conn, after, ARTICLES_PER_PAGE)?;
        let Some(last) = rows.last() else {
            return Ok((count, revisions));
        };
        after = last.id;
        for (_, record) in article_records::records_of(conn, rows, directory)? {
            count += 1;
            revisions += record.revisions.len() as u64;
            out.write(&Record::Article(Box::new(record)))?;
        }
    }
}

/// Writes the "also read" list of every article that has one, after all articles, since links
/// may point forward.
fn export_related<W: Write>(
    conn: &mut DbConn,
    out: &mut RecordWriter<W>,
) -> Result<u64, StoreError> {
    let mut count = 0;
    let mut after = 0;
    loop {
        let page: Vec<(i64, String)> = articles::table
            .filter(articles::id.gt(after))
            .filter(in_use())
            .order_by(articles::id)
            .limit(ROWS_PER_PAGE)
            .select((articles::id, articles::slug))
            .load(conn)?;
        let Some((last, _)) = page.last() else {
            return Ok(count);
        };
        after = *last;
        let ids: Vec<i64> = page.iter().map(|(id, _)| *id).collect();
        let mut links = related_links(conn, &ids)?;
        for (id, slug) in page {
            if let Some(related) = links.remove(&id) {
                count += 1;
                out.write(&Record::Related(RelatedRecord {
                    article: slug,
                    related: related.into_iter().map(|(_, slug)| slug).collect(),
                }))?;
            }
        }
    }
}
