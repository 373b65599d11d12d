//! The pre-scan: one aho-corasick pass finds the words every temporal expression contains
//! (a month, a weekday, a unit of time, a digit, "today" …), so the nom parsers run only
//! near them and text that holds nothing temporal costs one linear scan.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::lexicon::{NUMBER_WORDS, ORDINALS, TENS};
use super::relative::{APPROXIMATIONS, PARTS, SHIFTS};
use crate::time::names::month_and_weekday_words;

/// Words that anchor a temporal expression, besides month and weekday names and digits.
const ANCHOR_WORDS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "fortnight",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "currently",
    "nowadays",
    "recently",
    "previously",
    "recent",
    "past",
    "future",
    "soon",
    "present",
    "morning",
    "afternoon",
    "evening",
    "night",
    "overnight",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "daily",
    "nightly",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "tues",
    "thur",
    "thurs",
    "mid",
];

const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// The anchor automaton, built once: it is an immutable table, like a `const`.
static ANCHORS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words: Vec<&str> = month_and_weekday_words()
        .chain(ANCHOR_WORDS.iter().copied())
        .chain(DIGITS)
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("the anchor words are valid patterns")
});

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80
}

/// Byte offsets (into `text`) of anchor words that start a word within `range`.
pub fn anchors(text: &str, range: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let base = range.start;
    ANCHORS
        .find_iter(&text[range.clone()])
        .map(move |found| (base + found.start(), base + found.end()))
        .filter(move |&(start, end)| {
            let starts_word = start == 0 || !is_word_byte(bytes[start - 1]);
            let is_digit = bytes[start].is_ascii_digit();
            // Digits anchor numbers of any length; words must end where the word ends
            // (a plural "s", a period or a hyphen may follow).
            let ends_word = is_digit
                || end >= bytes.len()
                || !bytes[end].is_ascii_alphabetic()
                || (bytes[end] == b's'
                    && (end + 1 >= bytes.len() || !is_word_byte(bytes[end + 1])));
            starts_word && ends_word
        })
        .map(|(start, _)| start)
}

/// Lower-case words a temporal expression can begin with (besides numbers, ordinals, shifts,
/// parts and approximations: "next", "late", "more than"); capitalised words (months, weekdays,
/// holidays), digits and apostrophes ("'90s") can always begin one. Checked before running
/// the parsers at a start, so most words cost one lookup instead of a dozen failed parses.
const STARTERS: &[&str] = &[
    "a",
    "an",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "currently",
    "nowadays",
    "these",
    "recently",
    "recent",
    "year",
    "latest",
    "several",
    "few",
    "many",
    "couple",
    "every",
    "each",
    "once",
    "twice",
    "daily",
    "nightly",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "noon",
    "midday",
    "midnight",
    "final",
];

/// Whether a temporal expression can begin at `start` (a word start).
pub fn could_start(text: &str, start: usize) -> bool {
    let rest = &text[start..];
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if first.is_uppercase() || first.is_ascii_digit() || first == '\'' || first == '’' {
        return true;
    }
    let word = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    let mut buffer = [0; 16];
    crate::time::names::ascii_lowercase(word, &mut buffer).is_some_and(|lower| {
        [
            STARTERS,
            &SHIFTS,
            &PARTS,
            &APPROXIMATIONS,
            &NUMBER_WORDS,
            &TENS,
            &ORDINALS,
        ]
        .iter()
        .any(|words| words.contains(&lower))
    })
}

/// Where an expression anchored at `anchor` may start: the anchor itself and up to four
/// words before it on the same line, nearest last; punctuation other than hyphens,
/// apostrophes and periods of abbreviations ends the look-back.
pub fn candidate_starts(text: &str, floor: usize, anchor: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![anchor];
    let mut position = anchor;
    for _ in 0..4 {
        let mut cursor = position;
        while cursor > floor && matches!(bytes[cursor - 1], b' ' | b'\t') {
            cursor -= 1;
        }
        if cursor <= floor {
            break;
        }
        // A hyphen joins words ("three-day", "mid-2025"); anything else but a space ends the look-back.
        let joined = cursor == position && bytes[cursor - 1] == b'-';
        if cursor == position && !joined {
            break;
        }
        if joined {
            cursor -= 1;
        }
        let word_end = cursor;
        while cursor > floor
            && (is_word_byte(bytes[cursor - 1]) || matches!(bytes[cursor - 1], b'-' | b'\''))
        {
            cursor -= 1;
        }
        if cursor == word_end || !text.is_char_boundary(cursor) {
            break;
        }
        starts.push(cursor);
        position = cursor;
    }
    starts.reverse();
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor_words(text: &str) -> Vec<&str> {
        anchors(text, 0..text.len())
            .map(|start| {
                let end = text[start..]
                    .find(|c: char| !c.is_alphanumeric())
                    .map_or(text.len(), |n| start + n);
                &text[start..end]
            })
            .collect()
    }

    #[test]
    fn finds_whole_anchor_words_only() {
        assert_eq!(anchor_words("Lee took office last week."), ["week"]);
        assert_eq!(anchor_words("the weekday yearbook"), Vec::<&str>::new());
        assert_eq!(
            anchor_words("on Tuesday, June 17"),
            ["Tuesday", "June", "17"]
        );
        assert_eq!(anchor_words("two weeks ago"), ["weeks"]);
        assert_eq!(anchor_words("a three-day meeting"), ["day"]);
        assert_eq!(anchor_words("in 1942 a flood"), ["1942"]);
    }

    #[test]
    fn only_some_words_start_expressions() {
        let text = "It rose more than three months ago";
        let starts: Vec<&str> = [0, 3, 8, 13, 18]
            .into_iter()
            .filter(|&s| could_start(text, s))
            .map(|s| &text[s..s + 4])
            .collect();
        assert_eq!(starts, ["It r", "more", "thre"]);
    }

    #[test]
    fn looks_back_up_to_four_words_on_the_line() {
        let text = "it rose more than three months ago";
        let anchor = text.find("months").unwrap();
        let starts: Vec<&str> = candidate_starts(text, 0, anchor)
            .iter()
            .map(|&s| &text[s..anchor])
            .collect();
        assert_eq!(
            starts,
            [
                "rose more than three ",
                "more than three ",
                "than three ",
                "three ",
                ""
            ]
        );
        let text = "said. Last week";
        let anchor = text.find("week").unwrap();
        assert_eq!(
            candidate_starts(text, 0, anchor).len(),
            2,
            "a period ends the look-back"
        );
    }
}
