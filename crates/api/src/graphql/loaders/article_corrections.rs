//! Article → corrections, oldest first.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::{ArticleId, Correction};
use quire_persistence::Store;
use quire_persistence::store::articles::corrections;

use crate::error::ApiError;

/// Loads the corrections of many articles at once. Articles reach it only once the viewer was
/// allowed to read them, so it needs no visibility of its own.
pub struct ArticleCorrections(pub Store);

impl Loader<ArticleId> for ArticleCorrections {
    type Value = Vec<Correction>;
    type Error = ApiError;

    async fn load(
        &self,
        keys: &[ArticleId],
    ) -> Result<HashMap<ArticleId, Vec<Correction>>, ApiError> {
        let keys = keys.to_vec();
        Ok(self
            .0
            .read(move |conn| corrections::for_articles(conn, &keys))
            .await?)
    }
}
