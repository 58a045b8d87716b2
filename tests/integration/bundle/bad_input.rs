//! A bad bundle is refused at its first bad line, with the line number and a reason, and
//! leaves the database exactly as it was: the import runs in one transaction.

use quire_harness::{TestApp, on_both_backends};
use quire_persistence::StoreError;
use serde_json::{Value, json};

use super::support::{bundle_of, export, import, newsroom};

const WHEN: &str = "2026-01-01T00:00:00.000000Z";

fn tag(slug: &str, name: &str) -> Value {
    json!({ "type": "tag", "slug": slug, "name": name, "createdAt": WHEN, "updatedAt": WHEN })
}

fn article(slug: &str) -> Value {
    json!({ "type": "article", "slug": slug, "title": "A title", "status": "DRAFT", "excerpt": "",
        "excerptIsCustom": false, "createdAt": WHEN, "updatedAt": WHEN, "version": 1, "body": "" })
}

fn with(mut record: Value, field: &str, value: Value) -> Value {
    record[field] = value;
    record
}

/// Imports `bundle`, expecting it refused at `line` for a reason containing `reason`, with
/// nothing written.
async fn refused(app: &TestApp, bundle: Vec<u8>, line: u64, reason: &str) {
    let before = export(app.store(), true).await;
    match import(app.store(), bundle).await {
        Err(StoreError::Bundle(error)) => {
            assert_eq!(error.line, line, "{error}");
            assert!(
                error.reason.contains(reason),
                "expected {reason:?} in: {error}"
            );
        }
        other => panic!("expected a refusal at line {line} ({reason}), got {other:?}"),
    }
    assert!(
        export(app.store(), true).await == before,
        "a refused bundle wrote something ({reason})"
    );
}

on_both_backends! {
    async fn unreadable_files_are_refused_at_their_line(app: TestApp) {
        newsroom(&app).await;
        refused(&app, Vec::new(), 1, "the file is empty").await;
        refused(&app, b"\x00\x01\xfe\xff binary garbage".to_vec(), 1, "not valid UTF-8").await;
        refused(&app, b"---\ntitle: Markdown\n---\n".to_vec(), 1, "not a Quire bundle").await;
        refused(&app, b"{\"format\":\"quire-bundle\",\"version\":3}\n".to_vec(), 1, "newer than this Quire reads").await;
        let mut garbage = bundle_of(&[tag("fine", "Fine")]);
        garbage.extend_from_slice(b"{\"type\": \"tag\", oops\n");
        refused(&app, garbage, 3, "not valid JSON").await;
        let mut broken = bundle_of(&[tag("fine", "Fine")]);
        broken.extend_from_slice(b"{\"type\":\"tag\",\"slug\":\"x\",\"name\":\"\xff\"}\n");
        refused(&app, broken, 3, "not valid UTF-8").await;
    }
}

on_both_backends! {
    async fn records_of_the_wrong_shape_are_refused(app: TestApp) {
        newsroom(&app).await;
        refused(&app, bundle_of(&[tag("fine", "Fine"), with(tag("x", "X"), "name", json!(5))]), 3,
            "tag record: name: invalid type: integer `5`").await;
        refused(&app, bundle_of(&[json!({ "type": "comment", "text": "hi" })]), 2, "unknown record type \"comment\"").await;
        refused(&app, bundle_of(&[with(article("a"), "version", json!("1"))]), 2, "version: invalid type").await;
        refused(&app, bundle_of(&[with(article("a"), "wordCount", json!(3))]), 2, "unknown field `wordCount`").await;
        refused(&app, bundle_of(&[with(article("a"), "publishedAt", json!("yesterday"))]), 2, "publishedAt: \"yesterday\" is not an RFC 3339").await;
        refused(&app, bundle_of(&[with(article("a"), "status", json!("PUBLISHED"))]), 2, "needs its publication instant").await;
        refused(&app, bundle_of(&[with(article("Not A Slug"), "title", json!("Nul \u{0} inside"))]), 2,
            "title: contains the control character U+0000").await;
        let huge = "x".repeat(10 * 1024 * 1024);
        refused(&app, bundle_of(&[tag("fine", "Fine"), with(article("huge"), "body", json!(huge))]), 3,
            "body: must be at most 400000 characters, got 10485760").await;
    }
}

on_both_backends! {
    async fn references_and_keys_must_make_sense(app: TestApp) {
        newsroom(&app).await;
        let ghost = with(article("haunted"), "authors", json!(["ghost-writer"]));
        refused(&app, bundle_of(&[tag("fine", "Fine"), ghost.clone()]), 3, "names the author \"ghost-writer\", which is neither earlier").await;
        let mut then_garbage = bundle_of(&[ghost]);
        then_garbage.extend_from_slice(b"garbage\n");
        refused(&app, then_garbage, 2, "names the author").await;
        let orphan = json!({ "type": "author", "slug": "orphan", "name": "Orphan", "user": "nobody@example.com",
            "createdAt": WHEN, "updatedAt": WHEN });
        refused(&app, bundle_of(&[orphan]), 2, "names the user \"nobody@example.com\"").await;
        refused(&app, bundle_of(&[article("twice"), article("fine"), article("twice")]), 4,
            "article \"twice\" appears a second time; its first record is on line 2").await;
        refused(&app, bundle_of(&[tag("twice", "One"), tag("twice", "Two")]), 3, "first record is on line 2").await;
        refused(&app, bundle_of(&[tag("human-rights-2", "HUMAN RIGHTS")]), 2,
            "the name \"HUMAN RIGHTS\" belongs to the tag \"human-rights\" already").await;
        let dangling = json!({ "type": "related", "article": "archived-piece", "related": ["nowhere"] });
        refused(&app, bundle_of(&[dangling]), 2, "the article \"nowhere\" is neither in this bundle nor stored").await;
        let selfish = json!({ "type": "related", "article": "archived-piece", "related": ["archived-piece"] });
        refused(&app, bundle_of(&[selfish]), 2, "must not list the article itself").await;
    }
}

fn formerly(record: Value, slugs: &[&str]) -> Value {
    let history: Vec<Value> = slugs
        .iter()
        .map(|slug| json!({ "slug": slug, "retiredAt": WHEN }))
        .collect();
    with(record, "previousSlugs", json!(history))
}

on_both_backends! {
    async fn a_former_slug_leads_to_one_article_only(app: TestApp) {
        newsroom(&app).await;
        refused(&app, bundle_of(&[tag("fine", "Fine"), formerly(article("fresh"), &["archived-piece"])]), 3,
            "article \"fresh\" gives \"archived-piece\" as a former slug, but it is the slug of the article \"archived-piece\"").await;
        refused(&app, bundle_of(&[formerly(article("fresh"), &["gone"]), formerly(article("other"), &["draft-renamed"])]), 3,
            "but the article \"draft-final\" had it before, and it still leads there").await;
        refused(&app, bundle_of(&[formerly(article("archived-piece"), &["draft-renamed"])]), 2,
            "the article \"draft-final\" had it before").await;
        refused(&app, bundle_of(&[formerly(article("one"), &["gone"]), formerly(article("two"), &["gone"])]), 3,
            "article \"two\" gives \"gone\" as a former slug, but the article \"one\" on line 2 gives it too").await;
        refused(&app, bundle_of(&[formerly(article("one"), &["two"]), article("two")]), 2,
            "it is the slug of the article \"two\"").await;
        refused(&app, bundle_of(&[formerly(article("one"), &["one"])]), 2,
            "previousSlugs[0].slug: is the article's own slug").await;
        refused(&app, bundle_of(&[formerly(article("one"), &["Not A Slug"])]), 2, "previousSlugs[0].slug:").await;
        let correction = |text: &str, by: &str| json!([{ "text": text, "createdBy": by, "createdAt": WHEN }]);
        refused(&app, bundle_of(&[with(article("one"), "corrections", correction(" ", "ed@example.com"))]), 2,
            "corrections[0].text: must not be empty").await;
        refused(&app, bundle_of(&[with(article("one"), "corrections", correction("Fixed.", "nobody@example.com"))]), 2,
            "names the user \"nobody@example.com\"").await;
    }
}

on_both_backends! {
    async fn a_dry_run_reports_and_keeps_nothing(app: TestApp) {
        newsroom(&app).await;
        let before = export(app.store(), true).await;
        let bundle = bundle_of(&[tag("fresh", "Fresh"), with(article("fresh-piece"), "tags", json!(["fresh", "kashmir"]))]);
        let summary = app.store()
            .rehearse(move |conn| quire_persistence::transfer::import_bundle(conn, &mut bundle.as_slice(), &mut |_| {}))
            .await
            .unwrap();
        assert_eq!((summary.tags.created, summary.articles.created), (1, 1), "{summary}");
        assert!(export(app.store(), true).await == before);
    }
}
