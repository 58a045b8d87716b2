//! Turning `first`/`after`/`last`/`before` into a page request, and the `PageInfo` type.

use async_graphql::SimpleObject;
use quire_domain::cursor::Cursor;
use quire_persistence::{Page, PageRequest};

use crate::error::ApiError;

/// The largest page a client may ask for.
pub const MAX_PAGE: i32 = 100;
/// The page size when neither `first` nor `last` is given.
pub const DEFAULT_PAGE: i32 = 20;

/// The four Relay arguments as received.
#[derive(Debug, Default, Clone)]
pub struct PageArgs {
    /// Rows from the start, or after `after`.
    pub first: Option<i32>,
    /// Rows after this cursor.
    pub after: Option<String>,
    /// Rows from the end, or before `before`.
    pub last: Option<i32>,
    /// Rows before this cursor.
    pub before: Option<String>,
}

impl PageArgs {
    /// Checks the arguments and decodes their cursors for the list ordered by `ordering`.
    pub fn request(self, ordering: &str) -> Result<PageRequest, ApiError> {
        let size = |field: &str, n: i32| {
            if (0..=MAX_PAGE).contains(&n) {
                Ok(usize::try_from(n).unwrap_or(0))
            } else {
                Err(ApiError::bad_input(
                    field,
                    format!("must be between 0 and {MAX_PAGE}, got {n}"),
                ))
            }
        };
        let cursor = |field: &str, text: Option<String>| {
            text.map(|t| {
                Cursor::decode(&t, ordering).map_err(|e| ApiError::bad_input(field, e.to_string()))
            })
            .transpose()
        };
        let (limit, from_end) = match (self.first, self.last) {
            (Some(_), Some(_)) => {
                return Err(ApiError::bad_input(
                    "last",
                    "pass either first or last, not both",
                ));
            }
            (Some(first), None) => (size("first", first)?, false),
            (None, Some(last)) => (size("last", last)?, true),
            (None, None) => (
                usize::try_from(DEFAULT_PAGE).unwrap_or(20),
                self.before.is_some() && self.after.is_none(),
            ),
        };
        Ok(PageRequest {
            limit,
            after: cursor("after", self.after)?,
            before: cursor("before", self.before)?,
            from_end,
        })
    }
}

/// Where a page sits in its list.
#[derive(SimpleObject, Debug, Clone)]
pub struct PageInfo {
    /// More rows follow this page.
    pub has_next_page: bool,
    /// More rows precede this page.
    pub has_previous_page: bool,
    /// Cursor of the first row, for paging backwards with `before`.
    pub start_cursor: Option<String>,
    /// Cursor of the last row, for paging forwards with `after`.
    pub end_cursor: Option<String>,
}

impl PageInfo {
    /// The page info of a fetched page.
    pub fn of<T>(page: &Page<T>) -> Self {
        PageInfo {
            has_next_page: page.has_next,
            has_previous_page: page.has_previous,
            start_cursor: page.items.first().map(|(c, _)| c.encode()),
            end_cursor: page.items.last().map(|(c, _)| c.encode()),
        }
    }
}
