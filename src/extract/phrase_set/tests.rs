use aho_corasick::{AhoCorasickBuilder, MatchKind};
use proptest::prelude::*;

use super::*;

/// What the automaton this replaces found: its matches that start a word, with their patterns
/// lowercased (equal patterns may be reported by either index).
fn automaton(patterns: &[&str], text: &str, range: Range<usize>) -> Vec<(Range<usize>, String)> {
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .unwrap();
    automaton
        .find_iter(&text[range.clone()])
        .map(|found| {
            (
                range.start + found.start()..range.start + found.end(),
                found.pattern(),
            )
        })
        .filter(|(span, _)| !ends_word(text, span.start))
        .map(|(span, pattern)| (span, patterns[pattern].to_ascii_lowercase()))
        .collect()
}

fn phrases(patterns: &[&str], text: &str, range: Range<usize>) -> Vec<(Range<usize>, String)> {
    PhraseSet::new(patterns)
        .word_matches(text, range)
        .into_iter()
        .map(|(span, pattern)| (span, patterns[pattern].to_ascii_lowercase()))
        .collect()
}

fn words(patterns: &[&str], text: &str) -> Vec<String> {
    phrases(patterns, text, 0..text.len())
        .into_iter()
        .map(|(span, _)| text[span].to_string())
        .collect()
}

#[test]
fn finds_whole_phrases_longest_first_in_any_case() {
    let patterns = ["Lee", "Lee Jae-myung", "Lee Jae myung", "president"];
    assert_eq!(
        words(
            &patterns,
            "PRESIDENT Lee Jae-myung met lee jae myung and Lee."
        ),
        ["PRESIDENT", "Lee Jae-myung", "lee jae myung", "Lee"]
    );
}

#[test]
fn a_run_alone_matches_the_start_of_a_longer_word() {
    let patterns = ["anniv", "years", "of the"];
    assert_eq!(
        words(&patterns, "the 60th-anniversary, yearslong, some of them"),
        ["anniv", "years", "of the"]
    );
}

#[test]
fn never_inside_a_word() {
    assert!(words(&["Lee"], "Kimlee, Ülee, 2Lee").is_empty());
    assert_eq!(words(&["Lee"], "“Lee” (Lee)"), ["Lee", "Lee"]);
}

#[test]
fn a_match_inside_a_word_hides_what_it_covers() {
    // The automaton finds "Kim Jong Un" inside "XKim", so never "Jong Un".
    let patterns = ["Kim Jong Un", "Jong Un"];
    assert!(words(&patterns, "XKim Jong Un said").is_empty());
    assert_eq!(words(&patterns, "X Kim Jong Un said"), ["Kim Jong Un"]);
    assert_eq!(words(&patterns, "Xim Jong Un"), ["Jong Un"]);
    // The same when the hiding match starts with a byte that is no letter or digit.
    let patterns = ["'t Hooft", "Hooft"];
    assert!(words(&patterns, "Dx't Hooft won").is_empty());
    assert_eq!(words(&patterns, "Gerard 't Hooft won"), ["'t Hooft"]);
    assert_eq!(words(&patterns, "Gerard t Hooft won"), ["Hooft"]);
}

#[test]
fn the_range_bounds_the_search_but_not_word_starts() {
    let text = "Xlee lee";
    assert!(phrases(&["lee"], text, 1..text.len()).len() == 1);
    assert_eq!(PhraseSet::new(["lee"]).longest_at(text, 5, 7), None);
    assert_eq!(
        PhraseSet::new(["le", "lee"]).longest_at(text, 5, 8),
        Some((8, 1))
    );
}

fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "b",
        "A",
        "ab",
        " ",
        "-",
        "é",
        "—",
        "'",
        "1",
        "ba",
        // Runs of 31 bytes and more share one length bit.
        "abcdefghijklmnopqrstuvwxyz01234",
    ])
}

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 1..5).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn the_same_matches_as_the_automaton(
        patterns in prop::collection::vec(phrase(), 1..6),
        text in prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat()),
        skip in 0usize..4,
    ) {
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let start = text.char_indices().nth(skip).map_or(text.len(), |(at, _)| at);
        let range = start..text.len();
        prop_assert_eq!(phrases(&patterns, &text, range.clone()), automaton(&patterns, &text, range.clone()));
        // Two sets in one pass find what each finds alone.
        let (first, second) = patterns.split_at(patterns.len() / 2);
        let (first, second) = (PhraseSet::new(first), PhraseSet::new(second));
        prop_assert_eq!(
            PhraseSet::word_matches_of(
                &[&first, &second],
                &Gates::union([&first, &second]),
                &text,
                &WordStarts::new(&text, range.clone()),
            ),
            vec![first.word_matches(&text, range.clone()), second.word_matches(&text, range)]
        );
    }
}
