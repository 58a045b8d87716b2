//! Source by id, for articles' attribution.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::{Source, SourceId};
use quire_persistence::Store;
use quire_persistence::store::sources;

use crate::error::ApiError;

/// Loads many sources at once.
pub struct Sources(pub Store);

impl Loader<SourceId> for Sources {
    type Value = Source;
    type Error = ApiError;

    async fn load(&self, keys: &[SourceId]) -> Result<HashMap<SourceId, Source>, ApiError> {
        let keys = keys.to_vec();
        Ok(self
            .0
            .read(move |conn| sources::by_ids(conn, &keys))
            .await?)
    }
}
