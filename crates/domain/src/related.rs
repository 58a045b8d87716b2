//! How many related articles a reader is shown beside an article: the editors' own "also read"
//! list first, then the most similar live articles to fill the remaining places. The size is
//! bounded because every place may cost a similarity search, and readers never need a long list.

use crate::error::DomainError;

/// How many related articles to show for one article, checked to lie in `0..=MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelatedLimit(u8);

impl RelatedLimit {
    /// The most places a request may ask for: a reading list beside an article, not a listing.
    pub const MAX: u8 = 20;
    /// The places shown when a request names no size: what an article page usually holds.
    pub const DEFAULT_SIZE: u8 = 5;
    /// [`Self::DEFAULT_SIZE`] as a limit.
    pub const DEFAULT: RelatedLimit = RelatedLimit(Self::DEFAULT_SIZE);

    /// Checks a requested size, naming `field` in the error when it is out of range.
    pub fn parse(field: &str, requested: i64) -> Result<Self, DomainError> {
        u8::try_from(requested)
            .ok()
            .filter(|n| *n <= Self::MAX)
            .map(RelatedLimit)
            .ok_or_else(|| {
                DomainError::invalid(
                    field,
                    format!(
                        "must be between 0 and {}, got {requested}: it is how many related \
                         articles to show",
                        Self::MAX
                    ),
                )
            })
    }

    /// The number of places.
    pub fn get(self) -> usize {
        usize::from(self.0)
    }
}

impl Default for RelatedLimit {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::RelatedLimit;

    #[test]
    fn accepts_zero_to_the_maximum() {
        assert_eq!(RelatedLimit::parse("limit", 0).unwrap().get(), 0);
        assert_eq!(RelatedLimit::parse("limit", 20).unwrap().get(), 20);
        assert_eq!(RelatedLimit::default().get(), 5);
    }

    #[test]
    fn refuses_sizes_out_of_range_naming_the_field() {
        for bad in [-1, 21, 300, i64::MAX] {
            let error = RelatedLimit::parse("limit", bad).unwrap_err().to_string();
            assert!(error.contains("limit"), "{error}");
            assert!(error.contains("between 0 and 20"), "{error}");
        }
    }
}
