//! URL-safe article, author, source and tag names.
//!
//! A slug is lowercase ASCII letters and digits in dash-separated words. Titles in any script are
//! transliterated first, so "Dear Pak, Kashmir Needs Solidarity – So Do ‘Missing’ Pakistanis"
//! becomes `dear-pak-kashmir-needs-solidarity-so-do-missing-pakistanis`, and "Привет, мир" becomes
//! `privet-mir`.

use std::fmt;

/// The longest slug kept; longer titles are cut at a word boundary.
pub const MAX_LEN: usize = 96;

/// What a title with no letters or digits at all becomes.
const FALLBACK: &str = "untitled";

/// A validated URL-safe identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

/// A slug given by a client does not have the allowed shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "must be 1 to {MAX_LEN} lowercase letters, digits and single dashes, not starting or ending with a dash"
)]
pub struct InvalidSlug;

impl Slug {
    /// Accepts a slug typed by a person only when it already has the canonical shape, so what
    /// they typed is exactly what appears in URLs.
    pub fn parse(raw: &str) -> Result<Self, InvalidSlug> {
        let valid = !raw.is_empty()
            && raw.len() <= MAX_LEN
            && raw
                .split('-')
                .all(|word| !word.is_empty() && word.bytes().all(is_slug_byte));
        if valid {
            Ok(Slug(raw.to_owned()))
        } else {
            Err(InvalidSlug)
        }
    }

    /// Derives a slug from any title.
    pub fn from_title(title: &str) -> Self {
        let ascii = deunicode::deunicode(title).to_ascii_lowercase();
        let mut slug = String::with_capacity(ascii.len());
        let mut pending_dash = false;
        for c in ascii.chars() {
            if c.is_ascii_alphanumeric() {
                if pending_dash && !slug.is_empty() {
                    slug.push('-');
                }
                pending_dash = false;
                slug.push(c);
            } else if c != '\'' && c != '"' {
                pending_dash = true;
            }
        }
        if slug.is_empty() {
            return Slug(FALLBACK.to_owned());
        }
        Slug(cut_at_word(&slug, MAX_LEN).to_owned())
    }

    /// The `n`-th alternative for a taken slug: `title-2`, `title-3`, … kept within the length
    /// limit.
    pub fn with_suffix(&self, n: u32) -> Self {
        let suffix = format!("-{n}");
        let base = cut_at_word(&self.0, MAX_LEN - suffix.len());
        Slug(format!("{base}{suffix}"))
    }

    /// The slug text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Takes the slug text.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_slug_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// Cuts a slug to at most `max` bytes, preferring the last dash so words stay whole.
fn cut_at_word(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    let head = &slug[..max];
    match head.rfind('-') {
        Some(dash) if dash > 0 => &head[..dash],
        _ => head.trim_end_matches('-'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn curly_quotes_and_dashes_vanish_cleanly() {
        let slug =
            Slug::from_title("Dear Pak, Kashmir Needs Solidarity – So Do ‘Missing’ Pakistanis");
        assert_eq!(
            slug.as_str(),
            "dear-pak-kashmir-needs-solidarity-so-do-missing-pakistanis"
        );
        assert_eq!(
            Slug::from_title("Pakistan’s “Kashmir Hour”").as_str(),
            "pakistans-kashmir-hour"
        );
    }

    #[test]
    fn accents_and_other_scripts_are_transliterated() {
        assert_eq!(
            Slug::from_title("Crème brûlée à Paris").as_str(),
            "creme-brulee-a-paris"
        );
        assert_eq!(Slug::from_title("Привет, мир").as_str(), "privet-mir");
        assert!(!Slug::from_title("北京欢迎你").as_str().is_empty());
    }

    #[test]
    fn titles_without_letters_get_a_fallback() {
        assert_eq!(Slug::from_title("!!! ---").as_str(), "untitled");
        assert_eq!(Slug::from_title("").as_str(), "untitled");
    }

    #[test]
    fn suffixes_count_from_two_and_fit() {
        let slug = Slug::from_title("Kashmir");
        assert_eq!(slug.with_suffix(2).as_str(), "kashmir-2");
        let long = Slug::from_title(&"word ".repeat(40));
        assert!(long.with_suffix(12).as_str().len() <= MAX_LEN);
        assert!(long.with_suffix(12).as_str().ends_with("-12"));
    }

    #[test]
    fn parse_accepts_only_canonical_slugs() {
        assert!(Slug::parse("kashmir-hour-2").is_ok());
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a b",
            "ü",
            &"a".repeat(MAX_LEN + 1),
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    proptest! {
        #[test]
        fn any_title_gives_a_canonical_slug(title in "\\PC{0,200}") {
            let slug = Slug::from_title(&title);
            prop_assert!(Slug::parse(slug.as_str()).is_ok(), "{:?} -> {:?}", title, slug);
        }

        #[test]
        fn suffixed_slugs_stay_canonical(title in "\\PC{0,200}", n in 2u32..100_000) {
            let slug = Slug::from_title(&title).with_suffix(n);
            prop_assert!(Slug::parse(slug.as_str()).is_ok(), "{:?}", slug);
        }

        #[test]
        fn deriving_is_idempotent(title in "\\PC{0,120}") {
            let once = Slug::from_title(&title);
            prop_assert_eq!(Slug::from_title(once.as_str()), once);
        }
    }
}
