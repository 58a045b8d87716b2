//! Search in the languages newsrooms publish in, the same on both backends: stemming for the
//! configured language, accents folded, Chinese found by substring, and a rebuilt index when
//! the language changes.

use chrono::Utc;
use quire_api::Config;
use quire_domain::Role;
use quire_domain::search::{SearchLanguage, SearchQuery};
use quire_harness::on_both_backends;
use quire_persistence::PageRequest;
use quire_persistence::store::articles::{self, ArticleFilter, ArticleOrder, Visibility};

use crate::search::{article, found, snippets};

fn french(config: &mut Config) {
    config.search_language = SearchLanguage::French;
}

on_both_backends! {
    async fn french_folds_accents_and_stems(app: TestApp = french) {
        let editor = app.user(Role::Editor).await;
        article(&app, &editor.token, "Les grèves continuent", "Les dockers sont en grève depuis lundi ; l'économie souffre.", false).await;
        article(&app, &editor.token, "Météo", "Il pleut sur Marseille.", false).await;
        assert_eq!(found(&app, "greves").await, ["Les grèves continuent"]);
        assert_eq!(found(&app, "GRÈVE").await, ["Les grèves continuent"]);
        assert_eq!(found(&app, "economie").await, ["Les grèves continuent"], "elision split off");
        assert_eq!(found(&app, "meteo marseille").await, ["Météo"]);
        assert_eq!(snippets(&app, "greve").await, ["Les dockers sont en <mark>grève</mark> depuis lundi ; l&#39;économie souffre."]);
    }
}

on_both_backends! {
    async fn chinese_words_are_found_inside_sentences(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        article(&app, &editor.token, "码头罢工", "码头工人今天罢工，起重机停止运转。", false).await;
        article(&app, &editor.token, "机械", "重型机械进入港口。", false).await;
        assert_eq!(found(&app, "起重机").await, ["码头罢工"]);
        assert_eq!(found(&app, "重机").await, ["码头罢工"], "any substring");
        assert_eq!(found(&app, "机械").await, ["机械"]);
        assert_eq!(found(&app, "机重").await, Vec::<String>::new(), "characters in order only");
        assert_eq!(snippets(&app, "起重机").await, ["码头工人今天罢工，<mark>起重机</mark>停止运转。"]);
    }
}

on_both_backends! {
    async fn a_new_language_rebuilds_the_index(app: TestApp) {
        let editor = app.user(Role::Editor).await;
        article(&app, &editor.token, "Crise", "Les perspectives économiques s'assombrissent.", false).await;
        let store = app.store().clone();
        let search = |language| {
            let store = store.clone();
            async move {
                let filter = ArticleFilter {
                    search: Some(SearchQuery::parse("economie", language)),
                    ..ArticleFilter::default()
                };
                let page = PageRequest { limit: 10, after: None, before: None, from_end: false };
                store
                    .read(move |conn| articles::list(conn, &filter, ArticleOrder::Relevance, &page, Visibility::Everything, Utc::now()))
                    .await
                    .unwrap()
                    .items
                    .len()
            }
        };
        assert_eq!(search(SearchLanguage::English).await, 0, "English stems économiques and économie apart");
        assert_eq!(articles::ensure_search_index(&store, SearchLanguage::English).await.unwrap(), None, "already English");
        assert_eq!(articles::ensure_search_index(&store, SearchLanguage::French).await.unwrap(), Some(1));
        assert_eq!(search(SearchLanguage::French).await, 1, "French stems them alike");
        assert_eq!(articles::ensure_search_index(&store, SearchLanguage::French).await.unwrap(), None);
    }
}
