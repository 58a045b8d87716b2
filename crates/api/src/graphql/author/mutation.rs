//! Author writes, for editors and admins.

use async_graphql::{ID, InputObject};
use quire_domain::{AuthorFields, AuthorId, UserId};

use super::object::AuthorNode;
use crate::error::ApiError;
use crate::graphql::context::parse_id;
use crate::graphql::named::named_mutation;

/// An author's editable fields. On update, every field is replaced, except that a left-out
/// slug keeps the current one.
#[derive(InputObject)]
pub struct AuthorInput {
    /// Display name, at most 200 characters.
    pub name: String,
    /// URL name, at most 96 lowercase letters, digits and dashes; derived from the name when
    /// left out.
    pub slug: Option<String>,
    /// Biography, at most 2000 characters.
    pub bio: Option<String>,
    /// Portrait address, an http(s) address of at most 2048 characters.
    pub avatar_url: Option<String>,
    /// Profile page, an http(s) address of at most 2048 characters.
    pub url: Option<String>,
    /// The user account this author signs in with.
    pub user_id: Option<ID>,
}

impl AuthorInput {
    fn into_domain(self) -> Result<AuthorFields, ApiError> {
        let fields = AuthorFields {
            name: self.name,
            slug: self.slug,
            bio: self.bio,
            avatar_url: self.avatar_url,
            url: self.url,
            user_id: self
                .user_id
                .map(|id| parse_id::<UserId>("userId", &id))
                .transpose()?,
        };
        Ok(fields.validated()?)
    }
}

named_mutation!(
    AuthorMutation,
    AuthorInput,
    AuthorNode,
    AuthorId,
    quire_persistence::store::authors,
    quire_domain::audit::RecordType::Author,
    create_author = "Adds an author. Editors and admins.",
    update_author = "Changes an author. Editors and admins.",
    delete_author = "Deletes an author no article credits; CONFLICT otherwise."
);
