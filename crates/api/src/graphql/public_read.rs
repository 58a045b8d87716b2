//! `QUIRE_PUBLIC_READ=false` in GraphQL: on a private deployment, a reader without credentials
//! gets UNAUTHENTICATED from every top-level query field that reads content, while signing in
//! (`login`, `refreshToken`, `logout`) keeps working, so there is a way in. Mutations need no
//! gate: each already refuses anonymous callers. Read-only HTTP routes outside GraphQL ask
//! [`crate::auth::session::Auth::reader`] instead.
//!
//! The gate sees every field resolved, so it is installed only on servers that refuse
//! anonymous readers; public servers pay nothing for it.

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo,
};
use async_graphql::{PathSegment, ServerError, ServerResult, Value};
use quire_domain::Viewer;

use super::context::RequestContext;
use crate::auth::session::NO_ANONYMOUS_READERS;
use crate::error::ApiError;

/// Top-level query fields open to anyone: `me` reads no content (it is null without
/// credentials).
const OPEN_QUERY_FIELDS: [&str; 1] = ["me"];

/// Installs the gate on a schema (`SchemaBuilder::extension`) when `QUIRE_PUBLIC_READ` is off.
pub struct PublicReadGate;

impl ExtensionFactory for PublicReadGate {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(PublicReadGate)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for PublicReadGate {
    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        let top_level_read = info.path_node.parent.is_none()
            && info.parent_type == "Query"
            && !info.is_for_introspection
            && !OPEN_QUERY_FIELDS.contains(&info.name);
        let anonymous = ctx
            .data_opt::<RequestContext>()
            .is_some_and(|request| request.viewer == Viewer::Anonymous);
        if top_level_read && anonymous {
            let error =
                async_graphql::Error::from(ApiError::Unauthenticated(NO_ANONYMOUS_READERS.into()));
            let mut refusal = ServerError::new(error.message, None);
            refusal.extensions = error.extensions;
            let field = info.alias.unwrap_or(info.name).to_owned();
            return Err(refusal.with_path(vec![PathSegment::Field(field)]));
        }
        next.run(ctx, info).await
    }
}
