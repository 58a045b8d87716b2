//! Account by id, for the authors linked to one.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use quire_domain::{User, UserId};
use quire_persistence::Store;
use quire_persistence::store::users;

use crate::error::ApiError;

/// Loads many accounts at once.
pub struct Users(pub Store);

impl Loader<UserId> for Users {
    type Value = User;
    type Error = ApiError;

    async fn load(&self, keys: &[UserId]) -> Result<HashMap<UserId, User>, ApiError> {
        let keys = keys.to_vec();
        Ok(self.0.read(move |conn| users::by_ids(conn, &keys)).await?)
    }
}
