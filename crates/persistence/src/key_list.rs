//! "This column is one of these keys", written so a statement holding it can be prepared once
//! per connection and planned well on both backends.
//!
//! Diesel's `eq_any` writes `IN (?, ?, …)` on SQLite, one placeholder per key, so SQLite
//! compiles the statement afresh for every length, and the statement cache refuses it. On
//! PostgreSQL it writes `= ANY($1)`, which is prepared but, for a single key, replanned on every
//! call: planning a generic statement, PostgreSQL guesses an array parameter holds about ten
//! keys, so the generic plan always looks dearer than a custom plan for one key, and it never
//! switches. Loading one article's relations, the most common read, paid that planning each
//! time.
//!
//! [`one_of`] writes one key as `column = ?`, a plan every backend settles on, and several as
//! one text parameter: `= ANY(CAST(? AS BIGINT[]))` on PostgreSQL, `IN (SELECT value FROM
//! json_each(?))` on SQLite. Either way the statement's text depends only on whether there is
//! one key or several, so a statement cache holds at most two versions of it.

use diesel::backend::Backend;
use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::result::QueryResult;
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, Bool, HasSqlType, Text};
use diesel::sqlite::Sqlite;

use crate::db::Db;

/// The keys of a list: numeric ids, or texts such as slugs.
#[derive(Debug, Clone)]
pub(crate) enum Keys {
    /// Row ids, bound as BIGINT.
    Ids(Vec<i64>),
    /// Texts, bound as TEXT.
    Texts(Vec<String>),
}

/// `column` equals one of the keys; no row when there are none. Built by [`one_of`].
#[derive(Debug, Clone)]
pub(crate) struct OneOf<C> {
    column: C,
    keys: Keys,
    /// The keys as a PostgreSQL array literal, for several keys.
    array: String,
    /// The keys as a JSON array, for several keys on SQLite.
    json: String,
}

/// What can be a key of a list.
pub(crate) trait ListKey {
    /// The keys, kept as the statement binds them.
    fn keys(list: Vec<Self>) -> Keys
    where
        Self: Sized;
}

impl ListKey for i64 {
    fn keys(list: Vec<Self>) -> Keys {
        Keys::Ids(list)
    }
}

impl ListKey for String {
    fn keys(list: Vec<Self>) -> Keys {
        Keys::Texts(list)
    }
}

/// `column` equals one of `keys`, as a condition every backend prepares once.
pub(crate) fn one_of<C, K: ListKey>(column: C, keys: Vec<K>) -> OneOf<C> {
    let keys = K::keys(keys);
    let (array, json) = match &keys {
        Keys::Ids(ids) => {
            let joined = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            (format!("{{{joined}}}"), format!("[{joined}]"))
        }
        Keys::Texts(texts) => (
            format!(
                "{{{}}}",
                texts
                    .iter()
                    .map(|text| array_element(text))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            serde_json::Value::from(texts.clone()).to_string(),
        ),
    };
    OneOf {
        column,
        keys,
        array,
        json,
    }
}

/// A text as an element of a PostgreSQL array literal: double-quoted, with quotes and
/// backslashes escaped, so no text can end the element or the array early.
fn array_element(text: &str) -> String {
    let mut element = String::with_capacity(text.len() + 2);
    element.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            element.push('\\');
        }
        element.push(c);
    }
    element.push('"');
    element
}

impl<C> Expression for OneOf<C> {
    type SqlType = Bool;
}

impl<C: AppearsOnTable<QS>, QS> AppearsOnTable<QS> for OneOf<C> {}

impl<C: SelectableExpression<QS>, QS> SelectableExpression<QS> for OneOf<C> {}

impl<C, GB> ValidGrouping<GB> for OneOf<C> {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

impl<C> QueryId for OneOf<C> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<C> OneOf<C> {
    /// Writes the condition in PostgreSQL's dialect or in SQLite's.
    fn walk<'b, DB>(&'b self, mut out: AstPass<'_, 'b, DB>, postgres: bool) -> QueryResult<()>
    where
        DB: Backend + HasSqlType<BigInt> + HasSqlType<Text>,
        C: QueryFragment<DB>,
        i64: ToSql<BigInt, DB>,
        String: ToSql<Text, DB>,
    {
        let count = match &self.keys {
            Keys::Ids(ids) => ids.len(),
            Keys::Texts(texts) => texts.len(),
        };
        if count == 0 {
            out.push_sql("1 = 0");
            return Ok(());
        }
        out.push_sql("(");
        self.column.walk_ast(out.reborrow())?;
        match (&self.keys, count) {
            (Keys::Ids(ids), 1) => {
                out.push_sql(" = ");
                out.push_bind_param::<BigInt, _>(&ids[0])?;
            }
            (Keys::Texts(texts), 1) => {
                out.push_sql(" = ");
                out.push_bind_param::<Text, _>(&texts[0])?;
            }
            (keys, _) if postgres => {
                out.push_sql(" = ANY(CAST(");
                out.push_bind_param::<Text, _>(&self.array)?;
                out.push_sql(match keys {
                    Keys::Ids(_) => " AS BIGINT[]))",
                    Keys::Texts(_) => " AS TEXT[]))",
                });
            }
            _ => {
                out.push_sql(" IN (SELECT value FROM json_each(");
                out.push_bind_param::<Text, _>(&self.json)?;
                out.push_sql("))");
            }
        }
        out.push_sql(")");
        Ok(())
    }
}

impl<C: QueryFragment<Db>> QueryFragment<Db> for OneOf<C> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Db>) -> QueryResult<()> {
        let postgres = matches!(out.backend(), Db::Postgres(_));
        self.walk(out, postgres)
    }
}

/// Written out for PostgreSQL alone when inside a subquery, which diesel renders per backend.
impl<C: QueryFragment<Pg>> QueryFragment<Pg> for OneOf<C> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.walk(out, true)
    }
}

/// Written out for SQLite alone when inside a subquery, which diesel renders per backend.
impl<C: QueryFragment<Sqlite>> QueryFragment<Sqlite> for OneOf<C> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        self.walk(out, false)
    }
}

#[cfg(test)]
mod tests {
    use diesel::prelude::*;
    use diesel::query_builder::QueryFragment;

    use super::one_of;
    use crate::db::Db;
    use crate::schema::{articles, tags};

    fn sql<Q: QueryFragment<diesel::pg::Pg> + QueryFragment<diesel::sqlite::Sqlite>>(
        query: &Q,
    ) -> (String, String) {
        let pg = diesel::debug_query::<diesel::pg::Pg, _>(query).to_string();
        let sqlite = diesel::debug_query::<diesel::sqlite::Sqlite, _>(query).to_string();
        (pg, sqlite)
    }

    /// The text depends only on whether there is one key or several, and the statement cache
    /// takes either: that is the point of the expression.
    #[test]
    fn one_key_and_many_keys_each_have_one_preparable_text() {
        let one = articles::table
            .filter(one_of(articles::id, vec![7_i64]))
            .select(articles::id);
        let many = articles::table
            .filter(one_of(articles::id, vec![7_i64, 8, 9]))
            .select(articles::id);
        let more = articles::table
            .filter(one_of(articles::id, vec![1_i64, 2, 3, 4, 5]))
            .select(articles::id);
        let (one_pg, one_sqlite) = sql(&one);
        assert!(one_pg.contains(r#"("articles"."id" = $1)"#), "{one_pg}");
        assert!(
            one_sqlite.contains(r#"(`articles`.`id` = ?)"#),
            "{one_sqlite}"
        );
        let (many_pg, many_sqlite) = sql(&many);
        assert!(
            many_pg.contains(r#"= ANY(CAST($1 AS BIGINT[]))"#) && many_pg.contains("{7,8,9}"),
            "{many_pg}"
        );
        assert!(
            many_sqlite.contains("IN (SELECT value FROM json_each(?))")
                && many_sqlite.contains("[7,8,9]"),
            "{many_sqlite}"
        );
        let text = |s: &str| s.split(" -- ").next().unwrap_or_default().to_owned();
        let (more_pg, more_sqlite) = sql(&more);
        assert_eq!(text(&many_pg), text(&more_pg));
        assert_eq!(text(&many_sqlite), text(&more_sqlite));
        for backend in [
            Db::Postgres(diesel::pg::Pg),
            Db::Sqlite(diesel::sqlite::Sqlite),
        ] {
            for query in [&one as &dyn QueryFragment<Db>, &many] {
                assert!(query.is_safe_to_cache_prepared(&backend).unwrap_or(false));
            }
        }
    }

    #[test]
    fn no_key_matches_nothing() {
        let none = tags::table
            .filter(one_of(tags::slug, Vec::<String>::new()))
            .select(tags::id);
        let (pg, sqlite) = sql(&none);
        assert!(pg.contains("WHERE 1 = 0"), "{pg}");
        assert!(sqlite.contains("WHERE 1 = 0"), "{sqlite}");
    }

    #[test]
    fn texts_cannot_end_their_element_early() {
        let hostile = one_of(
            tags::slug,
            vec![r#"a","b"#.to_owned(), r"c\".to_owned(), "{d}".to_owned()],
        );
        assert_eq!(hostile.array, r#"{"a\",\"b","c\\","{d}"}"#);
        assert_eq!(hostile.json, r#"["a\",\"b","c\\","{d}"]"#);
    }
}
