//! Lists and single items with their relations, paging through `nextCursor`, every filter and
//! the bounds of `limit`.

use quire_harness::on_both_backends;
use serde_json::json;

use super::{get, newsroom, send};

on_both_backends! {
    async fn lists_and_items_carry_their_relations(app: TestApp) {
        newsroom(&app).await;
        let list = get(&app, "/api/articles").await;
        assert_eq!(list.status, 200, "{}", list.body);
        assert_eq!(list.header("content-type"), "application/json");
        assert!(!list.header("last-modified").is_empty(), "a list names its newest change");
        assert_eq!(list.slugs(), ["mar", "feb", "jan"], "newest first");
        assert_eq!(list.body["nextCursor"], json!(null));

        let mar = get(&app, "/api/articles/mar").await;
        assert_eq!(mar.status, 200, "{}", mar.body);
        assert!(!mar.header("last-modified").is_empty());
        assert_eq!(mar.body, list.body["data"][0], "a list shows what the item shows");
        let a = &mar.body;
        assert_eq!(a["title"], "Mar");
        assert_eq!(a["status"], "PUBLISHED");
        assert_eq!(a["publishedAt"], "2025-03-10T08:00:00Z");
        assert_eq!(a["version"], 2);
        assert!(a["id"].is_string());
        assert_eq!(a["body"], "Voters queued before dawn in the valley.");
        assert_eq!(a["bodyHtml"], "<p>Voters queued before dawn in the valley.</p>\n");
        assert_eq!(a["wordCount"], 7);
        assert_eq!(a["readingTimeMinutes"], 1);
        assert_eq!(a["authors"][0]["slug"], "ann-lee");
        assert_eq!(a["authors"][0]["bio"], "Ann covers Kashmir.");
        assert_eq!(a["authors"][1]["name"], "Bo Chen");
        assert_eq!(a["tags"], json!([
            { "id": a["tags"][0]["id"], "slug": "kashmir", "name": "Kashmir", "description": null },
            { "id": a["tags"][1]["id"], "slug": "elections", "name": "Elections", "description": null },
        ]));
        assert_eq!(a["source"]["name"], "The Quint");
        assert_eq!(a["source"]["country"], "India");
        assert_eq!(a["related"], json!([{ "id": a["related"][0]["id"], "slug": "jan", "title": "Jan",
            "excerpt": "Snow fell on the valley.", "publishedAt": "2025-01-10T08:00:00Z" }]));
        assert_eq!(list.body["data"][1]["source"], json!(null));

        let head = send(app.client.head(format!("{}/api/articles/mar", app.address))).await;
        assert_eq!(head.status, 200);
        assert_eq!(head.body, json!(null), "HEAD has no body");

        let authors = get(&app, "/api/authors").await;
        assert_eq!(authors.slugs(), ["ann-lee", "bo-chen"]);
        let ann = get(&app, "/api/authors/ann-lee").await;
        assert_eq!(ann.body, authors.body["data"][0]);
        assert_eq!(ann.body["name"], "Ann Lee");
        assert!(ann.body.get("articles").is_none(), "no nested article lists");
        let quint = get(&app, "/api/sources/the-quint").await;
        assert_eq!(quint.body["country"], "India");
        assert_eq!(get(&app, "/api/sources").await.slugs(), ["the-quint"]);
        let tags = get(&app, "/api/tags").await;
        assert_eq!(tags.slugs(), ["elections", "kashmir", "pakistan"]);
        assert_eq!(tags.body["data"][1]["articleCount"], 2, "the draft is not counted");
        let kashmir = get(&app, "/api/tags/kashmir").await;
        assert_eq!(kashmir.body, tags.body["data"][1]);
    }
}

on_both_backends! {
    async fn pages_follow_next_cursor_to_the_end(app: TestApp) {
        newsroom(&app).await;
        for (path, expected) in [
            ("/api/articles", ["mar", "feb", "jan"]),
            ("/api/tags", ["elections", "kashmir", "pakistan"]),
        ] {
            let mut seen = Vec::new();
            let mut next = format!("{path}?limit=1");
            loop {
                let page = get(&app, &next).await;
                assert_eq!(page.status, 200, "{}", page.body);
                assert_eq!(page.slugs().len(), 1);
                seen.extend(page.slugs());
                match page.body["nextCursor"].as_str() {
                    Some(cursor) => next = format!("{path}?limit=1&cursor={cursor}"),
                    None => break,
                }
            }
            assert_eq!(seen, expected);
        }
        let two = get(&app, "/api/articles?limit=2").await;
        let cursor = two.body["nextCursor"].as_str().unwrap().to_owned();
        let rest = get(&app, &format!("/api/articles?cursor={cursor}")).await;
        assert_eq!(rest.slugs(), ["jan"]);
        assert_eq!(rest.body["nextCursor"], json!(null));
    }
}

on_both_backends! {
    async fn every_filter_narrows_the_list(app: TestApp) {
        newsroom(&app).await;
        let cases: [(&str, &[&str]); 10] = [
            ("tag=kashmir", &["mar", "jan"]),
            ("tag=pakistan", &["feb"]),
            ("author=bo-chen", &["mar", "feb"]),
            ("source=the-quint", &["mar", "jan"]),
            ("q=valley", &["mar", "jan"]),
            ("q=talks%20capital", &["feb"]),
            ("q=%20%20", &["mar", "feb", "jan"]),
            ("publishedAfter=2025-02-10T08:00:00Z", &["mar", "feb"]),
            ("publishedBefore=2025-02-10T10:00:00%2B02:00", &["jan"]),
            ("tag=kashmir&author=bo-chen&publishedAfter=2025-01-01T00:00:00Z", &["mar"]),
        ];
        for (query, expected) in cases {
            let list = get(&app, &format!("/api/articles?{query}")).await;
            assert_eq!(list.status, 200, "{query}: {}", list.body);
            assert_eq!(list.slugs(), expected, "{query}");
        }
        assert_eq!(get(&app, "/api/articles?tag=nothing").await.slugs(), Vec::<String>::new());
        let filtered = get(&app, "/api/articles?tag=kashmir&limit=1").await;
        let cursor = filtered.body["nextCursor"].as_str().unwrap().to_owned();
        let next = get(&app, &format!("/api/articles?tag=kashmir&limit=1&cursor={cursor}")).await;
        assert_eq!(next.slugs(), ["jan"], "a filtered list pages within the filter");
    }
}

on_both_backends! {
    async fn limits_and_texts_are_held_to_graphqls_rules(app: TestApp) {
        newsroom(&app).await;
        for fine in ["limit=1", "limit=100"] {
            assert_eq!(get(&app, &format!("/api/articles?{fine}")).await.status, 200, "{fine}");
        }
        let long_slug = "a".repeat(97);
        let long_search = "a".repeat(501);
        let tags_cursor = get(&app, "/api/tags?limit=1").await.body["nextCursor"].as_str().unwrap().to_owned();
        let refused = [
            ("/api/articles?limit=0".to_owned(), "limit"),
            ("/api/articles?limit=101".to_owned(), "limit"),
            ("/api/articles?limit=ten".to_owned(), "limit"),
            ("/api/authors?limit=".to_owned(), "limit"),
            ("/api/articles?cursor=nonsense".to_owned(), "cursor"),
            (format!("/api/articles?cursor={tags_cursor}"), "cursor"),
            ("/api/articles?tag=a%01b".to_owned(), "tag"),
            (format!("/api/articles?author={long_slug}"), "author"),
            (format!("/api/articles?source={long_slug}"), "source"),
            (format!("/api/articles?q={long_search}"), "q"),
            ("/api/articles?q=a%00".to_owned(), "q"),
            ("/api/articles?publishedAfter=yesterday".to_owned(), "publishedAfter"),
            ("/api/articles?publishedBefore=2025-13-01T00:00:00Z".to_owned(), "publishedBefore"),
            (format!("/api/tags/{long_slug}"), "slug"),
            ("/api/articles/a%7Fb".to_owned(), "slug"),
        ];
        for (path, field) in refused {
            let answer = get(&app, &path).await;
            assert_eq!(answer.status, 400, "{path}: {}", answer.body);
            assert_eq!(answer.code(), "BAD_USER_INPUT", "{path}");
            assert_eq!(answer.body["error"]["fields"], json!([field]), "{path}: {}", answer.body);
            assert_eq!(answer.header("cache-control"), "no-store", "no cache may keep a refusal");
        }
    }
}
