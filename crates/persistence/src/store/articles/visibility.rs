//! The one place that decides which articles a viewer may see. Readers without credentials see
//! only published articles, including scheduled ones whose time has come, decided at query time
//! so no background job is needed to "go live". Authors see those plus their own drafts (those
//! they created, and those whose byline carries the author linked to their account), never a
//! colleague's (it may be under embargo); preview tokens see everything but archived articles,
//! to render stories before they go out; editors and admins see everything. Nobody sees an
//! article in the trash, except editors listing the trash itself.

use chrono::{DateTime, Utc};
use diesel::expression::{AppearsOnTable, BoxableExpression, Expression, ValidGrouping};
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::query_source::AppearsInFromClause;
use diesel::sql_types::Bool;
use quire_domain::{ArticleStatus, ReadScope, UserId, Viewer};

use crate::db::Db;
use crate::fixed_sql::{LiveStatuses, NoRow};
use crate::schema::{article_authors, articles, authors};
use crate::time::naive;

/// A boxed condition on `articles`.
pub(crate) type ArticlePredicate = Box<dyn BoxableExpression<articles::table, Db, SqlType = Bool>>;

/// A condition on `articles` where `articles` is one table of a join: it names no other table,
/// so it holds wherever `articles` appears once.
pub(crate) fn on_articles(condition: ArticlePredicate) -> OnArticles {
    OnArticles(condition)
}

/// A boxed condition on `articles`, usable in a join; built by [`on_articles`].
pub(crate) struct OnArticles(ArticlePredicate);

impl Expression for OnArticles {
    type SqlType = Bool;
}

impl<QS> AppearsOnTable<QS> for OnArticles where
    QS: AppearsInFromClause<articles::table, Count = diesel::query_source::Once>
{
}

impl<GB> ValidGrouping<GB> for OnArticles {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

impl QueryId for OnArticles {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl QueryFragment<Db> for OnArticles {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Db>) -> QueryResult<()> {
        self.0.walk_ast(out)
    }
}

/// What a viewer may see of the articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Only what is live at the instant.
    Public(DateTime<Utc>),
    /// What is live at the instant, plus the drafts `user` created.
    PublicOrOwnDrafts {
        /// The instant of the request.
        now: DateTime<Utc>,
        /// The author whose drafts are visible.
        user: UserId,
    },
    /// Everything but archived articles, whatever their time: preview tokens.
    AllButArchived,
    /// Drafts, scheduled and archived articles too.
    Everything,
}

impl Visibility {
    /// The visibility a viewer has at `now`.
    pub fn for_viewer(viewer: &Viewer, now: DateTime<Utc>) -> Self {
        match viewer.read_scope() {
            ReadScope::Published => Visibility::Public(now),
            ReadScope::PublishedAndOwnDrafts(user) => Visibility::PublicOrOwnDrafts { now, user },
            ReadScope::PublishedAndUnreleased => Visibility::AllButArchived,
            ReadScope::Everything => Visibility::Everything,
        }
    }

    /// The SQL condition that keeps only the articles in the trash this viewer may list: all of
    /// them for those who see everything, none for anyone else.
    pub(crate) fn trash_predicate(self) -> ArticlePredicate {
        match self {
            Visibility::Everything => Box::new(articles::trashed_at.is_not_null()),
            _ => nothing(),
        }
    }

    /// The SQL condition that keeps only visible articles.
    pub(crate) fn predicate(self) -> ArticlePredicate {
        match self {
            Visibility::Everything => Box::new(in_use()),
            Visibility::AllButArchived => Box::new(not_archived()),
            Visibility::Public(now) => status_is(ArticleStatus::Published, now),
            Visibility::PublicOrOwnDrafts { now, user } => {
                Box::new(live_or_own_draft(naive(now), user.0))
            }
        }
    }
}

/// Articles live at `now`: published, or scheduled for an instant already past, and with the
/// right to show them not yet ended. For these two statuses `sort_at` always equals
/// `published_at`, so the time test is a range on the same index; the rights test is a filter
/// on the rows it finds. Unboxed, so it also applies to joins that include `articles`.
#[diesel::dsl::auto_type]
pub(crate) fn live_at(now: chrono::NaiveDateTime) -> _ {
    let live: LiveStatuses = LiveStatuses;
    let in_use: in_use = in_use();
    live.and(articles::sort_at.le(now))
        .and(
            articles::rights_expire_at
                .is_null()
                .or(articles::rights_expire_at.assume_not_null().gt(now)),
        )
        .and(in_use)
}

/// Articles not in the trash: the condition every view of articles starts from, so a deleted
/// article disappears everywhere at once while it can still be restored.
#[diesel::dsl::auto_type]
pub(crate) fn in_use() -> _ {
    articles::trashed_at.is_null()
}

/// Drafts created by `user`, or whose byline carries the author linked to `user`: the
/// unpublished articles an author may edit, and so read.
#[diesel::dsl::auto_type]
pub(crate) fn own_draft(user: i64) -> _ {
    let draft: &'static str = ArticleStatus::Draft.as_str();
    let bylined: bylined_by = bylined_by(user);
    let in_use: in_use = in_use();
    articles::status
        .eq(draft)
        .and(
            articles::created_by
                .assume_not_null()
                .eq(user)
                .or(articles::id.eq_any(bylined)),
        )
        .and(in_use)
}

/// The articles whose byline carries the author linked to account `user`.
#[diesel::dsl::auto_type]
pub(crate) fn bylined_by(user: i64) -> _ {
    article_authors::table
        .inner_join(authors::table)
        .filter(authors::user_id.assume_not_null().eq(user))
        .select(article_authors::article_id)
}

/// Articles live at `now`, or drafts created by `user`. Unboxed, like [`live_at`].
#[diesel::dsl::auto_type]
pub(crate) fn live_or_own_draft(now: chrono::NaiveDateTime, user: i64) -> _ {
    let live: live_at = live_at(now);
    let own: own_draft = own_draft(user);
    live.or(own)
}

/// Every article but the archived and trashed ones: drafts, scheduled and published, whatever
/// their time.
/// Unboxed, like [`live_at`].
#[diesel::dsl::auto_type]
pub(crate) fn not_archived() -> _ {
    let archived: &'static str = ArticleStatus::Archived.as_str();
    let in_use: in_use = in_use();
    articles::status.ne(archived).and(in_use)
}

/// Articles whose effective status at `now` is `status`.
pub(crate) fn status_is(status: ArticleStatus, now: DateTime<Utc>) -> ArticlePredicate {
    let now = naive(now);
    match status {
        ArticleStatus::Published => Box::new(live_at(now)),
        ArticleStatus::Scheduled => Box::new(
            articles::status
                .eq(ArticleStatus::Scheduled.as_str())
                .and(articles::published_at.gt(now).assume_not_null()),
        ),
        ArticleStatus::Draft | ArticleStatus::Archived => {
            Box::new(articles::status.eq(status.as_str()))
        }
    }
}

/// A condition no row meets, as the start of an `OR` chain.
pub(crate) fn nothing() -> ArticlePredicate {
    Box::new(NoRow)
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use diesel::prelude::*;
    use diesel::query_builder::QueryFragment;

    use super::{Visibility, live_at};
    use crate::db::Db;
    use crate::schema::articles;

    fn preparable(query: &dyn QueryFragment<Db>, backend: &Db) -> bool {
        query.is_safe_to_cache_prepared(backend).unwrap_or(false)
    }

    /// Every public read filters through these conditions: a fragment in them that the
    /// statement cache refuses would have every such read parsed and planned afresh.
    #[test]
    fn visibility_leaves_statements_preparable() {
        let now = DateTime::UNIX_EPOCH;
        let user = quire_domain::UserId(1);
        let backends = [
            ("PostgreSQL", Db::Postgres(diesel::pg::Pg)),
            ("SQLite", Db::Sqlite(diesel::sqlite::Sqlite)),
        ];
        for (name, backend) in backends {
            for visibility in [
                Visibility::Everything,
                Visibility::AllButArchived,
                Visibility::Public(now),
                Visibility::PublicOrOwnDrafts { now, user },
            ] {
                let query = articles::table
                    .filter(visibility.predicate())
                    .select(articles::id);
                assert!(preparable(&query, &backend), "{visibility:?} on {name}");
            }
            let joined = articles::table
                .filter(live_at(now.naive_utc()))
                .select(articles::id);
            assert!(preparable(&joined, &backend), "live_at on {name}");
        }
    }
}
