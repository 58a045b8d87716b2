//! Plain text, such as a saved page's, made safe to store as Markdown. A paragraph that happens to start
//! with `#` or `1.`, or a hashtag written `*like this*`, is prose, not markup; without escaping,
//! the rendered article would show headings, lists or emphasis the author never wrote.

/// Characters that can start or end inline markup anywhere in a line: emphasis, strikethrough,
/// code, links, footnotes, raw HTML, and the escape character itself.
const INLINE_SPECIALS: [char; 8] = ['\\', '`', '*', '_', '~', '[', ']', '<'];

/// Characters that turn a line into a block (heading, quote, list, table) when they start it.
const LINE_START_SPECIALS: [char; 6] = ['#', '>', '-', '+', '=', '|'];

/// One paragraph of plain text as Markdown that renders as exactly that text.
pub fn paragraph(text: &str) -> String {
    let escaped = inline(text);
    if escaped.starts_with(LINE_START_SPECIALS) {
        return format!("\\{escaped}");
    }
    escape_ordered_list_marker(escaped)
}

/// A plain-text pull quote as a Markdown block quote holding that text as one paragraph.
pub fn quote(text: &str) -> String {
    paragraph(text)
        .lines()
        .map(|line| format!("> {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A plain-text subhead as a level-two Markdown heading.
pub fn heading(text: &str) -> String {
    let mut escaped = inline(text);
    if escaped.ends_with('#') {
        escaped.insert(escaped.len() - 1, '\\');
    }
    format!("## {escaped}")
}

fn inline(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if INLINE_SPECIALS.contains(&c) || (c == '&' && starts_an_entity(&text[at + 1..])) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// `&amp;`, `&#8217;` and the like would render as the character they name.
fn starts_an_entity(after_ampersand: &str) -> bool {
    let name_length = after_ampersand
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .count();
    name_length > 0 && after_ampersand[name_length..].starts_with(';')
}

/// `1. ` or `2) ` at the start of a paragraph would begin an ordered list.
fn escape_ordered_list_marker(text: String) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let marker_follows = (1..=9).contains(&digits)
        && text[digits..].starts_with(['.', ')'])
        && text[digits + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
    if marker_follows {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_stays_as_it_is() {
        let text = "Pakistan’s PM said, “When I come to power, I will resign,” on 26 August.";
        assert_eq!(paragraph(text), text);
        assert_eq!(
            paragraph("HRCP tweets as #DhoondKarLao"),
            "HRCP tweets as #DhoondKarLao"
        );
    }

    #[test]
    fn block_markers_at_the_start_are_escaped() {
        assert_eq!(paragraph("# not a heading"), "\\# not a heading");
        assert_eq!(paragraph("> not a quote"), "\\> not a quote");
        assert_eq!(paragraph("- not a list"), "\\- not a list");
        assert_eq!(paragraph("+ not a list"), "\\+ not a list");
        assert_eq!(paragraph("1. not a list"), "1\\. not a list");
        assert_eq!(paragraph("2019) was a year"), "2019\\) was a year");
        assert_eq!(paragraph("---"), "\\---");
        assert_eq!(paragraph("1.5 million people"), "1.5 million people");
    }

    #[test]
    fn inline_markup_characters_are_escaped() {
        assert_eq!(paragraph("a *b* c_d_"), "a \\*b\\* c\\_d\\_");
        assert_eq!(
            paragraph("[link](x) `code` ~~no~~"),
            "\\[link\\](x) \\`code\\` \\~\\~no\\~\\~"
        );
        assert_eq!(paragraph("<script>"), "\\<script>");
        assert_eq!(paragraph("a \\ b"), "a \\\\ b");
        assert_eq!(paragraph("AT&T &amp; Co"), "AT&T \\&amp; Co");
    }

    #[test]
    fn headings_keep_a_final_hash() {
        assert_eq!(heading("Why #MeToo"), "## Why #MeToo");
        assert_eq!(heading("Learning C#"), "## Learning C\\#");
        assert_eq!(heading("A *bold* claim"), "## A \\*bold\\* claim");
    }
}
