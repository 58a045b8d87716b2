//! Full-text search, decided here so that SQLite and PostgreSQL find the same articles for the
//! same words: Quire itself turns text into index terms (lowercased, stemmed for the
//! deployment's language, accents folded, CJK characters one term each) and parses what a
//! reader types into a [`SearchQuery`] of those terms. The databases only store and match the
//! terms; nothing a reader types reaches them as syntax.

mod document;
mod language;
mod query;
mod snippet;
mod terms;

pub use document::{IndexTerms, MAX_INDEXED_TERMS};
pub use language::{SearchLanguage, UnknownLanguage};
pub use query::{Clause, SearchQuery};
pub use snippet::{article_snippet, snippet};
pub use terms::{Analyzer, Token};
