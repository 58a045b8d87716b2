//! The one statement that finds the related articles of a whole page of articles.
//!
//! Written once for both backends: plain SQL with common table expressions and `ROW_NUMBER()`,
//! which SQLite (3.25 and later) and PostgreSQL share. The parts that decide *which* articles
//! qualify are not written here but rendered from the query builder's own conditions: the page
//! ([`one_of`], so a page of any length is prepared once), what the viewer may open (the
//! editors' choices, [`Visibility::predicate`]) and what is live ([`live_at`], for the articles
//! filled in). Whatever those conditions learn, such as a new reason to hide an article,
//! applies here too.
//!
//! The steps, each a named expression:
//! - `page`: the articles whose related articles are wanted, with their source;
//! - `tag_cuts`, `source_cuts`: for each of their tags and for their source, the sort key of the
//!   [`CANDIDATES_PER_GROUP`]-th newest article gone live by the request's instant (or the
//!   oldest, when there are fewer): one index lookup each, found before the candidates are read
//!   so each tag and source is then one index range;
//! - `curated`: the editors' choices the viewer may open, ranked by their position;
//! - `candidates`: for each page article, every other article within those cuts under one of
//!   its tags (read from the tag index alone, which carries each article's sort key; no article
//!   row touched) or from its source, one row each with the number of tags they share and the
//!   page article's source (so scoring needs no second look at the page); a page costs the
//!   same whether a tag holds a hundred articles or a hundred thousand;
//! - `alike`: the candidates that are live, scored and ranked;
//! - `ranked`: the choices, then the best similar ones that are not among the choices, numbered
//!   per page article; the first `limit` of each are returned with their article row. Only the
//!   first `limit` + [`MAX_LINKS`] similar ones are checked against the choices: an article has
//!   at most [`MAX_LINKS`] choices, so the first `limit` that are not chosen are among them,
//!   and the check costs a few lookups per article rather than one per candidate.
//!
//! Each candidate's status, time, rights and source are read from the covering index
//! `articles_related_idx` rather than from its row, which on SQLite lies behind the body. That
//! is the one backend-specific word here: SQLite, which keeps no statistics unless asked,
//! would otherwise prefer the row, so it is told to use the index (`INDEXED BY`); PostgreSQL
//! picks the index-only scan by itself.
//!
//! [`Visibility::predicate`]: super::super::visibility::Visibility::predicate

use diesel::expression::SelectableHelper;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Timestamp, Untyped};

use quire_domain::validation::MAX_LINKS;

use super::super::visibility::{ArticlePredicate, live_at};
use crate::db::{Backend, Db, DbConn};
use crate::key_list::{OneOf, one_of};
use crate::rows::ArticleRow;
use crate::schema::articles;

/// What each tag an article shares with the one being read adds to its score: tags say most
/// about what an article is about.
pub const SHARED_TAG: i64 = 3;
/// What coming from the same source adds: a hint of kinship, worth less than one shared tag.
pub const SAME_SOURCE: i64 = 1;
/// What being fresh adds: between two equally close articles, a reader wants the recent one.
pub const FRESH: i64 = 1;
/// How many of the newest articles under each shared tag, and from the same source, are
/// weighed: those that went live (or, for drafts, were started) most recently by the request's
/// instant. A tag or a source may hold tens of thousands of articles; weighing them all would
/// make a page's cost grow with the archive. The statement's cost follows this number (one
/// article at 5,000 articles on SQLite: 1.1 ms at a hundred, 0.4 ms at thirty), and it is paid
/// on every article page, while the newest thirty under each of an article's tags already
/// hold the articles a reader is likely to want next.
pub const CANDIDATES_PER_GROUP: i64 = 30;

/// The related articles of the articles in `keys`, at most `limit` each.
pub(super) struct Related {
    backend: Backend,
    page: OneOf<articles::id>,
    curated: ArticlePredicate,
    live: live_at,
    limit: i64,
    shortlist: i64,
    fresh_since: chrono::NaiveDateTime,
    weights: [i64; 3],
    /// The offset of the last candidate weighed in a tag or source, newest first.
    last_candidate: i64,
    /// The request's instant: candidates are the newest articles gone live by then.
    now: chrono::NaiveDateTime,
    columns: diesel::dsl::AsSelect<ArticleRow, Db>,
}

impl Related {
    /// The statement for the articles `keys`: the editors' choices that `curated` lets the
    /// viewer open, then articles live at `now`, of which those gone live since `fresh_since`
    /// score higher.
    pub(super) fn new(
        backend: Backend,
        keys: Vec<i64>,
        limit: i64,
        curated: ArticlePredicate,
        now: chrono::NaiveDateTime,
        fresh_since: chrono::NaiveDateTime,
    ) -> Self {
        Self {
            backend,
            page: one_of(articles::id, keys),
            curated,
            live: live_at(now),
            limit,
            shortlist: limit.saturating_add(i64::try_from(MAX_LINKS).unwrap_or(i64::MAX)),
            fresh_since,
            weights: [SHARED_TAG, SAME_SOURCE, FRESH],
            last_candidate: CANDIDATES_PER_GROUP - 1,
            now,
            columns: ArticleRow::as_select(),
        }
    }
}

impl QueryFragment<Db> for Related {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Db>) -> QueryResult<()> {
        let [shared_tag, same_source, fresh] = &self.weights;
        out.push_sql(
            "WITH page AS (\
               SELECT articles.id AS key_id, articles.source_id AS key_source \
               FROM articles WHERE ",
        );
        self.page.walk_ast(out.reborrow())?;
        out.push_sql(
            "), curated AS (\
               SELECT article_related.article_id AS key_id, \
                 article_related.related_id AS related_id, \
                 0 AS tier, article_related.position AS place \
               FROM article_related \
               INNER JOIN articles ON articles.id = article_related.related_id \
               WHERE article_related.article_id IN (SELECT key_id FROM page) AND (",
        );
        self.curated.walk_ast(out.reborrow())?;
        out.push_sql(
            ")), tag_cuts AS (\
               SELECT page.key_id AS key_id, page.key_source AS key_source, \
                 mine.tag_id AS tag_id, ",
        );
        self.walk_cut(out.reborrow(), "article_tags", "tag_id", "mine.tag_id")?;
        out.push_sql(
            " AS since \
               FROM page INNER JOIN article_tags mine ON mine.article_id = page.key_id\
             ), source_cuts AS (\
               SELECT page.key_id AS key_id, page.key_source AS key_source, ",
        );
        self.walk_cut(out.reborrow(), "articles", "source_id", "page.key_source")?;
        out.push_sql(
            " AS since \
               FROM page WHERE page.key_source IS NOT NULL\
             ), candidates AS (\
               SELECT found.key_id AS key_id, found.key_source AS key_source, \
                 found.candidate_id AS candidate_id, SUM(found.tag) AS tags \
               FROM (\
                 SELECT tag_cuts.key_id AS key_id, tag_cuts.key_source AS key_source, \
                   theirs.article_id AS candidate_id, 1 AS tag \
                 FROM tag_cuts \
                 INNER JOIN article_tags theirs ON theirs.tag_id = tag_cuts.tag_id \
                 WHERE theirs.sort_at >= tag_cuts.since AND theirs.sort_at <= ",
        );
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        out.push_sql(
            " AND theirs.article_id <> tag_cuts.key_id \
                 UNION ALL \
                 SELECT source_cuts.key_id, source_cuts.key_source, articles.id, 0 \
                 FROM source_cuts \
                 INNER JOIN articles ON articles.source_id = source_cuts.key_source \
                 WHERE articles.sort_at >= source_cuts.since AND articles.sort_at <= ",
        );
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        out.push_sql(
            " AND articles.id <> source_cuts.key_id\
               ) found \
               GROUP BY found.key_id, found.key_source, found.candidate_id\
             ), alike AS (\
               SELECT candidates.key_id AS key_id, articles.id AS related_id, 1 AS tier, \
                 ROW_NUMBER() OVER (PARTITION BY candidates.key_id ORDER BY \
                   candidates.tags * ",
        );
        out.push_bind_param::<BigInt, _>(shared_tag)?;
        out.push_sql(" + CASE WHEN articles.source_id = candidates.key_source THEN ");
        out.push_bind_param::<BigInt, _>(same_source)?;
        out.push_sql(" ELSE 0 END + CASE WHEN articles.sort_at >= ");
        out.push_bind_param::<Timestamp, _>(&self.fresh_since)?;
        out.push_sql(" THEN ");
        out.push_bind_param::<BigInt, _>(fresh)?;
        out.push_sql(
            " ELSE 0 END DESC, articles.sort_at DESC, articles.id DESC) AS place \
               FROM candidates \
               INNER JOIN articles",
        );
        if self.backend == Backend::Sqlite {
            out.push_sql(" INDEXED BY articles_related_idx");
        }
        out.push_sql(" ON articles.id = candidates.candidate_id WHERE (");
        self.live.walk_ast(out.reborrow())?;
        out.push_sql(
            ")), ranked AS (\
               SELECT picked.key_id AS key_id, picked.related_id AS related_id, \
                 ROW_NUMBER() OVER (PARTITION BY picked.key_id \
                   ORDER BY picked.tier, picked.place) AS slot \
               FROM (\
                 SELECT key_id, related_id, tier, place FROM curated \
                 UNION ALL \
                 SELECT key_id, related_id, tier, place FROM alike WHERE place <= ",
        );
        out.push_bind_param::<BigInt, _>(&self.shortlist)?;
        out.push_sql(
            " AND NOT EXISTS (\
                   SELECT 1 FROM article_related \
                   WHERE article_related.article_id = alike.key_id \
                     AND article_related.related_id = alike.related_id\
                 )\
               ) picked\
             ) \
             SELECT ranked.key_id AS key_id, ",
        );
        self.columns.walk_ast(out.reborrow())?;
        out.push_sql(
            " FROM ranked INNER JOIN articles ON articles.id = ranked.related_id \
             WHERE ranked.slot <= ",
        );
        out.push_bind_param::<BigInt, _>(&self.limit)?;
        out.push_sql(" ORDER BY ranked.key_id, ranked.slot");
        Ok(())
    }
}

impl Related {
    /// The sort key from which the newest [`CANDIDATES_PER_GROUP`] articles of one group (the
    /// rows of `table` whose `column` equals `outer`) gone live by the request's instant begin;
    /// the group's oldest when it holds fewer.
    fn walk_cut<'b>(
        &'b self,
        mut out: AstPass<'_, 'b, Db>,
        table: &'static str,
        column: &'static str,
        outer: &'static str,
    ) -> QueryResult<()> {
        for part in [
            "COALESCE((SELECT newest.sort_at FROM ",
            table,
            " newest WHERE newest.",
        ] {
            out.push_sql(part);
        }
        for part in [column, " = ", outer, " AND newest.sort_at <= "] {
            out.push_sql(part);
        }
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        out.push_sql(" ORDER BY newest.sort_at DESC LIMIT 1 OFFSET ");
        out.push_bind_param::<BigInt, _>(&self.last_candidate)?;
        for part in [
            "), (SELECT MIN(oldest.sort_at) FROM ",
            table,
            " oldest WHERE oldest.",
        ] {
            out.push_sql(part);
        }
        for part in [column, " = ", outer, "))"] {
            out.push_sql(part);
        }
        Ok(())
    }
}

impl QueryId for Related {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for Related {
    type SqlType = Untyped;
}

impl RunQueryDsl<DbConn> for Related {}
