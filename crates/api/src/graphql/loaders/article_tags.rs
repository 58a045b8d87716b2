//! Article → tags, in display order.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::{ArticleId, Tag};
use quire_persistence::Store;
use quire_persistence::store::articles;

use crate::error::ApiError;

/// Loads the tags of many articles at once.
pub struct ArticleTags(pub Store);

impl Loader<ArticleId> for ArticleTags {
    type Value = Vec<Tag>;
    type Error = ApiError;

    async fn load(&self, keys: &[ArticleId]) -> Result<HashMap<ArticleId, Vec<Tag>>, ApiError> {
        let keys = keys.to_vec();
        Ok(self
            .0
            .read(move |conn| articles::tags_of(conn, &keys))
            .await?)
    }
}
