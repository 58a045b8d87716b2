//! Saved web pages of syndicated articles: a blog republishes a piece from another publication,
//! and someone saves the page as text. Such a page has, top to bottom, the blog's navigation, the
//! title, a "Source: Publication, Country" line, the body with plain-text subheads, pull quotes
//! and "Also Read" links, the author's note in parentheses, and then the blog's own listings.
//! This module keeps the article, pull quotes as block quotes, and leaves the page around it.

mod blocks;
mod byline;
mod markers;
mod repeats;

use quire_domain::{ArticleDocument, AuthorReference, RelatedReference};

use self::blocks::Block;
use quire_domain::document::also_read_paragraph;
use quire_domain::markdown_escape;

/// Blocks after the title within which the source line must appear: a page may put a date or a
/// standfirst between them, but a "Source:" line deep in the body is not this kind of page.
const MAX_BLOCKS_BEFORE_SOURCE: usize = 3;

/// One article from a saved page, or why the text is not a saved article page.
pub fn parse(text: &str) -> Result<ArticleDocument, String> {
    let blocks = blocks::article_blocks(text);
    let (title, source_at) = head(&blocks)?;
    let source = markers::source(&blocks[source_at].text);
    let mut parts: Vec<Part<'_>> = blocks[1..]
        .iter()
        .enumerate()
        .filter(|(index, _)| index + 1 != source_at)
        .map(|(_, block)| match markers::also_read(&block.text) {
            Some(title) => Part::AlsoRead(title),
            None => Part::Paragraph(block),
        })
        .collect();
    let authors = take_author_note(&mut parts);
    mark_subheads(&mut parts);
    mark_pull_quotes(&mut parts);
    if !parts.iter().any(|part| matches!(part, Part::Paragraph(_))) {
        return Err("the page has a title and a source line but no article text".to_owned());
    }
    Ok(ArticleDocument {
        title: title.to_owned(),
        body: render(&parts),
        authors,
        source,
        related: parts
            .iter()
            .filter_map(|part| match part {
                Part::AlsoRead(title) => Some(RelatedReference::Title(title.clone())),
                _ => None,
            })
            .collect(),
        ..ArticleDocument::default()
    })
}

/// One piece of the body, as it will be written.
enum Part<'a> {
    Paragraph(&'a Block),
    Subhead(&'a Block),
    PullQuote(&'a Block),
    AlsoRead(String),
}

/// The title and the index of the source line, or why the page is not recognised.
fn head(blocks: &[Block]) -> Result<(&str, usize), String> {
    let Some(title) = blocks.first() else {
        return Err("the page holds nothing but navigation links".to_owned());
    };
    let source_at = blocks
        .iter()
        .enumerate()
        .skip(1)
        .take(MAX_BLOCKS_BEFORE_SOURCE)
        .find(|(_, block)| markers::source(&block.text).is_some())
        .map(|(index, _)| index)
        .ok_or_else(|| {
            format!(
                "it does not start with a `---` front matter line, and no `Source: <publication>` \
                 line follows its first line, `{}`",
                shortened(&title.text)
            )
        })?;
    Ok((&title.text, source_at))
}

fn shortened(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    if text.chars().count() <= MAX_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX_CHARS).collect();
    format!("{cut}…")
}

/// Removes the closing author note and returns the authors it names; a page without one has no
/// byline, and a last paragraph that names no one stays in the body.
fn take_author_note(parts: &mut Vec<Part<'_>>) -> Vec<AuthorReference> {
    let Some(last) = parts
        .iter()
        .rposition(|part| matches!(part, Part::Paragraph(_)))
    else {
        return Vec::new();
    };
    let Part::Paragraph(block) = parts[last] else {
        return Vec::new();
    };
    match byline::authors_from_note(&block.text) {
        Some(authors) => {
            parts.remove(last);
            authors
        }
        None => Vec::new(),
    }
}

/// Marks pull quotes, which stay where the page has them as block quotes, so the body reads as
/// the page did while the paragraph they repeat keeps its place in the text. Subheads are marked
/// first and kept out of the comparison: a heading often repeats a phrase of the paragraph under
/// it without being a quote.
fn mark_pull_quotes(parts: &mut [Part<'_>]) {
    let paragraphs: Vec<&Block> = parts
        .iter()
        .filter_map(|part| match part {
            Part::Paragraph(block) => Some(*block),
            _ => None,
        })
        .collect();
    let mut repeated = repeats::repeated(&paragraphs).into_iter();
    for part in parts.iter_mut() {
        if let Part::Paragraph(block) = *part
            && repeated.next().unwrap_or(false)
        {
            *part = Part::PullQuote(block);
        }
    }
}

/// A short unpunctuated line between the start of the body and a paragraph is a subhead.
fn mark_subheads(parts: &mut [Part<'_>]) {
    for index in 1..parts.len() {
        let followed_by_paragraph = matches!(parts.get(index + 1), Some(Part::Paragraph(_)));
        if let Part::Paragraph(block) = parts[index]
            && followed_by_paragraph
            && markers::could_be_subhead(&block.text)
        {
            parts[index] = Part::Subhead(block);
        }
    }
}

fn render(parts: &[Part<'_>]) -> String {
    let rendered: Vec<String> = parts
        .iter()
        .map(|part| match part {
            Part::Paragraph(block) => markdown_escape::paragraph(&block.text),
            Part::Subhead(block) => markdown_escape::heading(&block.text),
            Part::PullQuote(block) => markdown_escape::quote(&block.text),
            Part::AlsoRead(title) => also_read_paragraph(title),
        })
        .collect();
    rendered.join("\n\n")
}

#[cfg(test)]
mod tests;
