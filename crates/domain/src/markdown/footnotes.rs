//! Footnotes numbered in the order a reader meets them, with anchors of their own (`fn-…` for
//! the note, `fnref-…` for where it is first called) so they never collide with a heading's.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::slug::Slug;

/// Replaces footnote references and definitions with linked, numbered markup.
pub fn link(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut number_of = |label: &str| -> (usize, bool) {
        let next = numbers.len() + 1;
        let mut first = false;
        let number = *numbers.entry(label.to_owned()).or_insert_with(|| {
            first = true;
            next
        });
        (number, first)
    };
    let mut linked = Vec::with_capacity(events.len());
    for event in events {
        linked.push(match event {
            Event::FootnoteReference(label) => {
                let (number, first) = number_of(&label);
                let anchor = anchor(&label);
                let id = if first {
                    format!(" id=\"fnref-{anchor}\"")
                } else {
                    String::new()
                };
                Event::InlineHtml(CowStr::from(format!(
                    "<sup class=\"footnote-reference\"{id}><a href=\"#fn-{anchor}\">{number}</a></sup>"
                )))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let (number, _) = number_of(&label);
                let anchor = anchor(&label);
                Event::Html(CowStr::from(format!(
                    "<div class=\"footnote-definition\" id=\"fn-{anchor}\">\
                     <sup class=\"footnote-definition-label\"><a href=\"#fnref-{anchor}\">{number}</a></sup>"
                )))
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html(CowStr::from("</div>\n")),
            other => other,
        });
    }
    linked
}

/// A label such as `1` or `source note` as the tail of an anchor.
fn anchor(label: &str) -> String {
    Slug::from_title(label).into_string()
}
