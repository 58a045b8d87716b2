//! Markdown files with YAML front matter: the form static-site generators and
//! `gen_dataset.py --markdown` write, and the easiest one to write by hand. The block between the
//! first two `---` lines holds the fields; everything after it is the Markdown body.

mod fields;
mod keys;
mod write;

use quire_domain::{ArticleDocument, RelatedReference};
use serde_norway::{Mapping, Value};

use self::keys::Key;
use super::error::FormatError;

pub use write::render;

/// The file line on which the YAML starts, right under the opening `---`.
const YAML_FIRST_LINE: usize = 2;

/// Whether the text opens with a front matter fence, which decides the format.
pub fn starts_with_front_matter(text: &str) -> bool {
    text.lines().next().is_some_and(is_fence)
}

/// One article from a Markdown file whose first line is `---`.
pub fn parse(text: &str) -> Result<ArticleDocument, FormatError> {
    let (yaml, body) = split(text)?;
    let mapping = parse_yaml(yaml)?;
    let mut document = ArticleDocument {
        body,
        ..ArticleDocument::default()
    };
    let mut seen: Vec<(Key, &str)> = Vec::new();
    for (name, value) in &mapping {
        let Some(name) = name.as_str() else {
            return Err(FormatError::at_line(
                YAML_FIRST_LINE,
                "every front matter key must be a plain word, such as `title`",
            ));
        };
        let line = keys::line_of_key(yaml, name, YAML_FIRST_LINE);
        let key = Key::parse(name)
            .ok_or_else(|| FormatError::at_line(line, keys::unknown_key_reason(name)))?;
        if let Some((_, earlier)) = seen.iter().find(|(seen_key, _)| *seen_key == key) {
            return Err(FormatError::at_line(
                line,
                format!("`{name}` repeats `{earlier}`; keep one of them"),
            ));
        }
        seen.push((key, name));
        apply(&mut document, key, name, value)
            .map_err(|reason| FormatError::at_line(line, reason))?;
    }
    if document.title.is_empty() {
        return Err(FormatError::at_line(
            1,
            "the front matter has no `title`; add a line such as `title: \"The headline\"`",
        ));
    }
    Ok(document)
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// The YAML between the fences, and the body after them without its leading blank lines.
fn split(text: &str) -> Result<(&str, String), FormatError> {
    let after_opening = text.find('\n').map_or(text.len(), |newline| newline + 1);
    let rest = &text[after_opening..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if is_fence(content) || content.trim_end() == "..." {
            let yaml = &rest[..offset];
            let body = trim_leading_blank_lines(&rest[offset + line.len()..]);
            return Ok((yaml, body.trim_end().to_owned()));
        }
        offset += line.len();
    }
    Err(FormatError::at_line(
        1,
        "the front matter opened by `---` on this line is never closed; add a line `---` after \
         its last key",
    ))
}

fn trim_leading_blank_lines(body: &str) -> &str {
    let mut rest = body;
    while let Some(newline) = rest.find('\n') {
        if !rest[..newline].trim().is_empty() {
            break;
        }
        rest = &rest[newline + 1..];
    }
    if rest.trim().is_empty() { "" } else { rest }
}

fn parse_yaml(yaml: &str) -> Result<Mapping, FormatError> {
    if yaml.trim().is_empty() {
        return Ok(Mapping::new());
    }
    let value: Value = serde_norway::from_str(yaml).map_err(|error| yaml_error(yaml, &error))?;
    match value {
        Value::Mapping(mapping) => Ok(mapping),
        Value::Null => Ok(Mapping::new()),
        _ => Err(FormatError::at_line(
            YAML_FIRST_LINE,
            "the front matter must be `key: value` lines, such as `title: \"The headline\"`",
        )),
    }
}

fn yaml_error(yaml: &str, error: &serde_norway::Error) -> FormatError {
    let message = error.to_string();
    if let Some(name) = repeated_key(&message)
        && let Some(line) = keys::line_of_repeated_key(yaml, name, YAML_FIRST_LINE)
    {
        return FormatError::at_line(line, format!("`{name}` is given twice; keep one of them"));
    }
    let line = error.location().map_or(YAML_FIRST_LINE, |location| {
        YAML_FIRST_LINE + location.line() - 1
    });
    let hint = if message.starts_with("mapping values are not allowed") {
        "; a value containing `: ` must be in quotes, such as title: \"Kashmir: after the lockdown\""
    } else {
        ""
    };
    FormatError::at_line(
        line,
        format!(
            "the front matter is not valid YAML: {}{hint}",
            without_positions(&message)
        ),
    )
}

/// The key the YAML library found twice; it reports the mapping's first line, not the repeat.
fn repeated_key(message: &str) -> Option<&str> {
    message
        .strip_prefix("duplicate entry with key \"")?
        .split('"')
        .next()
}

/// The YAML library counts lines from the start of the front matter, not of the file; the
/// error already carries the file's line, so its own positions would only mislead.
fn without_positions(message: &str) -> String {
    let mut cleaned = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        cleaned.push_str(&rest[..at]);
        let after = &rest[at + " at line ".len()..];
        let after = after.trim_start_matches(|c: char| c.is_ascii_digit());
        let after = after.strip_prefix(" column ").unwrap_or(after);
        rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    cleaned.push_str(rest);
    cleaned
}

fn apply(
    document: &mut ArticleDocument,
    key: Key,
    name: &str,
    value: &Value,
) -> Result<(), String> {
    match key {
        Key::Title => {
            document.title = fields::text(name, value)?
                .ok_or_else(|| format!("`{name}` is empty; every article needs a headline"))?;
        }
        Key::Slug => document.slug = fields::text(name, value)?,
        Key::Subtitle => document.subtitle = fields::text(name, value)?,
        Key::Excerpt => document.excerpt = fields::text(name, value)?,
        Key::Authors => {
            document.authors = fields::names(name, value)?
                .into_iter()
                .map(|name| quire_domain::AuthorReference { name, bio: None })
                .collect();
        }
        Key::Source => document.source = fields::source(name, value)?,
        Key::SourceUrl => document.source_url = fields::text(name, value)?,
        Key::Tags => document.tags = fields::names(name, value)?,
        Key::Status => document.status = fields::status(name, value)?,
        Key::PublishedAt => document.published_at = fields::instant(name, value)?,
        Key::Related => {
            document.related = fields::names(name, value)?
                .into_iter()
                .map(RelatedReference::Slug)
                .collect();
        }
        Key::CanonicalUrl => document.canonical_url = fields::text(name, value)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests;
