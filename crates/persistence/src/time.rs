//! Conversions between the UTC instants the product uses and the naive timestamps both
//! backends store (always UTC).

use chrono::{DateTime, NaiveDateTime, Utc};

/// A stored timestamp as a UTC instant.
pub fn utc(naive: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(naive, Utc)
}

/// A UTC instant as a stored timestamp.
pub fn naive(at: DateTime<Utc>) -> NaiveDateTime {
    at.naive_utc()
}
