//! Markdown bodies rendered to HTML that is safe to inject into any page.

use pulldown_cmark::{Options, Parser, html};

/// Renders Markdown to HTML with scripts, event handlers and unsafe URLs removed, so frontends
/// can display `bodyHtml` without sanitising it again.
pub fn render_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut unsafe_html = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::clean(&unsafe_html)
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
mod tests {
    use super::*;

    #[test]
    fn renders_common_markdown() {
        let html = render_html("## Subhead\n\nSome *emphasis* and a [link](https://example.com).");
        assert!(html.contains("<h2>Subhead</h2>"));
        assert!(html.contains("<em>emphasis</em>"));
        assert!(html.contains("href=\"https://example.com\""));
    }

    #[test]
    fn strips_scripts_and_handlers() {
        let html = render_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("javascript:"));
    }
}
