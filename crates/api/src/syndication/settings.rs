//! What feeds and sitemaps say about the site: its public address and the publication's name
//! and language, set by `QUIRE_PUBLIC_URL`, `QUIRE_PUBLICATION_NAME`,
//! `QUIRE_PUBLICATION_LANGUAGE` and `QUIRE_SITEMAP_URLS_PER_FILE`.

use std::fmt;

/// The sitemap protocol's limit on addresses in one file.
pub const MAX_SITEMAP_URLS_PER_FILE: usize = 50_000;

/// Feed and sitemap settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyndicationSettings {
    /// Where readers find the site, prefixed to every link in feeds and sitemaps; when absent,
    /// the scheme and host the request came in on.
    pub public_url: Option<PublicUrl>,
    /// Addresses per sitemap file, at most [`MAX_SITEMAP_URLS_PER_FILE`]; past it
    /// `/sitemap.xml` becomes an index of several files.
    pub sitemap_urls_per_file: usize,
    /// The publication's name, as feeds title themselves and Google News lists it.
    pub publication_name: String,
    /// The publication's language, an ISO 639 code such as `en` or `zh-tw`.
    pub publication_language: String,
}

impl Default for SyndicationSettings {
    /// The host of each request, the protocol's 50,000 addresses per sitemap file, and an
    /// English publication called "Quire".
    fn default() -> Self {
        Self {
            public_url: None,
            sitemap_urls_per_file: MAX_SITEMAP_URLS_PER_FILE,
            publication_name: "Quire".to_owned(),
            publication_language: "en".to_owned(),
        }
    }
}

/// An absolute http(s) address with no query or fragment and no trailing slash, so page paths
/// can be appended to it. Checked at start-up: a typo here would otherwise put broken links in
/// every feed a reader subscribes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// Checks `text`; the message says what is wrong with it.
    pub fn parse(text: &str) -> Result<Self, String> {
        let url = url::Url::parse(text.trim())
            .map_err(|e| format!("`{text}` is not an absolute URL ({e})"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!("`{text}` must start with http:// or https://"));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(format!("`{text}` names no host"));
        }
        if url.query().is_some() || url.fragment().is_some() || url.cannot_be_a_base() {
            return Err(format!(
                "`{text}` must be a plain address such as https://news.example.com or \
                 https://example.com/news, without `?` or `#`"
            ));
        }
        Ok(Self(url.as_str().trim_end_matches('/').to_owned()))
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a publication language: an ISO 639 code of two or three letters, optionally followed
/// by a region or script (`en`, `pt-br`, `zh-tw`), which is what Google News accepts.
pub fn parse_language(text: &str) -> Result<String, String> {
    let mut parts = text.split('-');
    let primary = parts.next().unwrap_or_default();
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    let rest_ok =
        parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        Ok(text.to_ascii_lowercase())
    } else {
        Err(format!(
            "`{text}` is not a language code: use an ISO 639 code such as `en`, `fr` or `pt-br`"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_lose_their_trailing_slash() {
        let url = PublicUrl::parse("https://news.example.com/").map(|u| u.to_string());
        assert_eq!(url.as_deref(), Ok("https://news.example.com"));
        let url = PublicUrl::parse("http://example.com/news/").map(|u| u.to_string());
        assert_eq!(url.as_deref(), Ok("http://example.com/news"));
    }

    #[test]
    fn public_urls_must_be_plain_http_addresses() {
        for bad in [
            "news.example.com",
            "ftp://example.com",
            "https://x.com/?a=1",
            "https://x.com/#a",
            "mailto:a@b.c",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn languages_are_iso_codes() {
        assert_eq!(parse_language("en"), Ok("en".to_owned()));
        assert_eq!(parse_language("pt-BR"), Ok("pt-br".to_owned()));
        for bad in ["", "english", "e", "en_GB", "en-"] {
            assert!(parse_language(bad).is_err(), "{bad} was accepted");
        }
    }
}
