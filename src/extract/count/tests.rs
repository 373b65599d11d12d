//! Counts within counts in varied real-news phrasings, and false friends.

use super::{NUMBER_WORDS, PartWholeClaim, TENS, could_start_count, find};

fn claims(text: &str) -> Vec<(u64, String, u64, String)> {
    find(text, 0..text.len())
        .iter()
        .map(
            |PartWholeClaim {
                 whole,
                 whole_span,
                 part,
                 part_span,
                 ..
             }| {
                (
                    *whole,
                    text[whole_span.clone()].to_string(),
                    *part,
                    text[part_span.clone()].to_string(),
                )
            },
        )
        .collect()
}

fn pair(text: &str) -> (u64, u64) {
    let found = claims(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    (found[0].0, found[0].2)
}

#[test]
fn including_links_counts_of_the_same_things() {
    assert_eq!(
        claims(
            "a flood in 1942 claimed the lives of 183 individuals, including 136 Korean forced \
             laborers."
        ),
        vec![(
            183,
            "183 individuals".into(),
            136,
            "136 Korean forced laborers".into()
        )]
    );
    assert_eq!(
        pair("The company has 1,200 employees in Asia and Europe, including 1,500 engineers."),
        (1200, 1500)
    );
    assert_eq!(
        pair("The blast killed 45 people, including 12 children."),
        (45, 12)
    );
    assert_eq!(
        pair("Police detained 2.5 million protesters, including 300 students."),
        (2_500_000, 300)
    );
    assert_eq!(
        pair("It has twelve members, including three women."),
        (12, 3)
    );
}

#[test]
fn of_them_of_whom_and_of_the() {
    assert_eq!(
        pair("The attack killed 45 people, 12 of them children."),
        (45, 12)
    );
    assert_eq!(
        pair("The raid killed 45 people, of whom 12 were children."),
        (45, 12)
    );
    assert_eq!(
        pair("Of the 300 delegates, 120 voted for the motion."),
        (300, 120)
    );
    assert_eq!(pair("Among the 45 victims, 12 were children."), (45, 12));
    assert_eq!(
        pair("Police said 120 of the 300 delegates had left."),
        (300, 120)
    );
    assert_eq!(pair("Five of the 15 members abstained."), (15, 5));
}

#[test]
fn false_friends_are_not_parts() {
    for text in [
        // Money, percentages, years, ranks.
        "Seoul's commitments are worth over $2.5 billion, including $1 billion in loans.",
        "It won 45 percent of the vote, including 60 percent of women.",
        "In 1942, including 136 Korean forced laborers, the mine flooded.",
        "Seoul aims to join the 12-member pact, including 15 members later.",
        // Different kinds of things.
        "Troops attacked 3 villages, including 12 children.",
        "The 45 trucks, including 60 drivers, left.",
        // Approximate wholes.
        "More than 180 individuals, including 200 laborers, died.",
        "about 1,200 employees, including 1,500 engineers",
        // No count after "including", no noun after the part.
        "The two sides discussed several issues, including trade.",
        "The 45 people met, including 12.",
        // Years as numbers.
        "Of the 2025 budget, 120 went to defence.",
    ] {
        assert_eq!(claims(text), vec![], "{text}");
    }
}

#[test]
fn the_count_prefilter_lets_every_count_through() {
    for input in [
        "183 individuals",
        "1,200 people",
        "Twelve of them",
        "thirty-five delegates",
        "ninety people",
        "zero",
    ] {
        assert!(could_start_count(input), "{input}");
    }
    for input in ["people", "the 300", "dozens", "Tenth", "", "émigrés"] {
        assert!(!could_start_count(input), "{input}");
    }
}

/// The count test as it was: the run of letters compared with each number word in turn.
fn could_start_count_word_by_word(input: &str) -> bool {
    let bytes = input.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &input[..letters];
    NUMBER_WORDS
        .iter()
        .chain(&TENS)
        .any(|number| number.eq_ignore_ascii_case(word))
}

const COUNT_LIKE: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "twelve",
    "seventeen",
    "twenty",
    "thirty",
    "ninety",
    "forty",
    "fourty",
    "the",
    "of",
    "people",
    "183",
    "1,200",
];

#[test]
fn the_count_gate_agrees_with_the_word_by_word_test_on_every_word() {
    for input in crate::extract::gate_samples::each_word_like(COUNT_LIKE) {
        assert_eq!(
            could_start_count(&input),
            could_start_count_word_by_word(&input),
            "{input:?}"
        );
    }
}

proptest::proptest! {
    #[test]
    fn the_count_gate_agrees_with_the_word_by_word_test(
        input in crate::extract::gate_samples::word_like(COUNT_LIKE),
    ) {
        proptest::prop_assert_eq!(
            could_start_count(&input),
            could_start_count_word_by_word(&input),
            "{:?}", input
        );
    }
}
