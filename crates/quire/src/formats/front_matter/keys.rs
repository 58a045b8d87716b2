//! The front matter keys Quire understands, and where each one sits in the file. A misspelt key
//! must stop the import rather than silently drop a field, so the error names the key, suggests
//! the one probably meant and lists them all.

/// One field of an article as front matter names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Title,
    Slug,
    Subtitle,
    Excerpt,
    Authors,
    Source,
    SourceUrl,
    Tags,
    Status,
    PublishedAt,
    Related,
    CanonicalUrl,
}

/// Every key with its accepted spellings, the first being the one `quire export` writes.
const SPELLINGS: [(Key, &[&str]); 12] = [
    (Key::Title, &["title"]),
    (Key::Slug, &["slug"]),
    (Key::Subtitle, &["subtitle"]),
    (Key::Excerpt, &["excerpt"]),
    (Key::Authors, &["authors"]),
    (Key::Source, &["source"]),
    (Key::SourceUrl, &["sourceUrl", "source_url"]),
    (Key::Tags, &["tags"]),
    (Key::Status, &["status"]),
    (Key::PublishedAt, &["publishedAt", "published_at"]),
    (Key::Related, &["related"]),
    (Key::CanonicalUrl, &["canonicalUrl", "canonical_url"]),
];

impl Key {
    /// The key a front matter name stands for, in any of its spellings.
    pub fn parse(name: &str) -> Option<Key> {
        SPELLINGS
            .iter()
            .find(|(_, spellings)| spellings.contains(&name))
            .map(|(key, _)| *key)
    }
}

/// The reason given for a key Quire does not know.
pub fn unknown_key_reason(name: &str) -> String {
    let known: Vec<&str> = SPELLINGS
        .iter()
        .map(|(_, spellings)| spellings[0])
        .collect();
    let suggestion = closest_spelling(name)
        .map(|spelling| format!(" (did you mean `{spelling}`?)"))
        .unwrap_or_default();
    format!(
        "unknown key `{name}`{suggestion}; the known keys are {} (snake_case spellings such as \
         source_url are accepted too)",
        known.join(", ")
    )
}

fn closest_spelling(name: &str) -> Option<&'static str> {
    let lowered = name.to_lowercase();
    SPELLINGS
        .iter()
        .flat_map(|(_, spellings)| spellings.iter().copied())
        .map(|spelling| (edit_distance(&lowered, &spelling.to_lowercase()), spelling))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, spelling)| spelling)
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, a_char) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, b_char) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(a_char != *b_char);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The 1-based line of the front matter (whose first line is `first_line` in the file) on which
/// the top-level key `name` is written; the first line when it cannot be found, as with a key
/// inside a `{...}` mapping written on one line.
pub fn line_of_key(yaml: &str, name: &str, first_line: usize) -> usize {
    yaml.lines()
        .position(|line| top_level_key(line) == Some(name))
        .map_or(first_line, |index| first_line + index)
}

/// The line of the second top-level `name:` line, where a key is repeated.
pub fn line_of_repeated_key(yaml: &str, name: &str, first_line: usize) -> Option<usize> {
    yaml.lines()
        .enumerate()
        .filter(|(_, line)| top_level_key(line) == Some(name))
        .nth(1)
        .map(|(index, _)| first_line + index)
}

/// The key a `key: value` line at the top level starts with, plain or quoted.
fn top_level_key(line: &str) -> Option<&str> {
    let quote = line.chars().next().filter(|c| matches!(c, '"' | '\''));
    let (key, after) = match quote {
        Some(quote) => {
            let end = line[1..].find(quote)? + 1;
            (&line[1..end], &line[end + 1..])
        }
        None => {
            if line.starts_with(|c: char| c.is_whitespace() || matches!(c, '#' | '-')) {
                return None;
            }
            let colon = line.find(':')?;
            (line[..colon].trim_end(), &line[colon..])
        }
    };
    let after = after.trim_start();
    let value_follows = after
        .strip_prefix(':')
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace));
    value_follows.then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_name_the_same_key() {
        assert_eq!(Key::parse("sourceUrl"), Some(Key::SourceUrl));
        assert_eq!(Key::parse("source_url"), Some(Key::SourceUrl));
        assert_eq!(Key::parse("published_at"), Some(Key::PublishedAt));
        assert_eq!(Key::parse("canonical_url"), Some(Key::CanonicalUrl));
        assert_eq!(Key::parse("Title"), None);
    }

    #[test]
    fn an_unknown_key_gets_a_suggestion_and_the_list() {
        let reason = unknown_key_reason("titel");
        assert!(
            reason.starts_with("unknown key `titel` (did you mean `title`?)"),
            "{reason}"
        );
        assert!(reason.contains("title, slug, subtitle, excerpt, authors, source, sourceUrl, tags, status, publishedAt, related, canonicalUrl"), "{reason}");
        assert!(unknown_key_reason("publishedOn").contains("did you mean `publishedAt`"));
        assert!(!unknown_key_reason("colour").contains("did you mean"));
    }

    #[test]
    fn finds_the_line_a_key_is_written_on() {
        let yaml = "title: A\n# a comment\ntags:\n  - x\n\"sourceUrl\" : https://a.example\nslug:b";
        assert_eq!(line_of_key(yaml, "title", 2), 2);
        assert_eq!(line_of_key(yaml, "tags", 2), 4);
        assert_eq!(line_of_key(yaml, "sourceUrl", 2), 6);
        assert_eq!(
            line_of_key(yaml, "slug", 2),
            2,
            "`slug:b` is not a key line"
        );
        assert_eq!(line_of_key(yaml, "x", 2), 2);
    }
}
