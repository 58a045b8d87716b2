//! Tag writes, for editors and admins.

use async_graphql::InputObject;
use quire_domain::{TagFields, TagId};

use super::object::TagNode;
use crate::error::ApiError;
use crate::graphql::named::named_mutation;

/// A tag's editable fields. On update, every field is replaced, except that a left-out slug
/// keeps the current one.
#[derive(InputObject)]
pub struct TagInput {
    /// Display name, unique regardless of case; at most 200 characters.
    pub name: String,
    /// URL name, at most 96 lowercase letters, digits and dashes; derived from the name when
    /// left out.
    pub slug: Option<String>,
    /// What the tag gathers, at most 2000 characters.
    pub description: Option<String>,
}

impl TagInput {
    fn into_domain(self) -> Result<TagFields, ApiError> {
        let fields = TagFields {
            name: self.name,
            slug: self.slug,
            description: self.description,
        };
        Ok(fields.validated()?)
    }
}

named_mutation!(
    TagMutation,
    TagInput,
    TagNode,
    TagId,
    quire_persistence::store::tags,
    quire_domain::audit::RecordType::Tag,
    create_tag = "Adds a tag. Editors and admins.",
    update_tag = "Changes a tag. Editors and admins.",
    delete_tag = "Deletes a tag no article carries; CONFLICT otherwise."
);
