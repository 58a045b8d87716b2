//! Article → "also read" articles the viewer may see.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::{Article, ArticleId};
use quire_persistence::Store;
use quire_persistence::store::articles::{self, Visibility};

use crate::error::ApiError;

/// Loads the related articles of many articles at once, hiding those the viewer may not see.
pub struct RelatedArticles {
    /// Where they are.
    pub store: Store,
    /// What the viewer may see.
    pub visibility: Visibility,
}

impl Loader<ArticleId> for RelatedArticles {
    type Value = Vec<Article>;
    type Error = ApiError;

    async fn load(&self, keys: &[ArticleId]) -> Result<HashMap<ArticleId, Vec<Article>>, ApiError> {
        let keys = keys.to_vec();
        let visibility = self.visibility;
        Ok(self
            .store
            .read(move |conn| articles::related_of(conn, &keys, visibility))
            .await?)
    }
}
