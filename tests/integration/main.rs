//! Black-box tests: each starts a real server on a random port with a fresh database, on SQLite
//! and on PostgreSQL, and speaks HTTP to it.

#![expect(
    clippy::unwrap_used,
    reason = "a failed unwrap fails the test, which is its purpose"
)]

mod api_tokens;
mod audit_log;
mod auth;
mod author_accounts;
mod bad_input;
mod browser_safety;
mod bundle;
mod cache;
mod canonical_url;
mod concurrency;
mod content;
mod control_characters;
mod corrections;
mod editorial;
mod feeds;
mod filters;
mod graphql_http;
mod health;
mod http_caching;
mod http_limits;
mod limits;
mod migrations;
mod pagination;
mod persisted_queries;
mod races;
mod related;
mod resilience;
mod rest;
mod revision_history;
mod rights_expiry;
mod roles;
mod schema;
mod search;
mod search_languages;
mod sitemaps;
mod slug_history;
mod source_terms;
mod statements;
mod test_server;
mod trash;
mod visibility;
