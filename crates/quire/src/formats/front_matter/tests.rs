use chrono::{TimeZone, Utc};
use quire_domain::{ArticleStatus, AuthorReference, RelatedReference, SourceReference};

use super::*;

/// A file exactly as `gen_dataset.py --markdown` writes it (body shortened).
const GENERATED: &str = r#"---
title: "Bridge election village election rights office campaign port"
slug: "bridge-election-village-election-rights-office-campaign-port-4"
subtitle: "Plan cost village election union climate bridge morning crane private."
status: "PUBLISHED"
publishedAt: "2024-01-01T02:28:00Z"
authors: ["hugo-ahmed"]
source: "source-5"
sourceUrl: "https://source-5.example/bridge-election-village-election-rights-office-campaign-port-4"
tags: ["union-31", "water-153", "season-128"]
related: ["campaign-farmers-budget-health-record-government-road-hospit-2", "union-union-policy-loan-climate-road-3"]
---

Public commission people police border teacher summit office policy hospital.

## Tax Inquiry Road

Village budget court court government policy season government.
"#;

fn error_of(text: &str) -> FormatError {
    parse(text).unwrap_err()
}

#[test]
fn reads_a_generated_file() {
    assert!(starts_with_front_matter(GENERATED));
    let document = parse(GENERATED).unwrap();
    assert_eq!(
        document.title,
        "Bridge election village election rights office campaign port"
    );
    assert_eq!(
        document.slug.as_deref(),
        Some("bridge-election-village-election-rights-office-campaign-port-4")
    );
    assert_eq!(
        document.subtitle.as_deref(),
        Some("Plan cost village election union climate bridge morning crane private.")
    );
    assert_eq!(document.status, Some(ArticleStatus::Published));
    assert_eq!(
        document.published_at,
        Some(Utc.with_ymd_and_hms(2024, 1, 1, 2, 28, 0).unwrap())
    );
    assert_eq!(
        document.authors,
        [AuthorReference {
            name: "hugo-ahmed".into(),
            bio: None
        }]
    );
    assert_eq!(
        document.source,
        Some(SourceReference {
            name: "source-5".into(),
            country: None
        })
    );
    assert_eq!(
        document.source_url.as_deref(),
        Some(
            "https://source-5.example/bridge-election-village-election-rights-office-campaign-port-4"
        )
    );
    assert_eq!(document.tags, ["union-31", "water-153", "season-128"]);
    assert_eq!(
        document.related,
        [
            RelatedReference::Slug(
                "campaign-farmers-budget-health-record-government-road-hospit-2".into()
            ),
            RelatedReference::Slug("union-union-policy-loan-climate-road-3".into()),
        ]
    );
    assert_eq!(
        document.body,
        "Public commission people police border teacher summit office policy hospital.\n\n\
         ## Tax Inquiry Road\n\nVillage budget court court government policy season government."
    );
}

#[test]
fn reads_a_hand_written_file_with_snake_case_and_single_values() {
    let text = "---\n\
                title: Dear Pak, Kashmir Needs Solidarity\n\
                authors: Taha Siddiqui\n\
                tags: kashmir\n\
                source:\n  name: The Quint\n  country: India\n\
                source_url: https://www.thequint.com/voices/opinion/kashmir\n\
                canonical_url: https://www.thequint.com/voices/opinion/kashmir\n\
                published_at: 2019-08-30\n\
                status: draft\n\
                excerpt: Pakistan asks for solidarity with Kashmir.\n\
                related: has-pakistan-lost-the-kashmir-plot\n\
                ---\n\n\n\
                Body text.\n\n---\n\nAfter a rule.\n\n";
    let document = parse(text).unwrap();
    assert_eq!(document.title, "Dear Pak, Kashmir Needs Solidarity");
    assert_eq!(
        document.authors,
        [AuthorReference {
            name: "Taha Siddiqui".into(),
            bio: None
        }]
    );
    assert_eq!(document.tags, ["kashmir"]);
    assert_eq!(
        document.source,
        Some(SourceReference {
            name: "The Quint".into(),
            country: Some("India".into())
        })
    );
    assert_eq!(document.source_url, document.canonical_url);
    assert_eq!(
        document.published_at,
        Some(Utc.with_ymd_and_hms(2019, 8, 30, 0, 0, 0).unwrap())
    );
    assert_eq!(document.status, Some(ArticleStatus::Draft));
    assert_eq!(
        document.excerpt.as_deref(),
        Some("Pakistan asks for solidarity with Kashmir.")
    );
    assert_eq!(
        document.related,
        [RelatedReference::Slug(
            "has-pakistan-lost-the-kashmir-plot".into()
        )]
    );
    assert_eq!(document.body, "Body text.\n\n---\n\nAfter a rule.");
}

#[test]
fn absent_fields_stay_empty() {
    let document = parse("---\ntitle: Only a title\nsubtitle:\n---\n").unwrap();
    assert_eq!(
        document,
        ArticleDocument {
            title: "Only a title".into(),
            ..ArticleDocument::default()
        }
    );
}

#[test]
fn wrong_types_name_the_key_and_its_line_in_the_file() {
    let error = error_of("---\ntitle: A\nslug: a\ntags: 5\n---\nBody");
    assert_eq!(error.line, Some(4));
    assert!(
        error
            .reason
            .starts_with("`tags` must be a list of names or one name"),
        "{error}"
    );

    let error = error_of("---\ntitle: [a, b]\n---\n");
    assert_eq!(
        error.to_string(),
        "line 2: `title` must be text, not a list"
    );

    let error = error_of("---\ntitle: A\npublishedAt: yesterday\n---\n");
    assert_eq!(error.line, Some(3));
    assert!(
        error.reason.contains("`publishedAt` must be a date"),
        "{error}"
    );

    let error = error_of("---\ntitle: A\nauthors:\n  - Mira\n  - [x]\nstatus: live\n---\n");
    assert_eq!(error.line, Some(3));
    assert!(error.reason.contains("item 2 is a list"), "{error}");
}

#[test]
fn an_unknown_key_is_refused_with_the_list_of_known_ones() {
    let error = error_of("---\ntitle: A\n\nsubtitel: B\n---\n");
    assert_eq!(error.line, Some(4));
    assert!(
        error
            .reason
            .starts_with("unknown key `subtitel` (did you mean `subtitle`?)"),
        "{error}"
    );
    assert!(error.reason.contains("canonicalUrl"), "{error}");
}

#[test]
fn a_missing_title_is_refused() {
    for text in [
        "---\nslug: a\n---\nBody",
        "---\n---\nBody",
        "---\ntitle: ''\n---\n",
    ] {
        let error = error_of(text);
        assert!(error.reason.contains("title"), "{text:?}: {error}");
    }
}

#[test]
fn unclosed_front_matter_is_refused() {
    let error = error_of("---\ntitle: A\n\nBody that never ends the front matter.\n");
    assert_eq!(error.line, Some(1));
    assert!(error.reason.contains("never closed"), "{error}");
}

#[test]
fn broken_yaml_gives_the_line_in_the_file() {
    let error = error_of("---\ntitle: A\ntags: [a, b\nslug: x\n---\n");
    assert!(
        error
            .reason
            .starts_with("the front matter is not valid YAML: "),
        "{error}"
    );
    assert!(!error.reason.contains(" at line "), "{error}");
    assert!(matches!(error.line, Some(3..=5)), "{error}");

    let error = error_of("---\ntitle: Kashmir: after the lockdown\n---\n");
    assert_eq!(error.line, Some(2));
    assert!(
        error
            .reason
            .ends_with("must be in quotes, such as title: \"Kashmir: after the lockdown\""),
        "{error}"
    );

    let error = error_of("---\ntitle: A\ntitle: B\n---\n");
    assert_eq!(
        error.to_string(),
        "line 3: `title` is given twice; keep one of them"
    );
}

#[test]
fn two_spellings_of_one_key_are_refused() {
    let error = error_of(
        "---\ntitle: A\nsourceUrl: https://a.example\nsource_url: https://b.example\n---\n",
    );
    assert_eq!(
        error.to_string(),
        "line 4: `source_url` repeats `sourceUrl`; keep one of them"
    );
}

#[test]
fn front_matter_that_is_not_a_mapping_is_refused() {
    let error = error_of("---\n- title\n- A\n---\n");
    assert_eq!(error.line, Some(2));
    assert!(error.reason.contains("`key: value` lines"), "{error}");
}
