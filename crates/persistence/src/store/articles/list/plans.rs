//! The public lists read PostgreSQL through an index: each list statement is run exactly as
//! [`super::list`] builds it, over a catalogue large enough that reading the whole table would
//! be the planner's worst choice, and the plan PostgreSQL keeps for it is asked for through
//! `EXPLAIN EXECUTE`. Connections plan each prepared statement once, without its parameters'
//! values (see `DatabaseUrl::connect`), so that is the plan explained: no plan may scan
//! `articles` from end to end, and a list limited to one tag, author or source must be read
//! along that one's own index, which serves filter and order together, rather than walk every
//! live article in search of its few. A new filter, ordering or visibility rule that loses the
//! index fails here rather than in production, where it would only show as pages slowing down
//! as the archive grows.

use chrono::{DateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use quire_domain::{AuthorId, SourceId, TagId};

use super::{
    ArticleFilter, ArticleOrder, ArticleRow, Backend, Conditions, Db, DbConn, Ordering, Reading,
    Visibility, along_link, filtered,
};
use crate::db::DatabaseUrl;
use crate::page::PageRequest;

/// A statement written out in full whose rows are one text column each, sent unprepared so
/// that the connection's prepared statements are the list's alone.
struct Text(String);

impl QueryFragment<Db> for Text {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Db>) -> QueryResult<()> {
        out.unsafe_to_cache_prepared();
        out.push_sql(&self.0);
        Ok(())
    }
}

impl QueryId for Text {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for Text {
    type SqlType = diesel::sql_types::Text;
}

impl RunQueryDsl<DbConn> for Text {}

/// A fresh PostgreSQL database on the test server, dropped at the end.
struct Scratch {
    admin: String,
    name: String,
    url: DatabaseUrl,
}

impl Scratch {
    fn create() -> (Self, DbConn) {
        let admin = std::env::var("QUIRE_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let name = format!(
            "quire_plans_{}_{}",
            std::process::id(),
            Utc::now().timestamp_micros()
        );
        let mut server = DatabaseUrl::parse(&admin)
            .expect("a PostgreSQL URL")
            .connect()
            .unwrap_or_else(|e| panic!("PostgreSQL at {admin} is needed for plan tests: {e}"));
        server
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create the scratch database");
        let (base, _) = admin.rsplit_once('/').expect("a URL with a database");
        let url = DatabaseUrl::parse(&format!("{base}/{name}")).expect("a PostgreSQL URL");
        let mut conn = url.connect().expect("connect to the scratch database");
        crate::migrate::run_pending(&mut conn).expect("migrations");
        (Self { admin, name, url }, conn)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Ok(Ok(mut server)) = DatabaseUrl::parse(&self.admin).map(|url| url.connect()) {
            let _ = server.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// Twenty thousand articles, three quarters published over the past years, across 200 tags,
/// 100 authors and 40 sources, with fresh planner statistics.
const CATALOGUE: &str = "
    INSERT INTO sources (slug, name, created_at, updated_at)
    SELECT 'source-' || n, 'Source ' || n, now(), now() FROM generate_series(1, 40) n;
    INSERT INTO tags (slug, name, name_key, created_at, updated_at)
    SELECT 'tag-' || n, 'Tag ' || n, 'tag ' || n, now(), now() FROM generate_series(1, 200) n;
    INSERT INTO authors (slug, name, created_at, updated_at)
    SELECT 'author-' || n, 'Author ' || n, now(), now() FROM generate_series(1, 100) n;
    INSERT INTO articles (slug, title, excerpt, excerpt_is_custom, body, body_html, word_count,
        status, published_at, sort_at, source_id, created_at, updated_at, version)
    SELECT 'story-' || n, 'Story ' || n, 'Excerpt', false, repeat('Body text. ', 80), '<p>Body</p>',
        160, CASE WHEN n % 4 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END,
        CASE WHEN n % 4 = 0 THEN NULL ELSE now() - n * interval '1 hour' END,
        now() - n * interval '1 hour', 1 + n % 40, now(), now(), 1
    FROM generate_series(1, 20000) n;
    INSERT INTO article_tags (article_id, tag_id, position)
    SELECT id, 1 + (id * 7 + k * 13) % 200, k FROM articles, generate_series(0, 2) k;
    INSERT INTO article_authors (article_id, author_id, position)
    SELECT id, 1 + id % 100, 0 FROM articles;
    ANALYZE;
";

/// Runs the first page of `filter` as `viewer` sees it, newest first, by the same path
/// [`super::list`] takes, on a connection of its own.
fn run_list(conn: &mut DbConn, name: &str, filter: &ArticleFilter, visibility: Visibility) {
    let order = ArticleOrder::PublishedAtDesc;
    let rows: Vec<(ArticleRow, f64)> = match along_link::OneLink::of(filter, order) {
        Some(link) => {
            let conditions = Conditions {
                backend: Backend::Postgres,
                reading: Reading::AlongTheOrdering,
                visibility,
                now: now(),
                read_along: link.read_along(),
            };
            let page = PageRequest {
                limit: 20,
                after: None,
                before: None,
                from_end: false,
            };
            along_link::rows(conn, link, filter, &conditions, order, &page)
                .expect("a page along the links")
        }
        None => {
            let ordering = Ordering {
                order,
                backend: Backend::Postgres,
                search: None,
            };
            let filtered = filtered(
                Backend::Postgres,
                Reading::AlongTheOrdering,
                filter,
                visibility,
                now(),
            );
            ordering
                .apply(filtered, false)
                .select((ArticleRow::as_select(), ordering.score()))
                .limit(21)
                .load(conn)
                .expect("the list")
        }
    };
    assert!(
        !rows.is_empty(),
        "the catalogue has no article for the {name}"
    );
}

/// The plan PostgreSQL keeps for the one statement this connection prepared, after checking
/// that it was planned without the parameters' values, as every connection plans it.
fn kept_plan(conn: &mut DbConn) -> String {
    let prepared: Vec<String> = Text(
        "SELECT name || ' ' || cardinality(parameter_types) || ' ' || generic_plans || ' ' \
           || custom_plans FROM pg_prepared_statements"
            .to_owned(),
    )
    .load(conn)
    .expect("the prepared statements");
    let [statement] = prepared.as_slice() else {
        panic!("one prepared statement per list, found {prepared:?}");
    };
    let fields: Vec<&str> = statement.split(' ').collect();
    let [name, parameters, generic, custom] = fields[..] else {
        panic!("unexpected row {statement}");
    };
    assert_eq!(
        (generic, custom),
        ("1", "0"),
        "{name} was planned for its parameters' values"
    );
    let count: usize = parameters.parse().expect("a count");
    let nulls = vec!["NULL"; count].join(", ");
    Text(format!("EXPLAIN EXECUTE {name}({nulls})"))
        .load::<String>(conn)
        .expect("EXPLAIN EXECUTE")
        .join("\n")
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

#[test]
fn public_lists_never_scan_the_articles_table() {
    let (scratch, mut conn) = Scratch::create();
    conn.batch_execute(CATALOGUE).expect("the catalogue");
    let lists = [
        (
            "home page",
            ArticleFilter::default(),
            Some("articles_live_idx"),
        ),
        (
            "tag page",
            ArticleFilter {
                tags: Some(vec!["tag-17".to_owned()]),
                ..ArticleFilter::default()
            },
            Some("article_tags_recent_idx"),
        ),
        (
            "several tags",
            ArticleFilter {
                tags: Some(vec!["tag-17".to_owned(), "tag-18".to_owned()]),
                ..ArticleFilter::default()
            },
            None,
        ),
        (
            "Tag.articles",
            ArticleFilter {
                tag_id: Some(TagId(17)),
                ..ArticleFilter::default()
            },
            Some("article_tags_recent_idx"),
        ),
        (
            "author page",
            ArticleFilter {
                author: Some("author-6".to_owned()),
                ..ArticleFilter::default()
            },
            Some("article_authors_recent_idx"),
        ),
        (
            "Author.articles",
            ArticleFilter {
                author_id: Some(AuthorId(6)),
                ..ArticleFilter::default()
            },
            Some("article_authors_recent_idx"),
        ),
        (
            "source page",
            ArticleFilter {
                source: Some("source-3".to_owned()),
                ..ArticleFilter::default()
            },
            Some("articles_source_idx"),
        ),
        (
            "Source.articles",
            ArticleFilter {
                source_id: Some(SourceId(3)),
                ..ArticleFilter::default()
            },
            Some("articles_source_idx"),
        ),
    ];
    for (name, filter, index) in lists {
        let mut conn = scratch.url.connect().expect("a connection");
        run_list(&mut conn, name, &filter, Visibility::Public(now()));
        let plan = kept_plan(&mut conn);
        assert!(
            !plan.contains("Seq Scan on articles"),
            "{name} scans the whole articles table:\n{plan}"
        );
        if let Some(index) = index {
            assert!(
                plan.contains(&format!(" using {index} on ")),
                "{name} is not read along {index}:\n{plan}"
            );
        }
    }
}
