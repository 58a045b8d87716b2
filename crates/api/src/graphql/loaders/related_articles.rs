//! Article and list size → the related articles shown beside it: the editors' choices the
//! viewer may see, then similar live articles.

use std::collections::{BTreeMap, HashMap};

use async_graphql::dataloader::Loader;
use chrono::{DateTime, Utc};
use quire_domain::{Article, ArticleId, RelatedLimit};
use quire_persistence::Store;
use quire_persistence::store::articles::{self, Visibility};

use crate::error::ApiError;

/// Loads the related articles of many articles at once: one statement for each list size the
/// request asks for (nearly always one), however many articles the page holds.
pub struct RelatedArticles {
    /// Where they are.
    pub store: Store,
    /// What the viewer may see of the editors' choices.
    pub visibility: Visibility,
    /// The instant of the request, at which similar articles must be live.
    pub now: DateTime<Utc>,
}

impl Loader<(ArticleId, RelatedLimit)> for RelatedArticles {
    type Value = Vec<Article>;
    type Error = ApiError;

    async fn load(
        &self,
        keys: &[(ArticleId, RelatedLimit)],
    ) -> Result<HashMap<(ArticleId, RelatedLimit), Vec<Article>>, ApiError> {
        let mut by_limit: BTreeMap<RelatedLimit, Vec<ArticleId>> = BTreeMap::new();
        for (id, limit) in keys {
            by_limit.entry(*limit).or_default().push(*id);
        }
        let (visibility, now) = (self.visibility, self.now);
        Ok(self
            .store
            .read(move |conn| {
                let mut found = HashMap::new();
                for (limit, ids) in by_limit {
                    let related = articles::related_of(conn, &ids, limit, visibility, now)?;
                    found.extend(related.into_iter().map(|(id, list)| ((id, limit), list)));
                }
                Ok(found)
            })
            .await?)
    }
}
