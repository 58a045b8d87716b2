//! Article → the editors' own "also read" list, as far as the viewer may see it.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::{Article, ArticleId};
use quire_persistence::Store;
use quire_persistence::store::articles::{self, Visibility};

use crate::error::ApiError;

/// Loads the editors' related lists of many articles at once, hiding what the viewer may not
/// see and adding nothing.
pub struct CuratedRelated {
    /// Where they are.
    pub store: Store,
    /// What the viewer may see.
    pub visibility: Visibility,
}

impl Loader<ArticleId> for CuratedRelated {
    type Value = Vec<Article>;
    type Error = ApiError;

    async fn load(&self, keys: &[ArticleId]) -> Result<HashMap<ArticleId, Vec<Article>>, ApiError> {
        let keys = keys.to_vec();
        let visibility = self.visibility;
        Ok(self
            .store
            .read(move |conn| articles::curated_related_of(conn, &keys, visibility))
            .await?)
    }
}
