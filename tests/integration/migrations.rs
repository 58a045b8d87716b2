//! Migrations go both ways: up, down and up again leaves exactly the schema of the first up.

use diesel::prelude::*;
use diesel::sql_types::Text;
use quire_harness::{Backend, TestDatabase};
use quire_persistence::{DbConn, migrate};

#[derive(QueryableByName, PartialEq, Debug)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

fn schema(conn: &mut DbConn) -> Vec<String> {
    let query = match conn {
        DbConn::Sqlite(_) => {
            "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') AS line FROM sqlite_master \
             WHERE name NOT LIKE 'sqlite_%' AND name <> '__diesel_schema_migrations' ORDER BY line"
        }
        DbConn::Postgres(_) => {
            "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS line \
             FROM information_schema.columns WHERE table_schema = 'public' \
             AND table_name <> '__diesel_schema_migrations' \
             UNION ALL SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' \
             AND tablename <> '__diesel_schema_migrations' ORDER BY line"
        }
    };
    diesel::sql_query(query)
        .load::<Line>(conn)
        .unwrap()
        .into_iter()
        .map(|l| l.line)
        .collect()
}

fn round_trip(backend: Backend) {
    let db = TestDatabase::create(backend);
    let mut conn = db.url().connect().unwrap();
    migrate::run_pending(&mut conn).unwrap();
    let first = schema(&mut conn);
    assert!(first.iter().any(|l| l.contains("articles")), "{first:?}");
    migrate::revert_all(&mut conn).unwrap();
    assert_eq!(
        schema(&mut conn),
        Vec::<String>::new(),
        "down removes everything"
    );
    migrate::run_pending(&mut conn).unwrap();
    assert_eq!(schema(&mut conn), first);
}

#[test]
fn sqlite_migrations_round_trip() {
    round_trip(Backend::Sqlite);
}

#[test]
fn postgres_migrations_round_trip() {
    round_trip(Backend::Postgres);
}
