//! The one sanitizer every body goes through: ammonia's defaults, which remove scripts, event
//! handlers and unsafe URLs, plus the anchors and classes Quire's own markup needs.

use std::borrow::Cow;
use std::sync::LazyLock;

use ammonia::Builder;

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// Built once: a builder holds a dozen sets that would otherwise be rebuilt for every body.
static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::default();
    for heading in HEADINGS {
        builder.add_tag_attributes(heading, &["id"]);
    }
    builder
        .add_tag_attributes("div", &["id"])
        .add_tag_attributes("sup", &["id"])
        .add_allowed_classes("div", &["footnote-definition"])
        .add_allowed_classes("sup", &["footnote-reference", "footnote-definition-label"])
        .attribute_filter(keep_own_anchors);
    builder
});

/// Removes everything unsafe from `html`.
pub fn clean(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// Keeps an `id` only in the shapes Quire writes: a slug on a heading, `fn-` or `fnref-` and a
/// slug on a footnote's `div` or `sup`. Any other `id` written as raw HTML goes, so a body names
/// no arbitrary element for a page's scripts to trip over.
fn keep_own_anchors<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    if attribute != "id" {
        return Some(Cow::Borrowed(value));
    }
    let slug = if HEADINGS.contains(&element) {
        Some(value)
    } else {
        value
            .strip_prefix("fn-")
            .or_else(|| value.strip_prefix("fnref-"))
    };
    slug.filter(|slug| crate::slug::Slug::parse(slug).is_ok())
        .map(|_| Cow::Borrowed(value))
}
