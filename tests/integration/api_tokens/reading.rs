//! What each scope reads: READ what anonymous readers read, PREVIEW drafts and scheduled
//! articles too but never archived ones, everywhere alike; and no token's answer is cached.

use quire_domain::Role;
use quire_harness::on_both_backends;
use serde_json::json;

use super::{article, issue};

on_both_backends! {
    async fn preview_tokens_read_unreleased_articles_and_read_tokens_do_not(app: TestApp) {
        let admin = app.user(Role::Admin).await;
        let editor = app.user(Role::Editor).await;
        let live = article(&app, &editor.token, "Live", "published").await;
        let draft = article(&app, &editor.token, "Draft", "draft").await;
        let later = article(&app, &editor.token, "Later", "scheduled").await;
        let gone = article(&app, &editor.token, "Gone", "archived").await;
        let (read, _) = issue(&app, &admin.token, "READ").await;
        let (preview, _) = issue(&app, &admin.token, "PREVIEW").await;

        let q = format!(
            "{{ live: article(slug: \"{live}\") {{ title }} draft: article(slug: \"{draft}\") {{ title status }}
               later: article(slug: \"{later}\") {{ title status }} gone: article(slug: \"{gone}\") {{ title }}
               articles(orderBy: TITLE_ASC) {{ totalCount nodes {{ title }} }}
               archived: articles(filter: {{ status: [ARCHIVED] }}) {{ totalCount }}
               tag(slug: \"news\") {{ articleCount articles {{ totalCount }} }} me {{ id }} }}"
        );

        let (cache, seen) = app.graphql_cached(Some(&preview), &q).await;
        assert_eq!(cache, "off", "an answer to a token is never cached: {seen}");
        let d = &seen["data"];
        assert_eq!(d["live"]["title"], "Live", "{seen}");
        assert_eq!(d["draft"], json!({ "title": "Draft", "status": "DRAFT" }));
        assert_eq!(d["later"], json!({ "title": "Later", "status": "SCHEDULED" }));
        assert_eq!(d["gone"], json!(null), "archived articles are not previewed");
        assert_eq!(d["articles"]["totalCount"], 3);
        assert_eq!(d["articles"]["nodes"], json!([{ "title": "Draft" }, { "title": "Later" }, { "title": "Live" }]));
        assert_eq!(d["archived"]["totalCount"], 0);
        assert_eq!(d["tag"]["articleCount"], 3);
        assert_eq!(d["tag"]["articles"]["totalCount"], 3);
        assert_eq!(d["me"], json!(null), "a token is no account");

        let (cache, seen) = app.graphql_cached(Some(&read), &q).await;
        assert_eq!(cache, "off", "{seen}");
        let d = &seen["data"];
        assert_eq!(d["live"]["title"], "Live", "{seen}");
        for hidden in ["draft", "later", "gone"] {
            assert_eq!(d[hidden], json!(null), "a READ token does not see {hidden}");
        }
        assert_eq!(d["articles"]["totalCount"], 1);
        assert_eq!(d["tag"]["articleCount"], 1);

        let (_, anonymous) = app.graphql_cached(None, &q).await;
        assert_eq!(anonymous["data"], seen["data"], "a READ token reads what anonymous readers read");
        let (again, _) = app.graphql_cached(Some(&read), &q).await;
        assert_eq!(again, "off", "a token is not served the anonymous answer now cached");
    }
}
