//! Finding a free slug: the derived one, else the first free `-2`, `-3`, … suffix.

use std::collections::HashSet;

use quire_domain::Slug;

use crate::error::StoreError;

/// `slug` itself or its first free suffixed form, given the slugs already taken that start
/// with it (one query, however many are taken).
pub(crate) fn first_free(
    slug: Slug,
    taken_with_prefix: impl FnOnce(&str) -> Result<Vec<String>, StoreError>,
) -> Result<Slug, StoreError> {
    let taken: HashSet<String> = taken_with_prefix(slug.as_str())?.into_iter().collect();
    if !taken.contains(slug.as_str()) {
        return Ok(slug);
    }
    (2..)
        .map(|n| slug.with_suffix(n))
        .find(|candidate| !taken.contains(candidate.as_str()))
        .ok_or(StoreError::NotFound("free slug"))
}

/// The `LIKE` pattern matching a slug and its suffixed forms; slugs contain no `%` or `_`.
pub(crate) fn prefix_pattern(slug: &str) -> String {
    format!("{slug}%")
}
