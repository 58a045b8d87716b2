//! An article written out as Markdown with front matter, the form `quire article edit` opens in
//! an editor and [`super::parse`] reads back to the same document. Keys appear in the order and
//! spelling the parser documents first; empty fields are left out; values are quoted by the YAML
//! writer, so a headline holding `: ` or `#` survives the trip.

use quire_domain::{ArticleDocument, RelatedReference};
use serde_norway::{Mapping, Value};

/// The document as a file: front matter, a blank line, the body. Stage and publication time are
/// not written: they change through their own commands, not by editing text.
pub fn render(document: &ArticleDocument) -> String {
    let mut fields = Mapping::new();
    let mut put = |key: &str, value: Value| {
        fields.insert(Value::String(key.to_owned()), value);
    };
    put("title", text(&document.title));
    optional(&mut put, "slug", document.slug.as_deref());
    optional(&mut put, "subtitle", document.subtitle.as_deref());
    optional(&mut put, "excerpt", document.excerpt.as_deref());
    list(
        &mut put,
        "authors",
        document.authors.iter().map(|author| author.name.as_str()),
    );
    if let Some(source) = &document.source {
        let value = match &source.country {
            None => text(&source.name),
            Some(country) => {
                let mut both = Mapping::new();
                both.insert(text("name"), text(&source.name));
                both.insert(text("country"), text(country));
                Value::Mapping(both)
            }
        };
        put("source", value);
    }
    optional(&mut put, "sourceUrl", document.source_url.as_deref());
    optional(&mut put, "canonicalUrl", document.canonical_url.as_deref());
    list(&mut put, "tags", document.tags.iter().map(String::as_str));
    list(
        &mut put,
        "related",
        document.related.iter().map(|related| match related {
            RelatedReference::Slug(slug) => slug.as_str(),
            RelatedReference::Title(title) => title.as_str(),
        }),
    );
    let yaml = serde_norway::to_string(&Value::Mapping(fields)).unwrap_or_default();
    format!("---\n{yaml}---\n\n{}\n", document.body)
}

fn text(value: &str) -> Value {
    Value::String(value.to_owned())
}

fn optional(put: &mut impl FnMut(&str, Value), key: &str, value: Option<&str>) {
    if let Some(value) = value {
        put(key, text(value));
    }
}

fn list<'a>(put: &mut impl FnMut(&str, Value), key: &str, items: impl Iterator<Item = &'a str>) {
    let items: Vec<Value> = items.map(text).collect();
    if !items.is_empty() {
        put(key, Value::Sequence(items));
    }
}

#[cfg(test)]
mod tests {
    use quire_domain::{AuthorReference, SourceReference};

    use super::super::parse;
    use super::*;

    fn full() -> ArticleDocument {
        ArticleDocument {
            title: "Kashmir: after the lockdown # 2".to_owned(),
            slug: Some("kashmir-after-the-lockdown".to_owned()),
            subtitle: Some("'Quoted' and \"double\"".to_owned()),
            excerpt: Some("yes".to_owned()),
            body: "First paragraph.\n\n---\n\n## A heading\n\n- a list".to_owned(),
            authors: vec![
                AuthorReference {
                    name: "Mira Kumar".to_owned(),
                    bio: None,
                },
                AuthorReference {
                    name: "1984".to_owned(),
                    bio: None,
                },
            ],
            source: Some(SourceReference {
                name: "The Quint".to_owned(),
                country: Some("India".to_owned()),
            }),
            source_url: Some("https://thequint.example/a?b=c#d".to_owned()),
            tags: vec!["true".to_owned(), "Politics".to_owned()],
            related: vec![RelatedReference::Slug("other-story".to_owned())],
            canonical_url: Some("https://thequint.example/a".to_owned()),
            ..ArticleDocument::default()
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let document = full();
        assert_eq!(parse(&render(&document)).unwrap(), document);
        let bare = ArticleDocument {
            title: "Only a title".to_owned(),
            ..ArticleDocument::default()
        };
        assert_eq!(parse(&render(&bare)).unwrap(), bare);
        let plain_source = ArticleDocument {
            source: Some(SourceReference {
                name: "Reuters".to_owned(),
                country: None,
            }),
            ..full()
        };
        assert_eq!(parse(&render(&plain_source)).unwrap(), plain_source);
    }

    #[test]
    fn keys_come_in_the_documented_order() {
        let text = render(&full());
        let keys: Vec<&str> = text
            .lines()
            .skip(1)
            .take_while(|line| *line != "---")
            .filter(|line| !line.starts_with([' ', '-']))
            .filter_map(|line| line.split(':').next())
            .collect();
        assert_eq!(
            keys,
            [
                "title",
                "slug",
                "subtitle",
                "excerpt",
                "authors",
                "source",
                "sourceUrl",
                "canonicalUrl",
                "tags",
                "related"
            ]
        );
        assert!(text.ends_with("\n\n- a list\n"), "{text}");
    }
}
