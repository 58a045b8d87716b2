//! The excerpt a result list shows under each article: the stretch of text around the best
//! match, HTML-escaped, with `<mark>` around the words that matched. It is computed here from
//! the article's text with the same terms the index holds, so `dockers` is marked for a search
//! of `docker` on either backend.

use std::ops::Range;

use super::SearchLanguage;
use super::query::SearchQuery;
use super::terms::{Analyzer, Token};
use crate::text::plain_text;

/// Words a snippet shows.
const WINDOW: usize = 30;

/// Words shown before the first match, when the text goes on before it.
const LEAD: usize = 8;

/// Matches considered when choosing the window, so a word repeated throughout a long text
/// costs no more than a few hundred.
const MAX_MATCHES: usize = 500;

/// A match: where it starts, how many words it covers, and which clause it satisfies.
struct Match {
    start: usize,
    len: usize,
    clause: usize,
}

/// The snippet of `text` for `query`, as safe HTML; `None` when no clause matches in `text`.
pub fn snippet(text: &str, query: &SearchQuery, analyzer: &Analyzer) -> Option<String> {
    let tokens = analyzer.tokens(text);
    let matches = find_matches(&tokens, query);
    if matches.is_empty() {
        return None;
    }
    let start = best_window(&matches).min(tokens.len().saturating_sub(WINDOW));
    let end = (start + WINDOW).min(tokens.len());
    let mut marked = vec![false; tokens.len()];
    for found in matches.iter().filter(|m| m.start >= start && m.start < end) {
        for flag in marked.iter_mut().skip(found.start).take(found.len) {
            *flag = true;
        }
    }
    let before = match start {
        0 => 0,
        _ => tokens[start].span.start,
    };
    let after = match tokens.get(end) {
        Some(_) => tokens[end - 1].span.end,
        None => text.len(),
    };
    Some(render(
        text,
        before..after,
        &tokens[start..end],
        &marked[start..end],
    ))
}

/// The snippet of an article for `query`: from its body as a reader sees it, else from its
/// excerpt, else from its title; the start of the excerpt, escaped, when none of them matches
/// (a match beyond the indexed length of a very long body).
pub fn article_snippet(
    title: &str,
    excerpt: &str,
    body_markdown: &str,
    query: &SearchQuery,
    language: SearchLanguage,
) -> String {
    let analyzer = Analyzer::new(language);
    snippet(&plain_text(body_markdown), query, &analyzer)
        .or_else(|| snippet(excerpt, query, &analyzer))
        .or_else(|| snippet(title, query, &analyzer))
        .unwrap_or_else(|| {
            let mut html = String::new();
            escape_into(&mut html, excerpt);
            html
        })
}

/// Every place where a clause matches, in text order.
fn find_matches(tokens: &[Token], query: &SearchQuery) -> Vec<Match> {
    let mut matches = Vec::new();
    for start in 0..tokens.len() {
        for (clause, wanted) in query.clauses().iter().enumerate() {
            let len = wanted.terms().len();
            let Some(stretch) = tokens.get(start..start + len) else {
                continue;
            };
            if wanted.matches(stretch.iter().map(|t| t.term.as_str())) {
                matches.push(Match { start, len, clause });
            }
        }
        if matches.len() >= MAX_MATCHES {
            break;
        }
    }
    matches
}

/// The first word of the window that shows the most different clauses, then the most
/// matches; the earliest such window, starting a few words before its first match.
fn best_window(matches: &[Match]) -> usize {
    let mut best = (0, 0, 0);
    for first in matches {
        let start = first.start.saturating_sub(LEAD);
        let inside: Vec<&Match> = matches
            .iter()
            .filter(|m| m.start >= start && m.start + m.len <= start + WINDOW)
            .collect();
        let mut clauses: Vec<usize> = inside.iter().map(|m| m.clause).collect();
        clauses.sort_unstable();
        clauses.dedup();
        let score = (clauses.len(), inside.len());
        if score > (best.0, best.1) {
            best = (score.0, score.1, start);
        }
    }
    best.2
}

/// The part `shown` of `text`, escaped, with the `window` words that are `marked` marked; an
/// ellipsis where the text goes on.
fn render(text: &str, shown: Range<usize>, window: &[Token], marked: &[bool]) -> String {
    let mut html = String::new();
    if shown.start > 0 {
        html.push('…');
    }
    let mut open = false;
    let mut at = shown.start;
    for (i, token) in window.iter().enumerate() {
        let gap = &text[at..token.span.start];
        if i == 0 {
            escape_into(&mut html, gap.trim_start());
        } else {
            let joins = open && marked[i] && gap.chars().all(char::is_whitespace);
            if open && !joins {
                html.push_str("</mark>");
                open = false;
            }
            escape_into(&mut html, gap);
        }
        if marked[i] && !open {
            html.push_str("<mark>");
            open = true;
        }
        escape_into(&mut html, &text[token.span.clone()]);
        at = token.span.end;
    }
    if open {
        html.push_str("</mark>");
    }
    escape_into(&mut html, text[at..shown.end].trim_end());
    if shown.end < text.len() {
        html.push('…');
    }
    html
}

/// Appends `text` with the characters HTML gives meaning to escaped.
fn escape_into(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            c => html.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snip(text: &str, search: &str) -> Option<String> {
        let language = SearchLanguage::English;
        snippet(
            text,
            &SearchQuery::parse(search, language),
            &Analyzer::new(language),
        )
    }

    #[test]
    fn marks_stemmed_matches() {
        assert_eq!(
            snip("The dockers walked out.", "docker").as_deref(),
            Some("The <mark>dockers</mark> walked out.")
        );
    }

    #[test]
    fn phrases_are_marked_as_one_and_only_where_they_match() {
        assert_eq!(
            snip(
                "A crane here. Crane operators struck.",
                "\"crane operators\""
            )
            .as_deref(),
            Some("A crane here. <mark>Crane operators</mark> struck.")
        );
    }

    #[test]
    fn cjk_substrings_are_marked_whole() {
        assert_eq!(
            snip("码头工人今天罢工，起重机停止运转", "起重机").as_deref(),
            Some("码头工人今天罢工，<mark>起重机</mark>停止运转")
        );
    }

    #[test]
    fn escapes_everything_else() {
        assert_eq!(
            snip("<script>alert('dockers')</script> & co", "docker").as_deref(),
            Some("&lt;script&gt;alert(&#39;<mark>dockers</mark>&#39;)&lt;/script&gt; &amp; co")
        );
    }

    #[test]
    fn long_texts_show_a_window_around_the_best_match() {
        let mut words: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        words[50] = "monsoon".into();
        words[80] = "floods".into();
        words[85] = "monsoon".into();
        let text = words.join(" ");
        let html = snip(&text, "monsoon floods").unwrap();
        assert!(html.starts_with("…w70 "), "{html}");
        assert!(html.ends_with(" w99"), "{html}");
        assert!(
            html.contains("<mark>floods</mark>") && html.contains("<mark>monsoon</mark>"),
            "{html}"
        );
        assert_eq!(html.matches(' ').count(), WINDOW - 1, "{html}");
    }

    #[test]
    fn texts_cut_at_both_ends_say_so() {
        let mut words: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        words[50] = "docker".into();
        let html = snip(&words.join(" "), "docker").unwrap();
        assert!(
            html.starts_with("…w42 ") && html.ends_with(" w71…"),
            "{html}"
        );
    }

    #[test]
    fn articles_are_snipped_from_body_then_excerpt_then_title() {
        let query = SearchQuery::parse("monsoon", SearchLanguage::English);
        let english = SearchLanguage::English;
        assert_eq!(
            article_snippet("T", "E", "The **monsoon** came.", &query, english),
            "The <mark>monsoon</mark> came."
        );
        assert_eq!(
            article_snippet("Monsoon", "Rain & more", "Nothing.", &query, english),
            "<mark>Monsoon</mark>"
        );
        assert_eq!(
            article_snippet("T", "Rain & more", "Nothing.", &query, english),
            "Rain &amp; more"
        );
    }

    #[test]
    fn no_match_no_snippet() {
        assert_eq!(snip("Nothing here.", "docker"), None);
    }
}
