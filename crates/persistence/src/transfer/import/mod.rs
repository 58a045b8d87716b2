//! Reading a bundle into the database, inside the caller's transaction.
//!
//! Records are read one line at a time and checked with the domain's rules before anything is
//! written, on a reading thread that runs ahead of the writing (see `reading`). Users, authors,
//! sources and tags, a few hundred rows, are written one by one, with their keys kept in
//! memory; articles and "also read" lists are gathered into batches and written a batch at a
//! time in multi-row statements. A reference must point backwards: to a row earlier in the
//! file, or to one already stored (the "also read" lists come last so that every article is
//! known by then).

/// Runs `$query`, built with `$conn` bound to the backend's own connection. Multi-row inserts
/// need this: diesel's connection over both backends has no multi-row insert for SQLite, while
/// each backend's own connection has one.
macro_rules! on_backend {
    ($conn:expr, |$inner:ident| $query:expr) => {
        match $conn {
            $crate::db::DbConn::Sqlite($inner) => $query,
            $crate::db::DbConn::Postgres($inner) => $query,
        }
    };
}

mod articles;
mod named;
mod reading;
mod related;

use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::sync::mpsc::{Receiver, sync_channel};

use quire_domain::bundle::{ArticleRecord, BundleHeader, RelatedRecord};
use quire_domain::markdown::RenderedBody;
use quire_domain::search::SearchLanguage;

use super::BundleError;
use super::directory::Directory;
use super::lines::{Lines, MAX_HEADER_BYTES};
use super::summary::BundleSummary;
use crate::db::DbConn;
use crate::error::StoreError;
use crate::store::articles::search_index;
use reading::{Item, Parsed};

/// Articles written per batch.
const ARTICLES_PER_BATCH: usize = 500;

/// Text, in bytes, after which a batch of articles is written even if it is not full, so a
/// file of very long articles still holds a bounded amount in memory.
const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// "Also read" lists written per batch.
const RELATED_PER_BATCH: usize = 1_000;

/// Imports a bundle read from `input`, reporting the bytes read so far to `progress` after each
/// record; returns what was created, updated and left unchanged, kind by kind.
///
/// Runs in the caller's transaction (`Store::write`, or `Store::rehearse` for a dry run), which
/// keeps nothing of the file when this fails. A bad line fails with
/// [`StoreError::Bundle`], which gives its number and what is wrong with it.
pub fn import_bundle(
    conn: &mut DbConn,
    input: &mut (dyn BufRead + Send),
    progress: &mut dyn FnMut(u64),
) -> Result<BundleSummary, StoreError> {
    let mut lines = Lines::new(input);
    let Some((number, header)) = lines.next_line(MAX_HEADER_BYTES)? else {
        return Err(BundleError::at(
            1,
            "the file is empty; a bundle starts with its header line, as `quire export` writes it",
        )
        .into());
    };
    let header = BundleHeader::read(header).map_err(|e| BundleError::at(number, e.reason))?;
    let mut import = Import::start(conn, header.carries_history())?;
    crate::store::for_bulk_writes(conn, |conn| {
        std::thread::scope(|scope| {
            let (queue, records) = sync_channel(reading::READ_AHEAD);
            let reader = scope.spawn(move || reading::read_all(lines, queue));
            let written = import.write_all(conn, records, progress);
            match reader.join() {
                Ok(()) => written,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })?;
        import.finish(conn)
    })
}

/// The kinds written one record at a time, whose keys are remembered to refuse repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    User,
    Author,
    Source,
    Tag,
}

/// An import under way.
struct Import {
    directory: Directory,
    /// Whether the file's articles carry their slug history and corrections; when they do
    /// not (version 1), a stored article keeps its own.
    carries_history: bool,
    summary: BundleSummary,
    /// The line each key of the small kinds was met on, to refuse a key given twice.
    seen: HashMap<(Kind, String), u64>,
    /// Articles read but not yet written, with their lines and derived figures.
    articles: Vec<(u64, ArticleRecord, RenderedBody)>,
    /// Bytes of text in `articles`.
    article_bytes: usize,
    /// "Also read" lists read but not yet written, with their lines.
    related: Vec<(u64, RelatedRecord)>,
    /// The line of each article of this file, by id.
    article_lines: HashMap<i64, u64>,
    /// The line of each "also read" list of this file, by the id of its article.
    related_lines: HashMap<i64, u64>,
    /// Articles of this file that had "also read" links before it came: those the file gives
    /// no list for lose them, since the bundle's state has none.
    had_related: HashSet<i64>,
    /// The language the search index holds terms of, for the articles written.
    search_language: SearchLanguage,
}

impl Import {
    fn start(conn: &mut DbConn, carries_history: bool) -> Result<Self, StoreError> {
        Ok(Import {
            directory: Directory::load(conn)?,
            carries_history,
            summary: BundleSummary::default(),
            seen: HashMap::new(),
            articles: Vec::new(),
            article_bytes: 0,
            related: Vec::new(),
            article_lines: HashMap::new(),
            related_lines: HashMap::new(),
            had_related: HashSet::new(),
            search_language: search_index::indexed_language(conn)?,
        })
    }

    /// Takes every record the reader sends, in file order. At a bad line, what came before it
    /// is written first, so an earlier line that cannot be stored is the one reported.
    fn write_all(
        &mut self,
        conn: &mut DbConn,
        records: Receiver<Result<Parsed, BundleError>>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<(), StoreError> {
        for parsed in records {
            match parsed {
                Ok(parsed) => {
                    let consumed = parsed.consumed;
                    self.take(conn, parsed)?;
                    progress(consumed);
                }
                Err(bad) => {
                    self.flush_articles(conn)?;
                    self.flush_related(conn)?;
                    return Err(bad.into());
                }
            }
        }
        Ok(())
    }

    /// Takes one record: writes it, or queues it for its batch.
    fn take(&mut self, conn: &mut DbConn, parsed: Parsed) -> Result<(), StoreError> {
        let Parsed { line, item, .. } = parsed;
        if !matches!(item, Item::Article(..)) {
            self.flush_articles(conn)?;
        }
        if !matches!(item, Item::Related(_)) {
            self.flush_related(conn)?;
        }
        match item {
            Item::User(user) => {
                self.first_time(Kind::User, &user.email, line)?;
                named::user(conn, &mut self.directory, &mut self.summary, user)
                    .map_err(|e| at_lines((line, line), e))
            }
            Item::Author(author) => {
                self.first_time(Kind::Author, &author.slug, line)?;
                named::author(conn, &mut self.directory, &mut self.summary, line, author)
                    .map_err(|e| at_lines((line, line), e))
            }
            Item::Source(source) => {
                self.first_time(Kind::Source, &source.slug, line)?;
                named::source(conn, &mut self.directory, &mut self.summary, source)
                    .map_err(|e| at_lines((line, line), e))
            }
            Item::Tag(tag) => {
                self.first_time(Kind::Tag, &tag.slug, line)?;
                named::tag(conn, &mut self.directory, &mut self.summary, line, tag)
                    .map_err(|e| at_lines((line, line), e))
            }
            Item::Article(article, derived) => {
                self.article_bytes += article.body.len()
                    + derived.html.len()
                    + article
                        .revisions
                        .iter()
                        .map(|r| r.body.len())
                        .sum::<usize>();
                self.articles.push((line, *article, derived));
                if self.articles.len() >= ARTICLES_PER_BATCH || self.article_bytes >= BATCH_BYTES {
                    self.flush_articles(conn)?;
                }
                Ok(())
            }
            Item::Related(related) => {
                self.related.push((line, related));
                if self.related.len() >= RELATED_PER_BATCH {
                    self.flush_related(conn)?;
                }
                Ok(())
            }
        }
    }

    /// Refuses a key met before in this file.
    fn first_time(&mut self, kind: Kind, key: &str, line: u64) -> Result<(), StoreError> {
        match self.seen.insert((kind, key.to_owned()), line) {
            Some(first) => Err(BundleError::at(
                line,
                format!("{key:?} appears a second time; its first record is on line {first}"),
            )
            .into()),
            None => Ok(()),
        }
    }

    fn flush_articles(&mut self, conn: &mut DbConn) -> Result<(), StoreError> {
        if self.articles.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.articles);
        self.article_bytes = 0;
        articles::write_batch(conn, self, batch)
    }

    fn flush_related(&mut self, conn: &mut DbConn) -> Result<(), StoreError> {
        if self.related.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.related);
        related::write_batch(conn, self, batch)
    }

    /// Writes what is still queued and clears the "also read" links the file took away.
    fn finish(&mut self, conn: &mut DbConn) -> Result<BundleSummary, StoreError> {
        self.flush_articles(conn)?;
        self.flush_related(conn)?;
        let dropped: Vec<i64> = self
            .had_related
            .iter()
            .filter(|id| !self.related_lines.contains_key(id))
            .copied()
            .collect();
        related::clear(conn, &dropped)?;
        self.summary.related.updated += dropped.len() as u64;
        Ok(self.summary)
    }
}

/// Turns a refusal by the database while writing the records on `lines` into an error at the
/// first of those lines; failures that are not the file's fault pass through as they are.
fn at_lines(lines: (u64, u64), error: StoreError) -> StoreError {
    let reason = match &error {
        StoreError::Conflict { message, .. } => message.clone(),
        StoreError::Domain(domain) => domain.to_string(),
        _ => return error,
    };
    let (first, last) = lines;
    let reason = if first == last {
        reason
    } else {
        format!("one of the records on lines {first} to {last}: {reason}")
    };
    BundleError::at(first, reason).into()
}
