//! The first line of a bundle: what it is and which version of the format it follows.
//!
//! It carries nothing that would need a second pass over the content (no counts), so an export
//! can stream, and nothing that changes from one export to the next (no export time), so the
//! same content always gives the same bytes.

use serde::{Deserialize, Serialize};

use super::RecordError;

/// The value of `"format"`, the header's first key.
pub const FORMAT: &str = "quire-bundle";

/// The format version this build writes and the newest it reads. Version 2 added articles' slug
/// history and corrections; a reader of version 1 refuses it rather than lose them silently.
pub const VERSION: u32 = 2;

/// The first version whose articles carry their slug history and corrections. In an older
/// bundle their absence says nothing, so an import keeps what is stored.
const HISTORY_SINCE: u32 = 2;

/// The header line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleHeader {
    /// Always [`FORMAT`]; written first so a file can be recognised from its first bytes.
    pub format: String,
    /// The format version the bundle follows.
    pub version: u32,
}

impl BundleHeader {
    /// The header this build writes.
    pub fn current() -> Self {
        BundleHeader {
            format: FORMAT.to_owned(),
            version: VERSION,
        }
    }

    /// Whether the bundle's articles carry their slug history and corrections, so that an
    /// empty list means "none" rather than "not said".
    pub fn carries_history(&self) -> bool {
        self.version >= HISTORY_SINCE
    }

    /// Reads a bundle's first line, refusing anything that is not a bundle this build can
    /// read in full.
    pub fn read(line: &str) -> Result<Self, RecordError> {
        let not_a_bundle = || {
            RecordError::new(format!(
                "not a Quire bundle: its first line must be the header \
                 {{\"format\":\"{FORMAT}\",\"version\":{VERSION}}}"
            ))
        };
        let header: BundleHeader = serde_json::from_str(line).map_err(|_| not_a_bundle())?;
        if header.format != FORMAT {
            return Err(not_a_bundle());
        }
        match header.version {
            0 => Err(RecordError::new(
                "the header names format version 0, which no Quire has written",
            )),
            version if version > VERSION => Err(RecordError::new(format!(
                "this bundle is format version {version}, newer than this Quire reads \
                 (version {VERSION}); import it with a newer Quire"
            ))),
            _ => Ok(header),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_other_files_and_newer_versions() {
        let current = serde_json::to_string(&BundleHeader::current()).unwrap();
        assert_eq!(current, "{\"format\":\"quire-bundle\",\"version\":2}");
        assert!(BundleHeader::read(&current).unwrap().carries_history());
        let first = BundleHeader::read("{\"format\":\"quire-bundle\",\"version\":1}").unwrap();
        assert!(
            !first.carries_history(),
            "version 1 is still read, without history"
        );
        let newer = BundleHeader::read("{\"format\":\"quire-bundle\",\"version\":3}").unwrap_err();
        assert!(
            newer.to_string().contains("newer than this Quire reads"),
            "{newer}"
        );
        let other = BundleHeader::read("{\"title\":\"x\"}").unwrap_err();
        assert!(other.to_string().contains("not a Quire bundle"), "{other}");
        assert!(BundleHeader::read("{\"format\":\"quire-bundle\",\"version\":0}").is_err());
    }
}
