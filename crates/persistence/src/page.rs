//! Keyset pagination requests and results, shared by every list.

use quire_domain::cursor::Cursor;

/// Which slice of a list to fetch. Built by the API from `first`/`after` or `last`/`before`.
#[derive(Debug, Clone, PartialEq)]
pub struct PageRequest {
    /// Most rows to return.
    pub limit: usize,
    /// Only rows after this position.
    pub after: Option<Cursor>,
    /// Only rows before this position.
    pub before: Option<Cursor>,
    /// Take the rows nearest `before` (`last`) rather than nearest `after` (`first`).
    pub from_end: bool,
}

/// One page of a list with what a client needs to fetch its neighbours.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The rows, in list order, each with the cursor naming its position.
    pub items: Vec<(Cursor, T)>,
    /// More rows follow the last one.
    pub has_next: bool,
    /// More rows precede the first one.
    pub has_previous: bool,
}

impl<T> Page<T> {
    /// Assembles a page from rows fetched one beyond `request.limit` (in the reverse order when
    /// paging from the end), so the extra row tells whether another page exists.
    pub fn assemble(
        request: &PageRequest,
        mut rows: Vec<T>,
        cursor_of: impl Fn(&T) -> Cursor,
    ) -> Self {
        let more = rows.len() > request.limit;
        rows.truncate(request.limit);
        if request.from_end {
            rows.reverse();
        }
        let items = rows.into_iter().map(|row| (cursor_of(&row), row)).collect();
        if request.from_end {
            Page {
                items,
                has_next: request.before.is_some(),
                has_previous: more,
            }
        } else {
            Page {
                items,
                has_next: more,
                has_previous: request.after.is_some(),
            }
        }
    }

    /// The cursor that fetches the page after this one, when there is one.
    pub fn next_cursor(&self) -> Option<String> {
        self.items
            .last()
            .filter(|_| self.has_next)
            .map(|(cursor, _)| cursor.encode())
    }

    /// Converts the rows, keeping positions.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        let mut f = f;
        Page {
            items: self.items.into_iter().map(|(c, t)| (c, f(t))).collect(),
            has_next: self.has_next,
            has_previous: self.has_previous,
        }
    }
}
