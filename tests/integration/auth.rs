//! Sign-in, refresh-token rotation with reuse detection, and logout.

use quire_domain::Role;
use quire_harness::{error_code, on_both_backends};
use serde_json::json;

const LOGIN: &str =
    "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }";
const REFRESH: &str = "mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken user { email } } }";

on_both_backends! {
    async fn unknown_email_and_wrong_password_look_alike(app: TestApp) {
        let user = app.user(Role::Author).await;
        let wrong = app.graphql(LOGIN, json!({ "e": user.email, "p": "not the password" })).await;
        let unknown = app.graphql(LOGIN, json!({ "e": "nobody@example.com", "p": "not the password" })).await;
        assert_eq!(error_code(&wrong), Some("UNAUTHENTICATED"), "{wrong}");
        assert_eq!(wrong["errors"][0]["message"], unknown["errors"][0]["message"]);
        assert_eq!(wrong["errors"][0]["extensions"], unknown["errors"][0]["extensions"]);
        let upper = app.graphql(LOGIN, json!({ "e": user.email.to_uppercase(), "p": user.password })).await;
        assert!(upper["data"]["login"]["accessToken"].is_string(), "emails are case-insensitive: {upper}");
    }
}

on_both_backends! {
    async fn refresh_tokens_rotate_and_reuse_revokes_the_family(app: TestApp) {
        let user = app.user(Role::Editor).await;
        let first = app.graphql(REFRESH, json!({ "t": user.refresh_token })).await;
        let rotated = first["data"]["refreshToken"]["refreshToken"].as_str().unwrap().to_owned();
        assert_ne!(rotated, user.refresh_token, "{first}");
        let me = app.graphql_as(first["data"]["refreshToken"]["accessToken"].as_str(), "{ me { email } }", json!({})).await;
        assert_eq!(me["data"]["me"]["email"], user.email.as_str());

        let replay = app.graphql(REFRESH, json!({ "t": user.refresh_token })).await;
        assert_eq!(error_code(&replay), Some("UNAUTHENTICATED"), "{replay}");
        let family = app.graphql(REFRESH, json!({ "t": rotated })).await;
        assert_eq!(error_code(&family), Some("UNAUTHENTICATED"), "reuse revoked the rotated token too: {family}");

        let again = app.login(&user.email, &user.password).await;
        let out = app.graphql("mutation($t: String!) { logout(refreshToken: $t) }", json!({ "t": again.refresh_token })).await;
        assert_eq!(out["data"]["logout"], true, "{out}");
        let after = app.graphql(REFRESH, json!({ "t": again.refresh_token })).await;
        assert_eq!(error_code(&after), Some("UNAUTHENTICATED"));
        let unknown = app.graphql("mutation { logout(refreshToken: \"nope\") }", json!({})).await;
        assert_eq!(unknown["data"]["logout"], false);
    }
}

on_both_backends! {
    async fn repeated_sign_in_attempts_are_rate_limited(app: TestApp) {
        let user = app.user(Role::Author).await;
        // `app.user` signed in once; the rest of the burst may fail on the password.
        for _ in 1..quire_api::auth::throttle::LOGIN_BURST {
            let r = app.graphql(LOGIN, json!({ "e": user.email, "p": "wrong password" })).await;
            assert_eq!(error_code(&r), Some("UNAUTHENTICATED"), "{r}");
        }
        let limited = app.graphql(LOGIN, json!({ "e": user.email, "p": user.password })).await;
        assert_eq!(error_code(&limited), Some("RATE_LIMITED"), "{limited}");
        let other = app.user(Role::Author).await;
        assert!(!other.token.is_empty(), "other accounts are not affected");
    }
}
