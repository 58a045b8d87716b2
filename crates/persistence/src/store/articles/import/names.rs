//! Matching the names a file gives to stored authors, sources and tags, creating what is
//! missing. An import run remembers what it matched, so a name costs one lookup per run
//! rather than one per article: archives name the same few people and tags thousands of times.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::{
    Author, AuthorFields, AuthorId, AuthorReference, Source, SourceFields, SourceId,
    SourceReference,
};

use crate::db::DbConn;
use crate::error::StoreError;
use crate::schema::tags;
use crate::store::{authors, sources};

/// What one import run has matched so far, by the name as a file gives it (in lower case).
#[derive(Debug, Clone, Default)]
pub struct KnownNames {
    authors: HashMap<String, Author>,
    sources: HashMap<String, Source>,
    tags: HashMap<String, String>,
    /// Keys learnt since the last [`KnownNames::settle`], forgotten if that work is undone.
    unsettled: Vec<Key>,
}

#[derive(Debug, Clone)]
enum Key {
    Author(String),
    Source(String),
    Tag(String),
}

impl KnownNames {
    /// Ends one document's work: what it matched or created is remembered when `kept`, and
    /// forgotten when its savepoint was rolled back, since those rows may no longer exist.
    pub fn settle(&mut self, kept: bool) {
        for key in self.unsettled.drain(..) {
            if kept {
                continue;
            }
            match key {
                Key::Author(k) => {
                    self.authors.remove(&k);
                }
                Key::Source(k) => {
                    self.sources.remove(&k);
                }
                Key::Tag(k) => {
                    self.tags.remove(&k);
                }
            }
        }
    }

    /// The byline's author ids, creating authors no stored one matches, and giving a matched
    /// author without a biography the one the file carries.
    pub(super) fn authors(
        &mut self,
        conn: &mut DbConn,
        given: &[AuthorReference],
        now: DateTime<Utc>,
    ) -> Result<Vec<AuthorId>, StoreError> {
        let mut ids = Vec::with_capacity(given.len());
        for reference in given {
            let name = reference.name.trim();
            let key = name.to_lowercase();
            let known = match self.authors.get(&key) {
                Some(author) => Some(author.clone()),
                None => authors::by_slug_or_name(conn, name)?,
            };
            let author = match known {
                Some(found) if found.bio.is_none() && reference.bio.is_some() => {
                    let fields = AuthorFields {
                        name: found.name,
                        slug: None,
                        bio: reference.bio.clone(),
                        avatar_url: found.avatar_url,
                        url: found.url,
                        user_id: found.user_id,
                    }
                    .validated()
                    .map_err(|e| e.within("authors"))?;
                    authors::update(conn, found.id, fields, now)?
                }
                Some(found) => found,
                None => {
                    let fields = AuthorFields {
                        name: name.to_owned(),
                        slug: None,
                        bio: reference.bio.clone(),
                        avatar_url: None,
                        url: None,
                        user_id: None,
                    }
                    .validated()
                    .map_err(|e| e.within("authors"))?;
                    authors::create(conn, fields, now)?
                }
            };
            if !ids.contains(&author.id) {
                ids.push(author.id);
            }
            if self.authors.get(&key) != Some(&author) {
                self.authors.insert(key.clone(), author);
                self.unsettled.push(Key::Author(key));
            }
        }
        Ok(ids)
    }

    /// The source's id, created when no stored source matches, and given the file's country
    /// when it had none.
    pub(super) fn source(
        &mut self,
        conn: &mut DbConn,
        given: Option<&SourceReference>,
        now: DateTime<Utc>,
    ) -> Result<Option<SourceId>, StoreError> {
        let Some(reference) = given else {
            return Ok(None);
        };
        let name = reference.name.trim();
        let key = name.to_lowercase();
        let known = match self.sources.get(&key) {
            Some(source) => Some(source.clone()),
            None => sources::by_slug_or_name(conn, name)?,
        };
        let source = match known {
            Some(found) if found.country.is_none() && reference.country.is_some() => {
                let fields = SourceFields {
                    name: found.name,
                    slug: None,
                    url: found.url,
                    country: reference.country.clone(),
                    license: found.license,
                    attribution_text: found.attribution_text,
                }
                .validated()
                .map_err(|e| e.within("source"))?;
                sources::update(conn, found.id, fields, now)?
            }
            Some(found) => found,
            None => {
                let fields = SourceFields {
                    name: name.to_owned(),
                    slug: None,
                    url: None,
                    country: reference.country.clone(),
                    license: None,
                    attribution_text: None,
                }
                .validated()
                .map_err(|e| e.within("source"))?;
                sources::create(conn, fields, now)?
            }
        };
        let id = source.id;
        if self.sources.get(&key) != Some(&source) {
            self.sources.insert(key.clone(), source);
            self.unsettled.push(Key::Source(key));
        }
        Ok(Some(id))
    }

    /// Tag names for the article: a value that is a stored tag's slug stands for that tag's
    /// name; anything else is a name, created with the article if new.
    pub(super) fn tags(
        &mut self,
        conn: &mut DbConn,
        given: &[String],
    ) -> Result<Vec<String>, StoreError> {
        let mut names: Vec<String> = Vec::with_capacity(given.len());
        for value in given {
            let value = value.trim();
            let key = value.to_lowercase();
            let name = match self.tags.get(&key) {
                Some(name) => name.clone(),
                None => {
                    let by_slug: Option<String> = tags::table
                        .filter(tags::slug.eq(value))
                        .select(tags::name)
                        .first(conn)
                        .optional()?;
                    let name = by_slug.unwrap_or_else(|| value.to_owned());
                    self.tags.insert(key.clone(), name.clone());
                    self.unsettled.push(Key::Tag(key));
                    name
                }
            };
            if !names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase())
            {
                names.push(name);
            }
        }
        Ok(names)
    }
}
