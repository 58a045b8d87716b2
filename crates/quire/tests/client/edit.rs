//! `quire article edit` with a non-interactive `$EDITOR`: saving, nothing changed, and a
//! conflict met on the way, with the text kept and merged afterwards.

use quire_domain::Role;
use quire_harness::on_both_backends;
use serde_json::json;

use crate::support::{Editor, assert_fails, report, script, stdout};

const ARTICLE: &str =
    "---\ntitle: First title\nsubtitle: To be removed\ntags: [one]\n---\n\nThe body.\n";

on_both_backends! {
    async fn an_edit_saves_only_what_changed(app: TestApp) {
        let user = app.user(Role::Editor).await;
        let editor = Editor::new();
        editor.login(&app, &user).await;
        std::fs::write(editor.file("a.md"), ARTICLE).unwrap();
        editor.ok(&["article", "new", "a.md"]).await;

        let unchanged = editor.clone().with_env("EDITOR", "true");
        let out = unchanged.ok(&["article", "edit", "first-title"]).await;
        assert_eq!(out.trim(), "no changes");

        let sed = script(
            &editor.file("edit.sh"),
            "sed -i -e 's/^title: .*/title: Edited title/' -e '/^subtitle:/d' -e 's/^The body./The new body./' \"$1\"",
        );
        let editing = editor.clone().with_env("EDITOR", sed.to_str().unwrap());
        let out = editing.ok(&["article", "edit", "first-title"]).await;
        assert_eq!(out.trim(), "saved first-title: version 2");
        let article = editor.json(&["article", "show", "first-title"]).await;
        assert_eq!(article["title"], "Edited title");
        assert_eq!(article["subtitle"], json!(null));
        assert_eq!(article["body"], "The new body.");
        assert_eq!(article["tags"][0]["name"], "one");
        assert_eq!(article["version"], 2);
    }
}

on_both_backends! {
    async fn a_conflict_keeps_the_text_and_edit_from_merges_it(app: TestApp) {
        let user = app.user(Role::Editor).await;
        let editor = Editor::new();
        editor.login(&app, &user).await;
        std::fs::write(editor.file("a.md"), ARTICLE).unwrap();
        editor.ok(&["article", "new", "a.md"]).await;
        let id = editor.json(&["article", "show", "first-title"]).await["id"]
            .as_str()
            .unwrap()
            .to_owned();

        let started = editor.file("started");
        let go = editor.file("go");
        let waiting = script(
            &editor.file("slow-editor.sh"),
            &format!(
                "touch '{}'\nwhile [ ! -f '{}' ]; do sleep 0.05; done\nsed -i 's/^title: .*/title: My title/' \"$1\"",
                started.display(),
                go.display()
            ),
        );
        let slow = editor.clone().with_env("EDITOR", waiting.to_str().unwrap());
        let edit = tokio::spawn(async move { slow.run(&["article", "edit", "first-title"]).await });
        while !started.exists() {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let meanwhile = app
            .graphql_as(
                Some(&user.token),
                "mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: { subtitle: \"Changed meanwhile\" }) { version } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(meanwhile["data"]["updateArticle"]["version"], 2, "{meanwhile}");
        std::fs::write(&go, "").unwrap();
        let output = edit.await.unwrap();
        assert_fails(
            &output,
            3,
            &[
                "CONFLICT",
                "you read version 1, it is now at version 2",
                "./first-title.v1.md",
                "quire article show first-title --markdown | diff - ./first-title.v1.md",
                "quire article edit first-title --from ./first-title.v1.md",
            ],
        );
        let kept = std::fs::read_to_string(editor.file("first-title.v1.md")).unwrap();
        assert!(kept.contains("title: My title"), "{kept}");
        let article = editor.json(&["article", "show", "first-title"]).await;
        assert_eq!(article["title"], "First title", "nothing was overwritten");

        let merge = editor.clone().with_env("EDITOR", "true");
        let merged = merge
            .run(&["article", "edit", "first-title", "--from", "./first-title.v1.md"])
            .await;
        assert_eq!(merged.status.code(), Some(0), "{}", report(&merged));
        assert_eq!(stdout(&merged).trim(), "saved first-title: version 3");
        let article = editor.json(&["article", "show", "first-title"]).await;
        assert_eq!(article["title"], "My title");
        assert_eq!(article["version"], 3);
    }
}
