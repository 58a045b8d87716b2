//! The REST content API under `/api`: lists, single items, filters, paging, refusals,
//! visibility and cost, over HTTP on both backends.

mod cost;
mod document;
mod lists;
mod refusals;
mod visibility;

use quire_domain::Role;
use quire_harness::TestApp;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

/// A REST answer: status, headers and the JSON body (null when there is none).
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    /// A response header as text, empty when absent.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// The slugs of a list's `data`, in order.
    pub fn slugs(&self) -> Vec<String> {
        self.body["data"]
            .as_array()
            .unwrap_or_else(|| panic!("not a list: {}", self.body))
            .iter()
            .map(|item| item["slug"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// The error code of a refusal.
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or_default()
    }
}

/// Sends `request` and reads the answer.
pub async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"))
    };
    Answer {
        status,
        headers,
        body,
    }
}

/// GETs `path` anonymously.
pub async fn get(app: &TestApp, path: &str) -> Answer {
    get_as(app, None, path).await
}

/// GETs `path` with an optional bearer token.
pub async fn get_as(app: &TestApp, token: Option<&str>, path: &str) -> Answer {
    let mut request = app.client.get(format!("{}{path}", app.address));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    send(request).await
}

/// A small newsroom, written through GraphQL by an editor whose token it returns:
/// - "Jan" (2025-01-10; Kashmir; Ann Lee; The Quint), "Feb" (2025-02-10; Pakistan; Bo Chen),
///   "Mar" (2025-03-10; Kashmir, Elections; Ann Lee then Bo Chen; The Quint; related: Jan, then
///   Draft), all published;
/// - "Draft" (Kashmir; Ann Lee), never published. Every body but Feb's mentions the valley.
pub async fn newsroom(app: &TestApp) -> String {
    let editor = app.user(Role::Editor).await;
    let token = Some(editor.token.as_str());
    let made = app
        .graphql_as(
            token,
            "mutation {
                ann: createAuthor(input: { name: \"Ann Lee\", bio: \"Ann covers Kashmir.\" }) { id }
                bo: createAuthor(input: { name: \"Bo Chen\" }) { id }
                quint: createSource(input: { name: \"The Quint\", country: \"India\" }) { id }
            }",
            json!({}),
        )
        .await;
    let (ann, bo, quint) = (
        made["data"]["ann"]["id"].clone(),
        made["data"]["bo"]["id"].clone(),
        made["data"]["quint"]["id"].clone(),
    );
    let create = async |input: Value, at: Option<&str>| {
        let r = app
            .graphql_as(
                token,
                "mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }",
                json!({ "i": input }),
            )
            .await;
        let id = r["data"]["createArticle"]["id"].clone();
        assert!(id.is_string(), "{r}");
        if let Some(at) = at {
            app.graphql_as(
                token,
                "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id } }",
                json!({ "id": id, "at": at }),
            )
            .await;
        }
        id
    };
    let jan = create(
        json!({ "title": "Jan", "body": "Snow fell on the valley.", "tags": ["Kashmir"],
                "authorIds": [ann], "sourceId": quint }),
        Some("2025-01-10T08:00:00Z"),
    )
    .await;
    create(
        json!({ "title": "Feb", "body": "Talks resumed in the capital.", "tags": ["Pakistan"],
                "authorIds": [bo] }),
        Some("2025-02-10T08:00:00Z"),
    )
    .await;
    let draft = create(
        json!({ "title": "Draft", "body": "An embargoed valley story.", "tags": ["Kashmir"],
                "authorIds": [ann] }),
        None,
    )
    .await;
    create(
        json!({ "title": "Mar", "body": "Voters queued before dawn in the valley.",
                "tags": ["Kashmir", "Elections"], "authorIds": [ann, bo], "sourceId": quint,
                "relatedIds": [jan, draft] }),
        Some("2025-03-10T08:00:00Z"),
    )
    .await;
    editor.token
}
