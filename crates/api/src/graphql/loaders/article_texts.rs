//! Article → body, for list readers who ask for bodies.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::{ArticleId, ArticleText};
use quire_persistence::Store;
use quire_persistence::store::articles;

use crate::error::ApiError;

/// Loads the bodies of many articles at once.
pub struct ArticleTexts(pub Store);

impl Loader<ArticleId> for ArticleTexts {
    type Value = ArticleText;
    type Error = ApiError;

    async fn load(&self, keys: &[ArticleId]) -> Result<HashMap<ArticleId, ArticleText>, ApiError> {
        let keys = keys.to_vec();
        Ok(self
            .0
            .read(move |conn| articles::texts_of(conn, &keys))
            .await?)
    }
}
