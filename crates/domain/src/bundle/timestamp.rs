//! Instants in a bundle: RFC 3339 in UTC with exactly six fractional digits, such as
//! `2026-11-26T09:30:00.000000Z`. Microseconds are what both backends store, and a fixed width
//! means one instant is always written the same way, so a bundle exported twice is the same
//! bytes. Any RFC 3339 instant is read; finer digits are cut to microseconds.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// The one written form.
const FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

/// Writes an instant in the bundle's form.
pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&at.format(FORMAT))
}

/// Reads any RFC 3339 instant, as UTC at microsecond precision.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// An instant from its RFC 3339 text.
pub fn parse(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|at| crate::time::truncate(at.with_timezone(&Utc)))
        .map_err(|_| {
            format!("{text:?} is not an RFC 3339 instant such as \"2026-11-26T09:30:00.000000Z\"")
        })
}

/// The same for instants that may be absent (`null`).
pub mod optional {
    use super::*;

    /// Writes the instant, or `null`.
    pub fn serialize<S: Serializer>(
        at: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => super::serialize(at, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads an instant or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        let text = <Option<String>>::deserialize(deserializer)?;
        text.map(|text| parse(&text).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_six_digits_in_utc_and_reads_any_offset() {
        let at = parse("2026-11-26T11:30:00.1234567+02:00").unwrap();
        assert_eq!(at.format(FORMAT).to_string(), "2026-11-26T09:30:00.123456Z");
        let whole = parse("2026-11-26T09:30:00Z").unwrap();
        assert_eq!(
            whole.format(FORMAT).to_string(),
            "2026-11-26T09:30:00.000000Z"
        );
        assert!(parse("yesterday").unwrap_err().contains("RFC 3339"));
        assert!(parse("2026-11-26").is_err());
    }
}
