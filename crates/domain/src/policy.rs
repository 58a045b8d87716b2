//! Who may do what. Every permission decision in Quire is one of these functions, so the rules
//! can be read, reviewed and tested in one place; the API only asks.

use crate::api_token::ApiTokenScope;
use crate::error::DomainError;
use crate::ids::{ApiTokenId, UserId};
use crate::model::Article;
use crate::role::Role;
use crate::status::ArticleStatus;

/// Whoever is making the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Viewer {
    /// No credentials: a reader of the public site.
    #[default]
    Anonymous,
    /// A signed-in member of staff.
    User {
        /// The account.
        id: UserId,
        /// Its role at sign-in time.
        role: Role,
    },
    /// A frontend holding an API token: it reads, and never writes.
    ApiToken {
        /// The token, so its use can be recorded.
        id: ApiTokenId,
        /// What it may read.
        scope: ApiTokenScope,
    },
}

/// Which articles a viewer may read. Unpublished stories can be under embargo, so besides
/// what is published an author reads only the drafts they may edit: their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadScope {
    /// What is published, live at the instant of the request: anonymous readers.
    Published,
    /// What is published, plus the drafts this user created: authors.
    PublishedAndOwnDrafts(UserId),
    /// What is published, plus drafts and scheduled articles but no archived ones: preview
    /// tokens, which render stories before they go out, not after they were withdrawn.
    PublishedAndUnreleased,
    /// Drafts, scheduled and archived articles too: editors and admins.
    Everything,
}

/// Why an API token is refused anything but reading.
const READ_ONLY_TOKEN: &str =
    "API tokens are read-only: sign in as a member of staff to change content, accounts or tokens";

/// Shorthand for a permission check's outcome.
pub type Decision = Result<(), DomainError>;

impl Viewer {
    /// Which articles the viewer may read, everywhere alike: single fetches, lists, relations,
    /// search and counts. An author reads the drafts [`Viewer::may_edit_article`] lets them
    /// edit, and no one else's.
    pub fn read_scope(&self) -> ReadScope {
        match self {
            Viewer::Anonymous
            | Viewer::ApiToken {
                scope: ApiTokenScope::Read,
                ..
            } => ReadScope::Published,
            Viewer::ApiToken {
                scope: ApiTokenScope::Preview,
                ..
            } => ReadScope::PublishedAndUnreleased,
            Viewer::User {
                id,
                role: Role::Author,
            } => ReadScope::PublishedAndOwnDrafts(*id),
            Viewer::User {
                role: Role::Admin | Role::Editor,
                ..
            } => ReadScope::Everything,
        }
    }

    /// The signed-in account, if any.
    pub fn user_id(&self) -> Option<UserId> {
        match self {
            Viewer::User { id, .. } => Some(*id),
            Viewer::Anonymous | Viewer::ApiToken { .. } => None,
        }
    }

    /// The role of a signed-in user. Every permission check but reading goes through here, so
    /// an API token is refused every write in this one place.
    /// The account whose byline links matter to [`Viewer::may_edit_article`]: an AUTHOR's;
    /// editors and admins edit everything anyway, so nothing needs looking up for them.
    pub fn author_account(&self) -> Option<UserId> {
        match self {
            Viewer::User {
                id,
                role: Role::Author,
            } => Some(*id),
            _ => None,
        }
    }

    fn role(&self) -> Result<Role, DomainError> {
        match self {
            Viewer::User { role, .. } => Ok(*role),
            Viewer::Anonymous => Err(DomainError::SignInRequired),
            Viewer::ApiToken { .. } => Err(DomainError::Forbidden(READ_ONLY_TOKEN)),
        }
    }

    fn at_least_editor(&self, refusal: &'static str) -> Decision {
        match self.role()? {
            Role::Admin | Role::Editor => Ok(()),
            Role::Author => Err(DomainError::Forbidden(refusal)),
        }
    }

    /// Any member of staff may start an article.
    pub fn may_create_article(&self) -> Decision {
        self.role().map(|_| ())
    }

    /// Only members of staff edit or delete any article, so everyone else is refused before the
    /// article is even read; [`Viewer::may_edit_article`] and [`Viewer::may_delete_article`]
    /// decide once it is.
    pub fn may_attempt_edits(&self) -> Decision {
        self.role().map(|_| ())
    }

    /// Editors change any article; authors only drafts they created or whose byline carries the
    /// author linked to their account (`bylined`, which the caller looks up).
    pub fn may_edit_article(&self, article: &Article, bylined: bool) -> Decision {
        match self.role()? {
            Role::Admin | Role::Editor => Ok(()),
            Role::Author if self.owns_draft(article) => Ok(()),
            Role::Author if bylined && article.status == ArticleStatus::Draft => Ok(()),
            Role::Author => Err(DomainError::Forbidden(
                "authors may edit only drafts they wrote or carry their byline; ask an editor",
            )),
        }
    }

    /// Publishing, scheduling, unpublishing and archiving are editorial decisions.
    pub fn may_change_status(&self) -> Decision {
        self.at_least_editor("only editors and admins may publish, unpublish or archive")
    }

    /// A correction speaks for the publication in public, so it is an editorial decision.
    pub fn may_add_correction(&self) -> Decision {
        self.at_least_editor("only editors and admins may add corrections")
    }

    /// Editors delete any article; authors only their own drafts.
    pub fn may_delete_article(&self, article: &Article) -> Decision {
        match self.role()? {
            Role::Admin | Role::Editor => Ok(()),
            Role::Author if self.owns_draft(article) => Ok(()),
            Role::Author => Err(DomainError::Forbidden(
                "authors may delete only their own drafts; ask an editor",
            )),
        }
    }

    /// Authors, sources and tags are shared by every article, so only editors curate them.
    pub fn may_manage_taxonomy(&self) -> Decision {
        self.at_least_editor("only editors and admins may change authors, sources and tags")
    }

    /// Revision history is an editorial tool, closed to API tokens even though it is a read.
    pub fn may_read_revisions(&self) -> Decision {
        if let Viewer::ApiToken { .. } = self {
            return Err(DomainError::Forbidden(
                "revision history is for editors and admins; API tokens cannot read it",
            ));
        }
        self.at_least_editor("only editors and admins may read revision history")
    }

    /// Which account signs in as which author is staff information, for linking bylines.
    pub fn may_see_author_accounts(&self) -> Decision {
        self.at_least_editor("only editors and admins may see which account an author uses")
    }

    /// The trash holds what editors deleted, drafts under embargo included, so listing and
    /// restoring it is an editor's decision.
    pub fn may_manage_trash(&self) -> Decision {
        self.at_least_editor("only editors and admins may list or restore the trash")
    }

    /// Purging cannot be undone, so it takes an admin.
    pub fn may_purge_articles(&self) -> Decision {
        match self.role()? {
            Role::Admin => Ok(()),
            Role::Editor | Role::Author => Err(DomainError::Forbidden(
                "only admins may purge articles for good; an editor may restore them",
            )),
        }
    }

    /// The audit log names who changed what, staff accounts included: an editor's concern,
    /// never a reader's or an author's.
    pub fn may_read_audit_log(&self) -> Decision {
        self.at_least_editor("only editors and admins may read the audit log")
    }

    /// Accounts are the administrators' business.
    pub fn may_manage_users(&self) -> Decision {
        match self.role()? {
            Role::Admin => Ok(()),
            Role::Editor | Role::Author => {
                Err(DomainError::Forbidden("only admins may manage users"))
            }
        }
    }

    /// API tokens open the content to machines, so only admins issue, list and revoke them.
    pub fn may_manage_api_tokens(&self) -> Decision {
        match self.role()? {
            Role::Admin => Ok(()),
            Role::Editor | Role::Author => {
                Err(DomainError::Forbidden("only admins may manage API tokens"))
            }
        }
    }

    fn owns_draft(&self, article: &Article) -> bool {
        article.status == ArticleStatus::Draft
            && article.created_by.is_some()
            && article.created_by == self.user_id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ArticleId;

    fn user(id: i64, role: Role) -> Viewer {
        Viewer::User {
            id: UserId(id),
            role,
        }
    }

    fn article(created_by: i64, status: ArticleStatus) -> Article {
        let now = crate::time::now();
        Article {
            id: ArticleId(1),
            slug: "a".into(),
            title: "A".into(),
            subtitle: None,
            excerpt: String::new(),
            excerpt_is_custom: false,
            text: None,
            word_count: 0,
            status,
            published_at: None,
            source_id: None,
            source_url: None,
            canonical_url: None,
            rights_expire_at: None,
            trashed_at: None,
            created_by: Some(UserId(created_by)),
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    #[test]
    fn anonymous_readers_must_sign_in_to_write() {
        let anon = Viewer::Anonymous;
        assert_eq!(anon.read_scope(), ReadScope::Published);
        assert!(matches!(
            anon.may_create_article(),
            Err(DomainError::SignInRequired)
        ));
        assert!(matches!(
            anon.may_manage_users(),
            Err(DomainError::SignInRequired)
        ));
    }

    #[test]
    fn authors_edit_only_their_own_drafts() {
        let author = user(7, Role::Author);
        assert!(author.may_create_article().is_ok());
        assert!(
            author
                .may_edit_article(&article(7, ArticleStatus::Draft), false)
                .is_ok()
        );
        assert!(
            author
                .may_delete_article(&article(7, ArticleStatus::Draft))
                .is_ok()
        );
        assert!(
            author
                .may_edit_article(&article(8, ArticleStatus::Draft), false)
                .is_err()
        );
        assert!(
            author
                .may_edit_article(&article(7, ArticleStatus::Published), false)
                .is_err()
        );
        assert!(
            author
                .may_edit_article(&article(8, ArticleStatus::Draft), true)
                .is_ok(),
            "a colleague's draft carrying the author's byline"
        );
        assert!(
            author
                .may_edit_article(&article(8, ArticleStatus::Published), true)
                .is_err(),
            "a byline does not open published articles to their authors"
        );
        assert!(
            author
                .may_delete_article(&article(8, ArticleStatus::Draft))
                .is_err()
        );
        assert!(author.may_see_author_accounts().is_err());
        assert_eq!(
            author.read_scope(),
            ReadScope::PublishedAndOwnDrafts(UserId(7))
        );
        assert!(author.may_change_status().is_err());
        assert!(author.may_manage_taxonomy().is_err());
        assert!(author.may_read_revisions().is_err());
    }

    #[test]
    fn editors_run_content_and_admins_run_accounts() {
        let editor = user(1, Role::Editor);
        assert!(
            editor
                .may_edit_article(&article(9, ArticleStatus::Published), false)
                .is_ok()
        );
        assert_eq!(editor.read_scope(), ReadScope::Everything);
        assert!(editor.may_change_status().is_ok());
        assert!(editor.may_manage_taxonomy().is_ok());
        assert!(matches!(
            editor.may_manage_users(),
            Err(DomainError::Forbidden(_))
        ));
        assert!(user(2, Role::Admin).may_manage_users().is_ok());
        assert!(user(2, Role::Admin).may_manage_api_tokens().is_ok());
        assert!(editor.may_manage_api_tokens().is_err());
    }

    #[test]
    fn only_editors_and_admins_add_corrections() {
        assert!(user(1, Role::Editor).may_add_correction().is_ok());
        assert!(user(2, Role::Admin).may_add_correction().is_ok());
        assert!(matches!(
            user(7, Role::Author).may_add_correction(),
            Err(DomainError::Forbidden(_))
        ));
        assert!(matches!(
            Viewer::Anonymous.may_add_correction(),
            Err(DomainError::SignInRequired)
        ));
    }

    #[test]
    fn api_tokens_read_by_scope_and_never_write() {
        let token = |scope| Viewer::ApiToken {
            id: ApiTokenId(3),
            scope,
        };
        let read = token(ApiTokenScope::Read);
        let preview = token(ApiTokenScope::Preview);
        assert_eq!(read.read_scope(), ReadScope::Published);
        assert_eq!(preview.read_scope(), ReadScope::PublishedAndUnreleased);
        for viewer in [read, preview] {
            assert_eq!(viewer.user_id(), None);
            let draft = article(1, ArticleStatus::Draft);
            for decision in [
                viewer.may_attempt_edits(),
                viewer.may_create_article(),
                viewer.may_edit_article(&draft, true),
                viewer.may_delete_article(&draft),
                viewer.may_change_status(),
                viewer.may_manage_taxonomy(),
                viewer.may_manage_users(),
                viewer.may_manage_api_tokens(),
            ] {
                assert!(
                    matches!(decision, Err(DomainError::Forbidden(why)) if why.contains("read-only"))
                );
            }
            assert!(matches!(
                viewer.may_read_revisions(),
                Err(DomainError::Forbidden(_))
            ));
        }
    }
}
