//! Anniversary claims in varied real-news phrasings, and false friends, with the shipped KB.

use std::path::PathBuf;
use std::sync::LazyLock;

use super::anniversary;
use crate::corpus::parse_article;
use crate::extract::{AnniversaryClaim, YearSource, extract_article};
use crate::kb::{Kb, KbIndex};

static KB: LazyLock<Kb> = LazyLock::new(|| Kb::shipped().expect("the shipped KB loads"));
static INDEX: LazyLock<KbIndex<'static>> = LazyLock::new(|| KbIndex::new(&KB));

/// The claims in `body`, published on `date`, with the text they index into.
fn claims(date: &str, body: &str) -> (String, Vec<AnniversaryClaim>) {
    let text = format!("---\ndate: {date}\n---\n{body}");
    let article = parse_article(PathBuf::from("test.md"), text.clone());
    let extraction = extract_article(&article, &INDEX);
    (text, extraction.anniversaries)
}

/// (phrase, n, event id or "-", year or 0) of each claim.
fn rows(date: &str, body: &str) -> Vec<(String, u32, String, i32)> {
    let (text, found) = claims(date, body);
    found
        .iter()
        .map(|claim| {
            (
                text[claim.span.clone()].to_string(),
                claim.n,
                claim.event.clone().unwrap_or_else(|| "-".into()),
                claim.year.unwrap_or(0),
            )
        })
        .collect()
}

fn one(date: &str, body: &str) -> (String, u32, String, i32) {
    let found = rows(date, body);
    assert_eq!(found.len(), 1, "{body}: {found:?}");
    found.into_iter().next().unwrap()
}

fn row(phrase: &str, n: u32, event: &str, year: i32) -> (String, u32, String, i32) {
    (phrase.to_string(), n, event.to_string(), year)
}

#[test]
fn the_grammar_reads_numbers_and_event_words() {
    for (input, n) in [
        ("the 60th anniversary of ties", 60),
        ("its 50th anniversary", 50),
        ("sixtieth anniversary", 60),
        ("the sixty-fifth anniversary of liberation", 65),
        ("60th-anniversary celebration", 60),
        ("the 60th anniv. of ties", 60),
        ("the centenary of the republic", 100),
        ("80 years since liberation", 80),
        ("eighty years after the end of the war", 80),
        ("Samsung's 50th anniversary", 50),
    ] {
        let (_, phrase) = anniversary(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(phrase.n, n, "{input}");
    }
    for input in [
        "the anniversary of the war",
        "the 60th minute",
        "the 60th birthday",
        "60 years of history",
        "the 3rd anniversaries",
    ] {
        assert!(anniversary(input).is_err(), "{input}");
    }
    let (_, phrase) =
        anniversary("the 25th anniversary of the fall of the Berlin Wall, which").unwrap();
    assert_eq!(phrase.event_words.len(), 6);
}

#[test]
fn seed_phrasings_link_to_the_1965_normalization() {
    let normalization = "kr-jp-normalization";
    assert_eq!(
        one(
            "2025-06-16",
            "This year is particularly meaningful for both countries as it marks the 60th \
             anniversary of the establishment of diplomatic relations.",
        ),
        row(
            "the 60th anniversary of the establishment of diplomatic relations",
            60,
            normalization,
            2025
        )
    );
    assert_eq!(
        one(
            "2025-06-09",
            "Japan and South Korea hope to maintain momentum as they mark the 60th anniversary \
             of diplomatic normalization this year.",
        ),
        row(
            "the 60th anniversary of diplomatic normalization",
            60,
            normalization,
            2025
        )
    );
    // "the ties" is read without its inner "the".
    let (_, n, event, _) = one(
        "2025-06-16",
        "The phrase is the official slogan for the 60th anniversary of the normalization of \
         the ties.",
    );
    assert_eq!((n, event.as_str()), (60, normalization));
}

#[test]
fn bare_anniversaries_take_the_event_of_the_earlier_ones() {
    let found = rows(
        "2025-06-16",
        "An event marks the 60th anniversary of the establishment of diplomatic relations, \
         which falls on this Sunday. This marks its second public showing, following its \
         display at the 50th anniversary celebration. On the occasion of the anniversary, \
         he spoke. Lee calls for unity ahead of 60th anniv. of ties.",
    );
    assert_eq!(
        found,
        vec![
            row(
                "the 60th anniversary of the establishment of diplomatic relations",
                60,
                "kr-jp-normalization",
                2025
            ),
            // Linked, but in the past: no year, so no check.
            row("the 50th anniversary", 50, "kr-jp-normalization", 0),
            row("60th anniv. of ties", 60, "kr-jp-normalization", 2025),
        ]
    );
    // A possessive is the anniversary of something else.
    let found = rows(
        "2025-06-16",
        "It marks the 60th anniversary of normalization of diplomatic relations. The company \
         celebrates its 50th anniversary.",
    );
    assert_eq!(found[1], row("its 50th anniversary", 50, "-", 2025));
}

#[test]
fn years_come_from_the_sentence_or_the_present() {
    assert_eq!(
        one(
            "2025-06-16",
            "Leaders gathered in Berlin in 2014 on the 25th anniversary of the fall of the \
             Berlin Wall.",
        ),
        row(
            "the 25th anniversary of the fall of the Berlin Wall",
            25,
            "fall-of-the-berlin-wall",
            2014
        )
    );
    assert_eq!(
        one(
            "2025-06-16",
            "Leaders marked the 25th anniversary of the fall of the Berlin Wall in 2014.",
        ),
        row(
            "the 25th anniversary of the fall of the Berlin Wall",
            25,
            "fall-of-the-berlin-wall",
            2014
        )
    );
    assert_eq!(
        one(
            "2025-08-15",
            "South Korea marks 80 years since liberation on Friday."
        ),
        row("80 years since liberation", 80, "korea-liberation", 2025)
    );
    // Past tense without a date: the year is unknown.
    assert_eq!(
        one(
            "2025-06-16",
            "Officials marked the 70th anniversary of the Korean War armistice with a ceremony.",
        ),
        row(
            "the 70th anniversary of the Korean War armistice",
            70,
            "korean-war-armistice",
            0
        )
    );
    let (_, found) = claims(
        "2025-06-16",
        "2025 marks the 80th anniversary of the end of the war in Europe.",
    );
    assert_eq!(found[0].year, Some(2025));
    assert_eq!(found[0].year_source, YearSource::Stated);
}

#[test]
fn ambiguous_or_unknown_events_are_not_linked() {
    // Three presidential elections in the KB.
    assert_eq!(
        one(
            "2025-06-16",
            "It marks the first anniversary of the presidential election."
        ),
        row(
            "the first anniversary of the presidential election",
            1,
            "-",
            2025
        )
    );
    // A normalization between other parties is not Seoul and Tokyo's.
    let (_, event, ..) = {
        let (phrase, n, event, year) = one(
            "2032-09-29",
            "It marks the 60th anniversary of normalization of diplomatic relations between \
             Japan and China.",
        );
        (phrase, event, n, year)
    };
    assert_eq!(event, "-");
    // Nor are qualified ties the ties of the article's other anniversaries.
    let found = rows(
        "2025-06-16",
        "It marks the 60th anniversary of the normalization of diplomatic relations. China \
         marks the 50th anniversary of diplomatic relations with Japan in 2022.",
    );
    assert_eq!(found[1].2, "-");
}

#[test]
fn the_article_can_date_an_unknown_event() {
    let (_, found) = claims(
        "2020-05-01",
        "The accord, signed in 1990, changed the region. This year marks the 25th anniversary \
         of the accord.",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].event, None);
    assert_eq!(found[0].event_text, "accord");
    assert_eq!(
        found[0].stated_event_year.as_ref().map(|(y, _)| *y),
        Some(1990)
    );
    assert_eq!(found[0].year, Some(2020));
    let (_, found) = claims(
        "2020-05-01",
        "The 1995 statement was read again. This year marks the 25th anniversary of the 1995 \
         statement.",
    );
    assert_eq!(
        found[0].stated_event_year.as_ref().map(|(y, _)| *y),
        Some(1995)
    );
}

#[test]
fn false_friends_are_not_anniversaries() {
    for body in [
        "He scored in the 60th minute of the match.",
        "On the occasion of the anniversary, he spoke.",
        "The 60th birthday party was held in 2015.",
        "It has been more than 70 years since the Korean War armistice.",
        "Two years after taking office, he resigned.",
        "The firm employs 60 people and has 80 years of history.",
    ] {
        assert_eq!(rows("2025-06-16", body), vec![], "{body}");
    }
}

#[test]
fn a_date_in_another_clause_does_not_date_the_anniversary() {
    // "2012" dates Abe's taking office, not the anniversary: no year, so nothing to judge.
    let (_, _, _, year) = one(
        "2019-03-11",
        "Japanese Prime Minister Shinzo Abe, who took office in 2012, marked the eighth \
         anniversary of the 2011 earthquake.",
    );
    assert_eq!(year, 0);
    // A sentence-opening date does date it.
    let (_, _, _, year) = one(
        "2026-01-05",
        "In 2015, Seoul and Tokyo marked the 50th anniversary of the normalization of diplomatic \
         relations.",
    );
    assert_eq!(year, 2015);
}

#[test]
fn a_name_holds_a_preposition_between_capitalised_words() {
    let (phrase, n, event, year) = one(
        "2022-01-02",
        "This year marks the 57th anniversary of the Treaty on Basic Relations between Japan and \
         the Republic of Korea, and both sides agreed to keep in close contact.",
    );
    assert_eq!(
        (n, event.as_str(), year),
        (57, "kr-jp-basic-relations-treaty", 2022)
    );
    assert!(phrase.ends_with("Republic of Korea"), "{phrase}");
    // A date after a capitalised name still ends it.
    let (_, n, event, _) = one(
        "2025-08-15",
        "Officials marked the 80th anniversary of Liberation Day on Friday in Seoul.",
    );
    assert_eq!((n, event.as_str()), (80, "korea-liberation"));
}

const FIRST_WORD_LIKE: &[&str] = &[
    "the",
    "this",
    "a",
    "its",
    "their",
    "his",
    "her",
    "our",
    "sixtieth",
    "sixty",
    "first",
    "centenary",
    "bicentennial",
    "hundredth",
    "eighty",
    "five",
    "60th",
    "80",
    "Samsung",
    "marks",
    "past",
    "celebrated",
    "over",
    "anniversary",
];

const CONTINUATIONS: &[&str] = &[
    " 60th anniversary of the treaty",
    " anniversary of the war",
    "'s 50th anniversary",
    "\u{2019}s centenary",
    " year's 70th anniversary of liberation",
    " years since liberation",
    "-fifth anniversary",
    "-five years after the war",
    " centenary of the school",
];

/// Where the first-word gate turns an input away, the grammar finds nothing there either.
fn assert_gate_keeps_every_phrase(input: &str) {
    if !super::could_start_phrase(input) {
        assert!(anniversary(input).is_err(), "{input:?}");
    }
}

#[test]
fn the_first_word_gate_keeps_every_phrase() {
    for first in crate::extract::gate_samples::each_word_like(FIRST_WORD_LIKE) {
        for continuation in CONTINUATIONS {
            assert_gate_keeps_every_phrase(&format!("{first}{continuation}"));
        }
    }
}

proptest::proptest! {
    #[test]
    fn the_first_word_gate_keeps_every_random_phrase(
        first in crate::extract::gate_samples::word_like(FIRST_WORD_LIKE),
        continuation in proptest::sample::select(CONTINUATIONS),
    ) {
        assert_gate_keeps_every_phrase(&format!("{first}{continuation}"));
    }
}

#[test]
fn a_name_is_read_past_a_possessive_and_not_cut_before_a_place() {
    let (_, _, event, year) = one(
        "2025-08-15",
        "South Korea marks the 80th anniversary of its liberation from Japanese colonial rule.",
    );
    assert_eq!((event.as_str(), year), ("korea-liberation", 2025));
    // "its liberation" alone may be any nation's.
    let (_, _, event, _) = one(
        "2024-08-25",
        "Paris marked the 80th anniversary of its liberation on Sunday.",
    );
    assert_eq!(event, "-");
    // Nor is a name cut before "of" and a place: Paris was liberated in 1944.
    let (_, _, event, _) = one(
        "2024-08-25",
        "France marks the 80th anniversary of the liberation of Paris on Sunday.",
    );
    assert_eq!(event, "-");
}
