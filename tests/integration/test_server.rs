//! `quire_api::testing::TestServer` as a Rust team's integration test starts it: no database to
//! prepare, accounts ready.

use quire_api::testing::TestServer;
use quire_domain::Role;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starts_on_its_own_database_with_an_admin_and_an_editor_signed_in() {
    let server = TestServer::start().await.expect("the test server starts");
    let client = reqwest::Client::new();
    for (role, name) in [(Role::Admin, "ADMIN"), (Role::Editor, "EDITOR")] {
        let account = server
            .account(role)
            .expect("an account for each starting role");
        let answer: serde_json::Value = client
            .post(server.graphql_url())
            .bearer_auth(&account.access_token)
            .json(&json!({ "query": "{ me { email role } }" }))
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("JSON");
        assert_eq!(answer["data"]["me"]["role"], name, "{answer}");
        assert_eq!(answer["data"]["me"]["email"], account.email.as_str());
    }
    assert!(server.account(Role::Author).is_none());
    let url = server.url().to_owned();
    server.stop().await;
    assert!(
        client.get(format!("{url}/healthz")).send().await.is_err(),
        "a stopped server no longer answers"
    );
}
