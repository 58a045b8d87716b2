//! The schema extension that explains a refusal for cost with the figures. async-graphql's own
//! limit refuses an operation over [`QueryLimits::max_cost`] with a bare "Query is too
//! complex.", and the serving schema can carry no extension without slowing every field (see
//! [`crate::graphql::serving`]), so an operation refused there is validated once more by a
//! schema carrying this extension, which quotes what it would cost and what to do instead.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextValidation};
use async_graphql::{ServerError, ValidationResult};

use super::{LimitExceeded, QueryLimits};

/// Installs the explanation on a schema (`SchemaBuilder::extension`).
pub struct CostGuard(pub QueryLimits);

impl ExtensionFactory for CostGuard {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Checks(self.0))
    }
}

/// The check for one request.
struct Checks(QueryLimits);

#[async_graphql::async_trait::async_trait]
impl Extension for Checks {
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
