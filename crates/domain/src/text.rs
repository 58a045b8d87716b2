//! Figures derived from an article body: plain text, excerpt, word count and reading time.
//! They are computed when the body is written, so reads never pay for them.

use pulldown_cmark::{Event, Parser, TagEnd};

/// Longest derived excerpt, in characters, before the ellipsis.
pub const EXCERPT_CHARS: usize = 240;

/// Average adult silent reading speed used for `readingTimeMinutes`.
pub const WORDS_PER_MINUTE: u32 = 230;

/// The body's text with the Markdown syntax removed, blocks separated by single spaces.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    visible_words(markdown, |word| {
        push_word(&mut text, word);
        true
    });
    text
}

/// An excerpt for listings: the opening of the body, cut at a word boundary. Only the opening
/// is walked, so long bodies cost no more than short ones.
pub fn derive_excerpt(markdown: &str) -> String {
    let mut text = String::new();
    let mut chars = 0;
    visible_words(markdown, |word| {
        chars += usize::from(!text.is_empty()) + word.chars().count();
        push_word(&mut text, word);
        chars <= EXCERPT_CHARS
    });
    if chars <= EXCERPT_CHARS {
        return text;
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > 0 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Words in the body, counting what a reader sees rather than Markdown syntax: the words of
/// [`plain_text`], counted as the text streams by instead of building it first, since every
/// stored or imported body is counted.
pub fn word_count(markdown: &str) -> u32 {
    let mut words: u32 = 0;
    let mut in_word = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => {
                for c in t.chars() {
                    if c.is_whitespace() {
                        in_word = false;
                    } else if !in_word {
                        in_word = true;
                        words = words.saturating_add(1);
                    }
                }
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => in_word = false,
            _ => {}
        }
    }
    words
}

/// Appends `word` to `text`, a space between words.
fn push_word(text: &mut String, word: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(word);
}

/// Calls `each` with every word a reader sees, in order, until it returns false. A word may
/// span several pieces of text (`bo*ld*` is one word); block ends and line breaks end words.
fn visible_words(markdown: &str, mut each: impl FnMut(&str) -> bool) {
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        let go_on = word.is_empty() || each(word);
        word.clear();
        go_on
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(piece) | Event::Code(piece) => {
                for c in piece.chars() {
                    if !c.is_whitespace() {
                        word.push(c);
                    } else if !flush(&mut word) {
                        return;
                    }
                }
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
                if !flush(&mut word) =>
            {
                return;
            }
            _ => {}
        }
    }
    flush(&mut word);
}

/// Minutes a reader needs, rounded up; never zero for a non-empty body.
pub fn reading_time_minutes(words: u32) -> u32 {
    words.div_ceil(WORDS_PER_MINUTE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            plain_text("## Head\n\nSome *bold* `code`\nnext line\n\n- item"),
            "Head Some bold code next line item"
        );
    }

    #[test]
    fn short_bodies_are_their_own_excerpt() {
        assert_eq!(derive_excerpt("Just *this*."), "Just this.");
    }

    #[test]
    fn long_bodies_are_cut_at_a_word() {
        let body = "word ".repeat(200);
        let excerpt = derive_excerpt(&body);
        assert!(excerpt.ends_with("word…"));
        assert!(excerpt.chars().count() <= EXCERPT_CHARS + 1);
    }

    #[test]
    fn a_word_split_by_markup_is_one_word() {
        assert_eq!(word_count("bo*ld* move"), 2);
        assert_eq!(plain_text("bo*ld* move"), "bold move");
    }

    #[test]
    fn the_excerpt_is_the_opening_of_the_plain_text() {
        let body = "## Heading\n\nA *long* paragraph, ".to_owned() + &"with many words ".repeat(40);
        let excerpt = derive_excerpt(&body);
        let text = plain_text(&body);
        let kept = excerpt.trim_end_matches('…');
        assert!(text.starts_with(kept), "{excerpt}");
        assert!(text.chars().count() > EXCERPT_CHARS);
    }

    #[test]
    fn counts_the_words_of_the_plain_text() {
        for body in [
            "",
            "One",
            "## Head\n\nSome *bold*`code` next\nline\n\n- item\n- two words",
            "foo*bar* baz  \t qux\r\n\n> quoted **strong**text\n\n| a | b |\n|---|---|\n| c d | e |",
            "Urdu اردو متن and 中文 words\u{2028}separated",
        ] {
            let expected = plain_text(body).split_whitespace().count();
            assert_eq!(word_count(body) as usize, expected, "{body:?}");
        }
    }

    #[test]
    fn counts_words_and_minutes() {
        assert_eq!(word_count("One two\n\nthree *four*"), 4);
        assert_eq!(reading_time_minutes(0), 0);
        assert_eq!(reading_time_minutes(1), 1);
        assert_eq!(reading_time_minutes(230), 1);
        assert_eq!(reading_time_minutes(231), 2);
    }
}
