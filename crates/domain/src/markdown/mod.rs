//! Markdown bodies rendered to HTML that is safe to inject into any page, in the forms newsrooms
//! write: subheads with stable anchors, tables, footnotes, block quotes (pull quotes) and figures
//! with captions.

mod footnotes;
mod outline;
mod sanitize;

use pulldown_cmark::{Event, Options, Parser, html};

pub use outline::Heading;

/// The Markdown Quire reads: `CommonMark` with tables, footnotes, strikethrough, typographic
/// quotes and `{#anchor}` after a heading to choose its anchor.
fn parser(markdown: &str) -> Parser<'_> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES;
    Parser::new_ext(markdown, options)
}

/// Renders Markdown to HTML with scripts, event handlers and unsafe URLs removed, so frontends
/// can display `bodyHtml` without sanitising it again. Headings carry the anchors
/// [`table_of_contents`] lists; an image alone in its paragraph becomes a figure captioned with
/// its title, or else its alternative text.
pub fn render_html(markdown: &str) -> String {
    let mut events: Vec<Event<'_>> = parser(markdown).collect();
    outline::anchor_headings(&mut events);
    outline::make_figures(&mut events);
    let events = footnotes::link(events);
    let mut unsafe_html = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut unsafe_html, events.into_iter());
    sanitize::clean(&unsafe_html)
}

/// The body's headings in order, with the anchors [`render_html`] gives them, for a table of
/// contents.
pub fn table_of_contents(markdown: &str) -> Vec<Heading> {
    let mut events: Vec<Event<'_>> = parser(markdown).collect();
    outline::anchor_headings(&mut events)
}

/// What a body gives when it is stored: its safe HTML and the words a reader sees. Deriving
/// them is most of the CPU an article's write costs, so a bulk writer derives them on another
/// thread ahead of the write and hands them over with the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedBody {
    /// [`render_html`] of the body.
    pub html: String,
    /// [`crate::text::word_count`] of the body.
    pub word_count: u32,
}

impl RenderedBody {
    /// Renders and counts `markdown`.
    pub fn of(markdown: &str) -> Self {
        RenderedBody {
            html: render_html(markdown),
            word_count: crate::text::word_count(markdown),
        }
    }
}

#[cfg(test)]
mod tests;
