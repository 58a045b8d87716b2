//! The audit log: appended by every write in its own transaction, read by editors.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use quire_domain::UserId;
use quire_domain::audit::{AuditEntry, Change, RecordType, UnknownRecordType};
use quire_domain::cursor::{Cursor, SortKey};

use crate::db::{Db, DbConn};
use crate::error::StoreError;
use crate::page::{Page, PageRequest};
use crate::schema::audit_log;
use crate::time::{naive, utc};

/// The name audit cursors carry, so a cursor from another list is refused.
pub const ORDERING: &str = "AUDIT_LOG";

/// Which entries a reader of the log wants; every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    /// Made by this account.
    pub actor: Option<UserId>,
    /// About this kind of record.
    pub record_type: Option<RecordType>,
    /// About the record with this id.
    pub record_id: Option<i64>,
    /// Made at or after this instant.
    pub after: Option<DateTime<Utc>>,
    /// Made before this instant.
    pub before: Option<DateTime<Utc>>,
}

/// Appends one entry. Call it inside the transaction of the write it describes.
pub fn record(
    conn: &mut DbConn,
    at: DateTime<Utc>,
    actor: Option<UserId>,
    action: &str,
    change: &Change,
) -> Result<(), StoreError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(naive(at)),
            audit_log::actor_id.eq(actor.map(|user| user.0)),
            audit_log::action.eq(action),
            audit_log::record_type.eq(change.record_type.as_str()),
            audit_log::record_id.eq(change.record_id),
            audit_log::version_before.eq(change.version_before),
            audit_log::version_after.eq(change.version_after),
        ))
        .execute(conn)?;
    Ok(())
}

/// A page of the entries matching `filter`, newest first.
pub fn list(
    conn: &mut DbConn,
    filter: &AuditFilter,
    page: &PageRequest,
) -> Result<Page<AuditEntry>, StoreError> {
    let mut query = filtered(filter);
    if let Some(after) = &page.after {
        query = query.filter(audit_log::id.lt(after.id));
    }
    if let Some(before) = &page.before {
        query = query.filter(audit_log::id.gt(before.id));
    }
    query = if page.from_end {
        query.order_by(audit_log::id.asc())
    } else {
        query.order_by(audit_log::id.desc())
    };
    let rows: Vec<AuditRow> = query
        .select(AuditRow::as_select())
        .limit(i64::try_from(page.limit + 1).unwrap_or(i64::MAX))
        .load(conn)?;
    let page = Page::assemble(page, rows, |row| Cursor {
        ordering: ORDERING.to_owned(),
        key: SortKey::Time(utc(row.at)),
        id: row.id,
    });
    let items = page
        .items
        .into_iter()
        .map(|(cursor, row)| Ok((cursor, AuditEntry::try_from(row)?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(Page {
        items,
        has_next: page.has_next,
        has_previous: page.has_previous,
    })
}

/// How many entries match `filter`.
pub fn count(conn: &mut DbConn, filter: &AuditFilter) -> Result<i64, StoreError> {
    Ok(filtered(filter).count().get_result(conn)?)
}

fn filtered(filter: &AuditFilter) -> audit_log::BoxedQuery<'static, Db> {
    let mut query = audit_log::table.into_boxed();
    if let Some(actor) = filter.actor {
        query = query.filter(audit_log::actor_id.eq(actor.0));
    }
    if let Some(kind) = filter.record_type {
        query = query.filter(audit_log::record_type.eq(kind.as_str()));
    }
    if let Some(id) = filter.record_id {
        query = query.filter(audit_log::record_id.eq(id));
    }
    if let Some(after) = filter.after {
        query = query.filter(audit_log::at.ge(naive(after)));
    }
    if let Some(before) = filter.before {
        query = query.filter(audit_log::at.lt(naive(before)));
    }
    query
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct AuditRow {
    id: i64,
    at: chrono::NaiveDateTime,
    actor_id: Option<i64>,
    action: String,
    record_type: String,
    record_id: i64,
    version_before: Option<i32>,
    version_after: Option<i32>,
}

impl TryFrom<AuditRow> for AuditEntry {
    type Error = StoreError;

    fn try_from(row: AuditRow) -> Result<Self, StoreError> {
        let record_type = row
            .record_type
            .parse()
            .map_err(|e: UnknownRecordType| StoreError::Corrupt(e.to_string()))?;
        Ok(AuditEntry {
            id: row.id,
            at: utc(row.at),
            actor: row.actor_id.map(UserId),
            action: row.action,
            change: Change {
                record_type,
                record_id: row.record_id,
                version_before: row.version_before,
                version_after: row.version_after,
            },
        })
    }
}
