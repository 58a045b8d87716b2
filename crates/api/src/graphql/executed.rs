//! Whether a request reached execution. The GraphQL-over-HTTP specification answers the two
//! kinds of failure differently: a request error (the document does not parse or validate, or
//! the variables do not fit) has no `data` entry and is a 400 under
//! `application/graphql-response+json`, while an operation that ran answers 200 with `data`, even
//! when a field failed. async-graphql's response looks the same in both cases when `data` is
//! null, so this extension records the moment execution starts.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_graphql::Response;
use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextExecute};

/// Attached to a request (`Request::data`), set once its operation starts executing.
#[derive(Debug, Clone, Default)]
pub struct Executed(Arc<AtomicBool>);

impl Executed {
    /// Whether the operation ran (as opposed to being refused before execution).
    pub fn happened(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

/// Installs the marker on a schema (`SchemaBuilder::extension`).
pub struct MarkExecution;

impl ExtensionFactory for MarkExecution {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(MarkExecution)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for MarkExecution {
    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        if let Some(executed) = ctx.data_opt::<Executed>() {
            executed.0.store(true, Ordering::Release);
        }
        next.run(ctx, operation_name).await
    }
}
