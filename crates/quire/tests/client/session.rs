//! Signing in, the saved session, refreshing it, and the ways it can fail.

use quire_domain::Role;
use quire_harness::on_both_backends;
use serde_json::json;

use crate::support::{Editor, assert_fails, report};

on_both_backends! {
    async fn login_saves_a_private_session_and_logout_ends_it(app: TestApp) {
        let user = app.user(Role::Editor).await;
        let editor = Editor::new();
        editor.login(&app, &user).await;

        let saved = editor.credentials();
        assert_eq!(saved["server"], format!("{}/graphql", app.address));
        assert_eq!(saved["email"], user.email.as_str());
        assert!(saved["accessToken"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(saved["refreshToken"].as_str().is_some_and(|t| !t.is_empty()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(editor.credentials_path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }

        let me = editor.json(&["whoami"]).await;
        assert_eq!(me["user"]["email"], user.email.as_str());
        assert_eq!(me["user"]["role"], "EDITOR");
        let sentence = editor.ok(&["whoami"]).await;
        assert!(sentence.contains(&user.email), "{sentence}");

        let refresh_token = saved["refreshToken"].as_str().unwrap().to_owned();
        editor.ok(&["logout"]).await;
        assert!(!editor.credentials_path().exists());
        let reused = app
            .graphql(
                "mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }",
                json!({ "t": refresh_token }),
            )
            .await;
        assert_eq!(quire_harness::error_code(&reused), Some("UNAUTHENTICATED"), "{reused}");

        let again = editor.run(&["logout"]).await;
        assert_eq!(again.status.code(), Some(0), "{}", report(&again));
        let whoami = editor.run(&["whoami"]).await;
        assert_fails(&whoami, 5, &["not logged in", "quire login --server"]);
    }
}

on_both_backends! {
    async fn an_expired_or_refused_access_token_is_refreshed(app: TestApp) {
        let user = app.user(Role::Editor).await;
        let editor = Editor::new();
        editor.login(&app, &user).await;

        let mut saved = editor.credentials();
        saved["expiresAt"] = json!("2000-01-01T00:00:00Z");
        editor.set_credentials(&saved);
        let me = editor.json(&["whoami"]).await;
        assert_eq!(me["user"]["email"], user.email.as_str());
        let refreshed = editor.credentials();
        assert_ne!(refreshed["refreshToken"], saved["refreshToken"]);
        assert_ne!(refreshed["expiresAt"], saved["expiresAt"]);

        let mut forged = refreshed.clone();
        forged["accessToken"] = json!("not-a-token");
        editor.set_credentials(&forged);
        let me = editor.json(&["whoami"]).await;
        assert_eq!(me["user"]["email"], user.email.as_str());
        let retried = editor.credentials();
        assert_ne!(retried["refreshToken"], refreshed["refreshToken"]);
        assert_ne!(retried["accessToken"], json!("not-a-token"));
    }
}

on_both_backends! {
    async fn a_refused_refresh_asks_to_log_in_again(app: TestApp) {
        let user = app.user(Role::Editor).await;
        let editor = Editor::new();
        editor.login(&app, &user).await;
        let mut saved = editor.credentials();
        saved["expiresAt"] = json!("2000-01-01T00:00:00Z");
        saved["refreshToken"] = json!("a-refresh-token-the-server-never-issued");
        editor.set_credentials(&saved);

        let output = editor.run(&["whoami"]).await;
        let login = format!("run quire login --server {}", app.address);
        assert_fails(&output, 5, &["your session has ended", &login]);
    }
}

on_both_backends! {
    async fn a_wrong_server_address_says_what_to_check(app: TestApp) {
        let user = app.user(Role::Editor).await;
        let editor = Editor::new();
        let login = |server: String| {
            let args = ["login", "--server", &server, "--email", &user.email, "--password-stdin"]
                .map(str::to_owned);
            let editor = &editor;
            let password = format!("{}\n", user.password);
            async move {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                editor.run_with_input(&args, &password).await
            }
        };

        let refused = login("http://127.0.0.1:1".to_owned()).await;
        assert_fails(
            &refused,
            1,
            &["cannot reach http://127.0.0.1:1/graphql: connection refused", "--server"],
        );
        let not_graphql = login(format!("{}/healthz", app.address)).await;
        assert_fails(&not_graphql, 1, &["did not answer as a GraphQL server", "--server"]);
        let malformed = login("localhost:8080".to_owned()).await;
        assert_fails(&malformed, 1, &["is not a server address", "http://"]);
        let wrong_password = editor
            .run_with_input(
                &["login", "--server", &app.address, "--email", &user.email, "--password-stdin"],
                "not the password\n",
            )
            .await;
        assert_fails(&wrong_password, 5, &["check the email and password"]);
        assert!(!editor.credentials_path().exists());
    }
}

on_both_backends! {
    async fn quire_token_and_quire_server_need_no_saved_session(app: TestApp) {
        let user = app.user(Role::Editor).await;
        let editor = Editor::new()
            .with_env("QUIRE_TOKEN", &user.token)
            .with_env("QUIRE_SERVER", &app.address);
        let me = editor.json(&["whoami"]).await;
        assert_eq!(me["user"]["email"], user.email.as_str());
        assert!(!editor.credentials_path().exists());

        let refused = Editor::new()
            .with_env("QUIRE_TOKEN", "not-a-token")
            .with_env("QUIRE_SERVER", &app.address)
            .run(&["whoami"])
            .await;
        assert_fails(&refused, 5, &["QUIRE_TOKEN"]);
    }
}
