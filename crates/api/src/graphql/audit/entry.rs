//! One audit log entry as GraphQL shows it.

use async_graphql::{Context, Enum, ID, Object};
use chrono::{DateTime, Utc};
use quire_domain::audit::{AuditEntry, RecordType};

use crate::graphql::context::ContextExt;
use crate::graphql::user::UserNode;

/// The kinds of record the audit log tracks.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "AuditRecordType", remote = "RecordType")]
pub enum RecordTypeValue {
    /// An article, with its links and corrections.
    Article,
    /// An author.
    Author,
    /// A source publication.
    Source,
    /// A tag.
    Tag,
    /// A staff account.
    User,
    /// An API token.
    ApiToken,
}

/// One change to one record: who made it, with which mutation, when, and the record's version
/// before and after.
#[derive(Clone)]
pub struct AuditEntryNode(pub AuditEntry);

#[Object(name = "AuditEntry")]
impl AuditEntryNode {
    /// Identity; later entries have larger ids.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// When the change was made.
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    /// The account that made it; null for the command line run on the server itself.
    async fn actor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        let Some(actor) = self.0.actor else {
            return Ok(None);
        };
        Ok(ctx.loaders().users.load_one(actor).await?.map(UserNode))
    }

    /// The mutation that made it, such as `updateArticle`, or the command, such as
    /// `trash purge`.
    async fn action(&self) -> &str {
        &self.0.action
    }

    /// The kind of record changed.
    async fn record_type(&self) -> RecordTypeValue {
        self.0.change.record_type.into()
    }

    /// The id of the record changed, as its own type's `id` field gives it.
    async fn record_id(&self) -> ID {
        ID(self.0.change.record_id.to_string())
    }

    /// The article's version before the change; null for a new article and for records
    /// without versions.
    async fn version_before(&self) -> Option<i32> {
        self.0.change.version_before
    }

    /// The article's version after the change; null for an article purged and for records
    /// without versions.
    async fn version_after(&self) -> Option<i32> {
        self.0.change.version_after
    }
}
