//! `Article.tableOfContents`: the body's headings, for frontends that list an article's sections
//! beside it or link to one.

use async_graphql::SimpleObject;
use quire_domain::markdown::Heading;

/// One heading of an article's body.
#[derive(SimpleObject, Debug, Clone)]
#[graphql(name = "TableOfContentsEntry")]
pub struct TableOfContentsEntry {
    /// 1 to 6, as in `<h2>`; subheads written `##` are 2.
    pub level: i32,
    /// The heading's words, without markup.
    pub text: String,
    /// The heading's `id` in `bodyHtml`, to link to as `#anchor`. Made from the heading's words
    /// (`-2`, `-3`… when headings repeat) or chosen in the Markdown as `## Heading {#anchor}`.
    pub anchor: String,
}

impl From<Heading> for TableOfContentsEntry {
    fn from(heading: Heading) -> Self {
        Self {
            level: i32::from(heading.level),
            text: heading.text,
            anchor: heading.anchor,
        }
    }
}
