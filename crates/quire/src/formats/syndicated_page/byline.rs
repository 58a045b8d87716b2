//! The author note that syndicated opinion pieces close with, in parentheses: "(Taha Siddiqui is
//! an award-winning Pakistani journalist …)". It is the only byline such pages carry, so the
//! names are read from its first words and the whole note becomes each author's biography.

use quire_domain::AuthorReference;

/// Verbs that end the names at the start of a note, with whether they follow several names.
const VERBS: [(&str, bool); 4] = [
    (" is ", false),
    (" was ", false),
    (" are ", true),
    (" were ", true),
];

/// Longest name, in words; a longer subject is a sentence, not a person.
const MAX_NAME_WORDS: usize = 5;

/// First words of notes about the article rather than its author, such as "(This article was
/// first published …)" or "(The views expressed are …)".
const NOT_A_NAME_START: &[&str] = &[
    "this", "the", "these", "those", "it", "its", "we", "i", "our", "all", "views", "opinions",
    "article", "story", "piece", "author", "edited", "updated",
];

/// The authors a closing note names, each with the note as biography; `None` when the paragraph
/// is not such a note.
pub fn authors_from_note(paragraph: &str) -> Option<Vec<AuthorReference>> {
    let note = paragraph
        .trim()
        .strip_prefix('(')?
        .strip_suffix(')')?
        .trim();
    let (verb_at, plural) = VERBS
        .iter()
        .filter_map(|(verb, plural)| note.find(verb).map(|at| (at, *plural)))
        .min_by_key(|(at, _)| *at)?;
    let subject = &note[..verb_at];
    let names: Vec<&str> = if plural {
        subject
            .split(',')
            .flat_map(|part| part.split(" and "))
            .flat_map(|part| part.split(" & "))
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .collect()
    } else {
        subject
            .split(',')
            .next()
            .map(str::trim)
            .into_iter()
            .collect()
    };
    if names.is_empty() || !names.iter().all(|name| looks_like_a_name(name)) {
        return None;
    }
    Some(
        names
            .into_iter()
            .map(|name| AuthorReference {
                name: name.to_owned(),
                bio: Some(note.to_owned()),
            })
            .collect(),
    )
}

/// A few words of letters, starting (and ending) with a capital where the script has capitals,
/// so that a particle such as "bin" or "de" inside a name is fine but a clause is not.
fn looks_like_a_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let capitalised = |word: &str| {
        word.chars()
            .next()
            .is_some_and(|c| !c.is_lowercase() && c.is_alphabetic())
    };
    words.len() <= MAX_NAME_WORDS
        && capitalised(first)
        && capitalised(last)
        && !NOT_A_NAME_START.contains(&first.to_lowercase().as_str())
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '-' | '\'' | '’'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paragraph: &str) -> Option<Vec<String>> {
        authors_from_note(paragraph)
            .map(|authors| authors.into_iter().map(|author| author.name).collect())
    }

    #[test]
    fn one_author_with_the_note_as_bio() {
        let note = "(Taha Siddiqui is an award-winning Pakistani journalist. He tweets at@TahaSSiddiqui.\u{a0}The Quint\u{a0}neither endorses nor is responsible for the same.)";
        let authors = authors_from_note(note).unwrap();
        assert_eq!(authors.len(), 1);
        assert_eq!(authors[0].name, "Taha Siddiqui");
        assert_eq!(authors[0].bio.as_deref(), Some(&note[1..note.len() - 1]));
    }

    #[test]
    fn names_end_at_a_comma_or_a_verb() {
        assert_eq!(
            names("(Mira Kumar, a reporter, was in Delhi.)").unwrap(),
            ["Mira Kumar"]
        );
        assert_eq!(
            names("( Hugo Ahmed was a correspondent. )").unwrap(),
            ["Hugo Ahmed"]
        );
        assert_eq!(
            names("(Ahmed bin Salman is a writer.)").unwrap(),
            ["Ahmed bin Salman"]
        );
    }

    #[test]
    fn several_authors_share_the_note() {
        let authors =
            authors_from_note("(Priya Ali and Omar Shah are journalists based in Karachi.)")
                .unwrap();
        let two: Vec<&str> = authors.iter().map(|author| author.name.as_str()).collect();
        assert_eq!(two, ["Priya Ali", "Omar Shah"]);
        assert_eq!(authors[0].bio, authors[1].bio);
        let three = names("(A. Rao, B. Sen and C. Das were on the team.)").unwrap();
        assert_eq!(three, ["A. Rao", "B. Sen", "C. Das"]);
    }

    #[test]
    fn other_parenthesised_paragraphs_are_not_notes() {
        assert_eq!(names("(This article was first published in 2019.)"), None);
        assert_eq!(names("(The views expressed are the author’s own.)"), None);
        assert_eq!(names("(Photo: Reuters)"), None);
        assert_eq!(names("Taha Siddiqui is a journalist."), None);
        assert_eq!(names("(in 2019 it was different)"), None);
        assert_eq!(
            names("(Officials said on Monday that the talks, which began in March, is over)"),
            None
        );
    }
}
