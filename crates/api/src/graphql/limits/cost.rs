//! The cost of a paged list, for `#[graphql(complexity = ...)]` on connection fields.
//!
//! async-graphql adds up the cost of a selection bottom-up: a field costs 1 plus what it selects,
//! unless it declares its own cost. A connection declares what it selects times the rows it can
//! return, so `authors(first: 100) { nodes { articles(first: 100) { nodes { title } } } }` costs
//! about 100 × 100 × 2 and is refused, while one page of twenty articles stays cheap.
//! `related` and `curatedRelated` are the plain lists that lead from articles to articles, so
//! nesting them multiplies rows: `related` counts as the size it asks for, `curatedRelated`
//! as the longest list an editor may make.

use quire_domain::RelatedLimit;
use quire_domain::validation::MAX_LINKS;

use crate::graphql::pagination::{DEFAULT_PAGE, MAX_PAGE};

/// No one field reports more than this, so that adding up the fields of a query (at most
/// `QUIRE_MAX_FIELDS` of them) can never overflow.
const CEILING: usize = u32::MAX as usize;

/// The cost of a connection field: 1, plus `child_complexity` (what the client selects inside
/// it) once per row the page may hold: `first` or `last`, the default page size when neither
/// is given. Sizes outside 0..=100 are refused by the resolver, so they count as the nearest
/// size allowed here.
pub fn page(first: Option<i32>, last: Option<i32>, child_complexity: usize) -> usize {
    let rows = first.or(last).unwrap_or(DEFAULT_PAGE).clamp(0, MAX_PAGE);
    rows_of(usize::try_from(rows).unwrap_or_default(), child_complexity)
}

/// The cost of an article's related articles: what the client selects in each, times the
/// `limit` asked for (the default when absent). Sizes the resolver refuses count as the
/// nearest size allowed.
pub fn related(limit: Option<i32>, child_complexity: usize) -> usize {
    let rows = limit
        .unwrap_or(i32::from(RelatedLimit::DEFAULT_SIZE))
        .clamp(0, i32::from(RelatedLimit::MAX));
    rows_of(usize::try_from(rows).unwrap_or_default(), child_complexity)
}

/// The cost of an article's own "also read" list: what the client selects in each, times the
/// most related articles an editor may choose for one article.
pub fn curated_related(child_complexity: usize) -> usize {
    rows_of(MAX_LINKS, child_complexity)
}

fn rows_of(rows: usize, child_complexity: usize) -> usize {
    child_complexity
        .min(CEILING)
        .saturating_mul(rows)
        .saturating_add(1)
        .min(CEILING)
}

#[cfg(test)]
mod tests {
    use super::page;

    #[test]
    fn rows_multiply_what_each_row_selects() {
        assert_eq!(page(Some(10), None, 3), 31);
        assert_eq!(page(None, Some(5), 2), 11);
        assert_eq!(
            page(None, None, 2),
            41,
            "absent sizes count as the default page"
        );
        assert_eq!(
            page(Some(1_000), None, 1),
            101,
            "sizes count at most as the largest page"
        );
        assert_eq!(page(Some(-3), None, 7), 1);
        assert_eq!(page(Some(100), None, usize::MAX), u32::MAX as usize);
    }

    #[test]
    fn related_articles_count_as_the_size_asked_for() {
        assert_eq!(
            super::related(None, 2),
            11,
            "absent sizes count as the default"
        );
        assert_eq!(super::related(Some(20), 2), 41);
        assert_eq!(super::related(Some(0), 2), 1);
        assert_eq!(super::related(Some(500), 2), 41, "at most the largest size");
        assert_eq!(super::related(Some(-4), 2), 1);
    }

    #[test]
    fn an_editors_list_counts_as_the_longest_one_allowed() {
        assert_eq!(super::curated_related(2), 101);
    }
}
