//! The keys of the small kinds (users by email; authors, sources and tags by slug) and their
//! ids, both ways, held in memory for a whole export or import. Bundles name rows by key and
//! the tables link them by id, so every record needs these translations; a newsroom has
//! hundreds of these rows, not millions, so one query per kind replaces one per reference.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::{authors, sources, tags, users};

/// One kind's keys and ids.
#[derive(Debug, Default)]
pub(crate) struct Keys {
    ids: HashMap<String, i64>,
    keys: HashMap<i64, String>,
}

impl Keys {
    fn from_rows(rows: Vec<(i64, String)>) -> Self {
        let mut keys = Keys::default();
        for (id, key) in rows {
            keys.insert(key, id);
        }
        keys
    }

    /// The id stored under `key`.
    pub(crate) fn id(&self, key: &str) -> Option<i64> {
        self.ids.get(key).copied()
    }

    /// The key of the row `id`.
    pub(crate) fn key(&self, id: i64) -> Option<&str> {
        self.keys.get(&id).map(String::as_str)
    }

    /// Records a row just created.
    pub(crate) fn insert(&mut self, key: String, id: i64) {
        self.keys.insert(id, key.clone());
        self.ids.insert(key, id);
    }
}

/// Keys and ids of every user, author, source and tag.
#[derive(Debug, Default)]
pub(crate) struct Directory {
    /// Users by email.
    pub users: Keys,
    /// Authors by slug.
    pub authors: Keys,
    /// Sources by slug.
    pub sources: Keys,
    /// Tags by slug.
    pub tags: Keys,
}

impl Directory {
    /// Reads every key, four statements in all.
    pub(crate) fn load(conn: &mut DbConn) -> Result<Self, StoreError> {
        Ok(Directory {
            users: Keys::from_rows(users::table.select((users::id, users::email)).load(conn)?),
            authors: Keys::from_rows(
                authors::table
                    .select((authors::id, authors::slug))
                    .load(conn)?,
            ),
            sources: Keys::from_rows(
                sources::table
                    .select((sources::id, sources::slug))
                    .load(conn)?,
            ),
            tags: Keys::from_rows(tags::table.select((tags::id, tags::slug)).load(conn)?),
        })
    }
}

/// The key of a row a stored link points at, which exists unless the database was edited
/// outside Quire.
pub(crate) fn key_of<'a>(keys: &'a Keys, id: i64, what: &str) -> Result<&'a str, StoreError> {
    keys.key(id)
        .ok_or_else(|| StoreError::Corrupt(format!("a link points at {what} {id}, which is gone")))
}
