//! An article's history put to use: what changed between two revisions, and bringing one back.

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use quire_domain::ArticleId;
use quire_domain::audit::Change;
use quire_domain::revision_diff::{self, DiffLine, LineChange};
use quire_persistence::store::{articles, revisions};

use super::mutation::bylined;
use super::object::ArticleNode;
use super::revision::RevisionNode;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, parse_id, read, write};

/// How a body line fared between two revisions.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "DiffChange")]
pub enum DiffChangeValue {
    /// In both revisions.
    Unchanged,
    /// Only in the later one.
    Added,
    /// Only in the earlier one.
    Removed,
}

/// One line of a body diff.
#[derive(SimpleObject, Debug, Clone)]
#[graphql(name = "DiffLine")]
pub struct DiffLineNode {
    /// Kept, added or removed.
    pub change: DiffChangeValue,
    /// The line, without its line break.
    pub text: String,
}

impl From<DiffLine> for DiffLineNode {
    fn from(line: DiffLine) -> Self {
        Self {
            change: match line.change {
                LineChange::Unchanged => DiffChangeValue::Unchanged,
                LineChange::Added => DiffChangeValue::Added,
                LineChange::Removed => DiffChangeValue::Removed,
            },
            text: line.text,
        }
    }
}

/// What changed between two revisions of an article.
#[derive(SimpleObject)]
#[graphql(name = "RevisionDiff")]
pub struct RevisionDiffNode {
    /// The earlier revision.
    pub from: RevisionNode,
    /// The later revision.
    pub to: RevisionNode,
    /// Fields that differ, by their GraphQL names, in a fixed order: `title`, `subtitle`,
    /// `excerpt`, `body`, then `authors`, `tags`, `source`, `sourceUrl` and `related` when both
    /// revisions recorded them (revisions from before they were recorded name text fields only).
    pub changed_fields: Vec<String>,
    /// The body line by line: every line of both revisions in reading order, each marked kept,
    /// added or removed.
    pub body_diff: Vec<DiffLineNode>,
}

/// Revision reads.
#[derive(Default)]
pub struct HistoryQuery;

#[Object]
impl HistoryQuery {
    /// What changed from revision `from` to revision `to` of an article. Editors and admins.
    async fn revision_diff(
        &self,
        ctx: &Context<'_>,
        article_id: ID,
        #[graphql(desc = "The earlier revision number, as `Revision.revision` gives it.")]
        from: i32,
        #[graphql(desc = "The later revision number.")] to: i32,
    ) -> async_graphql::Result<RevisionDiffNode> {
        ctx.request()
            .viewer
            .may_read_revisions()
            .map_err(ApiError::from)?;
        let id: ArticleId = parse_id("articleId", &article_id)?;
        let visibility = ctx.visibility();
        let (earlier, later) = read(ctx, move |conn| {
            if articles::by_id(conn, id, visibility)?.is_none() {
                return Ok(None);
            }
            Ok(Some((
                revisions::get(conn, id, from)?,
                revisions::get(conn, id, to)?,
            )))
        })
        .await?
        .ok_or_else(|| ApiError::NotFound("no article has that id".into()))?;
        let missing = |which: &str, number: i32| {
            ApiError::NotFound(format!(
                "the article has no revision {number} (`{which}`); its revisions are listed by `revisions`"
            ))
        };
        let earlier = earlier.ok_or_else(|| missing("from", from))?;
        let later = later.ok_or_else(|| missing("to", to))?;
        let diff = revision_diff::diff(&earlier, &later);
        Ok(RevisionDiffNode {
            from: RevisionNode(earlier),
            to: RevisionNode(later),
            changed_fields: diff.changed_fields.into_iter().map(str::to_owned).collect(),
            body_diff: diff.body.into_iter().map(DiffLineNode::from).collect(),
        })
    }
}

/// Revision writes.
#[derive(Default)]
pub struct HistoryMutation;

#[Object]
impl HistoryMutation {
    /// Makes an earlier revision's content current again, as a new version and a new revision:
    /// title, subtitle, excerpt and body, and the authors, tags, source and related articles it
    /// recorded (those deleted since are left out). Nothing is rewritten in place. Allowed to
    /// whoever may edit the article; a stale `expectedVersion` is CONFLICT.
    async fn restore_revision(
        &self,
        ctx: &Context<'_>,
        article_id: ID,
        #[graphql(desc = "The revision to bring back, as `Revision.revision` gives it.")]
        revision: i32,
        #[graphql(desc = "The article's version as the caller last read it.")]
        expected_version: i32,
    ) -> async_graphql::Result<ArticleNode> {
        let request = ctx.request();
        let viewer = request.viewer;
        viewer.may_attempt_edits().map_err(ApiError::from)?;
        let id: ArticleId = parse_id("articleId", &article_id)?;
        let now = request.now;
        let article = write(
            ctx,
            move |conn| {
                let bylined = bylined(conn, &viewer, id)?;
                articles::restore(
                    conn,
                    id,
                    revision,
                    expected_version,
                    |a| viewer.may_edit_article(a, bylined),
                    viewer.user_id(),
                    now,
                )
            },
            Change::article_written,
        )
        .await?;
        Ok(ArticleNode::from(article))
    }
}
