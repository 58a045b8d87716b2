//! Opaque pagination cursors.
//!
//! A cursor names a row by its position in one ordering (the sort key and the id that breaks
//! ties), not by an offset, so it keeps pointing at the same place when rows are inserted or
//! removed before it. Clients must treat it as opaque; it is base64 so nobody is tempted to build
//! one by hand.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The value of the sort column at the cursor's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortKey {
    /// A timestamp column such as `publishedAt` or `updatedAt`.
    Time(DateTime<Utc>),
    /// A text column such as a title or a name.
    Text(String),
    /// A computed score, such as search relevance.
    Number(f64),
}

/// A position in one ordering of one list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    /// The ordering this cursor belongs to; a cursor is refused under any other.
    #[serde(rename = "o")]
    pub ordering: String,
    /// The sort column's value at the row.
    #[serde(rename = "k")]
    pub key: SortKey,
    /// The row id, which breaks ties between equal sort keys.
    #[serde(rename = "i")]
    pub id: i64,
}

/// The text given as a cursor was not produced by this server for this list and ordering.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "is not a cursor from this list and ordering; pass back an endCursor or startCursor you received"
)]
pub struct InvalidCursor;

impl Cursor {
    /// The opaque text handed to clients.
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    /// Reads back a cursor, checking it belongs to `ordering`.
    pub fn decode(text: &str, ordering: &str) -> Result<Self, InvalidCursor> {
        let bytes = URL_SAFE_NO_PAD
            .decode(text.trim())
            .map_err(|_| InvalidCursor)?;
        let cursor: Cursor = serde_json::from_slice(&bytes).map_err(|_| InvalidCursor)?;
        // A key no stored value can hold would only reach the database to fail there.
        let storable = match &cursor.key {
            SortKey::Text(text) => !text.contains(crate::validation::is_forbidden_control),
            SortKey::Time(_) | SortKey::Number(_) => true,
        };
        if storable && cursor.ordering == ordering {
            Ok(cursor)
        } else {
            Err(InvalidCursor)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_key() -> impl Strategy<Value = SortKey> {
        prop_oneof![
            (0i64..4_102_444_800_000_000)
                .prop_map(|us| SortKey::Time(DateTime::from_timestamp_micros(us).unwrap())),
            "\\PC{0,80}".prop_map(SortKey::Text),
            (-1.0e6f64..1.0e6).prop_map(SortKey::Number),
        ]
    }

    #[test]
    fn refuses_a_cursor_of_another_ordering() {
        let cursor = Cursor {
            ordering: "TITLE_ASC".into(),
            key: SortKey::Text("a".into()),
            id: 1,
        };
        assert_eq!(
            Cursor::decode(&cursor.encode(), "PUBLISHED_AT_DESC"),
            Err(InvalidCursor)
        );
    }

    #[test]
    fn refuses_a_text_key_no_stored_value_can_hold() {
        let forged = Cursor {
            ordering: "TITLE_ASC".into(),
            key: SortKey::Text("a\u{0}".into()),
            id: 1,
        };
        assert!(Cursor::decode(&forged.encode(), "TITLE_ASC").is_err());
    }

    proptest! {
        #[test]
        fn round_trips(ordering in "[A-Z_]{1,20}", key in any_key(), id in any::<i64>()) {
            let cursor = Cursor { ordering: ordering.clone(), key, id };
            prop_assert_eq!(Cursor::decode(&cursor.encode(), &ordering), Ok(cursor));
        }

        #[test]
        fn garbage_is_refused_not_panicked_on(text in "\\PC{0,64}") {
            let _ = Cursor::decode(&text, "PUBLISHED_AT_DESC");
        }
    }
}
