//! Sample text for the tests that check a parser's first-word gate against the grammar it
//! guards: a phrase of every form the mention parsers know, and the seed articles.

use super::lexicon::Res;

/// Phrases of every form the mention parsers know, for the tests that check a first-word gate
/// against the grammar it guards.
const SAMPLE_PHRASES: &[&str] = &[
    "10:30 p.m. EST on June 17",
    "12:15 am",
    "16-hour",
    "17th of June",
    "18 December 1965",
    "2025-06-17 at",
    "30-minute call",
    "8 hours ago",
    "9 Nov. 2024",
    "9 a.m. Tuesday",
    "Dec. 18, 1965, in Seoul",
    "Friday (June 15), said",
    "Friday the 13th of June",
    "Jan 16 (NationPress)",
    "June 17 (Tuesday) the",
    "June 17, a Tuesday, when",
    "June of the previous year",
    "Monday night",
    "Tue., June 17",
    "Tuesday at 9 a.m.",
    "a decade",
    "a year earlier",
    "daily",
    "nightly",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "day-long",
    "each Monday",
    "earlier this month",
    "early October this year",
    "early next year",
    "every week",
    "five year low",
    "late October",
    "last August",
    "last fall",
    "last night's vote",
    "last week",
    "mid-2025",
    "mid 2025",
    "midnight",
    "more than three months",
    "nearly four years ago",
    "noon yesterday",
    "midday",
    "now",
    "currently",
    "nowadays",
    "at present",
    "these days",
    "recent years",
    "the past",
    "the coming years",
    "once a year",
    "twice per week",
    "recent days",
    "coming months",
    "recently",
    "several years",
    "the end of the year",
    "the first nine months",
    "the fourth quarter of 2024",
    "the future",
    "the past two months",
    "the previous Friday",
    "the summer of 2024",
    "summer 2024",
    "this winter",
    "the third quarter",
    "third-quarter profit",
    "3rd quarter",
    "last year's third quarter",
    "year-ago quarter",
    "the 1988 second quarter",
    "the latest quarter",
    "this Sunday",
    "three-day visit",
    "tonight",
    "two day rally",
    "two weeks ago",
    "yesterday afternoon",
    "tomorrow morning",
    "today",
    "this morning",
    "later this evening",
    "the weekend",
    "at least two years",
    "up to five days",
    "less than a week",
    "fewer than ten hours",
    "about a month",
    "almost a year",
    "around two weeks",
    "roughly six months",
    "approximately an hour",
    "some years",
    "over a decade",
    "under a minute",
    "just a day",
    "a few days",
    "a couple of weeks",
    "many years",
    "few months",
    "thirty-five years",
    "twenty years",
    "zero hours",
    "the beginning of 2025",
    "the start of next month",
    "the end of October",
    "beginning of this year",
    "start of the year",
    "end of next month",
    "the next few years",
    "the final two days",
    "the coming three weeks",
    "previous two years",
    "current quarter",
    "the following week",
    "coming Monday",
    "following year",
    "the 1990s",
    "the '90s",
    "90s",
    "1910-45",
    "1950–53",
    "the 20th century",
    "nineteenth century",
    "the twelfth century",
    "16th-century",
    "Christmas 2024",
    "last Christmas",
    "next Thanksgiving",
    "New Year's Day",
    "Easter Monday",
    "fortnight",
    "every two weeks",
    "Sept. 30",
    "September, 2022",
    "June 2022",
    "in June",
    "since 2017",
    "the quarterly report",
    "the quarterbackquarterback",
    "the year-ago quarter",
    "the this year's quarter",
    "The\u{a0}past\nweek",
    "the\n\nweek",
    "the, past",
    "them last",
    "the spring",
    "the last year",
];

/// Calls `check` with the input at every character of the sample phrases and at every word
/// start of the seed articles.
pub fn for_each_sample_start(mut check: impl FnMut(&str)) {
    for phrase in SAMPLE_PHRASES {
        for (start, _) in phrase.char_indices() {
            check(&phrase[start..]);
        }
    }
    for text in seed_articles() {
        for (start, c) in text.char_indices() {
            if c.is_alphanumeric() && !text[..start].ends_with(char::is_alphanumeric) {
                check(&text[start..]);
            }
        }
    }
}

/// The text of every seed article (`corpus/`).
pub fn seed_articles() -> Vec<String> {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let articles: Vec<String> = std::fs::read_dir(seeds)
        .expect("the seed corpus is there")
        .map(|entry| {
            std::fs::read_to_string(entry.expect("a readable entry").path())
                .expect("seed articles are UTF-8")
        })
        .collect();
    assert!(!articles.is_empty(), "no seed articles");
    articles
}

/// Asserts that `gated` finds what `every_form` (the same forms without the first-word gates)
/// finds at every sample start, and that the samples hold at least `at_least` finds.
pub fn assert_gates_change_nothing<E: PartialEq + std::fmt::Debug>(
    gated: impl Fn(&str) -> Res<'_, E>,
    every_form: impl Fn(&str) -> Res<'_, E>,
    at_least: usize,
) {
    let mut found = 0;
    for_each_sample_start(|input| {
        let expected = every_form(input).ok();
        found += usize::from(expected.is_some());
        assert_eq!(gated(input).ok(), expected, "at {input:.40?}");
    });
    assert!(found >= at_least, "the samples hold {found} finds");
}
