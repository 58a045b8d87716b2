//! The terms an article is indexed by.

use super::SearchLanguage;
use super::terms::Analyzer;
use crate::text::plain_text;

/// Most terms indexed for one article. PostgreSQL keeps word positions only up to 16,383; the
/// same cut on both backends keeps their answers the same (about 16,000 words, twenty times a
/// long feature).
pub const MAX_INDEXED_TERMS: usize = 16_000;

/// An article's terms by field, each field's in order; titles weigh most in relevance, then
/// excerpts, then bodies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexTerms {
    /// Terms of the title.
    pub title: Vec<String>,
    /// Terms of the excerpt.
    pub excerpt: Vec<String>,
    /// Terms of the body as a reader sees it (Markdown syntax and link addresses left out).
    pub body: Vec<String>,
}

impl IndexTerms {
    /// The terms of an article, at most [`MAX_INDEXED_TERMS`] in all.
    pub fn of(title: &str, excerpt: &str, body_markdown: &str, language: SearchLanguage) -> Self {
        let analyzer = Analyzer::new(language);
        let mut room = MAX_INDEXED_TERMS;
        let mut field = |text: &str| {
            let terms: Vec<String> = analyzer.terms(text).take(room).collect();
            room -= terms.len();
            terms
        };
        let title = field(title);
        let excerpt = field(excerpt);
        let body = field(&plain_text(body_markdown));
        IndexTerms {
            title,
            excerpt,
            body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_hold_their_terms_without_markdown() {
        let terms = IndexTerms::of(
            "Dockers strike",
            "Cranes stop.",
            "See [the port](https://example.com/harbour) **today**.",
            SearchLanguage::English,
        );
        assert_eq!(terms.title, ["docker", "strike"]);
        assert_eq!(terms.excerpt, ["crane", "stop"]);
        assert_eq!(terms.body, ["see", "the", "port", "today"]);
    }

    #[test]
    fn long_articles_are_cut() {
        let body = "word ".repeat(MAX_INDEXED_TERMS + 10);
        let terms = IndexTerms::of("A title", "", &body, SearchLanguage::English);
        assert_eq!(
            terms.title.len() + terms.excerpt.len() + terms.body.len(),
            MAX_INDEXED_TERMS
        );
    }
}
