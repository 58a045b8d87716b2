//! The reading half of an import, on a thread of its own: lines are split, parsed and checked,
//! and each article's derived figures (HTML, word count) computed, while the writing half
//! stores the records before them. Parsing and rendering cost about as much as the database
//! work, so overlapping them nearly halves an import on a machine with two cores.
//!
//! Records travel in file order through a bounded queue, which keeps memory flat: the reader
//! waits when the writer falls behind. A bad line ends the reading; the writer meets its error
//! in its place in the file, after every record before it.

use std::sync::mpsc::SyncSender;

use quire_domain::bundle::{
    ArticleRecord, AuthorRecord, Record, RelatedRecord, SourceRecord, TagRecord, UserRecord,
    read_record,
};
use quire_domain::markdown::RenderedBody;

use super::super::BundleError;
use super::super::lines::{Lines, MAX_RECORD_BYTES};

/// Records read ahead of the writer: about one batch of articles, so the next batch is ready
/// when the writer finishes one.
pub(super) const READ_AHEAD: usize = 512;

/// A record as read, with where it ends in the file.
pub(super) struct Parsed {
    /// Its line number.
    pub line: u64,
    /// Bytes of the file read up to and including its line, for progress reports.
    pub consumed: u64,
    /// The checked record.
    pub item: Item,
}

/// A checked record, an article together with the figures its body gives.
pub(super) enum Item {
    /// An account.
    User(UserRecord),
    /// An author.
    Author(AuthorRecord),
    /// A source.
    Source(SourceRecord),
    /// A tag.
    Tag(TagRecord),
    /// An article and what its body gives.
    Article(Box<ArticleRecord>, RenderedBody),
    /// An "also read" list.
    Related(RelatedRecord),
}

impl From<Record> for Item {
    fn from(record: Record) -> Self {
        match record {
            Record::User(user) => Item::User(user),
            Record::Author(author) => Item::Author(author),
            Record::Source(source) => Item::Source(source),
            Record::Tag(tag) => Item::Tag(tag),
            Record::Article(article) => {
                let derived = RenderedBody::of(&article.body);
                Item::Article(article, derived)
            }
            Record::Related(related) => Item::Related(related),
        }
    }
}

/// Reads every remaining record into `queue`, stopping after the first bad line or when the
/// writer has stopped listening.
pub(super) fn read_all(mut lines: Lines<'_>, queue: SyncSender<Result<Parsed, BundleError>>) {
    loop {
        let parsed = match lines.next_line(MAX_RECORD_BYTES) {
            Ok(None) => return,
            Ok(Some((_, text))) if text.trim().is_empty() => continue,
            Ok(Some((line, text))) => read_record(text)
                .map_err(|e| BundleError::at(line, e.reason))
                .map(|record| (line, record)),
            Err(bad) => Err(bad),
        };
        let parsed = parsed.map(|(line, record)| Parsed {
            line,
            consumed: lines.consumed(),
            item: record.into(),
        });
        let failed = parsed.is_err();
        if queue.send(parsed).is_err() || failed {
            return;
        }
    }
}
