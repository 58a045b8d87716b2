//! The checks a bundle record passes before anything is stored: the rules and limits of typed
//! content (the same [`Report`] the API's inputs go through), plus what a bundle adds: keys
//! that are present and well formed, versions that make sense, a status that agrees with its
//! publication instant. Like the API's, the checks normalise (trim, lowercase emails) and report
//! every field at fault at once.

use std::collections::HashSet;

use super::record::{
    ArticleRecord, AuthorRecord, CorrectionRecord, PreviousSlugRecord, Record, RelatedRecord,
    RevisionRecord, SourceRecord, TagRecord, UserRecord,
};
use crate::error::DomainError;
use crate::status::ArticleStatus;
use crate::validation::{MAX_BODY, MAX_CORRECTION, MAX_NAME, MAX_SUMMARY, MAX_TITLE, Report};

/// Longest password hash accepted; an argon2id PHC string is about a hundred characters.
const MAX_PASSWORD_HASH: usize = 512;

impl Record {
    /// Checks and normalises the record, whatever its kind.
    pub fn validated(self) -> Result<Self, DomainError> {
        Ok(match self {
            Record::User(user) => Record::User(user.validated()?),
            Record::Author(author) => Record::Author(author.validated()?),
            Record::Source(source) => Record::Source(source.validated()?),
            Record::Tag(tag) => Record::Tag(tag.validated()?),
            Record::Article(article) => Record::Article(Box::new(article.validated()?)),
            Record::Related(related) => Record::Related(related.validated()?),
        })
    }
}

impl Report {
    /// A key slug, which a record cannot do without.
    fn key_slug(&mut self, field: &str, value: String) -> String {
        let slug = self.slug(field, Some(value));
        if slug.is_none() {
            self.fail(field, "must not be empty");
        }
        slug.unwrap_or_default()
    }

    /// Slugs naming other records, each well formed; repeats are dropped, as the API drops
    /// repeated ids.
    fn slug_list(&mut self, field: &str, values: Vec<String>) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut kept = Vec::with_capacity(values.len());
        for (i, value) in values.into_iter().enumerate() {
            let slug = self.key_slug(&format!("{field}[{i}]"), value);
            if seen.insert(slug.clone()) {
                kept.push(slug);
            }
        }
        self.count(field, kept.len());
        kept
    }

    /// An optional email naming an account.
    fn account(&mut self, field: &str, value: Option<String>) -> Option<String> {
        value.map(|email| self.email(field, email))
    }

    /// A version number, which starts at 1.
    fn version(&mut self, field: &str, version: i32) {
        if version < 1 {
            self.fail(field, format!("must be 1 or more, got {version}"));
        }
    }
}

impl UserRecord {
    /// Checks and normalises an account.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        if let Some(hash) = &self.password_hash {
            r.text("passwordHash", hash, MAX_PASSWORD_HASH);
            if !hash.starts_with("$argon2") {
                r.fail(
                    "passwordHash",
                    "must be an argon2 hash in PHC form, starting with $argon2",
                );
            }
        }
        let user = UserRecord {
            email: r.email("email", self.email),
            name: r.required("name", self.name, MAX_NAME),
            role: self.role,
            password_hash: self.password_hash,
            created_at: self.created_at,
            updated_at: self.updated_at,
        };
        r.finish(user)
    }
}

impl AuthorRecord {
    /// Checks and normalises an author.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let author = AuthorRecord {
            slug: r.key_slug("slug", self.slug),
            name: r.required("name", self.name, MAX_NAME),
            bio: r.optional("bio", self.bio, MAX_SUMMARY),
            avatar_url: r.url("avatarUrl", self.avatar_url),
            url: r.url("url", self.url),
            user: r.account("user", self.user),
            created_at: self.created_at,
            updated_at: self.updated_at,
        };
        r.finish(author)
    }
}

impl SourceRecord {
    /// Checks and normalises a source.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let source = SourceRecord {
            slug: r.key_slug("slug", self.slug),
            name: r.required("name", self.name, MAX_NAME),
            url: r.url("url", self.url),
            country: r.optional("country", self.country, MAX_NAME),
            license: r.optional("license", self.license, MAX_NAME),
            attribution_text: r.optional("attributionText", self.attribution_text, MAX_SUMMARY),
            created_at: self.created_at,
            updated_at: self.updated_at,
        };
        r.finish(source)
    }
}

impl TagRecord {
    /// Checks and normalises a tag.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let tag = TagRecord {
            slug: r.key_slug("slug", self.slug),
            name: r.required("name", self.name, MAX_NAME),
            description: r.optional("description", self.description, MAX_SUMMARY),
            created_at: self.created_at,
            updated_at: self.updated_at,
        };
        r.finish(tag)
    }
}

impl ArticleRecord {
    /// Checks and normalises an article with its slug history, corrections and revisions.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        r.text("body", &self.body, MAX_BODY);
        excerpt(&mut r, "excerpt", &self.excerpt, self.excerpt_is_custom);
        r.version("version", self.version);
        match (self.status, self.published_at) {
            (ArticleStatus::Scheduled | ArticleStatus::Published, None) => r.fail(
                "publishedAt",
                format!("a {} article needs its publication instant", self.status),
            ),
            (ArticleStatus::Draft, Some(_)) => r.fail(
                "publishedAt",
                "a DRAFT has no publication instant; remove it or change the status",
            ),
            _ => {}
        }
        let mut versions = HashSet::new();
        let mut revisions: Vec<RevisionRecord> = self
            .revisions
            .into_iter()
            .enumerate()
            .map(|(i, revision)| {
                let field = format!("revisions[{i}]");
                if !versions.insert(revision.version) {
                    r.fail(
                        &format!("{field}.version"),
                        format!("version {} appears twice", revision.version),
                    );
                }
                revision.validated(&mut r, &field, &self.body)
            })
            .collect();
        // Stored revisions come back oldest first; a bundle listing them otherwise is the same
        // history, and must compare equal to it.
        revisions.sort_by_key(|revision| revision.version);
        let slug = r.key_slug("slug", self.slug);
        let previous_slugs = previous_slugs(&mut r, self.previous_slugs, &slug);
        let corrections = self
            .corrections
            .into_iter()
            .enumerate()
            .map(|(i, correction)| correction.validated(&mut r, &format!("corrections[{i}]")))
            .collect();
        let article = ArticleRecord {
            slug,
            previous_slugs,
            title: r.required("title", self.title, MAX_TITLE),
            subtitle: r.optional("subtitle", self.subtitle, MAX_TITLE),
            status: self.status,
            published_at: self.published_at,
            authors: r.slug_list("authors", self.authors),
            source: self.source.map(|slug| r.key_slug("source", slug)),
            source_url: r.url("sourceUrl", self.source_url),
            canonical_url: r.url("canonicalUrl", self.canonical_url),
            rights_expire_at: self.rights_expire_at,
            tags: r.slug_list("tags", self.tags),
            excerpt: self.excerpt,
            excerpt_is_custom: self.excerpt_is_custom,
            created_by: r.account("createdBy", self.created_by),
            created_at: self.created_at,
            updated_at: self.updated_at,
            version: self.version,
            body: self.body,
            corrections,
            revisions,
        };
        r.finish(article)
    }
}

/// Checks an article's former slugs: each well formed, none given twice, none its live slug.
/// They come back oldest first, ties by slug, the order an export writes them in, so a bundle
/// listing them otherwise is the same history and compares equal to it.
fn previous_slugs(
    r: &mut Report,
    previous: Vec<PreviousSlugRecord>,
    live: &str,
) -> Vec<PreviousSlugRecord> {
    let mut seen = HashSet::new();
    let mut kept: Vec<PreviousSlugRecord> = previous
        .into_iter()
        .enumerate()
        .map(|(i, previous)| {
            let field = format!("previousSlugs[{i}].slug");
            let slug = r.key_slug(&field, previous.slug);
            if slug == live {
                r.fail(
                    &field,
                    "is the article's own slug, which is not a former one",
                );
            } else if !seen.insert(slug.clone()) {
                r.fail(&field, format!("{slug:?} appears twice"));
            }
            PreviousSlugRecord {
                slug,
                retired_at: previous.retired_at,
            }
        })
        .collect();
    kept.sort_by(|a, b| (a.retired_at, &a.slug).cmp(&(b.retired_at, &b.slug)));
    kept
}

impl CorrectionRecord {
    /// Checks and normalises one correction, reporting under `field` (`corrections[0]`): its
    /// text follows the rule of a correction added through the API.
    fn validated(self, r: &mut Report, field: &str) -> Self {
        CorrectionRecord {
            text: r.required(&format!("{field}.text"), self.text, MAX_CORRECTION),
            created_by: r.account(&format!("{field}.createdBy"), self.created_by),
            created_at: self.created_at,
        }
    }
}

/// An excerpt is kept exactly as stored, so it is checked, not trimmed; a custom one cannot be
/// empty, since an empty custom excerpt is what asks for a derived one.
fn excerpt(r: &mut Report, field: &str, excerpt: &str, custom: bool) {
    if custom && excerpt.trim().is_empty() {
        r.fail(field, "a custom excerpt must not be empty");
    }
    r.text(field, excerpt, MAX_SUMMARY);
}

impl RevisionRecord {
    /// Checks and normalises one revision, reporting under `field` (`revisions[2]`). A body
    /// equal to the article's, as the latest revision's is, was checked with the article.
    fn validated(self, r: &mut Report, field: &str, article_body: &str) -> Self {
        r.version(&format!("{field}.version"), self.version);
        r.text(&format!("{field}.excerpt"), &self.excerpt, MAX_SUMMARY);
        if self.body != article_body {
            r.text(&format!("{field}.body"), &self.body, MAX_BODY);
        }
        RevisionRecord {
            version: self.version,
            title: r.required(&format!("{field}.title"), self.title, MAX_TITLE),
            subtitle: r.optional(&format!("{field}.subtitle"), self.subtitle, MAX_TITLE),
            excerpt: self.excerpt,
            edited_by: r.account(&format!("{field}.editedBy"), self.edited_by),
            created_at: self.created_at,
            body: self.body,
        }
    }
}

impl RelatedRecord {
    /// Checks and normalises an "also read" list.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut r = Report::default();
        let article = r.key_slug("article", self.article);
        let related = r.slug_list("related", self.related);
        if related.contains(&article) {
            r.fail("related", "must not list the article itself");
        }
        r.finish(RelatedRecord { article, related })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::timestamp;

    fn revision(version: i32, body: &str) -> RevisionRecord {
        RevisionRecord {
            version,
            title: "T".into(),
            subtitle: None,
            excerpt: String::new(),
            edited_by: Some(" Ed@Example.com ".into()),
            created_at: timestamp::parse("2026-01-01T00:00:00Z").unwrap(),
            body: body.into(),
        }
    }

    fn article(revisions: Vec<RevisionRecord>) -> ArticleRecord {
        let at = timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        ArticleRecord {
            slug: "a".into(),
            previous_slugs: vec![],
            title: " A ".into(),
            subtitle: Some("  ".into()),
            status: ArticleStatus::Draft,
            published_at: None,
            authors: vec!["x".into(), "x".into(), "y".into()],
            source: None,
            source_url: None,
            canonical_url: None,
            rights_expire_at: None,
            tags: vec![],
            excerpt: String::new(),
            excerpt_is_custom: false,
            created_by: None,
            created_at: at,
            updated_at: at,
            version: 2,
            body: "Body".into(),
            corrections: vec![],
            revisions,
        }
    }

    fn fields(error: DomainError) -> Vec<String> {
        match error {
            DomainError::Invalid(errors) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn normalises_as_the_api_does_and_orders_revisions() {
        let ok = article(vec![revision(2, "Body"), revision(1, "Old")])
            .validated()
            .unwrap();
        assert_eq!((ok.title.as_str(), ok.subtitle), ("A", None));
        assert_eq!(ok.authors, ["x", "y"]);
        let versions: Vec<i32> = ok.revisions.iter().map(|r| r.version).collect();
        assert_eq!(versions, [1, 2]);
        assert_eq!(ok.revisions[0].edited_by.as_deref(), Some("ed@example.com"));
    }

    fn previous(slug: &str, retired_at: &str) -> PreviousSlugRecord {
        PreviousSlugRecord {
            slug: slug.into(),
            retired_at: timestamp::parse(retired_at).unwrap(),
        }
    }

    fn correction(text: &str) -> CorrectionRecord {
        CorrectionRecord {
            text: text.into(),
            created_by: Some("Ed@Example.com".into()),
            created_at: timestamp::parse("2026-01-02T00:00:00Z").unwrap(),
        }
    }

    #[test]
    fn orders_slug_history_and_keeps_corrections_as_listed() {
        let mut given = article(vec![]);
        given.previous_slugs = vec![
            previous("c", "2026-01-03T00:00:00Z"),
            previous(" b ", "2026-01-02T00:00:00Z"),
            previous("z", "2026-01-02T00:00:00Z"),
        ];
        given.corrections = vec![correction(" Second? no, first. "), correction("Then this.")];
        let ok = given.validated().unwrap();
        let slugs: Vec<&str> = ok.previous_slugs.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["b", "z", "c"]);
        assert_eq!(ok.corrections[0].text, "Second? no, first.");
        assert_eq!(ok.corrections[1].text, "Then this.");
        assert_eq!(
            ok.corrections[0].created_by.as_deref(),
            Some("ed@example.com")
        );
    }

    #[test]
    fn refuses_a_bad_history() {
        let mut bad = article(vec![]);
        bad.previous_slugs = vec![
            previous("a", "2026-01-01T00:00:00Z"),
            previous("Not A Slug", "2026-01-01T00:00:00Z"),
            previous("old", "2026-01-01T00:00:00Z"),
            previous("old", "2026-01-02T00:00:00Z"),
        ];
        bad.corrections = vec![
            correction("fine"),
            correction(" "),
            correction(&"x".repeat(MAX_CORRECTION + 1)),
            correction("bell\u{7}"),
        ];
        assert_eq!(
            fields(bad.validated().unwrap_err()),
            [
                "previousSlugs[0].slug",
                "previousSlugs[1].slug",
                "previousSlugs[3].slug",
                "corrections[1].text",
                "corrections[2].text",
                "corrections[3].text"
            ]
        );
    }

    #[test]
    fn refuses_what_a_stored_article_cannot_be() {
        let mut bad = article(vec![
            revision(1, "ok"),
            revision(1, &"x".repeat(crate::validation::MAX_BODY + 1)),
        ]);
        bad.published_at = Some(bad.created_at);
        bad.version = 0;
        bad.excerpt_is_custom = true;
        assert_eq!(
            fields(bad.validated().unwrap_err()),
            [
                "excerpt",
                "version",
                "publishedAt",
                "revisions[1].version",
                "revisions[1].body"
            ]
        );
    }
}
