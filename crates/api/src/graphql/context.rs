//! What resolvers know about the request: who asks, at what instant, and the shared services.

use async_graphql::Context;
use chrono::{DateTime, Utc};
use quire_domain::Viewer;
use quire_domain::audit::Change;
use quire_domain::search::SearchLanguage;
use quire_persistence::store::articles::Visibility;
use quire_persistence::store::audit;
use quire_persistence::{DbConn, Store, StoreError};

use super::loaders::Loaders;
use crate::auth::session::Auth;
use crate::error::ApiError;

/// Per-request facts, attached by the HTTP handler.
pub struct RequestContext {
    /// Who is asking.
    pub viewer: Viewer,
    /// The instant the request is judged at: one value for the whole request, so a scheduled
    /// article cannot be visible in one field and hidden in the next.
    pub now: DateTime<Utc>,
}

/// Shorthands over an async-graphql [`Context`].
pub trait ContextExt {
    /// The request's facts.
    fn request(&self) -> &RequestContext;
    /// The database.
    fn store(&self) -> &Store;
    /// Sessions and token checks.
    fn auth(&self) -> &Auth;
    /// The request's loaders.
    fn loaders(&self) -> &Loaders;
    /// The language searches are read in.
    fn search_language(&self) -> SearchLanguage;
    /// What the viewer may see of the articles.
    fn visibility(&self) -> Visibility {
        let request = self.request();
        Visibility::for_viewer(&request.viewer, request.now)
    }
}

impl ContextExt for Context<'_> {
    fn request(&self) -> &RequestContext {
        self.data_unchecked::<RequestContext>()
    }

    fn store(&self) -> &Store {
        self.data_unchecked::<Store>()
    }

    fn auth(&self) -> &Auth {
        self.data_unchecked::<Auth>()
    }

    fn loaders(&self) -> &Loaders {
        self.data_unchecked::<Loaders>()
    }

    fn search_language(&self) -> SearchLanguage {
        self.data::<SearchLanguage>().copied().unwrap_or_default()
    }
}

/// Runs read-only store code for a resolver; errors come back with their public code.
pub async fn read<T, F>(ctx: &Context<'_>, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConn) -> Result<T, StoreError> + Send + 'static,
    T: Send + 'static,
{
    Ok(ctx.store().read(f).await?)
}

/// Runs a mutation's store code in one transaction, with the audit log's entry for it: who (the
/// viewer), what (the mutation's name), when (the request's instant) and which record, as
/// `describe` reads it off the result. Every data-changing mutation writes through here, so
/// none can change data without leaving its entry, and a write that fails leaves none. Errors
/// come back with their public code.
pub async fn write<T, F, D>(ctx: &Context<'_>, f: F, describe: D) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConn) -> Result<T, StoreError> + Send + 'static,
    D: FnOnce(&T) -> Change + Send + 'static,
    T: Send + 'static,
{
    let request = ctx.request();
    let (actor, at) = (request.viewer.user_id(), request.now);
    let action = ctx.field().name().to_owned();
    let written = ctx
        .store()
        .write(move |conn| {
            let written = f(conn)?;
            audit::record(conn, at, actor, &action, &describe(&written))?;
            Ok(written)
        })
        .await?;
    ctx.loaders().forget();
    Ok(written)
}

/// Parses a GraphQL `ID` argument into a typed id.
pub fn parse_id<T: std::str::FromStr>(field: &str, id: &async_graphql::ID) -> Result<T, ApiError> {
    id.parse().map_err(|_| {
        ApiError::bad_input(
            field,
            format!("`{}` is not an id Quire issued", id.as_str()),
        )
    })
}
