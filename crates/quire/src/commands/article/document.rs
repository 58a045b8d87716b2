//! An article as the server returns it, turned into the document `edit` writes as Markdown with
//! front matter, and the changes between two such documents as an `updateArticle` input.

use quire_domain::text::derive_excerpt;
use quire_domain::{ArticleDocument, AuthorReference, RelatedReference, SourceReference};
use serde_json::{Map, Value};

use crate::client::operations::article_by_slug::ArticleBySlugArticle;

/// The editable part of an article. An excerpt the server derived from the body is left out,
/// so editing the body keeps deriving it.
pub fn of_article(article: &ArticleBySlugArticle) -> ArticleDocument {
    ArticleDocument {
        title: article.title.clone(),
        slug: Some(article.slug.clone()),
        subtitle: article.subtitle.clone(),
        excerpt: Some(article.excerpt.clone())
            .filter(|excerpt| *excerpt != derive_excerpt(&article.body)),
        body: article.body.clone(),
        authors: article
            .authors
            .iter()
            .map(|author| AuthorReference {
                name: author.name.clone(),
                bio: None,
            })
            .collect(),
        source: article.source.as_ref().map(|source| SourceReference {
            name: source.name.clone(),
            country: source.country.clone(),
        }),
        source_url: article.source_url.clone(),
        tags: article.tags.iter().map(|tag| tag.name.clone()).collect(),
        related: article
            .curated_related
            .iter()
            .map(|related| RelatedReference::Slug(related.slug.clone()))
            .collect(),
        canonical_url: article.canonical_url.clone(),
        ..ArticleDocument::default()
    }
}

/// Which parts of the byline, source and related list changed, since those name other records
/// whose ids must be looked up before the update is sent.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// `UpdateArticleInput` fields with their new values (`null` clears one), ids left out.
    pub input: Map<String, Value>,
    /// The byline changed.
    pub authors: bool,
    /// The source changed (it may be gone: then `sourceId` is already set to null).
    pub source: bool,
    /// The related list changed.
    pub related: bool,
}

impl Changes {
    /// Whether there is anything to send.
    pub fn is_empty(&self) -> bool {
        self.input.is_empty() && !self.authors && !self.source && !self.related
    }
}

/// What changed from `before` to `after`. A slug taken out of the text keeps the current one.
pub fn changes(before: &ArticleDocument, after: &ArticleDocument) -> Changes {
    let mut changes = Changes::default();
    let input = &mut changes.input;
    let mut text = |key: &str, old: Option<&str>, new: Option<&str>| {
        if old != new {
            input.insert(key.to_owned(), new.map_or(Value::Null, |new| new.into()));
        }
    };
    text("title", Some(&before.title), Some(&after.title));
    if after.slug.is_some() {
        text("slug", before.slug.as_deref(), after.slug.as_deref());
    }
    text(
        "subtitle",
        before.subtitle.as_deref(),
        after.subtitle.as_deref(),
    );
    text(
        "excerpt",
        before.excerpt.as_deref(),
        after.excerpt.as_deref(),
    );
    text("body", Some(&before.body), Some(&after.body));
    text(
        "sourceUrl",
        before.source_url.as_deref(),
        after.source_url.as_deref(),
    );
    text(
        "canonicalUrl",
        before.canonical_url.as_deref(),
        after.canonical_url.as_deref(),
    );
    if before.tags != after.tags {
        input.insert("tags".to_owned(), after.tags.clone().into());
    }
    let names = |document: &ArticleDocument| -> Vec<String> {
        document
            .authors
            .iter()
            .map(|author| author.name.clone())
            .collect()
    };
    changes.authors = names(before) != names(after);
    changes.source = before.source != after.source;
    if changes.source && after.source.is_none() {
        changes.input.insert("sourceId".to_owned(), Value::Null);
    }
    changes.related = before.related != after.related;
    changes
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn document() -> ArticleDocument {
        ArticleDocument {
            title: "A".to_owned(),
            slug: Some("a".to_owned()),
            subtitle: Some("sub".to_owned()),
            body: "Body.".to_owned(),
            tags: vec!["x".to_owned()],
            ..ArticleDocument::default()
        }
    }

    #[test]
    fn only_changed_fields_are_sent_and_removed_ones_are_cleared() {
        assert!(changes(&document(), &document()).is_empty());
        let edited = ArticleDocument {
            title: "B".to_owned(),
            slug: None,
            subtitle: None,
            tags: vec!["x".to_owned(), "y".to_owned()],
            authors: vec![AuthorReference {
                name: "Mira".to_owned(),
                bio: None,
            }],
            ..document()
        };
        let found = changes(&document(), &edited);
        assert_eq!(
            Value::Object(found.input.clone()),
            json!({ "title": "B", "subtitle": null, "tags": ["x", "y"] })
        );
        assert!(found.authors && !found.source && !found.related);
    }
}
