//! Reading the audit log.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use quire_domain::UserId;
use quire_persistence::store::audit::{self, AuditFilter};

use super::entry::{AuditEntryNode, RecordTypeValue};
use crate::error::ApiError;
use crate::graphql::connection::{Counter, connection};
use crate::graphql::context::{ContextExt, parse_id, read};
use crate::graphql::pagination::PageArgs;

connection!(AuditEntryConnection, AuditEntryEdge, AuditEntryNode);

/// Which audit entries to list; every condition given must hold.
#[derive(InputObject, Default, Debug)]
#[graphql(name = "AuditLogFilter")]
pub struct AuditLogFilterInput {
    /// Made by this account (a `User.id`).
    pub actor: Option<ID>,
    /// About this kind of record.
    pub record_type: Option<RecordTypeValue>,
    /// About the record with this id; pair it with `recordType`, since ids repeat across
    /// kinds.
    pub record_id: Option<ID>,
    /// Made at or after this instant.
    pub after: Option<DateTime<Utc>>,
    /// Made before this instant.
    pub before: Option<DateTime<Utc>>,
}

impl TryFrom<AuditLogFilterInput> for AuditFilter {
    type Error = ApiError;

    fn try_from(input: AuditLogFilterInput) -> Result<Self, ApiError> {
        Ok(AuditFilter {
            actor: input
                .actor
                .map(|id| parse_id::<UserId>("filter.actor", &id))
                .transpose()?,
            record_type: input.record_type.map(Into::into),
            record_id: input
                .record_id
                .map(|id| parse_id::<i64>("filter.recordId", &id))
                .transpose()?,
            after: input.after,
            before: input.before,
        })
    }
}

/// Reading the audit log.
#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Every change made through the API, newest first: who, which mutation, which record,
    /// when, and an article's version before and after. Editors and admins only; nobody else
    /// learns it exists.
    #[graphql(complexity = "crate::graphql::limits::cost::page(first, last, child_complexity)")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditLogFilterInput>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<AuditEntryConnection> {
        ctx.request()
            .viewer
            .may_read_audit_log()
            .map_err(ApiError::from)?;
        let filter = AuditFilter::try_from(filter.unwrap_or_default())?;
        let request = PageArgs {
            first,
            after,
            last,
            before,
        }
        .request(audit::ORDERING)?;
        let listed = filter.clone();
        let page = read(ctx, move |conn| audit::list(conn, &listed, &request)).await?;
        Ok(AuditEntryConnection::new(
            page.map(AuditEntryNode),
            Counter::AuditLog(Box::new(filter)),
        ))
    }
}
