//! Tag → number of articles the viewer may see with it.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::TagId;
use quire_persistence::Store;
use quire_persistence::store::articles::Visibility;
use quire_persistence::store::tags;

use crate::error::ApiError;

/// Counts the visible articles of many tags at once.
pub struct TagArticleCounts {
    /// Where they are.
    pub store: Store,
    /// What the viewer may see.
    pub visibility: Visibility,
}

impl Loader<TagId> for TagArticleCounts {
    type Value = i64;
    type Error = ApiError;

    async fn load(&self, keys: &[TagId]) -> Result<HashMap<TagId, i64>, ApiError> {
        let keys = keys.to_vec();
        let visibility = self.visibility;
        Ok(self
            .store
            .read(move |conn| tags::article_counts(conn, &keys, visibility))
            .await?)
    }
}
