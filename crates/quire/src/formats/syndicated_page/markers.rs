//! The lines of a saved article page that carry meaning by their shape rather than their words:
//! the source line, "Also Read" links and plain-text subheads. Pages are saved by browsers and
//! copy-paste, so spacing (including no-break spaces), letter case and separators vary.

use quire_domain::SourceReference;

/// A subhead is a short line; anything longer is a paragraph that lacks a full stop.
const MAX_SUBHEAD_CHARS: usize = 100;

/// A source name and country together; a longer line is prose that starts with "Source:".
const MAX_SOURCE_CHARS: usize = 100;

/// Characters that end a sentence, in the scripts articles are written in: a line ending in one
/// of them is prose, not a subhead. A colon, semicolon or comma ends a lead-in, not a heading.
const SENTENCE_ENDS: &[char] = &[
    '.', '!', '?', '…', ':', ';', ',', '。', '！', '？', '；', '：', '۔', '؟', '।', '॥',
];

/// Closing quotes and brackets that may follow a sentence's final punctuation.
const CLOSERS: &[char] = &['"', '\'', '’', '”', '»', '›', ')', ']', '」', '』'];

/// Commas in the scripts source lines are written in: Latin, Arabic and Urdu, Chinese.
const COMMAS: &[char] = &[',', '،', '，'];

/// Separators between "Also Read" and the linked title.
const ALSO_READ_SEPARATORS: &[char] = &[':', '|', '-', '–', '—'];

/// The publication named by a line such as "Source: The Quint, India"; the country is whatever
/// follows the last comma.
pub fn source(line: &str) -> Option<SourceReference> {
    let value = strip_label(line.trim(), "source")?
        .trim_start()
        .strip_prefix(':')?
        .trim();
    if value.is_empty() || value.chars().count() > MAX_SOURCE_CHARS {
        return None;
    }
    let (name, country) = match value.rsplit_once(COMMAS) {
        Some((name, country)) if !name.trim().is_empty() && !country.trim().is_empty() => {
            (name.trim(), Some(country.trim().to_owned()))
        }
        _ => (value, None),
    };
    Some(SourceReference {
        name: name.to_owned(),
        country,
    })
}

/// The title linked by a line such as "Also Read : Has Pakistan Lost the Kashmir Plot?".
pub fn also_read(line: &str) -> Option<String> {
    let rest = strip_label(line.trim(), "also")?.trim_start();
    let rest = strip_label(rest, "read")?.trim_start();
    let title = rest.strip_prefix(ALSO_READ_SEPARATORS)?.trim();
    (!title.is_empty()).then(|| title.to_owned())
}

/// Whether a line is shaped like a subhead: short, and not ending a sentence.
pub fn could_be_subhead(line: &str) -> bool {
    let line = line.trim();
    let Some(last) = line.trim_end_matches(CLOSERS).chars().last() else {
        return false;
    };
    line.chars().count() <= MAX_SUBHEAD_CHARS
        && !line.starts_with('(')
        && line.chars().any(char::is_alphabetic)
        && !SENTENCE_ENDS.contains(&last)
}

/// `text` after a leading ASCII word in any letter case.
fn strip_label<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let head = text.get(..label.len())?;
    head.eq_ignore_ascii_case(label)
        .then(|| &text[label.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_with_and_without_country() {
        let quint = source("Source: The Quint, India").unwrap();
        assert_eq!(
            (quint.name.as_str(), quint.country.as_deref()),
            ("The Quint", Some("India"))
        );
        let dawn = source("SOURCE\u{a0}:\u{a0}Dawn").unwrap();
        assert_eq!((dawn.name.as_str(), dawn.country), ("Dawn", None));
        let urdu = source("Source: روزنامہ مثال، پاکستان").unwrap();
        assert_eq!(
            (urdu.name.as_str(), urdu.country.as_deref()),
            ("روزنامہ مثال", Some("پاکستان"))
        );
        assert_eq!(source("Source:"), None);
        assert_eq!(source("Sources say the talks failed."), None);
        assert_eq!(source("Resource: a page"), None);
    }

    #[test]
    fn also_read_in_any_spacing_and_case() {
        let fixture = "Also Read\u{a0}:\u{a0}Has Pakistan Lost the Kashmir Plot?";
        assert_eq!(
            also_read(fixture).as_deref(),
            Some("Has Pakistan Lost the Kashmir Plot?")
        );
        assert_eq!(also_read("ALSO READ: A | B").as_deref(), Some("A | B"));
        assert_eq!(also_read("also read| A").as_deref(), Some("A"));
        assert_eq!(also_read("AlsoRead - A").as_deref(), Some("A"));
        assert_eq!(also_read("Also read the full report."), None);
        assert_eq!(also_read("Also Read :"), None);
    }

    #[test]
    fn subheads_are_short_and_unpunctuated() {
        assert!(could_be_subhead(
            "The Irony of Pakistan’s Kashmir Solidarity Campaign"
        ));
        assert!(could_be_subhead(
            "Pakistan PM’s U-Turn on ‘Enforced Disappearances’"
        ));
        assert!(could_be_subhead("کشمیر کا مسئلہ"));
        assert!(could_be_subhead("失踪的人"));
        assert!(!could_be_subhead("They are tortured."));
        assert!(!could_be_subhead("“When I come to power, I will resign,”"));
        assert!(!could_be_subhead("Was it worth it?"));
        assert!(!could_be_subhead("وہ واپس نہیں آئے۔"));
        assert!(!could_be_subhead("他们没有回来。"));
        assert!(!could_be_subhead("(Photo: Reuters)"));
        assert!(!could_be_subhead("* * *"));
        assert!(!could_be_subhead(&"word ".repeat(30)));
    }
}
