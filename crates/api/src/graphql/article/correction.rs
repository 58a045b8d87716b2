//! Corrections in GraphQL: the `Correction` type and the `addCorrection` mutation.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use quire_domain::audit::Change;
use quire_domain::{ArticleId, Correction, CorrectionText};
use quire_persistence::store::articles::corrections;

use super::object::ArticleNode;
use crate::error::ApiError;
use crate::graphql::context::{ContextExt, parse_id, write};

/// One correction as GraphQL serves it.
pub struct CorrectionNode(pub Correction);

/// A dated public note appended to an article after it ran, admitting and putting right an
/// error. Corrections are never edited or removed.
#[Object(name = "Correction")]
impl CorrectionNode {
    /// The note, as plain text: not Markdown, not HTML. Escape it like any other text.
    async fn text(&self) -> &str {
        &self.0.text
    }

    /// When the correction was added.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Adding corrections.
#[derive(Default)]
pub struct CorrectionMutation;

#[Object]
impl CorrectionMutation {
    /// Appends a dated public correction to an article, after those it already has, without
    /// rewriting anything: the article's text stays as it is, its version and `updatedAt` move
    /// on and the change is kept as a revision. Readers see the correction wherever they see
    /// the article. `text` is plain text of 1 to 2,000 characters once trimmed. Editors and
    /// admins.
    async fn add_correction(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The article to correct.")] article_id: ID,
        #[graphql(desc = "The note readers will see, as plain text.")] text: String,
    ) -> async_graphql::Result<ArticleNode> {
        let request = ctx.request();
        request
            .viewer
            .may_add_correction()
            .map_err(ApiError::from)?;
        let article: ArticleId = parse_id("articleId", &article_id)?;
        let text = CorrectionText::parse(text).map_err(ApiError::from)?;
        let (editor, now) = (request.viewer.user_id(), request.now);
        let corrected = write(
            ctx,
            move |conn| corrections::add(conn, article, &text, editor, now),
            Change::article_written,
        )
        .await?;
        Ok(ArticleNode::from(corrected))
    }
}
