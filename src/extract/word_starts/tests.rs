//! Word starts and runs of letters and digits, on news text and on random text against the byte-by-byte walk.

use super::*;
use proptest::prelude::*;

/// The walk the finders did before, a byte at a time.
fn byte_by_byte(text: &str, range: Range<usize>) -> Vec<usize> {
    let bytes = text.as_bytes();
    range
        .filter(|&i| {
            bytes[i].is_ascii_alphanumeric() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
        })
        .collect()
}

fn starts(text: &str, range: Range<usize>) -> Vec<usize> {
    WordStarts::new(text, range).all().to_vec()
}

fn words(text: &str) -> Vec<&str> {
    starts(text, 0..text.len())
        .into_iter()
        .map(|at| {
            let length = text[at..]
                .bytes()
                .take_while(u8::is_ascii_alphanumeric)
                .count();
            &text[at..at + length]
        })
        .collect()
}

#[test]
fn runs_of_ascii_letters_and_digits() {
    assert_eq!(
        words("Lee Jae-myung's 2nd summit with Erdoğan, on June 17, 2025."),
        [
            "Lee", "Jae", "myung", "s", "2nd", "summit", "with", "Erdo", "an", "on", "June", "17",
            "2025"
        ]
    );
    assert_eq!(
        words("“Kishida,” said the ex-premier\u{a0}— in Tōkyō."),
        ["Kishida", "said", "the", "ex", "premier", "in", "T", "ky"]
    );
    assert!(words("").is_empty());
    assert!(words(" — , “” ").is_empty());
}

#[test]
fn a_word_longer_than_a_chunk_starts_once() {
    assert_eq!(
        words("approximately counterintelligence2025 x"),
        ["approximately", "counterintelligence2025", "x"]
    );
}

#[test]
fn the_range_bounds_the_starts_but_not_what_is_before_it() {
    let text = "Ishiba met Lee in Seoul";
    // Inside "Ishiba": no start until "met".
    assert_eq!(starts(text, 2..text.len()).first(), Some(&7));
    // At a word's first byte, it starts there; a word running past the end still starts.
    assert_eq!(starts(text, 11..16), [11, 15]);
    assert!(starts(text, 0..0).is_empty());
    assert_eq!(starts(text, 18..text.len()), [18]);
}

#[test]
fn words_end_where_their_runs_do() {
    let text = "Ishiba met Lee in Seoul";
    let words = |range| WordStarts::new(text, range).words().collect::<Vec<_>>();
    assert_eq!(
        words(0..text.len()),
        [(0, 6), (7, 3), (11, 3), (15, 2), (18, 5)]
    );
    // Inside "Ishiba" the run has no start, so no word; "Seoul" is cut at the range's end.
    assert_eq!(words(2..20), [(7, 3), (11, 3), (15, 2), (18, 2)]);
    let long = "counterintelligence approximately";
    let words = WordStarts::new(long, 0..long.len())
        .words()
        .collect::<Vec<_>>();
    assert_eq!(words, [(0, 19), (20, 13)]);
}

#[test]
fn the_starts_from_an_offset() {
    let words = WordStarts::new("Lee met Ishiba in Tokyo", 0..23);
    assert_eq!(words.from(4), [4, 8, 15, 18]);
    assert_eq!(words.from(5), [8, 15, 18]);
    assert!(words.from(19).is_empty());
}

#[test]
fn heads_pass_the_words_they_were_made_of() {
    const UNITS: Heads = Heads::of(&["day", "week", "month"]);
    for word in ["day", "Days", "WEEK", "weekend", "months"] {
        assert!(UNITS.may_start(word.as_bytes()), "{word}");
    }
    for word in ["d", "year", "said", "", "Dwight"] {
        assert!(!UNITS.may_start(word.as_bytes()), "{word}");
    }
}

proptest! {
    #[test]
    fn the_same_starts_as_byte_by_byte(
        text in prop::collection::vec(fragment(), 0..60).prop_map(|parts| parts.concat()),
        skip in 0usize..12,
        cut in 0usize..12,
    ) {
        let boundary = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
        let start = boundary(skip);
        let end = boundary(skip + cut).max(start);
        prop_assert_eq!(starts(&text, start..end), byte_by_byte(&text, start..end));
        // Each word's length is its run's, cut at the end of the range.
        let lengths: Vec<_> = byte_by_byte(&text, start..end)
            .into_iter()
            .map(|at| (at, run_length(&text.as_bytes()[at..end])))
            .collect();
        prop_assert_eq!(WordStarts::new(&text, start..end).words().collect::<Vec<_>>(), lengths);
    }
}

fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "Z",
        "lee",
        "9",
        "20",
        " ",
        "-",
        "'",
        "’",
        "ğ",
        "é",
        "ñ",
        ".",
        "\n",
        "@",
        "[",
        "`",
        "{",
        "/",
        ":",
        "\u{a0}",
        "counterintelligence",
    ])
}

#[test]
fn runs_of_letters_and_digits() {
    for text in [
        "",
        "a",
        "abc def",
        "0123456789abcdefXYZ!",
        "president's",
        "Zz@[`{/:",
        "word\u{e9}",
        "abcdefgh",
        "abcdefghi",
        "abcdefg ",
        "ab\u{2019}s",
        "\u{ff}abc",
    ] {
        let expected = text.bytes().take_while(u8::is_ascii_alphanumeric).count();
        assert_eq!(run_length(text.as_bytes()), expected, "{text:?}");
        let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
        assert_eq!(letter_run_length(text.as_bytes()), letters, "{text:?}");
    }
    for byte in 0..=255u8 {
        let bytes = [byte; 9];
        let expected = if byte.is_ascii_alphanumeric() { 9 } else { 0 };
        assert_eq!(run_length(&bytes), expected, "{byte}");
        let letters = if byte.is_ascii_alphabetic() { 9 } else { 0 };
        assert_eq!(letter_run_length(&bytes), letters, "{byte}");
    }
}
