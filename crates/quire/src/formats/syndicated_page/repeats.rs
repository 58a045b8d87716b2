//! Pull quotes: on the page they repeat a sentence of the article in large type, but saved as text
//! they become paragraphs that say the same thing twice. Text is compared with case, punctuation,
//! quote styles and spacing ignored. A quote may be a whole paragraph, a sentence or part of one,
//! or, when the page sets it apart with extra blank lines, a lightly edited sentence; paragraphs
//! that merely follow one pattern ("Match 3: …", "Match 4: …") are left alone.

use std::collections::HashSet;

use super::blocks::Block;

/// Shorter identical paragraphs ("Read more", a dateline) may well repeat on purpose.
const MIN_IDENTICAL_CHARS: usize = 20;

/// A shorter passage could be found inside a paragraph by chance.
const MIN_QUOTE_CHARS: usize = 40;

/// Length of the overlapping pieces an edited quote is compared in: about two words.
const PIECE_CHARS: usize = 10;

/// Share of an edited quote's pieces that must occur in the paragraph it comes from.
const MIN_SHARED_PIECES: f64 = 0.75;

/// A paragraph reduced to what comparing it needs.
struct Passage {
    normalised: String,
    chars: usize,
    set_apart: bool,
}

/// For each paragraph, whether it repeats another one: a pull quote. Of two equal paragraphs the
/// one set apart by extra blank lines, as a pull quote is, is the quote, else the later one; of a
/// quote and the fuller paragraph it comes from, the shorter is the quote.
pub fn repeated(paragraphs: &[&Block]) -> Vec<bool> {
    let passages: Vec<Passage> = paragraphs
        .iter()
        .map(|block| {
            let normalised = normalise(&block.text);
            Passage {
                chars: normalised.chars().count(),
                normalised,
                set_apart: block.set_apart,
            }
        })
        .collect();
    let set_apart = passages.iter().filter(|passage| passage.set_apart).count();
    let layout_marks_quotes = set_apart * 2 <= passages.len();
    let mut quoted = vec![false; passages.len()];
    for first in 0..passages.len() {
        for second in first + 1..passages.len() {
            if quoted[first] || quoted[second] {
                continue;
            }
            if let Some(repeat) = repeat_of_pair(&passages, first, second, layout_marks_quotes) {
                quoted[repeat] = true;
            }
        }
    }
    quoted
}

/// Which of two paragraphs repeats the other, if either does. Extra blank lines only mark a
/// quote when most paragraphs lack them; a page that spaces everything that way says nothing.
fn repeat_of_pair(
    passages: &[Passage],
    first: usize,
    second: usize,
    layout_marks_quotes: bool,
) -> Option<usize> {
    let (a, b) = (&passages[first], &passages[second]);
    if a.normalised == b.normalised {
        let quote_first = a.set_apart && !b.set_apart;
        return (a.chars >= MIN_IDENTICAL_CHARS).then_some(if quote_first {
            first
        } else {
            second
        });
    }
    let (short, long) = if a.chars <= b.chars {
        (first, second)
    } else {
        (second, first)
    };
    let (quote, source) = (&passages[short], &passages[long]);
    if quote.chars < MIN_QUOTE_CHARS {
        return None;
    }
    let quoted = source.normalised.contains(&quote.normalised)
        || (layout_marks_quotes
            && quote.set_apart
            && !source.set_apart
            && shares_most(&quote.normalised, &source.normalised));
    quoted.then_some(short)
}

/// Lower case letters and digits with single spaces between words; quotes, dashes and other
/// punctuation vanish, so "country’s" and "country's" compare equal.
fn normalise(text: &str) -> String {
    let mut normalised = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            normalised.extend(c.to_lowercase());
        } else if c.is_whitespace() && !normalised.is_empty() && !normalised.ends_with(' ') {
            normalised.push(' ');
        }
    }
    if normalised.ends_with(' ') {
        normalised.pop();
    }
    normalised
}

fn shares_most(quote: &str, paragraph: &str) -> bool {
    let quote_pieces = pieces_of(quote);
    let paragraph_pieces = pieces_of(paragraph);
    let shared = quote_pieces.intersection(&paragraph_pieces).count();
    shared as f64 >= quote_pieces.len() as f64 * MIN_SHARED_PIECES
}

/// Every run of `PIECE_CHARS` characters in the text.
fn pieces_of(text: &str) -> HashSet<&str> {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    let width = PIECE_CHARS.min(boundaries.len() - 1).max(1);
    boundaries
        .windows(width + 1)
        .map(|window| &text[window[0]..window[width]])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, set_apart: bool) -> Block {
        Block {
            text: text.to_owned(),
            set_apart,
        }
    }

    fn dropped(blocks: &[Block]) -> Vec<bool> {
        repeated(&blocks.iter().collect::<Vec<_>>())
    }

    const SENTENCE: &str = "In the past, the Pakistani courts have pointed to the involvement of the army in ‘abducting’ the country’s citizens";

    #[test]
    fn a_quote_of_a_paragraphs_first_sentence_goes() {
        let quote = block(&format!("{SENTENCE}."), false);
        let paragraph = block(
            &format!(
                "{} on grounds of different suspicions, and then keeping them.",
                SENTENCE.replace('’', "'")
            ),
            false,
        );
        assert_eq!(dropped(&[quote.clone(), paragraph.clone()]), [true, false]);
        assert_eq!(dropped(&[paragraph, quote]), [false, true]);
    }

    #[test]
    fn a_lightly_edited_quote_goes() {
        let quote = block(
            "In such a scenario, where Pakistanis themselves are facing human rights abuses at the hands of its own military, expressing solidarity with the Kashmiris reflects nothing but double-standards.",
            true,
        );
        let paragraph = block(
            "In such a scenario, where Pakistanis themselves are facing human rights abuses at the hands of its own military, asking them to express solidarity with the Kashmiris reflects nothing but the government’s double-standards.",
            false,
        );
        assert_eq!(dropped(&[quote, paragraph]), [true, false]);
    }

    #[test]
    fn of_two_equal_paragraphs_the_one_set_apart_goes_else_the_later() {
        let text = "It is important to show solidarity with Kashmir, especially now.";
        let unspaced = text.replace(", ", " ");
        assert_eq!(
            dropped(&[block(&unspaced, true), block(text, false)]),
            [true, false]
        );
        assert_eq!(
            dropped(&[block(text, false), block(&unspaced, false)]),
            [false, true]
        );
        assert_eq!(
            dropped(&[block(text, true), block(&unspaced, true)]),
            [false, true]
        );
    }

    #[test]
    fn different_paragraphs_on_one_subject_stay() {
        let blocks = [
            block(
                "The Human Rights Commission of Pakistan announced country-wide protests in several cities.",
                false,
            ),
            block(
                "The Supreme Court of Pakistan set up a commission to look into enforced disappearances in 2011.",
                false,
            ),
            block("Read more", false),
            block("Read more", false),
            block("The minister resigned.", false),
            block(
                "Reporters said the minister resigned after the vote, and nobody was surprised by it.",
                false,
            ),
        ];
        assert_eq!(dropped(&blocks), [false; 6]);
    }

    #[test]
    fn an_edited_quote_needs_the_layout_to_mark_it() {
        let quote = "Pakistanis facing abuses at the hands of their own military, expressing solidarity with Kashmir is double standards.";
        let paragraph = "Pakistanis facing abuses at the hands of their own military, asking them to express solidarity with Kashmir is the government’s double standards.";
        assert_eq!(
            dropped(&[block(quote, false), block(paragraph, false)]),
            [false, false]
        );
        let every_block_spaced = [
            block(quote, true),
            block(paragraph, true),
            block("Another paragraph here.", true),
        ];
        assert_eq!(dropped(&every_block_spaced), [false; 3]);
    }

    #[test]
    fn paragraphs_that_follow_one_pattern_stay() {
        let blocks: Vec<Block> = (1..=6)
            .map(|match_day| {
                let text = format!("On match day {match_day}, the home side won by {} runs after a steady innings at the top.", match_day * 7);
                block(&text, match_day == 3)
            })
            .collect();
        assert_eq!(dropped(&blocks), [false; 6]);
    }

    #[test]
    fn works_without_spaces_between_words() {
        let sentence = "巴基斯坦军方被指控绑架批评者，许多人至今下落不明，家属仍在等待消息和答案，人权组织说这种做法在过去二十年里愈演愈烈";
        let paragraph = format!("{sentence}。人权组织呼吁政府调查此事。");
        assert_eq!(
            dropped(&[block(sentence, true), block(&paragraph, false)]),
            [true, false]
        );
    }
}
