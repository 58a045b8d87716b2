//! The schema extension that applies [`QueryLimits`] to every operation: fields and aliases
//! as soon as the document is parsed, cost once validation has computed it. Both happen before
//! execution, so a refused operation never reaches a resolver or the database.

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest, NextValidation,
};
use async_graphql::{Request, ServerError, ServerResult, ValidationResult};

use super::{LimitExceeded, QueryLimits, census};

/// Installs the limits on a schema (`SchemaBuilder::extension`).
pub struct LimitGuard(pub QueryLimits);

impl ExtensionFactory for LimitGuard {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Checks(self.0))
    }
}

/// The checks for one request.
struct Checks(QueryLimits);

#[async_graphql::async_trait::async_trait]
impl Extension for Checks {
    /// Parses the document here, before async-graphql walks it, and counts it with a bounded
    /// walk; the parsed document is kept on the request, so it is parsed only once.
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let document = request.parsed_query()?;
        census::check(document, self.0).map_err(|exceeded| exceeded.to_server_error())?;
        next.run(ctx, request).await
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        if result.complexity > self.0.max_cost {
            let exceeded = LimitExceeded::Cost {
                actual: result.complexity,
                maximum: self.0.max_cost,
            };
            return Err(vec![exceeded.to_server_error()]);
        }
        Ok(result)
    }
}
