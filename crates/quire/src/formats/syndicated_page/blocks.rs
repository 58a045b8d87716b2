//! A saved page cut into its text blocks, without the host site's chrome: navigation and share
//! links are dropped, and everything from the host blog's own listings ("Popular posts from this
//! blog", comment forms) on is cut, since none of it belongs to the article.

use super::markers;

/// Lines that are links or buttons of the host page, compared in lower case without a final
/// colon.
const NAVIGATION: &[&str] = &[
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "menu",
    "home",
    "search",
    "search this blog",
    "share",
    "share this",
    "share this article",
    "share this post",
    "share this story",
    "tweet",
    "twitter",
    "email",
    "e-mail",
    "facebook",
    "whatsapp",
    "telegram",
    "linkedin",
    "pinterest",
    "reddit",
    "print",
    "copy link",
    "get link",
    "other apps",
    "subscribe",
    "advertisement",
    "continue reading",
    "read more",
];

/// Lines after which a blog page shows only its own material: its labels, post links, comment
/// form and listings. A line that starts with one of them and a colon counts too.
const END_OF_ARTICLE: &[&str] = &[
    "labels",
    "popular posts from this blog",
    "post a comment",
    "newer post",
    "older post",
    "subscribe to: post comments (atom)",
];

/// Lines longer than this are unwrapped paragraphs; a run of shorter lines is one paragraph
/// that was wrapped.
const WRAPPED_LINE_CHARS: usize = 100;

/// One paragraph-like piece of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The text, on one line.
    pub text: String,
    /// Followed by more than one blank line. Pages lay out pull quotes and asides that way, so
    /// when two blocks say the same thing this tells the quote from the paragraph it repeats.
    pub set_apart: bool,
}

/// The blocks of the page up to where the host blog's own material starts.
pub fn article_blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut blocks = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let folded = fold(line);
        if ends_the_article(&folded) {
            break;
        }
        if line.is_empty() {
            continue;
        }
        if !NAVIGATION.contains(&folded.as_str()) {
            run.push(line);
        }
        let next_is_text = lines.get(index + 1).is_some_and(|next| !next.is_empty());
        if !next_is_text && !run.is_empty() {
            let blank_lines_after = lines[index + 1..]
                .iter()
                .take_while(|next| next.is_empty())
                .count();
            push_run(&mut blocks, &run, blank_lines_after > 1);
            run.clear();
        }
    }
    push_run(&mut blocks, &run, false);
    blocks
}

fn ends_the_article(folded: &str) -> bool {
    END_OF_ARTICLE.iter().any(|marker| {
        folded
            .strip_prefix(marker)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))
    })
}

/// Lower case, runs of spaces (including no-break spaces) as one, no final colon.
fn fold(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    words
        .join(" ")
        .trim_end_matches(':')
        .trim_end()
        .to_lowercase()
}

/// Adds the lines between two blank lines as blocks: marker lines such as "Source:" stand alone,
/// long lines are paragraphs each, and short lines together are one wrapped paragraph.
fn push_run(blocks: &mut Vec<Block>, run: &[&str], set_apart: bool) {
    let mut pieces: Vec<String> = Vec::new();
    let mut wrapped: Vec<&str> = Vec::new();
    let unwrapped = run
        .iter()
        .any(|line| line.chars().count() > WRAPPED_LINE_CHARS);
    for line in run {
        let stands_alone =
            unwrapped || markers::source(line).is_some() || markers::also_read(line).is_some();
        if stands_alone {
            if !wrapped.is_empty() {
                pieces.push(wrapped.join(" "));
                wrapped.clear();
            }
            pieces.push((*line).to_owned());
        } else {
            wrapped.push(line);
        }
    }
    if !wrapped.is_empty() {
        pieces.push(wrapped.join(" "));
    }
    let last = pieces.len().saturating_sub(1);
    blocks.extend(pieces.into_iter().enumerate().map(|(index, text)| Block {
        text,
        set_apart: set_apart && index == last,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        article_blocks(text)
            .into_iter()
            .map(|block| block.text)
            .collect()
    }

    #[test]
    fn drops_navigation_and_stops_at_the_blog_listing() {
        let page = "Skip to main content\n\nTitle\n\nShare\nTweet\nEmail\n\nBody.\n\n\
                    Facebook\n\nWhatsApp\n\nCopy link\n\nPopular posts from this blog\n\nOther post";
        assert_eq!(texts(page), ["Title", "Body."]);
        assert_eq!(
            texts("Title\n\nBody.\n\nPOPULAR POSTS FROM THIS BLOG:\n\nX"),
            ["Title", "Body."]
        );
        assert_eq!(texts("One.\nShare\n\nTwo."), ["One.", "Two."]);
        assert_eq!(
            texts("Body.\n\nLabels: floods, rivers\n\nOlder post"),
            ["Body."]
        );
    }

    #[test]
    fn marks_blocks_followed_by_extra_blank_lines() {
        let blocks = article_blocks("A quote.\n\n\nA paragraph.\n\nAnother.\n\n\n");
        let set_apart: Vec<bool> = blocks.iter().map(|block| block.set_apart).collect();
        assert_eq!(set_apart, [true, false, true]);
    }

    #[test]
    fn wrapped_lines_join_and_unwrapped_lines_stay_apart() {
        assert_eq!(
            texts("A paragraph that was\nwrapped at a short width.\n"),
            ["A paragraph that was wrapped at a short width."]
        );
        let long = "x".repeat(120);
        assert_eq!(
            texts(&format!("Heading\n{long}\n{long}")),
            ["Heading", long.as_str(), long.as_str()]
        );
    }

    #[test]
    fn source_and_also_read_lines_stand_alone_without_blank_lines() {
        let page = "Title\nSource: Dawn, Pakistan\n\nBody.\nAlso Read: Another title\n";
        assert_eq!(
            texts(page),
            [
                "Title",
                "Source: Dawn, Pakistan",
                "Body.",
                "Also Read: Another title"
            ]
        );
    }
}
