//! What one request may ask of the server, refused before any resolver runs or the database is
//! touched, so a single request cannot make the server read megabytes of article bodies.
//!
//! Each limit is configurable (`quire serve --help` lists the flags):
//!
//! - `QUIRE_MAX_QUERY_COST` (default 10,000): the estimated cost of one operation. Every field
//!   costs 1; a paged list (`articles`, `authors`, `sources`, `tags`, `revisions`) multiplies the
//!   cost of what it selects by its page size, `first` or `last`, or 20 when neither is given.
//!   `related` multiplies what it selects by 50, the most related articles one article may have,
//!   since it leads from articles to articles. A home page of 20 articles with bylines, tags,
//!   source and the titles of related articles costs about 2,500.
//! - `QUIRE_MAX_ALIASES` (default 50): aliased fields in one operation, counted with fragments
//!   expanded; aliases are how one request repeats an expensive field.
//! - `QUIRE_MAX_FIELDS` (default 500): fields in one operation, counted with fragments expanded.
//! - `QUIRE_MAX_DEPTH` (default 12): how deep selections nest, fragments expanded; the insides
//!   of `__schema` and `__type` are exempt, so tools can load the full schema.
//! - `QUIRE_MAX_BATCH` (default 10): operations in one JSON batch (a JSON array of requests).
//! - `QUIRE_ANONYMOUS_BATCH` (default `false`): whether callers without credentials may send
//!   batches at all.
//!
//! A refusal is `BAD_USER_INPUT` with `extensions.limit` naming the limit (`cost`, `aliases`,
//! `fields`, `depth`, `batch`, `anonymousBatch`), `extensions.maximum` and, where counted,
//! `extensions.actual`.

mod census;
pub mod cost;
mod guard;

use async_graphql::{Request, Response, ServerError};

use crate::error::code;

pub use guard::CostGuard;

/// What async-graphql answers, with nothing else, when an operation goes over
/// [`QueryLimits::max_cost`] (`SchemaBuilder::limit_complexity`).
const TOO_COMPLEX: &str = "Query is too complex.";

/// Parses the request's document (the request keeps it, so the schema does not parse it again)
/// and counts its fields, aliases and depth: a refused operation never reaches the schema.
pub fn admit(request: &mut Request, limits: QueryLimits) -> Result<(), ServerError> {
    let document = request.parsed_query()?;
    census::check(document, limits).map_err(|exceeded| exceeded.to_server_error())
}

/// Whether the schema refused the operation for its cost, before running any of it; such a
/// refusal says so without the figures, which [`CostGuard`] supplies.
pub fn refused_for_cost(response: &Response) -> bool {
    matches!(response.errors.as_slice(), [only] if only.message == TOO_COMPLEX && only.path.is_empty())
}

/// The configured limits; see the module documentation for what each one bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryLimits {
    /// Highest estimated cost of one operation.
    pub max_cost: usize,
    /// Most aliased fields in one operation.
    pub max_aliases: usize,
    /// Most fields in one operation.
    pub max_fields: usize,
    /// Deepest nesting of selections outside introspection.
    pub max_depth: usize,
    /// Most operations in one batch.
    pub max_batch: usize,
    /// Whether anonymous callers may batch.
    pub anonymous_batch: bool,
}

impl Default for QueryLimits {
    /// Limits that leave every page a newsroom front end builds far inside them.
    fn default() -> Self {
        Self {
            max_cost: 10_000,
            max_aliases: 50,
            max_fields: 500,
            max_depth: 12,
            max_batch: 10,
            anonymous_batch: false,
        }
    }
}

/// Which limit a request went over, with the figures to quote back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitExceeded {
    /// The operation's estimated cost.
    Cost {
        /// What it would cost.
        actual: usize,
        /// The limit.
        maximum: usize,
    },
    /// Aliased fields in the operation.
    Aliases {
        /// At least this many were counted.
        actual: usize,
        /// The limit.
        maximum: usize,
    },
    /// Fields in the operation.
    Fields {
        /// At least this many were counted.
        actual: usize,
        /// The limit.
        maximum: usize,
    },
    /// Nesting of selections.
    Depth {
        /// At least this deep.
        actual: usize,
        /// The limit.
        maximum: usize,
    },
    /// Operations in a batch.
    Batch {
        /// How many were sent.
        actual: usize,
        /// The limit.
        maximum: usize,
    },
    /// A batch from a caller without credentials, while those are off.
    AnonymousBatch,
}

impl LimitExceeded {
    /// The name clients see in `extensions.limit`.
    pub fn name(&self) -> &'static str {
        match self {
            LimitExceeded::Cost { .. } => "cost",
            LimitExceeded::Aliases { .. } => "aliases",
            LimitExceeded::Fields { .. } => "fields",
            LimitExceeded::Depth { .. } => "depth",
            LimitExceeded::Batch { .. } => "batch",
            LimitExceeded::AnonymousBatch => "anonymousBatch",
        }
    }

    /// What went over, by how much, and what to do instead.
    pub fn message(&self) -> String {
        match self {
            LimitExceeded::Cost { actual, maximum } => format!(
                "the query would cost {actual}, above the limit of {maximum} \
                 (QUIRE_MAX_QUERY_COST): every paged list multiplies the cost of what it selects \
                 by its page size (first or last, 20 when absent); ask for smaller pages or fewer \
                 nested lists"
            ),
            LimitExceeded::Aliases { actual, maximum } => format!(
                "the query has at least {actual} aliased fields, above the limit of {maximum} \
                 (QUIRE_MAX_ALIASES); fetch lists with paging instead of repeating fields"
            ),
            LimitExceeded::Fields { actual, maximum } => format!(
                "the query selects at least {actual} fields (fragments expanded), above the \
                 limit of {maximum} (QUIRE_MAX_FIELDS); select fewer fields or split the query"
            ),
            LimitExceeded::Depth { actual, maximum } => format!(
                "selections nest at least {actual} levels deep, above the limit of {maximum} \
                 (QUIRE_MAX_DEPTH); fetch deeper levels with a separate query"
            ),
            LimitExceeded::Batch { actual, maximum } => format!(
                "the batch holds {actual} operations, above the limit of {maximum} \
                 (QUIRE_MAX_BATCH); send smaller batches"
            ),
            LimitExceeded::AnonymousBatch => "batches need credentials: sign in, or send one \
                 operation per request (QUIRE_ANONYMOUS_BATCH)"
                .to_owned(),
        }
    }

    /// The GraphQL error: `BAD_USER_INPUT` about the query (or the batch), naming the limit.
    pub fn to_server_error(&self) -> ServerError {
        let mut error = ServerError::new(self.message(), None);
        let extensions = error.extensions.get_or_insert_with(Default::default);
        extensions.set("code", code::BAD_USER_INPUT);
        let field = match self {
            LimitExceeded::Batch { .. } | LimitExceeded::AnonymousBatch => "batch",
            _ => "query",
        };
        extensions.set("fields", vec![async_graphql::Value::from(field)]);
        extensions.set("limit", self.name());
        let figures = match *self {
            LimitExceeded::Cost { actual, maximum }
            | LimitExceeded::Aliases { actual, maximum }
            | LimitExceeded::Fields { actual, maximum }
            | LimitExceeded::Depth { actual, maximum }
            | LimitExceeded::Batch { actual, maximum } => Some((actual, maximum)),
            LimitExceeded::AnonymousBatch => None,
        };
        if let Some((actual, maximum)) = figures {
            extensions.set("actual", actual);
            extensions.set("maximum", maximum);
        }
        error
    }
}
