//! The pre-scan: one pass over the words finds those every temporal expression contains
//! (a month, a weekday, a unit of time, a digit, "today" …), so the nom parsers run only
//! near them and text that holds nothing temporal costs one look per word.

use std::sync::LazyLock;

use super::holiday;
use super::lexicon::{NUMBER_WORDS, ORDINALS, TENS};
use super::relative::{APPROXIMATIONS, PARTS, SHIFTS};
use super::word_set::WordSet;
use super::word_starts::{WordStarts, letter_run_length};
use crate::time::names::{english_month, english_weekday, month_and_weekday_words};

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

/// The anchor words: month and weekday names (of every language the names table knows) and
/// the words above.
pub(super) fn anchor_words() -> impl Iterator<Item = &'static str> {
    month_and_weekday_words().chain(ANCHOR_WORDS.iter().copied())
}

/// The anchor words of ASCII letters, looked up per word; built once, an immutable table like
/// a `const`.
static ANCHOR_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(anchor_words()));

/// The anchor words with letters beyond ASCII ("février"), tried only where such a letter
/// follows a run of ASCII ones.
static ACCENTED_ANCHORS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| anchor_words().filter(|word| !word.is_ascii()).collect());

/// Whether a byte continues a word for the pre-scan: an ASCII letter or digit, or any byte of
/// a character beyond ASCII. One look-up, as the look-back for starts runs byte by byte.
fn is_word_byte(byte: u8) -> bool {
    WORD_BYTES[usize::from(byte)]
}

const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte >= 0x80;
        byte += 1;
    }
    table
};

/// Whether an anchor word found at a word start ends at `end`: where the word ends, or
/// before a plural "s" (a period or a hyphen may follow).
fn ends_word(bytes: &[u8], end: usize) -> bool {
    end >= bytes.len()
        || !bytes[end].is_ascii_alphabetic()
        || (bytes[end] == b's' && (end + 1 >= bytes.len() || !is_word_byte(bytes[end + 1])))
}

/// Whether the word starting at `start`, whose ASCII letters end at `end`, is an anchor. Only
/// the longest anchor word the text begins with there counts ("weekend" in "weekends", not
/// "week"), and it must end the word; `text` ends where the scanned range does, `bytes` are
/// the whole article's.
fn is_anchor_at(bytes: &[u8], text: &[u8], start: usize, end: usize) -> bool {
    let first = text[start];
    // Digits anchor numbers of any length.
    if first.is_ascii_digit() {
        return true;
    }
    if !first.is_ascii_alphabetic() {
        return false;
    }
    if text.get(end).is_some_and(|&byte| byte >= 0x80) {
        return longest_anchor_word(&text[start..])
            .is_some_and(|length| ends_word(bytes, start + length));
    }
    // Anchor words are letters, so the longest one here is the whole run or shorter; only
    // the whole run, or all of it but a plural "s", can end the word.
    let word = &text[start..];
    let length = end - start;
    if ANCHOR_SET.contains_prefix(word, length) {
        return ends_word(bytes, end);
    }
    text[end - 1] == b's'
        && ANCHOR_SET.contains_prefix(word, length - 1)
        && ends_word(bytes, end - 1)
}

/// The length of the longest anchor word `text` begins with, letters beyond ASCII included.
fn longest_anchor_word(text: &[u8]) -> Option<usize> {
    let ascii = (1..=letter_run_length(text))
        .rev()
        .find(|&length| ANCHOR_SET.contains_prefix(text, length));
    let accented = ACCENTED_ANCHORS
        .iter()
        .filter(|word| {
            text.get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
        })
        .map(|word| word.len())
        .max();
    ascii.max(accented)
}

/// Byte offsets (into `text`) of anchor words that start a word among `words` (the article's
/// word starts, found once for every finder), in order.
#[cfg(test)]
pub fn anchors(text: &str, words: &WordStarts) -> Vec<usize> {
    anchors_among(text, words, words.all().iter().copied())
}

/// [`anchors`] tried only at `starts`, starts of `words` in order, which must hold every
/// anchor ([`super::word_classes`] picks them).
pub fn anchors_among(
    text: &str,
    words: &WordStarts,
    starts: impl Iterator<Item = usize>,
) -> Vec<usize> {
    let bytes = text.as_bytes();
    let scanned = &bytes[..words.range().end];
    // Looked up at every word: the table once, not its lazy initialisation each time.
    let set: &WordSet = &ANCHOR_SET;
    let mut found = Vec::new();
    for start in starts {
        // A letter beyond ASCII joins the word ("é2020", "—June" after a dash's last byte).
        if start > 0 && bytes[start - 1] >= 0x80 {
            continue;
        }
        // Digits anchor numbers of any length.
        if scanned[start].is_ascii_digit() {
            found.push(start);
            continue;
        }
        let word = &scanned[start..];
        let length = letter_run_length(word);
        let letters_end = start + length;
        // A filter turns most words away before the exact test: of the run of letters, or
        // of all of it but a plural "s".
        let may_be_anchor = scanned.get(letters_end).is_some_and(|&byte| byte >= 0x80)
            || set.may_contain_prefix(word, length)
            || (length > 1 && word[length - 1] == b's' && set.may_contain_prefix(word, length - 1));
        if may_be_anchor && is_anchor_at(bytes, scanned, start, letters_end) {
            found.push(start);
        }
    }
    found
}

/// Words a temporal expression can begin with, besides numbers, ordinals, shifts, parts and
/// approximations ("next", "late", "more than"), and besides month, weekday and holiday names.
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

/// Every word a temporal expression can begin with, in any case.
fn starter_words() -> impl Iterator<Item = &'static str> {
    [
        STARTERS,
        &SHIFTS,
        &PARTS,
        &APPROXIMATIONS,
        &NUMBER_WORDS,
        &TENS,
        &ORDINALS,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// The words a lower-case word must be one of to begin an expression.
static STARTER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(starter_words()));

/// The words a capitalised word must be one of to begin an expression (unless it begins a
/// holiday name): the starters, which begin sentences too, and month and weekday names.
static CAPITALISED_STARTER_SET: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        starter_words().chain(
            anchor_words()
                .filter(|word| english_month(word).is_some() || english_weekday(word).is_some()),
        ),
    )
});

/// Whether a temporal expression can begin at `start` (a word start). Checked before running
/// the parsers at a start, so most words cost one lookup instead of a dozen failed parses.
/// Digits and apostrophes ("'90s") can always begin one, and so can capitals beyond ASCII.
pub fn could_start(text: &str, start: usize) -> bool {
    let rest = &text[start..];
    let bytes = rest.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if first.is_ascii_digit() || first == b'\'' {
        return true;
    }
    if !first.is_ascii_alphabetic() {
        return rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '’');
    }
    let length = letter_run_length(bytes);
    if first.is_ascii_uppercase() {
        CAPITALISED_STARTER_SET.contains_prefix(bytes, length) || holiday::could_begin_name(rest)
    } else {
        STARTER_SET.contains_prefix(bytes, length)
    }
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
    use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

    use super::*;
    use crate::extract::samples::seed_articles;

    /// The anchors as one aho-corasick pass found them (leftmost-longest, ASCII case folded),
    /// the definition the per-word pass keeps to.
    fn anchors_by_automaton(
        automaton: &AhoCorasick,
        text: &str,
        range: std::ops::Range<usize>,
    ) -> Vec<usize> {
        let bytes = text.as_bytes();
        automaton
            .find_iter(&text[range.clone()])
            .map(|found| (range.start + found.start(), range.start + found.end()))
            .filter(|&(start, end)| {
                let starts_word = start == 0 || !is_word_byte(bytes[start - 1]);
                starts_word && (bytes[start].is_ascii_digit() || ends_word(bytes, end))
            })
            .map(|(start, _)| start)
            .collect()
    }

    #[test]
    fn the_word_pass_finds_what_the_automaton_found() {
        let tricky = "février 2025, Février, FÉVRIER; Marcos and Mays, mayé, MAYS2 Jänner jänners \
            août aoûts décembre décembres déc Sept. sept septs mon. Mon Tues thurs thursday's \
            weekends. week-long weeks-long yearé é2020 —June 3.2 A320 1990s '90s today's \
            yesterdays the 10th—11th day\u{a0}days weekdays yearbook SPRINGs mid-2025 Mid";
        let mut texts = seed_articles();
        texts.push(tricky.to_string());
        const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(anchor_words().chain(DIGITS))
            .unwrap();
        let mut found = 0;
        for text in &texts {
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(at, _)| at)
                .chain([text.len()])
                .collect();
            // The whole text (from step 0), and the text cut at every 37th character.
            let ranges = boundaries
                .chunks(37)
                .filter_map(|chunk| chunk.first())
                .flat_map(|&step| [step..text.len(), 0..step]);
            for range in ranges {
                let expected = anchors_by_automaton(&automaton, text, range.clone());
                found += expected.len();
                let words = WordStarts::new(text, range.clone());
                assert_eq!(
                    anchors(text, &words),
                    expected,
                    "{range:?} of {:.60?}",
                    &text[range.clone()]
                );
            }
        }
        assert!(found > 1000, "{found} anchors");
    }

    fn anchor_texts(text: &str) -> Vec<&str> {
        let words = WordStarts::new(text, 0..text.len());
        anchors(text, &words)
            .into_iter()
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
        assert_eq!(anchor_texts("Lee took office last week."), ["week"]);
        assert_eq!(anchor_texts("the weekday yearbook"), Vec::<&str>::new());
        assert_eq!(
            anchor_texts("on Tuesday, June 17"),
            ["Tuesday", "June", "17"]
        );
        assert_eq!(anchor_texts("two weeks ago"), ["weeks"]);
        assert_eq!(anchor_texts("a three-day meeting"), ["day"]);
        assert_eq!(anchor_texts("in 1942 a flood"), ["1942"]);
    }

    #[test]
    fn only_some_words_start_expressions() {
        let text = "It rose more than three months ago";
        let starts: Vec<&str> = [0, 3, 8, 13, 18]
            .into_iter()
            .filter(|&s| could_start(text, s))
            .map(|s| &text[s..s + 4])
            .collect();
        assert_eq!(starts, ["more", "thre"]);
        for word in [
            "June 17",
            "Tue. 9",
            "Last week",
            "The 1990s",
            "Christmastime",
            "'90s",
        ] {
            assert!(could_start(word, 0), "{word}");
        }
        for word in ["President Lee", "It", "Junes", "Lastly", "-day"] {
            assert!(!could_start(word, 0), "{word}");
        }
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
