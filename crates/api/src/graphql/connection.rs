//! Relay connection types. `totalCount` is computed only when a client selects it, so listing
//! pages do not pay for a `COUNT(*)` they never read.

use async_graphql::Context;
use chrono::{DateTime, Utc};
use quire_domain::ArticleId;
use quire_persistence::store::articles::{self, ArticleFilter, Visibility};
use quire_persistence::store::audit::{self, AuditFilter};
use quire_persistence::store::{authors, sources, tags};

use super::context::ContextExt;
use crate::error::ApiError;

/// How to count the whole list a connection pages through.
#[derive(Debug, Clone)]
pub enum Counter {
    /// Visible articles matching a filter.
    Articles {
        /// The list's filter.
        filter: Box<ArticleFilter>,
        /// What the viewer may see.
        visibility: Visibility,
        /// The request instant.
        now: DateTime<Utc>,
    },
    /// All authors.
    Authors,
    /// All sources.
    Sources,
    /// All tags.
    Tags,
    /// One article's revisions.
    Revisions(ArticleId),
    /// Audit log entries matching a filter.
    AuditLog(Box<AuditFilter>),
}

impl Counter {
    /// Runs the count.
    pub async fn count(&self, ctx: &Context<'_>) -> Result<i32, ApiError> {
        let counter = self.clone();
        let total = ctx
            .store()
            .read(move |conn| match counter {
                Counter::Articles {
                    filter,
                    visibility,
                    now,
                } => articles::count(conn, &filter, visibility, now),
                Counter::Authors => authors::count(conn),
                Counter::Sources => sources::count(conn),
                Counter::Tags => tags::count(conn),
                Counter::Revisions(article) => {
                    quire_persistence::store::revisions::count(conn, article)
                }
                Counter::AuditLog(filter) => audit::count(conn, &filter),
            })
            .await?;
        Ok(i32::try_from(total).unwrap_or(i32::MAX))
    }
}

/// Declares a connection and its edge type for one node type.
macro_rules! connection {
    ($connection:ident, $edge:ident, $node:ty) => {
        /// One row of a page and the cursor naming its position.
        #[derive(async_graphql::SimpleObject)]
        pub struct $edge {
            /// Pass to `after` or `before` to page from this row.
            pub cursor: String,
            /// The row.
            pub node: $node,
        }

        /// One page of a list.
        pub struct $connection {
            page: quire_persistence::Page<$node>,
            counter: $crate::graphql::connection::Counter,
        }

        impl $connection {
            /// Wraps a fetched page.
            pub fn new(
                page: quire_persistence::Page<$node>,
                counter: $crate::graphql::connection::Counter,
            ) -> Self {
                Self { page, counter }
            }
        }

        #[async_graphql::Object]
        impl $connection {
            /// The rows with their cursors.
            async fn edges(&self) -> Vec<$edge> {
                self.page
                    .items
                    .iter()
                    .map(|(cursor, node)| $edge {
                        cursor: cursor.encode(),
                        node: node.clone(),
                    })
                    .collect()
            }

            /// The rows alone.
            async fn nodes(&self) -> Vec<$node> {
                self.page
                    .items
                    .iter()
                    .map(|(_, node)| node.clone())
                    .collect()
            }

            /// Where this page sits in the list.
            async fn page_info(&self) -> $crate::graphql::pagination::PageInfo {
                $crate::graphql::pagination::PageInfo::of(&self.page)
            }

            /// How many rows the whole list holds, as the viewer sees it.
            async fn total_count(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<i32> {
                Ok(self.counter.count(ctx).await?)
            }
        }
    };
}

pub(crate) use connection;
