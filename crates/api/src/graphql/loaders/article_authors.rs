//! Article → byline, in byline order.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::{ArticleId, Author};
use quire_persistence::Store;
use quire_persistence::store::articles;

use crate::error::ApiError;

/// Loads the authors of many articles at once.
pub struct ArticleAuthors(pub Store);

impl Loader<ArticleId> for ArticleAuthors {
    type Value = Vec<Author>;
    type Error = ApiError;

    async fn load(&self, keys: &[ArticleId]) -> Result<HashMap<ArticleId, Vec<Author>>, ApiError> {
        let keys = keys.to_vec();
        Ok(self
            .0
            .read(move |conn| articles::authors_of(conn, &keys))
            .await?)
    }
}
