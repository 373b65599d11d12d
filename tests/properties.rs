//! Property tests: extraction never panics and every span it reports lies inside the text on
//! character boundaries, for arbitrary Unicode and for real sentences mutated at random; and
//! dates resolved from the text agree with chrono's calendar arithmetic.

#[path = "common/soundness.rs"]
mod soundness;

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate};
use factlint::corpus::Article;
use factlint::extract::{Extraction, MentionKind, extract_article_on};
use factlint::kb::{Kb, KbIndex};
use factlint::rules::{CheckContext, RuleSet, run_rules};
use factlint::time::{CalendarDate, weekday_name};
use proptest::prelude::*;
use soundness::{article, check_article};

/// The shipped KB's index, built once: its automata are built on first use.
fn kb() -> &'static KbIndex<'static> {
    static KB: OnceLock<Kb> = OnceLock::new();
    static INDEX: OnceLock<KbIndex<'static>> = OnceLock::new();
    INDEX.get_or_init(|| {
        KbIndex::new(KB.get_or_init(|| Kb::shipped().expect("the shipped KB loads")))
    })
}

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::shipped().expect("the shipped rules load"))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

fn extract(article: &Article) -> Extraction {
    extract_article_on(article, kb(), today())
}

/// Extracts, runs every rule, and checks the span invariant on all they report.
fn assert_sound(text: String, published: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let checked = check_article(&article(text, published), kb(), rules(), today());
    prop_assert!(checked.is_ok(), "{:?}", checked.err());
    Ok(())
}

/// Sentences from the seed corpus, the material the mutations start from.
fn sentences() -> &'static [String] {
    static SENTENCES: OnceLock<Vec<String>> = OnceLock::new();
    SENTENCES.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        files
            .iter()
            .flat_map(|file| {
                let text = std::fs::read_to_string(file).unwrap();
                text.split(". ")
                    .filter(|s| s.len() > 20)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    })
}

/// Characters that stress byte/char arithmetic: multi-byte punctuation, marks, joiners,
/// right-to-left letters, line endings, digits and the letters dates are made of.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '—', '–', '’', '“', '\u{FFFD}', '\u{200B}', '\u{200D}', '\u{200F}', '\u{202E}',
            '\u{FEFF}', '\u{301}', 'é', 'ß', 'İ', '\u{5D0}', '\u{627}', '中', '😀', '\r', '\n',
            '\t', ' ', '.', ',', '-', '\'', '(', ')', '0', '1', '9', 'J', 'u', 'n', 'e',
        ]),
        any::<char>(),
    ]
}

/// A real sentence with a few random edits at character boundaries.
fn mutated_sentence() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, tricky_char()), 1..6);
    (prop::sample::select(sentences().to_vec()), edits).prop_map(|(sentence, edits)| {
        let mut chars: Vec<char> = sentence.chars().collect();
        for (at, kind, c) in edits {
            let i = at.index(chars.len() + 1);
            match kind {
                0 => chars.insert(i, c),
                1 if i < chars.len() => chars[i] = c,
                _ if i < chars.len() => {
                    chars.remove(i);
                }
                _ => chars.push(c),
            }
        }
        chars.into_iter().collect()
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..60_000)
        .prop_map(|days| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Duration::days(days))
}

proptest! {
    // Few cases, so the suite stays quick on the debug build in CI; the fuzz targets search
    // the same space for hours.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_sound_for_arbitrary_unicode(
        text in prop::collection::vec(tricky_char(), 0..200).prop_map(String::from_iter),
        published in prop::option::of(date()),
    ) {
        assert_sound(text, published)?;
    }

    #[test]
    fn spans_are_sound_for_mutated_real_sentences(
        sentences in prop::collection::vec(mutated_sentence(), 1..4),
        published in prop::option::of(date()),
    ) {
        assert_sound(sentences.join(". "), published)?;
    }

    #[test]
    fn a_weekday_tied_to_a_date_is_checked_as_chrono_counts(day in date(), shift in 0u32..7) {
        let wrong = day + Duration::days(i64::from(shift));
        let text = format!("Seoul -- They met on {}, {}.\n", weekday_name(wrong.weekday()), day.format("%B %-d, %Y"));
        let article = article(text, Some(day + Duration::days(3)));
        let extraction = extract(&article);
        let articles = [article];
        let extractions = [extraction];
        let context = CheckContext { articles: &articles, extractions: &extractions, kb: kb(), reported: None };
        let weekday_findings = run_rules(&context, rules())
            .into_iter()
            .filter(|finding| finding.rule == "weekday")
            .count();
        prop_assert_eq!(weekday_findings, usize::from(shift != 0), "{}", articles[0].text);
    }

    #[test]
    fn days_and_weeks_ago_resolve_as_chrono_subtracts(published in date(), n in 2u32..30, weeks in any::<bool>()) {
        let unit = if weeks { "weeks" } else { "days" };
        let text = format!("Seoul -- The fire broke out {n} {unit} ago.\n");
        let article = article(text, Some(published));
        let extraction = extract(&article);
        let mention = extraction
            .mentions
            .iter()
            .find(|m| m.kind == MentionKind::RelativeDate);
        prop_assert!(mention.is_some(), "{:?}", extraction.mentions);
        let days = i64::from(n) * if weeks { 7 } else { 1 };
        let expected = published - Duration::days(days);
        let resolved = mention.and_then(|m| m.date).and_then(CalendarDate::to_naive);
        if weeks {
            // "two weeks ago" names a week: the resolved day must fall in it.
            let found = resolved.or_else(|| mention.and_then(|m| m.value.clone()).and_then(|value| week_start(&value)));
            prop_assert!(found.is_some_and(|d| (d - expected).num_days().abs() < 7), "{found:?} vs {expected}");
        } else {
            prop_assert_eq!(resolved, Some(expected));
        }
    }
}

/// The Monday of an ISO week value ("2025-W24").
fn week_start(value: &str) -> Option<NaiveDate> {
    let (year, week) = value.split_once("-W")?;
    NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, chrono::Weekday::Mon)
}
