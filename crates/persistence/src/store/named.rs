//! Lists of authors, sources and tags: alphabetical by name, keyset-paginated on (name, id).

/// Builds the paginated, name-ordered list function of a table whose row struct has `id` and
/// `name` fields.
macro_rules! name_ordered_list {
    ($table:ident, $row:ty, $domain:ty, $ordering:literal) => {
        /// The ordering name cursors of this list carry.
        pub const ORDERING: &str = $ordering;

        /// One page of the list, alphabetical by name.
        pub fn list(
            conn: &mut $crate::db::DbConn,
            page: &$crate::page::PageRequest,
        ) -> Result<$crate::page::Page<$domain>, $crate::error::StoreError> {
            use diesel::prelude::*;
            use quire_domain::cursor::{Cursor, SortKey};

            let key = |cursor: &Cursor, field: &'static str| match &cursor.key {
                SortKey::Text(name) => Ok((name.clone(), cursor.id)),
                SortKey::Time(_) | SortKey::Number(_) => Err($crate::error::StoreError::Domain(
                    quire_domain::DomainError::invalid(
                        field,
                        quire_domain::cursor::InvalidCursor.to_string(),
                    ),
                )),
            };
            let mut query = $table::table.into_boxed();
            if let Some(after) = &page.after {
                let (name, id) = key(after, "after")?;
                query = query.filter(
                    $table::name
                        .gt(name.clone())
                        .or($table::name.eq(name).and($table::id.gt(id))),
                );
            }
            if let Some(before) = &page.before {
                let (name, id) = key(before, "before")?;
                query = query.filter(
                    $table::name
                        .lt(name.clone())
                        .or($table::name.eq(name).and($table::id.lt(id))),
                );
            }
            query = if page.from_end {
                query.order_by(($table::name.desc(), $table::id.desc()))
            } else {
                query.order_by(($table::name.asc(), $table::id.asc()))
            };
            let rows: Vec<$row> = query
                .select(<$row>::as_select())
                .limit(i64::try_from(page.limit + 1).unwrap_or(i64::MAX))
                .load(conn)?;
            let page = $crate::page::Page::assemble(page, rows, |row| Cursor {
                ordering: ORDERING.to_owned(),
                key: SortKey::Text(row.name.clone()),
                id: row.id,
            });
            Ok(page.map(<$domain>::from))
        }

        /// How many rows the list holds.
        pub fn count(conn: &mut $crate::db::DbConn) -> Result<i64, $crate::error::StoreError> {
            use diesel::prelude::*;
            Ok($table::table.count().get_result(conn)?)
        }
    };
}

pub(crate) use name_ordered_list;
