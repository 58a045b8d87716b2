//! Input validation: every rule runs and every field at fault is reported at once, so a person
//! fixes a form in one round trip. Validation also normalises (trims, drops empty optionals,
//! lowercases emails) so the store only ever sees canonical values.
//!
//! Text is held to one rule on both backends: no control characters except tab, line feed and
//! carriage return (U+0000 above all, which PostgreSQL cannot store), and a length limit for
//! every field, including the free text of queries ([`ArgumentCheck`]).

use std::collections::HashSet;

use crate::error::{DomainError, FieldError};
use crate::model::{ArticleChanges, AuthorFields, NewArticle, NewUser, SourceFields, TagFields};
use crate::slug::Slug;

/// Longest headline or standfirst, in characters.
pub const MAX_TITLE: usize = 300;
/// Longest article body, in characters (about 50,000 words).
pub const MAX_BODY: usize = 400_000;
/// Longest excerpt, biography or description, in characters.
pub const MAX_SUMMARY: usize = 2_000;
/// Longest correction, in characters: a paragraph, not a second article.
pub const MAX_CORRECTION: usize = 2_000;
/// Longest name of an author, source, tag or user, in characters.
pub const MAX_NAME: usize = 200;
/// Longest URL, in characters.
pub const MAX_URL: usize = 2_048;
/// Most authors, tags or related articles on one article.
pub const MAX_LINKS: usize = 50;
/// Longest email address, in characters (the limit of the mail standards).
pub const MAX_EMAIL: usize = 254;
/// Longest search, in characters: beyond any real query, short enough to keep matching cheap.
pub const MAX_SEARCH: usize = 500;
/// Shortest accepted password, in characters.
pub const MIN_PASSWORD: usize = 10;
/// Longest accepted password, in characters; argon2 cost grows with length.
pub const MAX_PASSWORD: usize = 1_024;

/// Whether text may not carry `c`: every control character but tab, line feed and carriage
/// return, which are ordinary in Markdown.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Collects field errors while the rules run; shared with the checks of bundle records, so
/// imported content obeys exactly the rules typed content does.
#[derive(Default)]
pub(crate) struct Report(Vec<FieldError>);

impl Report {
    pub(crate) fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Checks a text's characters and length.
    pub(crate) fn text(&mut self, field: &str, value: &str, max: usize) {
        if let Some(c) = value.chars().find(|c| is_forbidden_control(*c)) {
            self.fail(
                field,
                format!(
                    "contains the control character U+{:04X}, which text may not carry; remove it",
                    u32::from(c)
                ),
            );
        } else {
            self.max_len(field, value, max);
        }
    }

    /// Trims a required text and checks its length.
    pub(crate) fn required(&mut self, field: &str, value: String, max: usize) -> String {
        let value = value.trim().to_owned();
        if value.is_empty() {
            self.fail(field, "must not be empty");
        } else {
            self.text(field, &value, max);
        }
        value
    }

    /// Trims an optional text, treating blank as absent, and checks its length.
    pub(crate) fn optional(
        &mut self,
        field: &str,
        value: Option<String>,
        max: usize,
    ) -> Option<String> {
        let value = value
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())?;
        self.text(field, &value, max);
        Some(value)
    }

    pub(crate) fn max_len(&mut self, field: &str, value: &str, max: usize) {
        let len = value.chars().count();
        if len > max {
            self.fail(
                field,
                format!("must be at most {max} characters, got {len}"),
            );
        }
    }

    /// Checks an optional absolute http(s) address.
    pub(crate) fn url(&mut self, field: &str, value: Option<String>) -> Option<String> {
        let value = self.optional(field, value, MAX_URL)?;
        if value.contains(is_forbidden_control) {
            return Some(value);
        }
        match url::Url::parse(&value) {
            Ok(parsed) if matches!(parsed.scheme(), "http" | "https") && parsed.has_host() => {}
            _ => self.fail(field, "must be an absolute http:// or https:// address"),
        }
        Some(value)
    }

    /// Trims, lowercases and checks a required email address.
    pub(crate) fn email(&mut self, field: &str, value: String) -> String {
        let email = self.required(field, value, MAX_EMAIL).to_lowercase();
        let well_formed = email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
        });
        if !email.is_empty() && !well_formed {
            self.fail(field, "must be an address like name@example.com");
        }
        email
    }

    pub(crate) fn slug(&mut self, field: &str, value: Option<String>) -> Option<String> {
        let value = value
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())?;
        if let Err(e) = Slug::parse(&value) {
            self.fail(field, e.to_string());
        }
        Some(value)
    }

    fn tags(&mut self, field: &str, names: Vec<String>) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut kept = Vec::with_capacity(names.len());
        for (i, name) in names.into_iter().enumerate() {
            let name = self.required(&format!("{field}[{i}]"), name, MAX_NAME);
            if !name.is_empty() && seen.insert(name.to_lowercase()) {
                kept.push(name);
            }
        }
        self.count(field, kept.len());
        kept
    }

    fn ids<T: Copy + Eq + std::hash::Hash>(&mut self, field: &str, ids: Vec<T>) -> Vec<T> {
        let mut seen = HashSet::new();
        let kept: Vec<T> = ids.into_iter().filter(|id| seen.insert(*id)).collect();
        self.count(field, kept.len());
        kept
    }

    pub(crate) fn count(&mut self, field: &str, count: usize) {
        if count > MAX_LINKS {
            self.fail(
                field,
                format!("must list at most {MAX_LINKS} entries, got {count}"),
            );
        }
    }

    pub(crate) fn finish<T>(self, value: T) -> Result<T, DomainError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(DomainError::Invalid(self.0))
        }
    }
}

/// Checks the free text of query arguments: searches, slugs to look up, sign-in details. They
/// select rather than store, but reach the database all the same, so they follow the same rule
/// as stored text. Every field at fault is reported at once.
#[derive(Default)]
pub struct ArgumentCheck(Report);

impl ArgumentCheck {
    /// Checks one text: no control characters, at most `max` characters.
    pub fn text(mut self, field: &str, value: &str, max: usize) -> Self {
        self.0.text(field, value, max);
        self
    }

    /// Checks a list of texts: each one, and that there are at most [`MAX_LINKS`].
    pub fn texts(mut self, field: &str, values: &[String], max: usize) -> Self {
        for (i, value) in values.iter().enumerate() {
            self.0.text(&format!("{field}[{i}]"), value, max);
        }
        self.0.count(field, values.len());
        self
    }

    /// Every field at fault, or nothing.
    pub fn finish(self) -> Result<(), DomainError> {
        self.0.finish(())
    }
}

impl NewArticle {
    /// Checks and normalises a new article.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let title = r.required("title", self.title, MAX_TITLE);
        r.text("body", &self.body, MAX_BODY);
        let article = NewArticle {
            title,
            slug: r.slug("slug", self.slug),
            subtitle: r.optional("subtitle", self.subtitle, MAX_TITLE),
            excerpt: r.optional("excerpt", self.excerpt, MAX_SUMMARY),
            author_ids: r.ids("authorIds", self.author_ids),
            source_id: self.source_id,
            source_url: r.url("sourceUrl", self.source_url),
            canonical_url: r.url("canonicalUrl", self.canonical_url),
            rights_expire_at: self.rights_expire_at.map(crate::time::truncate),
            tags: r.tags("tags", self.tags),
            related_ids: r.ids("relatedIds", self.related_ids),
            body: self.body,
        };
        r.finish(article)
    }
}

impl ArticleChanges {
    /// Checks and normalises an update; fields left out stay out.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        if let Some(body) = &self.body {
            r.text("body", body, MAX_BODY);
        }
        let changes = ArticleChanges {
            title: self.title.map(|t| r.required("title", t, MAX_TITLE)),
            slug: self.slug.and_then(|s| {
                let slug = r.slug("slug", Some(s));
                if slug.is_none() {
                    r.fail(
                        "slug",
                        "must not be empty; leave it out to keep the current one",
                    );
                }
                slug
            }),
            subtitle: self.subtitle.map(|s| r.optional("subtitle", s, MAX_TITLE)),
            excerpt: self.excerpt.map(|e| r.optional("excerpt", e, MAX_SUMMARY)),
            author_ids: self.author_ids.map(|ids| r.ids("authorIds", ids)),
            source_id: self.source_id,
            source_url: self.source_url.map(|u| r.url("sourceUrl", u)),
            canonical_url: self.canonical_url.map(|u| r.url("canonicalUrl", u)),
            rights_expire_at: self
                .rights_expire_at
                .map(|at| at.map(crate::time::truncate)),
            tags: self.tags.map(|t| r.tags("tags", t)),
            related_ids: self.related_ids.map(|ids| r.ids("relatedIds", ids)),
            body: self.body,
        };
        r.finish(changes)
    }

    /// Whether the update would change nothing at all.
    pub fn is_empty(&self) -> bool {
        *self == ArticleChanges::default()
    }
}

impl AuthorFields {
    /// Checks and normalises an author.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let fields = AuthorFields {
            name: r.required("name", self.name, MAX_NAME),
            slug: r.slug("slug", self.slug),
            bio: r.optional("bio", self.bio, MAX_SUMMARY),
            avatar_url: r.url("avatarUrl", self.avatar_url),
            url: r.url("url", self.url),
            user_id: self.user_id,
        };
        r.finish(fields)
    }
}

impl SourceFields {
    /// Checks and normalises a source.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let fields = SourceFields {
            name: r.required("name", self.name, MAX_NAME),
            slug: r.slug("slug", self.slug),
            url: r.url("url", self.url),
            country: r.optional("country", self.country, MAX_NAME),
            license: r.optional("license", self.license, MAX_NAME),
            attribution_text: r.optional("attributionText", self.attribution_text, MAX_SUMMARY),
        };
        r.finish(fields)
    }
}

impl TagFields {
    /// Checks and normalises a tag.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let fields = TagFields {
            name: r.required("name", self.name, MAX_NAME),
            slug: r.slug("slug", self.slug),
            description: r.optional("description", self.description, MAX_SUMMARY),
        };
        r.finish(fields)
    }
}

impl NewUser {
    /// Checks and normalises a new account, together with its password.
    pub fn validated(self, password: &str) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let email = r.email("email", self.email);
        let len = password.chars().count();
        if len < MIN_PASSWORD {
            r.fail(
                "password",
                format!("must be at least {MIN_PASSWORD} characters"),
            );
        } else if len > MAX_PASSWORD {
            r.fail(
                "password",
                format!("must be at most {MAX_PASSWORD} characters"),
            );
        }
        let user = NewUser {
            email,
            name: r.required("name", self.name, MAX_NAME),
            role: self.role,
        };
        r.finish(user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn article(title: &str) -> NewArticle {
        NewArticle {
            title: title.into(),
            body: "Body".into(),
            slug: None,
            subtitle: None,
            excerpt: None,
            author_ids: vec![],
            source_id: None,
            source_url: None,
            canonical_url: None,
            rights_expire_at: None,
            tags: vec![],
            related_ids: vec![],
        }
    }

    fn fields(err: DomainError) -> Vec<String> {
        match err {
            DomainError::Invalid(errors) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn names_every_field_at_fault() {
        let input = NewArticle {
            slug: Some("Not A Slug".into()),
            source_url: Some("ftp://example.com".into()),
            canonical_url: Some("javascript:alert(1)".into()),
            tags: vec!["ok".into(), "  ".into()],
            ..article("  ")
        };
        assert_eq!(
            fields(input.validated().unwrap_err()),
            ["title", "slug", "sourceUrl", "canonicalUrl", "tags[1]"]
        );
        let changes = ArticleChanges {
            canonical_url: Some(Some("/relative".into())),
            ..ArticleChanges::default()
        };
        assert_eq!(fields(changes.validated().unwrap_err()), ["canonicalUrl"]);
    }

    #[test]
    fn normalises_what_it_accepts() {
        let input = NewArticle {
            subtitle: Some("   ".into()),
            tags: vec!["Kashmir".into(), "kashmir".into(), " Pakistan ".into()],
            ..article("  Title  ")
        };
        let ok = input.validated().unwrap();
        assert_eq!(ok.title, "Title");
        assert_eq!(ok.subtitle, None);
        assert_eq!(ok.tags, ["Kashmir", "Pakistan"]);
    }

    #[test]
    fn refuses_oversized_text() {
        let input = NewArticle {
            body: "x".repeat(MAX_BODY + 1),
            ..article(&"t".repeat(MAX_TITLE + 1))
        };
        assert_eq!(fields(input.validated().unwrap_err()), ["title", "body"]);
    }

    #[test]
    fn refuses_control_characters_but_keeps_line_breaks_and_tabs() {
        let input = NewArticle {
            body: "Line one\r\n\tindented\u{0}".into(),
            subtitle: Some("bell\u{7}".into()),
            source_url: Some("https://example.com/\u{0}".into()),
            tags: vec!["ok".into(), "nul\u{0}".into()],
            ..article("Title\u{0}")
        };
        assert_eq!(
            fields(input.validated().unwrap_err()),
            ["title", "body", "subtitle", "sourceUrl", "tags[1]"]
        );
        let fine = NewArticle {
            body: "Line one\r\n\tindented".into(),
            ..article("Title")
        };
        assert!(fine.validated().is_ok());
    }

    #[test]
    fn query_arguments_follow_the_same_rule() {
        let checked = ArgumentCheck::default()
            .text("filter.search", "floods\u{0}", MAX_SEARCH)
            .text("slug", &"a".repeat(MAX_SEARCH + 1), MAX_SEARCH)
            .texts("filter.tags", &["fine".into(), "\u{1b}[31m".into()], 96)
            .finish();
        assert_eq!(
            fields(checked.unwrap_err()),
            ["filter.search", "slug", "filter.tags[1]"]
        );
        assert!(
            ArgumentCheck::default()
                .text("q", "tab\tok", 10)
                .finish()
                .is_ok()
        );
    }

    #[test]
    fn update_refuses_blank_slug_and_title() {
        let changes = ArticleChanges {
            title: Some(" ".into()),
            slug: Some("".into()),
            ..ArticleChanges::default()
        };
        assert_eq!(fields(changes.validated().unwrap_err()), ["title", "slug"]);
        assert!(ArticleChanges::default().is_empty());
    }

    #[test]
    fn users_need_an_address_and_a_long_password() {
        let user = NewUser {
            email: " Ed@Example.COM ".into(),
            name: "Ed".into(),
            role: Role::Editor,
        };
        assert_eq!(
            user.clone().validated("correct horse").unwrap().email,
            "ed@example.com"
        );
        assert_eq!(fields(user.validated("short").unwrap_err()), ["password"]);
        let bad = NewUser {
            email: "nobody".into(),
            name: "".into(),
            role: Role::Author,
        };
        assert_eq!(
            fields(bad.validated("long enough pass").unwrap_err()),
            ["email", "name"]
        );
    }
}
