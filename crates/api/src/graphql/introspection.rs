//! Turning introspection off (`QUIRE_INTROSPECTION=false`) with an error that says so.
//! async-graphql's own switch answers `__schema` with a silent `null`, which code generators
//! and GraphiQL report as a confusing failure of their own.

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo,
};
use async_graphql::{PathSegment, ServerResult, Value};

use crate::error::ApiError;

/// Refuses `__schema` and `__type` at the root; `__typename` stays, clients need it.
pub struct NoIntrospection;

impl ExtensionFactory for NoIntrospection {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(NoIntrospection)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for NoIntrospection {
    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        let root = info.path_node.parent.is_none();
        if root && matches!(info.name, "__schema" | "__type") {
            let refusal = ApiError::Forbidden(
                "introspection is turned off on this server; use the schema its operators \
                 published"
                    .to_owned(),
            );
            let at = info.field.name.pos;
            let field = info.alias.unwrap_or(info.name).to_owned();
            let refusal = async_graphql::Error::from(refusal).into_server_error(at);
            return Err(refusal.with_path(vec![PathSegment::Field(field)]));
        }
        next.run(ctx, info).await
    }
}
