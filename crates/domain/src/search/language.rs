//! The language a deployment stems words for (`QUIRE_SEARCH_LANGUAGE`).

use std::fmt;
use std::str::FromStr;

use rust_stemmers::Algorithm;

/// A language whose words are reduced to a common stem, so `dockers` finds `docker`. One per
/// deployment: the index holds the stems of that language, and a change rebuilds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SearchLanguage {
    /// Arabic.
    Arabic,
    /// Danish.
    Danish,
    /// Dutch.
    Dutch,
    /// English, the default.
    #[default]
    English,
    /// Finnish.
    Finnish,
    /// French.
    French,
    /// German.
    German,
    /// Greek.
    Greek,
    /// Hungarian.
    Hungarian,
    /// Italian.
    Italian,
    /// Norwegian.
    Norwegian,
    /// Portuguese.
    Portuguese,
    /// Romanian.
    Romanian,
    /// Russian.
    Russian,
    /// Spanish.
    Spanish,
    /// Swedish.
    Swedish,
    /// Tamil.
    Tamil,
    /// Turkish.
    Turkish,
    /// No stemming: words are matched as written (accents and case still folded), for
    /// languages without a stemmer; Chinese, Japanese and Korean are found by characters
    /// whatever the language.
    Unstemmed,
}

/// Every language with its code and English name, in the order error messages list them.
const LANGUAGES: [(SearchLanguage, &str, &str); 19] = [
    (SearchLanguage::Arabic, "ar", "arabic"),
    (SearchLanguage::Danish, "da", "danish"),
    (SearchLanguage::German, "de", "german"),
    (SearchLanguage::Greek, "el", "greek"),
    (SearchLanguage::English, "en", "english"),
    (SearchLanguage::Spanish, "es", "spanish"),
    (SearchLanguage::Finnish, "fi", "finnish"),
    (SearchLanguage::French, "fr", "french"),
    (SearchLanguage::Hungarian, "hu", "hungarian"),
    (SearchLanguage::Italian, "it", "italian"),
    (SearchLanguage::Dutch, "nl", "dutch"),
    (SearchLanguage::Norwegian, "no", "norwegian"),
    (SearchLanguage::Portuguese, "pt", "portuguese"),
    (SearchLanguage::Romanian, "ro", "romanian"),
    (SearchLanguage::Russian, "ru", "russian"),
    (SearchLanguage::Swedish, "sv", "swedish"),
    (SearchLanguage::Tamil, "ta", "tamil"),
    (SearchLanguage::Turkish, "tr", "turkish"),
    (SearchLanguage::Unstemmed, "none", "none"),
];

impl SearchLanguage {
    /// The ISO 639-1 code (`none` for no stemming), as configured and as recorded with the
    /// index.
    pub fn code(self) -> &'static str {
        LANGUAGES
            .iter()
            .find(|(language, _, _)| *language == self)
            .map_or("en", |(_, code, _)| code)
    }

    /// The Snowball algorithm for this language, if it is stemmed.
    pub(super) fn algorithm(self) -> Option<Algorithm> {
        Some(match self {
            SearchLanguage::Arabic => Algorithm::Arabic,
            SearchLanguage::Danish => Algorithm::Danish,
            SearchLanguage::Dutch => Algorithm::Dutch,
            SearchLanguage::English => Algorithm::English,
            SearchLanguage::Finnish => Algorithm::Finnish,
            SearchLanguage::French => Algorithm::French,
            SearchLanguage::German => Algorithm::German,
            SearchLanguage::Greek => Algorithm::Greek,
            SearchLanguage::Hungarian => Algorithm::Hungarian,
            SearchLanguage::Italian => Algorithm::Italian,
            SearchLanguage::Norwegian => Algorithm::Norwegian,
            SearchLanguage::Portuguese => Algorithm::Portuguese,
            SearchLanguage::Romanian => Algorithm::Romanian,
            SearchLanguage::Russian => Algorithm::Russian,
            SearchLanguage::Spanish => Algorithm::Spanish,
            SearchLanguage::Swedish => Algorithm::Swedish,
            SearchLanguage::Tamil => Algorithm::Tamil,
            SearchLanguage::Turkish => Algorithm::Turkish,
            SearchLanguage::Unstemmed => return None,
        })
    }
}

impl fmt::Display for SearchLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A search language Quire has no stemmer for; the message lists the ones it has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{given}` is not a search language Quire knows; use one of: {}",
    supported()
)]
pub struct UnknownLanguage {
    /// What was given.
    pub given: String,
}

/// The accepted codes with their names, such as `en (english)`.
fn supported() -> String {
    LANGUAGES
        .iter()
        .map(|(_, code, name)| {
            if code == name {
                (*code).to_owned()
            } else {
                format!("{code} ({name})")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for SearchLanguage {
    type Err = UnknownLanguage;

    /// Reads an ISO 639-1 code or an English name, in any case: `fr`, `French`; a region
    /// such as `pt-BR` or `en_GB` is accepted and ignored, since stemming does not vary by it.
    fn from_str(text: &str) -> Result<Self, UnknownLanguage> {
        let wanted = text.trim().to_lowercase();
        let base = wanted.split(['-', '_']).next().unwrap_or_default();
        LANGUAGES
            .iter()
            .find(|(_, code, name)| *code == base || *name == wanted)
            .map(|(language, _, _)| *language)
            .ok_or_else(|| UnknownLanguage {
                given: text.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_names_and_regions() {
        assert_eq!("fr".parse(), Ok(SearchLanguage::French));
        assert_eq!("French".parse(), Ok(SearchLanguage::French));
        assert_eq!(" pt-BR ".parse(), Ok(SearchLanguage::Portuguese));
        assert_eq!("en_GB".parse(), Ok(SearchLanguage::English));
        assert_eq!("none".parse(), Ok(SearchLanguage::Unstemmed));
        assert_eq!(SearchLanguage::default().code(), "en");
    }

    #[test]
    fn unknown_languages_list_the_known_ones() {
        let error = "klingon".parse::<SearchLanguage>().unwrap_err();
        let message = error.to_string();
        assert!(message.contains("`klingon`"), "{message}");
        assert!(message.contains("en (english)"), "{message}");
        assert!(message.contains("fr (french)"), "{message}");
        assert!(message.contains("none"), "{message}");
    }

    #[test]
    fn every_code_reads_back() {
        for (language, code, _) in LANGUAGES {
            assert_eq!(code.parse(), Ok(language));
            assert_eq!(language.code(), code);
        }
    }
}
