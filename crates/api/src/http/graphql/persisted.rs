//! Persisted queries, as Apollo Client and urql send them: a request may carry
//! `extensions.persistedQuery.sha256Hash` instead of its text. The first time, the server does
//! not know the hash and answers `PERSISTED_QUERY_NOT_FOUND`; the client sends the text with the
//! hash once, and from then on the hash alone. Over GET the URL stays short and the same for
//! every reader, so a CDN can cache it.
//!
//! Operations learnt this way are kept in memory, at most [`LEARNT_CAPACITY`] of them, the
//! least recently used going first. Operations registered ahead with `quire queries add` live in
//! the database, are known to every server and are never forgotten. In persisted-only mode
//! (`QUIRE_PERSISTED_ONLY`), callers without a session (anonymous readers and API tokens) may
//! run registered operations only, so the public cannot send the server queries no frontend
//! needs; mutations, which need a session anyway except to sign in, and signed-in staff are not
//! limited.

use std::sync::Arc;

use async_graphql::parser::types::OperationType;
use async_graphql::{Request, ServerError};
use quire_domain::Viewer;
use quire_persistence::Store;
use quire_persistence::store::persisted_queries;
use sha2::{Digest as _, Sha256};

use crate::error::ApiError;

/// Most operations learnt from clients that one server keeps.
pub const LEARNT_CAPACITY: u64 = 5_000;

/// The code of a hash the server does not know; clients answer it by sending the text.
pub const NOT_FOUND: &str = "PERSISTED_QUERY_NOT_FOUND";

/// Operation texts by the SHA-256 of their text.
pub struct PersistedQueries {
    learnt: moka::sync::Cache<String, Arc<str>>,
    registered: moka::sync::Cache<String, Arc<str>>,
    store: Store,
    only_registered: bool,
}

/// The SHA-256 of an operation text as clients compute it: lowercase hex of its UTF-8 bytes.
pub fn hash_of(query: &str) -> String {
    Sha256::digest(query.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The hash to register `text` under, once it is known to be one or more operations Quire can
/// run; otherwise why not. Only the syntax is checked here: a field the schema lacks is
/// reported when the operation is first run.
pub fn registrable(text: &str) -> Result<String, String> {
    let document = async_graphql::parser::parse_query(text).map_err(|e| e.to_string())?;
    let mut operations = document
        .operations
        .iter()
        .map(|(_, op)| op.node.ty)
        .peekable();
    if operations.peek().is_none() {
        return Err("it holds fragments but no operation".to_owned());
    }
    if operations.any(|kind| kind == OperationType::Subscription) {
        return Err("it holds a subscription, which Quire does not serve".to_owned());
    }
    Ok(hash_of(text))
}

impl PersistedQueries {
    /// Persisted queries over `store`; `only_registered` is persisted-only mode.
    pub fn new(store: Store, only_registered: bool) -> Self {
        Self {
            learnt: moka::sync::Cache::new(LEARNT_CAPACITY),
            registered: moka::sync::Cache::new(LEARNT_CAPACITY),
            store,
            only_registered,
        }
    }

    /// Gives `request` its text when it carries only a hash, learns the text when it carries
    /// both, and refuses what persisted-only mode does not allow `viewer` to run.
    pub async fn resolve(&self, request: &mut Request, viewer: &Viewer) -> Result<(), ServerError> {
        let limited = self.only_registered && viewer.user_id().is_none();
        let Some(hash) = requested_hash(request)? else {
            if limited && !is_mutation(request) {
                let hash = hash_of(&request.query);
                if self.registered(&hash).await?.is_none() {
                    return Err(not_registered());
                }
            }
            return Ok(());
        };
        if request.query.is_empty() {
            let known = match self.registered(&hash).await? {
                Some(text) => Some(text),
                None if limited => return Err(not_registered()),
                None => self.learnt.get(&hash),
            };
            let Some(text) = known else {
                let mut error = ServerError::new("PersistedQueryNotFound", None);
                error
                    .extensions
                    .get_or_insert_with(Default::default)
                    .set("code", NOT_FOUND);
                return Err(error);
            };
            request.query = text.to_string();
            return Ok(());
        }
        if hash_of(&request.query) != hash {
            return Err(bad_extension(
                "sha256Hash is not the SHA-256 of the query text; hash the exact text sent",
            ));
        }
        if limited {
            if !is_mutation(request) && self.registered(&hash).await?.is_none() {
                return Err(not_registered());
            }
        } else {
            self.learnt.insert(hash, Arc::from(request.query.as_str()));
        }
        Ok(())
    }

    /// The text registered ahead under `hash`, from memory once read from the database.
    async fn registered(&self, hash: &str) -> Result<Option<Arc<str>>, ServerError> {
        if let Some(text) = self.registered.get(hash) {
            return Ok(Some(text));
        }
        let key = hash.to_owned();
        let found = self
            .store
            .read(move |conn| persisted_queries::find(conn, &key))
            .await
            .map_err(|error| server_error(ApiError::from(error)))?;
        Ok(found.map(|text| {
            let text: Arc<str> = Arc::from(text);
            self.registered.insert(hash.to_owned(), text.clone());
            text
        }))
    }
}

/// The hash a request names, if it uses the persisted-query extension; a malformed extension
/// is the client's error.
fn requested_hash(request: &Request) -> Result<Option<String>, ServerError> {
    let Some(extension) = request.extensions.get("persistedQuery") else {
        return Ok(None);
    };
    let extension = serde_json::to_value(extension).unwrap_or_default();
    if extension.get("version").and_then(serde_json::Value::as_i64) != Some(1) {
        return Err(bad_extension(
            "persistedQuery.version must be 1, the only version Quire speaks",
        ));
    }
    let hash = extension
        .get("sha256Hash")
        .and_then(serde_json::Value::as_str)
        .filter(|hash| hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(|| bad_extension("persistedQuery.sha256Hash must be 64 hexadecimal digits"))?;
    Ok(Some(hash.to_ascii_lowercase()))
}

/// Whether every operation of the request's document is a mutation.
fn is_mutation(request: &mut Request) -> bool {
    request.parsed_query().is_ok_and(|doc| {
        doc.operations
            .iter()
            .all(|(_, op)| op.node.ty == OperationType::Mutation)
    })
}

fn not_registered() -> ServerError {
    server_error(ApiError::Forbidden(
        "this server runs only operations registered ahead (`quire queries add FILE.graphql`); \
         send the hash of a registered operation, or sign in"
            .to_owned(),
    ))
}

fn bad_extension(message: &str) -> ServerError {
    server_error(ApiError::bad_input("extensions", message))
}

fn server_error(error: ApiError) -> ServerError {
    let error = async_graphql::Error::from(error);
    let mut refusal = ServerError::new(error.message, None);
    refusal.extensions = error.extensions;
    refusal
}

#[cfg(test)]
mod tests {
    use super::{hash_of, registrable};

    #[test]
    fn hashes_are_lowercase_hex_of_the_text() {
        assert_eq!(
            hash_of("{ __typename }"),
            "7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b"
        );
    }

    #[test]
    fn only_runnable_documents_register() {
        assert_eq!(registrable("{ __typename }"), Ok(hash_of("{ __typename }")));
        assert!(registrable("query A { a } mutation B { b }").is_ok());
        assert!(registrable("fragment F on Article { id }").is_err());
        assert!(registrable("subscription { a }").is_err());
        assert!(registrable("{ unclosed").is_err());
    }
}
