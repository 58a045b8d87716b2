//! Headings with stable anchors, and figures: the parts of a body a frontend links to or lays out
//! apart from the running text.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use crate::slug::Slug;

/// One heading of a body, as a table of contents lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6, as in `<h2>`.
    pub level: u8,
    /// The heading's words, without markup.
    pub text: String,
    /// Its `id` in the rendered body: the heading's words as a slug, `-2`, `-3`… when several
    /// headings read alike, or the `{#anchor}` the writer chose. Anchors depend only on the
    /// headings, so links to a section keep working while the text around them changes.
    pub anchor: String,
}

/// What a heading with no letters or digits is anchored as.
const FALLBACK_ANCHOR: &str = "section";

/// Gives every heading its anchor, in place, and returns the headings.
pub fn anchor_headings(events: &mut [Event<'_>]) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for start in 0..events.len() {
        let Event::Start(Tag::Heading { level, id, .. }) = &events[start] else {
            continue;
        };
        let text = text_until_heading_end(&events[start + 1..]);
        let wanted = id
            .as_deref()
            .and_then(|chosen| Slug::parse(chosen).ok())
            .unwrap_or_else(|| {
                if text.chars().any(char::is_alphanumeric) {
                    Slug::from_title(&text)
                } else {
                    Slug::from_title(FALLBACK_ANCHOR)
                }
            });
        let anchor = unique(&wanted, &taken);
        headings.push(Heading {
            level: level_number(*level),
            text: text.trim().to_owned(),
            anchor: anchor.clone(),
        });
        if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
            *id = Some(CowStr::from(anchor.clone()));
        }
        taken.push(anchor);
    }
    headings
}

fn unique(wanted: &Slug, taken: &[String]) -> String {
    let mut candidate = wanted.clone();
    let mut n = 1;
    while taken.iter().any(|anchor| anchor == candidate.as_str()) {
        n += 1;
        candidate = wanted.with_suffix(n);
    }
    candidate.into_string()
}

fn text_until_heading_end(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(words) | Event::Code(words) => text.push_str(words),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Turns each paragraph that holds one image and nothing else into a `<figure>`, captioned with
/// the image's title, or else its alternative text.
pub fn make_figures(events: &mut [Event<'_>]) {
    let mut at = 0;
    while at < events.len() {
        match lone_image(&events[at..]) {
            Some((length, caption)) => {
                events[at] = Event::Html(CowStr::from("<figure>"));
                let closing = match caption.trim() {
                    "" => "</figure>\n".to_owned(),
                    caption => format!(
                        "<figcaption>{}</figcaption></figure>\n",
                        ammonia::clean_text(caption)
                    ),
                };
                events[at + length - 1] = Event::Html(CowStr::from(closing));
                at += length;
            }
            None => at += 1,
        }
    }
}

/// When `events` open a paragraph whose only content is one image: how many events the
/// paragraph spans, and its caption.
fn lone_image(events: &[Event<'_>]) -> Option<(usize, String)> {
    let [
        Event::Start(Tag::Paragraph),
        Event::Start(Tag::Image { title, .. }),
        rest @ ..,
    ] = events
    else {
        return None;
    };
    let mut alt = String::new();
    for (offset, event) in rest.iter().enumerate() {
        match event {
            Event::End(TagEnd::Image) => {
                let Some(Event::End(TagEnd::Paragraph)) = rest.get(offset + 1) else {
                    return None;
                };
                let caption = if title.trim().is_empty() {
                    alt
                } else {
                    title.to_string()
                };
                return Some((offset + 4, caption));
            }
            Event::Text(words) | Event::Code(words) => alt.push_str(words),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            Event::Start(Tag::Image { .. }) => return None,
            _ => {}
        }
    }
    None
}
