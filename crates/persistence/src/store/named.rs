//! What authors, sources and tags share: lookups by id and slug, slugs derived from names
//! (retried when a concurrent writer takes them first), deletion, and lists alphabetical by
//! name, keyset-paginated on (name, id).

diesel::define_sql_function! {
    /// SQL `lower`, for matching names regardless of case on both backends.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// Builds the shared functions of a table with `id`, `slug` and `name` columns, whose row struct
/// converts into `$domain` and whose id type is `$id`.
macro_rules! named_table {
    ($table:ident, $row:ty, $domain:ty, $id:ty, $what:literal, $ordering:literal) => {
        #[doc = concat!("Looks up one ", $what, " by id.")]
        pub fn by_id(
            conn: &mut $crate::db::DbConn,
            id: $id,
        ) -> Result<Option<$domain>, $crate::error::StoreError> {
            use diesel::prelude::*;
            let row = $table::table
                .find(id.0)
                .select(<$row>::as_select())
                .first(conn)
                .optional()?;
            Ok(row.map(<$domain>::from))
        }

        #[doc = concat!("Looks up one ", $what, " by slug.")]
        pub fn by_slug(
            conn: &mut $crate::db::DbConn,
            slug: &str,
        ) -> Result<Option<$domain>, $crate::error::StoreError> {
            use diesel::prelude::*;
            let row = $table::table
                .filter($table::slug.eq(slug))
                .select(<$row>::as_select())
                .first(conn)
                .optional()?;
            Ok(row.map(<$domain>::from))
        }

        #[doc = concat!("Finds one ", $what, " as a person names it: by slug, else by name in any case. ")]
        /// Importers name things this way, and matching before creating keeps one row per name.
        pub fn by_slug_or_name(
            conn: &mut $crate::db::DbConn,
            given: &str,
        ) -> Result<Option<$domain>, $crate::error::StoreError> {
            use diesel::prelude::*;
            if let Some(found) = by_slug(conn, given)? {
                return Ok(Some(found));
            }
            let row = $table::table
                .filter($crate::store::named::lower($table::name).eq(given.to_lowercase()))
                .order_by($table::id)
                .select(<$row>::as_select())
                .first(conn)
                .optional()?;
            Ok(row.map(<$domain>::from))
        }

        #[doc = concat!("Deletes one ", $what, " nothing refers to; `Conflict` otherwise.")]
        pub fn delete(
            conn: &mut $crate::db::DbConn,
            id: $id,
        ) -> Result<$id, $crate::error::StoreError> {
            use diesel::prelude::*;
            match diesel::delete($table::table.find(id.0)).execute(conn)? {
                0 => Err($crate::error::StoreError::NotFound($what)),
                _ => Ok(id),
            }
        }

        /// Where a new row's slug comes from: the one given, else one derived from the name.
        fn new_slug(given: Option<String>, name: &str) -> $crate::store::slugs::NewSlug {
            match given {
                Some(slug) => $crate::store::slugs::NewSlug::Given(slug),
                None => {
                    $crate::store::slugs::NewSlug::Derived(quire_domain::Slug::from_title(name))
                }
            }
        }

        /// The slugs already stored that start with `base`.
        fn slugs_with_prefix(
            conn: &mut $crate::db::DbConn,
            base: &str,
        ) -> Result<Vec<String>, $crate::error::StoreError> {
            use diesel::prelude::*;
            Ok($table::table
                .filter($table::slug.like($crate::store::slugs::prefix_pattern(base)))
                .select($table::slug)
                .load(conn)?)
        }

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

pub(crate) use named_table;
