//! The audit log: every mutation that changes data leaves one entry in its own transaction (a
//! refused write leaves none), with who, what, which record, when and an article's versions;
//! editors and admins read it, filtered and paged, and nobody else learns it exists.

use std::collections::BTreeSet;

use quire_domain::Role;
use quire_harness::{TestApp, error_code, on_both_backends};
use serde_json::{Value, json};

const LOG: &str = "query($f: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $f, first: $first, after: $after) {
        totalCount
        nodes { at action recordType recordId versionBefore versionAfter actor { id } }
        pageInfo { endCursor hasNextPage } } }";

/// Mutations that change no content: signing in and out only touch the caller's own session.
const SESSION_MUTATIONS: [&str; 3] = ["login", "logout", "refreshToken"];

/// Runs a mutation that must succeed and returns its data.
async fn ok(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let r = app.graphql_as(Some(token), query, variables).await;
    assert!(r["errors"].is_null(), "{query}: {r}");
    r["data"].clone()
}

fn actions(r: &Value) -> Vec<&str> {
    r["data"]["auditLog"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["action"].as_str().unwrap())
        .collect()
}

on_both_backends! {
    async fn every_change_to_an_article_is_logged_with_its_versions(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        let token = editor.token.as_str();
        let data = ok(&app, token, "mutation { createArticle(input: { title: \"Dock strike\", body: \"One.\" }) { id } }", json!({})).await;
        let id = data["createArticle"]["id"].as_str().unwrap().to_owned();
        let v = json!({ "id": id });
        ok(&app, token, "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: { body: \"Two.\" }) { id } }", v.clone()).await;
        let stale = app.graphql_as(Some(token), "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: { body: \"Lost.\" }) { id } }", v.clone()).await;
        assert_eq!(error_code(&stale), Some("CONFLICT"), "{stale}");
        ok(&app, token, "mutation($id: ID!) { publishArticle(id: $id) { id } }", v.clone()).await;
        ok(&app, token, "mutation($id: ID!) { addCorrection(articleId: $id, text: \"An earlier version misspelt a name.\") { id } }", v.clone()).await;
        ok(&app, token, "mutation($id: ID!) { deleteArticle(id: $id) }", v.clone()).await;
        ok(&app, token, "mutation($id: ID!) { restoreArticle(id: $id) { id } }", v.clone()).await;

        let log = app.graphql_as(Some(token), LOG, json!({ "f": { "recordType": "ARTICLE", "recordId": id } })).await;
        assert_eq!(
            actions(&log),
            ["restoreArticle", "deleteArticle", "addCorrection", "publishArticle", "updateArticle", "createArticle"],
            "newest first, and the refused write left nothing: {log}"
        );
        let nodes = log["data"]["auditLog"]["nodes"].as_array().unwrap();
        let versions: Vec<(Value, Value)> = nodes.iter().map(|n| (n["versionBefore"].clone(), n["versionAfter"].clone())).collect();
        assert_eq!(versions, [
            (json!(5), json!(6)), (json!(4), json!(5)), (json!(3), json!(4)),
            (json!(2), json!(3)), (json!(1), json!(2)), (Value::Null, json!(1)),
        ]);
        for node in nodes {
            assert_eq!(node["actor"]["id"], editor.id.as_str(), "{node}");
            assert_eq!(node["recordId"], id.as_str());
            assert!(node["at"].is_string());
        }
        let current = ok(&app, token, "query($id: ID!) { article(id: $id) { version } }", v).await;
        assert_eq!(current["article"]["version"], 6, "the log's last version is the article's");

        let first = app.graphql_as(Some(token), LOG, json!({ "first": 2 })).await;
        assert_eq!(actions(&first), ["restoreArticle", "deleteArticle"]);
        let next = app.graphql_as(Some(token), LOG, json!({ "first": 2, "after": first["data"]["auditLog"]["pageInfo"]["endCursor"] })).await;
        assert_eq!(actions(&next), ["addCorrection", "publishArticle"], "{next}");
        let past = app.graphql_as(Some(token), LOG, json!({ "f": { "before": "2000-01-01T00:00:00Z" } })).await;
        assert_eq!(past["data"]["auditLog"]["totalCount"], 0, "{past}");
        let since = app.graphql_as(Some(token), LOG, json!({ "f": { "after": "2000-01-01T00:00:00Z", "actor": editor.id } })).await;
        assert_eq!(since["data"]["auditLog"]["totalCount"], 6, "{since}");
    }
}

on_both_backends! {
    async fn only_editors_and_admins_read_the_log(app: TestApp) {
        let author = app.user(Role::Author).await;
        ok(&app, &author.token, "mutation { createArticle(input: { title: \"Mine\", body: \"b\" }) { id } }", json!({})).await;
        for (token, code) in [(None, "UNAUTHENTICATED"), (Some(author.token.as_str()), "FORBIDDEN")] {
            let r = app.graphql_as(token, LOG, json!({})).await;
            assert_eq!(error_code(&r), Some(code), "{r}");
            assert_eq!(r["data"], Value::Null, "{r}");
        }
        let admin = app.user(Role::Admin).await;
        let r = app.graphql_as(Some(&admin.token), LOG, json!({})).await;
        assert_eq!(actions(&r), ["createArticle"], "{r}");
        assert_eq!(r["data"]["auditLog"]["nodes"][0]["actor"]["id"], author.id.as_str());
    }
}

on_both_backends! {
    async fn every_mutation_that_changes_data_leaves_an_entry(app: TestApp) {
        let admin = app.user(Role::Admin).await;
        let t = admin.token.as_str();
        let article = |data: &Value, field: &str| json!({ "id": data[field]["id"].clone() });
        let a = ok(&app, t, "mutation { createArticle(input: { title: \"One\", body: \"b\" }) { id } }", json!({})).await;
        let a = article(&a, "createArticle");
        ok(&app, t, "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: { body: \"c\" }) { id } }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { restoreRevision(articleId: $id, revision: 1, expectedVersion: 2) { id } }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { publishArticle(id: $id) { id } }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { addCorrection(articleId: $id, text: \"Fixed.\") { id } }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { unpublishArticle(id: $id) { id } }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { publishArticle(id: $id) { id } }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { archiveArticle(id: $id) { id } }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { deleteArticle(id: $id) }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { restoreArticle(id: $id) { id } }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { deleteArticle(id: $id) }", a.clone()).await;
        ok(&app, t, "mutation($id: ID!) { purgeArticle(id: $id) }", a).await;
        for kind in ["Author", "Source", "Tag"] {
            let create = format!("mutation {{ create{kind}(input: {{ name: \"Kept {kind}\" }}) {{ id }} }}");
            let created = ok(&app, t, &create, json!({})).await;
            let id = json!({ "id": created[format!("create{kind}")]["id"].clone() });
            let update = format!("mutation($id: ID!) {{ update{kind}(id: $id, input: {{ name: \"Renamed {kind}\" }}) {{ id }} }}");
            ok(&app, t, &update, id.clone()).await;
            ok(&app, t, &format!("mutation($id: ID!) {{ delete{kind}(id: $id) }}"), id).await;
        }
        ok(&app, t, "mutation { createUser(input: { email: \"new@example.com\", name: \"New\", password: \"a long enough password\", role: AUTHOR }) { id } }", json!({})).await;
        let token = ok(&app, t, "mutation { createApiToken(name: \"site\", scope: PREVIEW) { token { id } } }", json!({})).await;
        ok(&app, t, "mutation($id: ID!) { revokeApiToken(id: $id) }", json!({ "id": token["createApiToken"]["token"]["id"] })).await;

        let schema = ok(&app, t, "{ __schema { mutationType { fields { name } } } }", json!({})).await;
        let mutations: BTreeSet<&str> = schema["__schema"]["mutationType"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .filter(|name| !SESSION_MUTATIONS.contains(name))
            .collect();
        let log = app.graphql_as(Some(t), LOG, json!({ "first": 100 })).await;
        let logged: BTreeSet<&str> = actions(&log).into_iter().collect();
        assert_eq!(logged, mutations, "each mutation exercised here is in the log; a new one needs a case above");
        let purged = log["data"]["auditLog"]["nodes"].as_array().unwrap().iter()
            .find(|n| n["action"] == "purgeArticle").unwrap();
        assert_eq!(purged["versionAfter"], Value::Null, "{purged}");
        assert!(purged["versionBefore"].is_number(), "{purged}");
    }
}
