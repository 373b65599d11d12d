use proptest::prelude::*;

use super::*;
use crate::extract::gate_samples::{each_word_like, word_like};

fn parsed(text: &str) -> Option<(Approximation, u32, Unit)> {
    length(text).ok().map(|(_, l)| l)
}

#[test]
fn the_first_word_gate_changes_nothing() {
    crate::extract::samples::assert_gates_change_nothing(length, length_forms, 5);
}

#[test]
fn lengths_with_their_approximations() {
    assert_eq!(
        parsed("two weeks after"),
        Some((Approximation::Exact, 2, Unit::Week))
    );
    assert_eq!(
        parsed("just two weeks after"),
        Some((Approximation::Exact, 2, Unit::Week))
    );
    assert_eq!(
        parsed("a month after"),
        Some((Approximation::Exact, 1, Unit::Month))
    );
    assert_eq!(
        parsed("less than three months"),
        Some((Approximation::LessThan, 3, Unit::Month))
    );
    assert_eq!(
        parsed("more than a year"),
        Some((Approximation::MoreThan, 1, Unit::Year))
    );
    assert_eq!(
        parsed("about two weeks"),
        Some((Approximation::About, 2, Unit::Week))
    );
    assert_eq!(
        parsed("nearly four months"),
        Some((Approximation::Nearly, 4, Unit::Month))
    );
    assert_eq!(
        parsed("two-day visit"),
        Some((Approximation::Exact, 2, Unit::Day))
    );
}

#[test]
fn counts_and_clock_times_are_not_intervals() {
    assert!(parsed("several weeks").is_none());
    assert!(parsed("two hours after").is_none());
    assert!(parsed("183 individuals").is_none());
}

#[test]
fn a_multibyte_character_inside_inauguration_is_no_crash() {
    // Found by fuzzing: the first 12 bytes of "Yoon's ina\u{FFFD}uguration" end inside the
    // U+FFFD, and were sliced to compare with "inauguration".
    let kb = crate::kb::Kb::default();
    let kb = KbIndex::new(&kb);
    let context = bare_context(&kb);
    for text in [
        "Two weeks after Yoon's ina\u{FFFD}uguration, Lee flew to Tokyo.",
        "Two weeks after Yoon's ina—guration, Lee flew to Tokyo.",
    ] {
        let at = text.find("Yoon").unwrap();
        assert!(
            anchor(text, at, text.len(), 0, &context).is_none(),
            "{text}"
        );
        for claim in find(text, &WordStarts::new(text, 0..text.len()), &context) {
            assert!(text.get(claim.span.clone()).is_some());
        }
    }
    let text = "Two weeks after his inauguration, Lee flew to Tokyo.";
    let at = text.find("his").unwrap();
    assert!(anchor(text, at, text.len(), 0, &context).is_some());
}

#[test]
fn a_length_across_a_line_break_is_no_claim_and_no_crash() {
    // Found by fuzzing: "two\nweeks" parses as one length, which then ends past the end of the
    // sentence around its start.
    let kb = crate::kb::Kb::default();
    let kb = KbIndex::new(&kb);
    let context = bare_context(&kb);
    let text = "He left two\nweeks after Lee took office.";
    assert!(find(text, &WordStarts::new(text, 0..text.len()), &context).is_empty());
}

/// A context with a KB but no mentions or people: what the crash regressions need.
fn bare_context<'a>(kb: &'a KbIndex<'a>) -> Context<'a, 'a> {
    Context {
        kb,
        mentions: &[],
        people: &[],
    }
}

/// The unit test as it was: a lower-case copy of the word, its "s" dropped, matched against
/// each unit; what the two-letter heads and the packed lookup must agree with.
fn is_unit_by_lead(text: &str) -> bool {
    let lead = Lead::of(text);
    let word = lead.lower();
    let singular = word.strip_suffix(b"s").unwrap_or(word);
    matches!(
        singular,
        b"second"
            | b"minute"
            | b"hour"
            | b"day"
            | b"week"
            | b"weekend"
            | b"fortnight"
            | b"month"
            | b"quarter"
            | b"year"
            | b"decade"
            | b"centurie"
            | b"century"
    ) && unit(text).is_ok()
}

const UNIT_LIKE: &[&str] = &[
    "second",
    "minutes",
    "hour",
    "days",
    "week",
    "weekends",
    "fortnight",
    "months",
    "quarter",
    "years",
    "decade",
    "centuries",
    "century",
    "centurys",
    "yearly",
    "we",
    "daily",
    "15",
];

/// The starts a length may begin at, by their definition: every word start (not after a
/// hyphen) with a unit of time among the [`LEAD_TOKENS`] tokens after it.
fn length_starts_by_definition(text: &str) -> Vec<usize> {
    let words = WordStarts::new(text, 0..text.len());
    let all = words.all();
    let units: Vec<bool> = all
        .iter()
        .map(|&at| is_unit(text, at, text.len()))
        .collect();
    all.iter()
        .enumerate()
        .filter(|&(token, &at)| {
            (at == 0 || text.as_bytes()[at - 1] != b'-')
                && units[token + 1..units.len().min(token + 1 + LEAD_TOKENS)].contains(&true)
        })
        .map(|(_, &at)| at)
        .collect()
}

#[test]
fn the_unit_gate_agrees_with_the_word_by_word_test_on_every_word() {
    for word in each_word_like(UNIT_LIKE) {
        assert_eq!(
            is_unit(&word, 0, word.len()),
            is_unit_by_lead(&word),
            "{word:?}"
        );
    }
}

proptest! {
    #[test]
    fn the_unit_gate_agrees_with_the_word_by_word_test(word in word_like(UNIT_LIKE)) {
        prop_assert_eq!(
            is_unit(&word, 0, word.len()),
            is_unit_by_lead(&word),
            "{:?}", word
        );
    }

    #[test]
    fn lengths_are_tried_at_every_word_a_unit_follows(
        words in prop::collection::vec(
            prop::sample::select(&["two", "weeks", "a", "month", "-", "day", "just", "less", "than", "x", "years", " "][..]),
            0..40,
        ),
    ) {
        let text = words.join(" ").replace(" - ", "-");
        prop_assert_eq!(
            GrammarStarts::new(&text, &WordStarts::new(&text, 0..text.len())).lengths,
            length_starts_by_definition(&text)
        );
    }
}
