//! The article filters of the contract, alone and together.

use quire_domain::Role;
use quire_harness::{article_titles, on_both_backends};
use serde_json::{Value, json};

const LIST: &str = "query($f: ArticleFilter) { articles(filter: $f, orderBy: PUBLISHED_AT_ASC) { totalCount nodes { title } } }";

on_both_backends! {
    async fn filters_by_tags_author_source_and_dates(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = Some(editor.token.as_str());
        let s = app.graphql_as(token, "mutation { a: createAuthor(input: { name: \"Ann Lee\" }) { id } s: createSource(input: { name: \"The Quint\" }) { id } }", json!({})).await;
        let (author, source) = (s["data"]["a"]["id"].clone(), s["data"]["s"]["id"].clone());
        let rows = [
            ("Jan", "2025-01-10T08:00:00Z", json!(["Kashmir"]), true, false),
            ("Feb", "2025-02-10T08:00:00Z", json!(["Pakistan"]), false, true),
            ("Mar", "2025-03-10T08:00:00Z", json!(["Kashmir", "Elections"]), true, true),
        ];
        for (title, at, tags, by_ann, from_quint) in rows {
            let input = json!({ "title": title, "body": "b", "tags": tags,
                "authorIds": if by_ann { json!([author]) } else { json!([]) },
                "sourceId": if from_quint { source.clone() } else { Value::Null } });
            let r = app.graphql_as(token, "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }", json!({ "i": input })).await;
            let id = r["data"]["createArticle"]["id"].clone();
            app.graphql_as(token, "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id } }", json!({ "id": id, "at": at })).await;
        }
        app.graphql_as(token, "mutation { createArticle(input: { title: \"Draft\", body: \"b\", tags: [\"Kashmir\"] }) { id } }", json!({})).await;

        let cases = [
            (json!({ "tags": ["kashmir"] }), vec!["Jan", "Mar"]),
            (json!({ "tags": ["pakistan", "elections"] }), vec!["Feb", "Mar"]),
            // Several slugs travel to the database as one list: no slug can end its element early.
            (json!({ "tags": ["kashmir\",\"pakistan"] }), vec![]),
            (json!({ "tags": ["pakistan\\", "kashmir"] }), vec!["Jan", "Mar"]),
            (json!({ "tags": ["it's", "x\\\"y", "{pakistan}", "elections"] }), vec!["Mar"]),
            (json!({ "author": "ann-lee" }), vec!["Jan", "Mar"]),
            (json!({ "source": "the-quint" }), vec!["Feb", "Mar"]),
            (json!({ "publishedAfter": "2025-02-01T00:00:00Z" }), vec!["Feb", "Mar"]),
            (json!({ "publishedBefore": "2025-02-10T08:00:00Z" }), vec!["Jan"]),
            (json!({ "tags": ["kashmir"], "source": "the-quint", "publishedAfter": "2025-01-01T00:00:00Z" }), vec!["Mar"]),
        ];
        for (filter, expected) in cases {
            let r = app.graphql(LIST, json!({ "f": filter })).await;
            assert_eq!(article_titles(&r), expected, "{filter}: {r}");
            assert_eq!(r["data"]["articles"]["totalCount"], expected.len());
        }
        let staff = app.graphql_as(token, LIST, json!({ "f": { "tags": ["kashmir"], "status": ["DRAFT", "PUBLISHED"] } })).await;
        assert_eq!(staff["data"]["articles"]["totalCount"], 3, "{staff}");
        let dated = app.graphql_as(token, LIST, json!({ "f": { "publishedAfter": "2000-01-01T00:00:00Z" } })).await;
        assert_eq!(dated["data"]["articles"]["totalCount"], 3, "drafts have no publication date: {dated}");
    }
}
