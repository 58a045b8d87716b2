//! What a reader types, read as search terms. Plain words must all appear; `"quoted words"`
//! must appear together in that order; `word*` matches the words it begins. A word that yields
//! several terms (`e-mail`, `don't`, or CJK characters such as `起重机`) is a phrase. Anything
//! else a reader types is a separator: no input is ever an error.

use super::SearchLanguage;
use super::terms::Analyzer;

/// Most conditions one search holds; more words are ignored, so no search costs without bound.
const MAX_CLAUSES: usize = 32;

/// Most terms one phrase holds.
const MAX_PHRASE_TERMS: usize = 32;

/// One condition of a search: terms that must appear one after the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    terms: Vec<String>,
    prefix: bool,
}

impl Clause {
    /// The terms, in the order they must appear; never empty.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether the last term matches any term it begins (`crane*`).
    pub fn is_prefix(&self) -> bool {
        self.prefix
    }

    /// Whether `terms` (a stretch of a text's terms as long as this clause) is a match.
    pub fn matches<'a>(&self, terms: impl IntoIterator<Item = &'a str>) -> bool {
        let mut count = 0;
        for (i, term) in terms.into_iter().enumerate() {
            let Some(wanted) = self.terms.get(i) else {
                return false;
            };
            let last = i + 1 == self.terms.len();
            let ok = if last && self.prefix {
                term.starts_with(wanted.as_str())
            } else {
                term == wanted
            };
            if !ok {
                return false;
            }
            count += 1;
        }
        count == self.terms.len()
    }
}

/// A parsed search: every clause must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    clauses: Vec<Clause>,
}

impl SearchQuery {
    /// Reads `text` with the terms of `language`. Unbalanced quotes end at the end of the text.
    pub fn parse(text: &str, language: SearchLanguage) -> Self {
        let analyzer = Analyzer::new(language);
        let mut clauses: Vec<Clause> = Vec::new();
        let mut add = |clause: Clause| {
            if !clause.terms.is_empty() && !clauses.contains(&clause) {
                clauses.push(clause);
            }
        };
        for (i, part) in text.split('"').enumerate() {
            if i % 2 == 1 {
                add(phrase(&analyzer, part, false));
                continue;
            }
            for chunk in part.split_whitespace() {
                let prefix = chunk.strip_suffix('*').is_some_and(|rest| {
                    rest.trim_end_matches('*')
                        .ends_with(|c: char| c.is_alphanumeric())
                });
                add(phrase(&analyzer, chunk, prefix));
            }
        }
        clauses.truncate(MAX_CLAUSES);
        SearchQuery { clauses }
    }

    /// The conditions, all of which must hold; empty when the text held no word, in which
    /// case nothing matches.
    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// Whether the text held no word at all.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// The terms of `text` as one clause; with `prefix`, its last word is a prefix.
fn phrase(analyzer: &Analyzer, text: &str, prefix: bool) -> Clause {
    let mut tokens = analyzer.tokens(text);
    tokens.truncate(MAX_PHRASE_TERMS);
    let prefix_term = if prefix {
        tokens
            .last()
            .and_then(|last| analyzer.prefix(&text[last.span.clone()]))
    } else {
        None
    };
    let mut terms: Vec<String> = tokens.into_iter().map(|t| t.term).collect();
    let is_prefix = prefix_term.is_some();
    if let (Some(last), Some(prefix)) = (terms.last_mut(), prefix_term) {
        *last = prefix;
    }
    Clause {
        terms,
        prefix: is_prefix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(text: &str) -> Vec<(Vec<String>, bool)> {
        SearchQuery::parse(text, SearchLanguage::English)
            .clauses()
            .iter()
            .map(|c| (c.terms().to_vec(), c.is_prefix()))
            .collect()
    }

    fn words(terms: &[&str], prefix: bool) -> (Vec<String>, bool) {
        (terms.iter().map(|t| (*t).to_owned()).collect(), prefix)
    }

    #[test]
    fn words_phrases_and_prefixes() {
        assert_eq!(
            clauses("Dockers \"crane operators\" strik*"),
            [
                words(&["docker"], false),
                words(&["crane", "oper"], false),
                words(&["strik"], true),
            ]
        );
    }

    #[test]
    fn cjk_words_are_phrases() {
        assert_eq!(clauses("起重机"), [words(&["起", "重", "机"], false)]);
    }

    #[test]
    fn hostile_input_is_only_words() {
        assert_eq!(clauses("\"*) OR -- ;"), [words(&["or"], false)]);
        assert!(SearchQuery::parse("* ** \" \" -- ;", SearchLanguage::English).is_empty());
        assert_eq!(
            clauses("title:x NEAR(a b) ' DROP TABLE articles; --"),
            [
                words(&["titl", "x"], false),
                words(&["near", "a"], false),
                words(&["b"], false),
                words(&["drop"], false),
                words(&["tabl"], false),
                words(&["articl"], false),
            ]
        );
        assert_eq!(
            clauses("unbalanced \"quote here"),
            [words(&["unbalanc"], false), words(&["quot", "here"], false)]
        );
    }

    #[test]
    fn repeats_and_excess_are_dropped() {
        assert_eq!(clauses("monsoon Monsoon"), [words(&["monsoon"], false)]);
        let many: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        assert_eq!(
            SearchQuery::parse(&many.join(" "), SearchLanguage::English)
                .clauses()
                .len(),
            MAX_CLAUSES
        );
    }

    #[test]
    fn short_prefixes_match_as_words() {
        assert_eq!(clauses("a*"), [words(&["a"], false)]);
    }

    #[test]
    fn clauses_match_stretches_of_terms() {
        let query = SearchQuery::parse("\"crane op*\"", SearchLanguage::English);
        let exact = &query.clauses()[0];
        assert!(exact.matches(["crane", "op"]));
        assert!(
            !exact.matches(["crane", "oper"]),
            "a star inside quotes is not a prefix"
        );
        let query = SearchQuery::parse("crane op*", SearchLanguage::English);
        let prefix = &query.clauses()[1];
        assert!(prefix.matches(["oper"]));
        assert!(!prefix.matches(["crane"]));
    }
}
