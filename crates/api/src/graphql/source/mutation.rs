//! Source writes, for editors and admins.

use async_graphql::InputObject;
use quire_domain::{SourceFields, SourceId};

use super::object::SourceNode;
use crate::error::ApiError;
use crate::graphql::named::named_mutation;

/// A source's editable fields. On update, every field is replaced, except that a left-out slug
/// keeps the current one.
#[derive(InputObject)]
pub struct SourceInput {
    /// Publication name, such as "The Quint"; at most 200 characters.
    pub name: String,
    /// URL name, at most 96 lowercase letters, digits and dashes; derived from the name when
    /// left out.
    pub slug: Option<String>,
    /// Home page, an http(s) address of at most 2048 characters.
    pub url: Option<String>,
    /// Country, such as "India"; at most 200 characters.
    pub country: Option<String>,
    /// The licence its articles are reused under, such as "CC BY-ND 4.0" or the name of a
    /// syndication agreement; at most 200 characters.
    pub license: Option<String>,
    /// The credit that licence requires, such as "Republished with permission from The Quint";
    /// shown instead of the standard "Source: Name, Country" line, feeds included. At most 2000
    /// characters.
    pub attribution_text: Option<String>,
}

impl SourceInput {
    fn into_domain(self) -> Result<SourceFields, ApiError> {
        let fields = SourceFields {
            name: self.name,
            slug: self.slug,
            url: self.url,
            country: self.country,
            license: self.license,
            attribution_text: self.attribution_text,
        };
        Ok(fields.validated()?)
    }
}

named_mutation!(
    SourceMutation,
    SourceInput,
    SourceNode,
    SourceId,
    quire_persistence::store::sources,
    quire_domain::audit::RecordType::Source,
    create_source = "Adds a source. Editors and admins.",
    update_source = "Changes a source. Editors and admins.",
    delete_source = "Deletes a source no article cites; CONFLICT otherwise."
);
