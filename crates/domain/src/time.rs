//! The one clock the product uses.
//!
//! Timestamps are kept at microsecond precision because that is what PostgreSQL stores: a value
//! that round-trips through either backend compares equal to itself, which keeps pagination
//! cursors exact.

use chrono::{DateTime, SubsecRound, Utc};

/// The current instant, truncated to what both database backends store.
pub fn now() -> DateTime<Utc> {
    truncate(Utc::now())
}

/// Truncates an instant to microseconds, the precision every backend keeps.
pub fn truncate(at: DateTime<Utc>) -> DateTime<Utc> {
    at.trunc_subsecs(6)
}
