//! Users, authors, sources and tags from a bundle, one record at a time. Each kind has one row
//! struct that is read to compare, inserted when new and set when different, so "unchanged"
//! means exactly: every column a bundle carries is as the bundle has it.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use quire_domain::bundle::{
    AuthorRecord, SourceRecord, TagRecord, UNUSABLE_PASSWORD_HASH, UserRecord,
};

use super::super::BundleError;
use super::super::directory::{Directory, Keys};
use super::super::summary::{BundleSummary, KindCounts};
use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::{authors, sources, tags, users};
use crate::time::naive;

/// How a record compares with what is stored under its key.
enum Stored {
    /// Nothing is stored under the key.
    Missing,
    /// The row holds exactly the record's values.
    Same,
    /// The row `id` holds other values.
    Different(i64),
}

impl Stored {
    /// Looks up `key` and, when a row has it, asks `same` whether it matches the record.
    fn compare(
        conn: &mut DbConn,
        keys: &Keys,
        key: &str,
        same: impl FnOnce(&mut DbConn, i64) -> QueryResult<bool>,
    ) -> Result<Self, StoreError> {
        Ok(match keys.id(key) {
            None => Stored::Missing,
            Some(id) if same(conn, id)? => Stored::Same,
            Some(id) => Stored::Different(id),
        })
    }

    /// Counts the record as created, updated or unchanged.
    fn count(&self, counts: &mut KindCounts) {
        match self {
            Stored::Missing => counts.created += 1,
            Stored::Same => counts.unchanged += 1,
            Stored::Different(_) => counts.updated += 1,
        }
    }
}

#[derive(Debug, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = users, treat_none_as_null = true)]
struct UserValues {
    email: String,
    name: String,
    role: String,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// An account. Its password hash is set when the bundle carries one; a new account without one
/// gets a hash no password matches, and an existing one keeps its own.
pub(super) fn user(
    conn: &mut DbConn,
    directory: &mut Directory,
    summary: &mut BundleSummary,
    user: UserRecord,
) -> Result<(), StoreError> {
    let values = UserValues {
        email: user.email,
        name: user.name,
        role: user.role.as_str().to_owned(),
        created_at: naive(user.created_at),
        updated_at: naive(user.updated_at),
    };
    let hash = user.password_hash.as_deref();
    let stored = Stored::compare(conn, &directory.users, &values.email, |conn, id| {
        let (stored, stored_hash): (UserValues, String) = users::table
            .find(id)
            .select((UserValues::as_select(), users::password_hash))
            .first(conn)?;
        // A bundle without hashes says nothing about them: the stored one stands.
        Ok(stored == values && hash.is_none_or(|hash| hash == stored_hash))
    })?;
    match stored {
        Stored::Missing => {
            if hash.is_none() {
                summary.users_without_password += 1;
            }
            let id = diesel::insert_into(users::table)
                .values((
                    &values,
                    users::password_hash.eq(hash.unwrap_or(UNUSABLE_PASSWORD_HASH)),
                ))
                .returning(users::id)
                .get_result(conn)?;
            directory.users.insert(values.email.clone(), id);
        }
        Stored::Same => {}
        Stored::Different(id) => {
            let row = users::table.find(id);
            match hash {
                Some(hash) => diesel::update(row)
                    .set((&values, users::password_hash.eq(hash)))
                    .execute(conn)?,
                None => diesel::update(row).set(&values).execute(conn)?,
            };
        }
    }
    stored.count(&mut summary.users);
    Ok(())
}

#[derive(Debug, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = authors, treat_none_as_null = true)]
struct AuthorValues {
    slug: String,
    name: String,
    bio: Option<String>,
    avatar_url: Option<String>,
    url: Option<String>,
    user_id: Option<i64>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// An author; its account must come earlier in the bundle or be stored already.
pub(super) fn author(
    conn: &mut DbConn,
    directory: &mut Directory,
    summary: &mut BundleSummary,
    line: u64,
    author: AuthorRecord,
) -> Result<(), StoreError> {
    let user_id = match &author.user {
        None => None,
        Some(email) => Some(directory.users.id(email).ok_or_else(|| {
            BundleError::at(
                line,
                format!(
                    "author {:?} names the user {email:?}, who is neither earlier in this bundle nor stored",
                    author.slug
                ),
            )
        })?),
    };
    let values = AuthorValues {
        slug: author.slug,
        name: author.name,
        bio: author.bio,
        avatar_url: author.avatar_url,
        url: author.url,
        user_id,
        created_at: naive(author.created_at),
        updated_at: naive(author.updated_at),
    };
    let stored = Stored::compare(conn, &directory.authors, &values.slug, |conn, id| {
        let stored: AuthorValues = authors::table
            .find(id)
            .select(AuthorValues::as_select())
            .first(conn)?;
        Ok(stored == values)
    })?;
    match stored {
        Stored::Missing => {
            let id = diesel::insert_into(authors::table)
                .values(&values)
                .returning(authors::id)
                .get_result(conn)?;
            directory.authors.insert(values.slug.clone(), id);
        }
        Stored::Same => {}
        Stored::Different(id) => {
            diesel::update(authors::table.find(id))
                .set(&values)
                .execute(conn)?;
        }
    }
    stored.count(&mut summary.authors);
    Ok(())
}

#[derive(Debug, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = sources, treat_none_as_null = true)]
struct SourceValues {
    slug: String,
    name: String,
    url: Option<String>,
    country: Option<String>,
    license: Option<String>,
    attribution_text: Option<String>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// A source.
pub(super) fn source(
    conn: &mut DbConn,
    directory: &mut Directory,
    summary: &mut BundleSummary,
    source: SourceRecord,
) -> Result<(), StoreError> {
    let values = SourceValues {
        slug: source.slug,
        name: source.name,
        url: source.url,
        country: source.country,
        license: source.license,
        attribution_text: source.attribution_text,
        created_at: naive(source.created_at),
        updated_at: naive(source.updated_at),
    };
    let stored = Stored::compare(conn, &directory.sources, &values.slug, |conn, id| {
        let stored: SourceValues = sources::table
            .find(id)
            .select(SourceValues::as_select())
            .first(conn)?;
        Ok(stored == values)
    })?;
    match stored {
        Stored::Missing => {
            let id = diesel::insert_into(sources::table)
                .values(&values)
                .returning(sources::id)
                .get_result(conn)?;
            directory.sources.insert(values.slug.clone(), id);
        }
        Stored::Same => {}
        Stored::Different(id) => {
            diesel::update(sources::table.find(id))
                .set(&values)
                .execute(conn)?;
        }
    }
    stored.count(&mut summary.sources);
    Ok(())
}

#[derive(Debug, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = tags, treat_none_as_null = true)]
struct TagValues {
    slug: String,
    name: String,
    name_key: String,
    description: Option<String>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// A tag; its name, in any case, must not belong to a tag with another slug.
pub(super) fn tag(
    conn: &mut DbConn,
    directory: &mut Directory,
    summary: &mut BundleSummary,
    line: u64,
    tag: TagRecord,
) -> Result<(), StoreError> {
    let values = TagValues {
        name_key: tag.name.to_lowercase(),
        slug: tag.slug,
        name: tag.name,
        description: tag.description,
        created_at: naive(tag.created_at),
        updated_at: naive(tag.updated_at),
    };
    let stored = Stored::compare(conn, &directory.tags, &values.slug, |conn, id| {
        let stored: TagValues = tags::table
            .find(id)
            .select(TagValues::as_select())
            .first(conn)?;
        Ok(stored == values)
    })?;
    if !matches!(stored, Stored::Same) {
        let holder: Option<String> = tags::table
            .filter(tags::name_key.eq(&values.name_key))
            .filter(tags::slug.ne(&values.slug))
            .select(tags::slug)
            .first(conn)
            .optional()?;
        if let Some(holder) = holder {
            return Err(BundleError::at(
                line,
                format!(
                    "tag {:?}: the name {:?} belongs to the tag {holder:?} already (tag names are \
                     unique regardless of case); rename one of them",
                    values.slug, values.name
                ),
            )
            .into());
        }
    }
    match stored {
        Stored::Missing => {
            let id = diesel::insert_into(tags::table)
                .values(&values)
                .returning(tags::id)
                .get_result(conn)?;
            directory.tags.insert(values.slug.clone(), id);
        }
        Stored::Same => {}
        Stored::Different(id) => {
            diesel::update(tags::table.find(id))
                .set(&values)
                .execute(conn)?;
        }
    }
    stored.count(&mut summary.tags);
    Ok(())
}
