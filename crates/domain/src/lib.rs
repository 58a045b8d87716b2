//! What Quire *is*, free of any framework or database: the editorial content types, the rules
//! that keep them consistent (status transitions, slugs, derived text), input validation and the
//! permission policy. Every other crate leans on these definitions, so a newcomer can learn the
//! product here without reading SQL or HTTP code.

pub mod api_token;
pub mod attribution;
pub mod audit;
pub mod bundle;
pub mod correction;
pub mod cursor;
pub mod document;
pub mod error;
pub mod ids;
pub mod markdown;
pub mod markdown_escape;
pub mod model;
pub mod policy;
pub mod related;
pub mod revision_diff;
pub mod role;
pub mod search;
pub mod slug;
pub mod status;
pub mod text;
pub mod time;
pub mod validation;

pub use api_token::{ApiToken, ApiTokenScope, NewApiToken};
pub use correction::{Correction, CorrectionText};
pub use document::{ArticleDocument, AuthorReference, RelatedReference, SourceReference};
pub use error::{DomainError, FieldError};
pub use ids::{ApiTokenId, ArticleId, AuthorId, SourceId, TagId, UserId};
pub use model::{
    Article, ArticleChanges, ArticleText, Author, AuthorFields, NewArticle, NewUser, Revision,
    RevisionRelations, Source, SourceFields, Tag, TagFields, User,
};
pub use policy::{ReadScope, Viewer};
pub use related::RelatedLimit;
pub use role::Role;
pub use slug::Slug;
pub use status::ArticleStatus;
