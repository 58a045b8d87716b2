//! Turning text into index terms. Words are runs of letters, digits and combining marks; each
//! Chinese, Japanese or Korean character is a word of its own, so a CJK word in a query becomes
//! a phrase of consecutive characters, which is a substring match without a dictionary. A word
//! is lowercased, folded (compatibility forms and the accents of Latin and Greek letters
//! removed, as PostgreSQL's `unaccent` does), then stemmed. Folding comes first so that a word
//! typed without its accents always gives the same term as the accented word: stemmers read
//! accented letters as consonants, and `brûlée` stemmed before folding would keep a letter
//! that `brulee` loses. Cyrillic `й` and `ё` are letters of their own and stay.

use std::ops::Range;

use rust_stemmers::Stemmer;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::SearchLanguage;

/// Longest term, in characters; longer words are cut, alike in documents and queries.
const MAX_TERM_CHARS: usize = 64;

/// Shortest prefix, in characters, that `prefix*` searches for; shorter ones match as words.
const MIN_PREFIX_CHARS: usize = 2;

/// One word of a text: the term it indexes as, and where it stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The index term.
    pub term: String,
    /// Byte range of the word in the text, for marking it in a snippet.
    pub span: Range<usize>,
}

/// Makes the terms of one language; cheap to build.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
}

impl Analyzer {
    /// The analyzer for `language`.
    pub fn new(language: SearchLanguage) -> Self {
        Self {
            stemmer: language.algorithm().map(Stemmer::create),
        }
    }

    /// The words of `text` in order, each with its term.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        words(text)
            .map(|span| Token {
                term: self.term(&text[span.clone()]),
                span,
            })
            .collect()
    }

    /// The terms of `text` in order.
    pub fn terms(&self, text: &str) -> impl Iterator<Item = String> {
        words(text).map(|span| self.term(&text[span]))
    }

    /// The term one word indexes as.
    pub fn term(&self, word: &str) -> String {
        let folded = fold(&word.to_lowercase());
        let stemmed = match &self.stemmer {
            Some(stemmer) => stemmer.stem(&folded).into_owned(),
            None => folded,
        };
        stemmed.chars().take(MAX_TERM_CHARS).collect()
    }

    /// The term a word typed as `word*` searches for: what the word and its stem share, so
    /// `happy*` (stem `happi`) also finds `happiness` and `running*` (stem `run`) finds `run`;
    /// `None` when that is too short to be worth a prefix search.
    pub fn prefix(&self, word: &str) -> Option<String> {
        let folded = fold(&word.to_lowercase());
        let shared: String = match &self.stemmer {
            Some(stemmer) => {
                let stem = stemmer.stem(&folded);
                folded
                    .chars()
                    .zip(stem.chars())
                    .take_while(|(a, b)| a == b)
                    .map(|(a, _)| a)
                    .collect()
            }
            None => folded,
        };
        let shared: String = shared.chars().take(MAX_TERM_CHARS).collect();
        let long_enough =
            shared.chars().count() >= MIN_PREFIX_CHARS || shared.chars().next().is_some_and(is_cjk);
        long_enough.then_some(shared)
    }
}

/// The byte ranges of the words of `text`.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.find(|(_, c)| is_word_char(*c))?;
        let mut end = start + first.len_utf8();
        if !is_cjk(first) {
            while let Some((at, c)) = chars.next_if(|(_, c)| is_word_char(*c) && !is_cjk(*c)) {
                end = at + c.len_utf8();
            }
        }
        Some(start..end)
    })
}

/// Letters, digits and the marks that belong to them.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Chinese, Japanese and Korean characters, written without spaces between words and so
/// indexed one by one.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'     // Hangul Jamo
        | '\u{3005}'..='\u{3007}'   // ideographic iteration and zero
        | '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{3130}'..='\u{318F}'   // Hangul compatibility Jamo
        | '\u{31F0}'..='\u{31FF}'   // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{AC00}'..='\u{D7AF}'   // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'   // halfwidth Katakana
        | '\u{20000}'..='\u{3134F}' // CJK extensions B to G
    )
}

/// `word` without compatibility forms (`ﬁ` → `fi`, fullwidth letters → ASCII) or the accents
/// of Latin and Greek letters (`crème` → `creme`), with the letters that carry no separate
/// accent spelled out as `unaccent` does (`ø` → `o`, `ß` → `ss`).
fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    let mut base = ' ';
    for c in word.nfkd() {
        if is_combining_mark(c) {
            if !(('\u{0300}'..='\u{036F}').contains(&c) && is_latin_or_greek(base)) {
                folded.push(c);
            }
            continue;
        }
        base = c;
        match c {
            'ø' => folded.push('o'),
            'đ' | 'ð' => folded.push('d'),
            'ł' => folded.push('l'),
            'ħ' => folded.push('h'),
            'ı' => folded.push('i'),
            'ß' => folded.push_str("ss"),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            'þ' => folded.push_str("th"),
            c => folded.push(c),
        }
    }
    folded.nfc().collect()
}

/// Letters whose accents search ignores.
fn is_latin_or_greek(c: char) -> bool {
    matches!(c,
        'a'..='z' | 'A'..='Z'
        | '\u{00C0}'..='\u{024F}' // Latin-1 Supplement, Latin Extended-A and -B
        | '\u{0370}'..='\u{03FF}' // Greek
        | '\u{1E00}'..='\u{1FFF}' // Latin Extended Additional, Greek Extended
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(language: SearchLanguage, text: &str) -> Vec<String> {
        Analyzer::new(language).terms(text).collect()
    }

    #[test]
    fn english_stems_lowercases_and_splits_at_punctuation() {
        assert_eq!(
            terms(
                SearchLanguage::English,
                "Dockers' cranes, Pakistan’s e-mail!"
            ),
            ["docker", "crane", "pakistan", "s", "e", "mail"]
        );
        assert_eq!(terms(SearchLanguage::English, "docker"), ["docker"]);
    }

    #[test]
    fn french_stems_before_folding_accents() {
        let french = Analyzer::new(SearchLanguage::French);
        assert_eq!(french.term("grèves"), french.term("greves"));
        assert_eq!(french.term("Grève"), french.term("greves"));
        assert_eq!(french.term("économie"), french.term("economie"));
        assert_eq!(
            terms(SearchLanguage::French, "l'économie"),
            ["l", french.term("économie").as_str()]
        );
    }

    #[test]
    fn german_spanish_and_russian_stem_their_own_words() {
        let german = Analyzer::new(SearchLanguage::German);
        assert_eq!(german.term("Häfen"), german.term("hafen"));
        assert_eq!(german.term("Straße"), german.term("strasse"));
        let spanish = Analyzer::new(SearchLanguage::Spanish);
        assert_eq!(spanish.term("huelgas"), spanish.term("huelga"));
        let russian = Analyzer::new(SearchLanguage::Russian);
        assert_eq!(russian.term("забастовки"), russian.term("забастовка"));
    }

    #[test]
    fn words_typed_without_accents_find_accented_ones() {
        let english = Analyzer::new(SearchLanguage::English);
        assert_eq!(english.term("brûlée"), english.term("brulee"));
        assert_eq!(english.term("Kraków"), english.term("krakow"));
        let french = Analyzer::new(SearchLanguage::French);
        assert_eq!(french.term("élevées"), french.term("elevees"));
        let greek = Analyzer::new(SearchLanguage::Greek);
        assert_eq!(greek.term("απεργία"), greek.term("απεργια"));
    }

    #[test]
    fn cyrillic_short_i_stays_a_letter() {
        let russian = Analyzer::new(SearchLanguage::Russian);
        assert_eq!(russian.term("забастовкой"), russian.term("забастовка"));
        assert_eq!(terms(SearchLanguage::Unstemmed, "йод ёж"), ["йод", "ёж"]);
    }

    #[test]
    fn decomposed_input_stems_like_composed() {
        let french = Analyzer::new(SearchLanguage::French);
        assert_eq!(french.term("gre\u{300}ves"), french.term("grèves"));
    }

    #[test]
    fn cjk_characters_are_terms_of_their_own() {
        assert_eq!(
            terms(SearchLanguage::English, "码头工人今天罢工，起重机停止运转"),
            [
                "码", "头", "工", "人", "今", "天", "罢", "工", "起", "重", "机", "停", "止", "运",
                "转"
            ]
        );
        assert_eq!(
            terms(SearchLanguage::English, "東京のクレーン Seoul서울"),
            [
                "東", "京", "の", "ク", "レ", "ー", "ン", "seoul", "서", "울"
            ]
        );
    }

    #[test]
    fn compatibility_forms_and_special_letters_fold() {
        assert_eq!(
            terms(SearchLanguage::Unstemmed, "ＡＢＣ ﬁle Øresund Łódź"),
            ["abc", "file", "oresund", "lodz"]
        );
    }

    #[test]
    fn spans_point_at_the_words() {
        let text = "Crème  brûlée!";
        let tokens = Analyzer::new(SearchLanguage::French).tokens(text);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(words, ["Crème", "brûlée"]);
    }

    #[test]
    fn prefixes_keep_what_word_and_stem_share() {
        let english = Analyzer::new(SearchLanguage::English);
        assert_eq!(english.prefix("crane").as_deref(), Some("crane"));
        assert_eq!(english.prefix("Happy").as_deref(), Some("happ"));
        assert_eq!(english.prefix("running").as_deref(), Some("run"));
        assert_eq!(english.prefix("a"), None);
        assert_eq!(english.prefix("起").as_deref(), Some("起"));
    }

    #[test]
    fn long_words_are_cut() {
        let long = "x".repeat(200);
        assert_eq!(
            Analyzer::new(SearchLanguage::English).term(&long).len(),
            MAX_TERM_CHARS
        );
    }
}
