//! Unit tests for the anniversary kind, on hand-built claims and the shipped KB.

use std::sync::LazyLock;

use super::*;
use crate::corpus::{Article, Metadata};
use crate::extract::Extraction;
use crate::kb::Kb;
use crate::rules::Check;
use crate::rules::RuleSet;

static KB: LazyLock<Kb> = LazyLock::new(|| Kb::shipped().expect("the shipped KB loads"));

/// A claim on `text`: the number's words, the event's words, event id, year and its source.
struct Claim<'a> {
    n: (u32, &'a str),
    event_words: &'a str,
    event: Option<&'a str>,
    stated_event_year: Option<(i32, &'a str)>,
    year: Option<i32>,
}

fn run(text: &str, claim: Claim<'_>) -> Vec<Finding> {
    let at = |words: &str| {
        let start = text.find(words).expect("words in text");
        start..start + words.len()
    };
    let event_span = at(claim.event_words);
    let claim = AnniversaryClaim {
        span: at(claim.n.1).start..event_span.end,
        n: claim.n.0,
        n_span: at(claim.n.1),
        event_text: claim.event_words.to_lowercase(),
        event_span: Some(event_span),
        event: claim.event.map(str::to_string),
        stated_event_year: claim
            .stated_event_year
            .map(|(year, words)| (year, at(words))),
        year: claim.year,
        year_span: None,
        year_source: YearSource::Publication,
    };
    let article = Article {
        path: "a.txt".into(),
        text: text.to_string(),
        body: 0..text.len(),
        meta: Metadata::default(),
    };
    let extraction = Extraction {
        anniversaries: vec![claim],
        ..Extraction::default()
    };
    let rules = RuleSet::shipped().expect("shipped rules load");
    let rule = rules.get("anniversary").expect("anniversary rule shipped");
    let kb = KbIndex::new(&KB);
    let (articles, extractions) = ([article], [extraction]);
    let context = CheckContext {
        articles: &articles,
        extractions: &extractions,
        kb: &kb,
        reported: None,
    };
    let Check::Anniversary(params) = &rule.check else {
        panic!("the anniversary rule runs the anniversary kind");
    };
    check(&context, rule, params)
}

const TEXT: &str =
    "This year marks the 65th anniversary of the normalization of diplomatic relations.";

#[test]
fn an_anniversary_off_by_five_years_names_the_right_one() {
    let findings = run(
        TEXT,
        Claim {
            n: (65, "65th"),
            event_words: "the normalization of diplomatic relations",
            event: Some("kr-jp-normalization"),
            stated_event_year: None,
            year: Some(2025),
        },
    );
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.level, Level::Error);
    assert_eq!(&TEXT[finding.span.clone()], "65th");
    assert_eq!(
        finding.message,
        "2025 is the 60th anniversary of the normalization of diplomatic relations (1965), not \
         the 65th"
    );
    let help = finding.help.as_deref().unwrap();
    assert!(help.contains("rules/kb/events-korea-japan.yaml"), "{help}");
    assert!(help.contains("kr-jp-normalization"), "{help}");
    assert!(help.contains("https://"), "{help}");
}

#[test]
fn the_right_number_or_an_unknown_year_or_event_is_silent() {
    for (n, event, year) in [
        (60, Some("kr-jp-normalization"), Some(2025)),
        (65, Some("kr-jp-normalization"), None),
        (65, None, Some(2025)),
    ] {
        let findings = run(
            TEXT,
            Claim {
                n: (n, "65th"),
                event_words: "the normalization of diplomatic relations",
                event,
                stated_event_year: None,
                year,
            },
        );
        assert!(findings.is_empty(), "{n} {event:?} {year:?}: {findings:?}");
    }
}

#[test]
fn the_article_can_give_the_event_year() {
    let text =
        "The accord, signed in 1990, turns 30: this year marks the 35th anniversary of the accord.";
    let findings = run(
        text,
        Claim {
            n: (35, "35th"),
            event_words: "the accord.",
            event: None,
            stated_event_year: Some((1990, "1990")),
            year: Some(2020),
        },
    );
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].related[0].message,
        "the article dates it to 1990"
    );
    assert!(
        findings[0]
            .message
            .starts_with("2020 is the 30th anniversary")
    );
}

#[test]
fn ordinals_have_their_suffixes() {
    for (n, words) in [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (11, "11th"),
        (22, "22nd"),
        (60, "60th"),
        (113, "113th"),
    ] {
        assert_eq!(ordinal(n), words);
    }
}
