//! SQL written out once, as expressions the statement cache accepts. Diesel's `sql()` literals
//! mark a whole statement as unsafe to prepare ahead, since their text may differ from call to
//! call; one of them in the visibility predicate was enough to have PostgreSQL parse and plan,
//! and SQLite compile, every public read afresh. These fragments never change, so each is its
//! own type with a static query id, and the statements holding them can be prepared once per
//! connection (on SQLite, unless they also hold diesel's `IN` list, which `key_list` replaces).

use diesel::backend::Backend;
use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping};
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::result::QueryResult;
use diesel::sql_types::{Bool, Double};

/// Declares a unit type standing for one fixed piece of SQL of the given type.
macro_rules! fixed_sql {
    ($(#[$doc:meta])* $name:ident: $sql_type:ty = $sql:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, QueryId)]
        pub(crate) struct $name;

        impl Expression for $name {
            type SqlType = $sql_type;
        }

        impl<QS> AppearsOnTable<QS> for $name {}

        impl<QS> SelectableExpression<QS> for $name {}

        impl<GB> ValidGrouping<GB> for $name {
            type IsAggregate = diesel::expression::is_aggregate::Never;
        }

        impl<DB: Backend> QueryFragment<DB> for $name {
            fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
                out.push_sql($sql);
                Ok(())
            }
        }
    };
}

fixed_sql!(
    /// Articles whose stored status is live or will be. Written out rather than bound, so the
    /// planner matches it to the partial index `articles_live_idx` and reads the newest live
    /// articles in index order instead of sorting every published row.
    LiveStatuses: Bool = "articles.status IN ('PUBLISHED', 'SCHEDULED')"
);

fixed_sql!(
    /// A condition no row meets, as the start of an `OR` chain.
    NoRow: Bool = "1 = 0"
);

fixed_sql!(
    /// A score that ranks every row alike, for orderings that use none.
    EqualScore: Double = "0.0"
);
