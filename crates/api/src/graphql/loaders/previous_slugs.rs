//! Article → the slugs it had before, oldest first.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::ArticleId;
use quire_persistence::Store;
use quire_persistence::store::articles;

use crate::error::ApiError;

/// Loads the previous slugs of many articles at once.
pub struct PreviousSlugs(pub Store);

impl Loader<ArticleId> for PreviousSlugs {
    type Value = Vec<String>;
    type Error = ApiError;

    async fn load(&self, keys: &[ArticleId]) -> Result<HashMap<ArticleId, Vec<String>>, ApiError> {
        let keys = keys.to_vec();
        Ok(self
            .0
            .read(move |conn| articles::previous_slugs_of(conn, &keys))
            .await?)
    }
}
