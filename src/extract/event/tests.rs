use std::sync::LazyLock;

use proptest::prelude::*;

use super::*;
use crate::extract::gate_samples::{each_word_like, word_like};
use crate::extract::lexicon::Lead;
use crate::kb::EventKind;

fn parsed(text: &str) -> Option<(u32, EventKind, &str)> {
    phrase(text)
        .ok()
        .map(|(_, p)| (p.ordinal, p.kind, &text[..p.len]))
}

#[test]
fn ordinals_and_event_nouns_in_real_phrasings() {
    assert_eq!(
        parsed("first bilateral talks with Japanese Prime Minister Shigeru Ishiba"),
        Some((1, EventKind::Summit, "first bilateral talks"))
    );
    assert_eq!(
        parsed("second summit following"),
        Some((2, EventKind::Summit, "second summit"))
    );
    assert_eq!(
        parsed("fifth summit with a Japanese prime minister").map(|p| p.0),
        Some(5)
    );
    assert_eq!(
        parsed("second trip to Japan").map(|p| p.1),
        Some(EventKind::Visit)
    );
    assert_eq!(
        parsed("first formal meeting between Lee and Aiboshi"),
        Some((1, EventKind::Meeting, "first formal meeting"))
    );
    assert_eq!(parsed("12th summit this year").map(|p| p.0), Some(12));
    assert_eq!(parsed("5th summit").map(|p| p.0), Some(5));
    assert_eq!(parsed("initial meeting in Gyeongju").map(|p| p.0), Some(1));
    assert_eq!(parsed("maiden visit to Japan").map(|p| p.0), Some(1));
    assert_eq!(parsed("inaugural summit").map(|p| p.0), Some(1));
    assert_eq!(parsed("first-ever summit").map(|p| p.0), Some(1));
    assert_eq!(
        parsed("first telephone conversation since").map(|p| p.1),
        Some(EventKind::PhoneCall)
    );
    assert_eq!(
        parsed("1st phone talks").map(|p| p.1),
        Some(EventKind::PhoneCall)
    );
    assert!(phrase("second foreign leader Lee held a phone call with").is_ok());
}

#[test]
fn false_friends_are_not_events() {
    for text in [
        "first lady Kim Keon-hee",
        "First Vice Minister Park",
        "the first time",
        "second-largest economy",
        "first-quarter growth",
        "first half of the year",
        "third G7 summit",
        "second trilateral summit",
    ] {
        let text = text.trim_start_matches("the ");
        assert!(phrase(text).is_err(), "{text}");
    }
}

#[test]
fn the_clause_stops_at_since_and_following() {
    let text = "It was their second summit following their initial meeting in late October.";
    let at = text.find("second").unwrap();
    let span = at..at + "second summit".len();
    let clause = clause(text, 0..text.len(), &span);
    assert_eq!(&text[clause], "It was their second summit");
}

#[test]
fn the_ordinal_prefilter_lets_every_ordinal_through() {
    let words = crate::extract::lexicon::ORDINALS.iter().chain(&[
        "initial",
        "maiden",
        "inaugural",
        "5th",
        "21ST",
        "2nd summit",
        "123456789rd",
        "First-ever",
        "MAIDEN visit",
    ]);
    for word in words {
        assert!(super::could_start_ordinal(word.as_bytes()), "{word}");
    }
    for word in [
        "the",
        "firsthand",
        "sixty",
        "Seoul",
        "2025",
        "12 days",
        "5t",
        "1234567890th",
    ] {
        assert!(!super::could_start_ordinal(word.as_bytes()), "{word}");
    }
}

/// The ordinal test as it was, on a lower-case copy of the word compared with each word in
/// turn: what the packed lookup behind the two-letter heads must agree with.
fn could_start_ordinal_by_lead(word: &[u8]) -> bool {
    if word.first().is_some_and(u8::is_ascii_digit) {
        return could_start_digit_ordinal(word);
    }
    let lead = Lead::of_bytes(word);
    lead.is_one_of(&ORDINALS) || lead.is_one_of(&FIRSTS)
}

/// The ordinals and firsts, and words and numbers close to them.
static ORDINAL_LIKE: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    ORDINALS
        .iter()
        .chain(&FIRSTS)
        .chain(&["the", "this", "in", "firsthand", "5th", "2025"])
        .copied()
        .collect()
});

#[test]
fn the_ordinal_gate_agrees_with_the_word_by_word_test_on_every_word() {
    for word in each_word_like(&ORDINAL_LIKE) {
        let bytes = word.as_bytes();
        assert_eq!(
            could_start_ordinal(bytes),
            could_start_ordinal_by_lead(bytes),
            "{word:?}"
        );
    }
}

proptest! {
    #[test]
    fn the_ordinal_gate_agrees_with_the_word_by_word_test(word in word_like(ORDINAL_LIKE.as_slice())) {
        prop_assert_eq!(
            could_start_ordinal(word.as_bytes()),
            could_start_ordinal_by_lead(word.as_bytes()),
            "{:?}", word
        );
    }
}

#[test]
fn a_bilateral_beside_a_trilateral_the_same_day_is_linked() {
    use crate::corpus::parse_article;
    use crate::extract::extract_article;
    use crate::kb::{Kb, KbIndex};
    let kb = Kb::shipped().expect("the shipped KB loads");
    let kb = KbIndex::new(&kb);
    let text = "---\ndate: 2023-08-19\n---\nSouth Korean President Yoon Suk Yeol and Japanese \
                Prime Minister Fumio Kishida held their seventh summit on Friday, August 18, \
                2023, at Camp David, hours before their talks with U.S. President Joe Biden.\n";
    let article = parse_article("camp-david.md".into(), text.to_string());
    let events = extract_article(&article, &kb).events;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].event.as_deref(), Some("kr-jp-summit-2023-08-18"));
    assert_eq!(
        events[0].nth_event.as_deref(),
        Some("kr-jp-summit-2023-08-18")
    );
}

#[test]
fn a_phrase_across_a_line_break_is_no_crash() {
    // Found by fuzzing: "second\nsummit" parses as one phrase, which ends past the clause
    // around its start (a line break ends a sentence), and was sliced from its end to there.
    let kb = crate::kb::Kb::default();
    let kb = KbIndex::new(&kb);
    let context = Context {
        kb: &kb,
        published: None,
        mentions: &[],
        people: &[],
    };
    for text in [
        "Lee held their second\nsummit with Ishiba.",
        "Ishiba was the second foreign\nleader Lee met.",
    ] {
        for claim in find(text, &WordStarts::new(text, 0..text.len()), &context) {
            assert!(text.get(claim.span.clone()).is_some(), "{text}");
        }
    }
}
