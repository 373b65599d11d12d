//! Unit tests for the weekday kind, on hand-built articles and mentions.

use chrono::Weekday;

use super::*;
use crate::corpus::{Article, Metadata};
use crate::extract::{Extraction, MentionKind, TiedWeekday};
use crate::finding::Level;
use crate::kb::{Kb, KbIndex};
use crate::rules::Check;
use crate::rules::RuleSet;
use crate::time::CalendarDate;

/// An article whose text is `text`, published on `published` (from its front matter).
fn article(text: &str, published: Option<(i32, u32, u32, DateSource)>) -> Article {
    Article {
        path: "a.txt".into(),
        text: text.to_string(),
        body: 0..text.len(),
        meta: Metadata {
            published: published.map(|(y, m, d, source)| Published {
                date: CalendarDate::full(NaiveDate::from_ymd_opt(y, m, d).unwrap()),
                source,
                span: None,
            }),
            ..Metadata::default()
        },
    }
}

/// A mention of the words `words` in `text`, tying `weekday_words` to the date.
fn tied_mention(
    text: &str,
    words: &str,
    weekday_words: &str,
    weekday: Weekday,
    date: (Option<i32>, u32, u32),
    year_source: YearSource,
) -> Mention {
    let start = text.find(words).expect("mention words in text");
    let weekday_start = start + words.find(weekday_words).expect("weekday in mention");
    Mention {
        span: start..start + words.len(),
        kind: MentionKind::Date,
        value: None,
        precision: None,
        date: Some(CalendarDate {
            year: date.0,
            month: Some(date.1),
            day: Some(date.2),
        }),
        year_source,
        tied_weekday: Some(TiedWeekday {
            weekday,
            span: weekday_start..weekday_start + weekday_words.len(),
        }),
        timex_type: None,
        timex_value: None,
    }
}

fn run(article: Article, mentions: Vec<Mention>) -> Vec<Finding> {
    let rules = RuleSet::shipped().expect("shipped rules load");
    let rule = rules.get("weekday").expect("weekday rule shipped");
    let extraction = Extraction {
        published: article.meta.published.clone(),
        mentions,
        ..Extraction::default()
    };
    let articles = [article];
    let extractions = [extraction];
    let kb = Kb::default();
    let kb = KbIndex::new(&kb);
    let context = CheckContext {
        articles: &articles,
        extractions: &extractions,
        kb: &kb,
        reported: None,
    };
    let Check::Weekday(params) = &rule.check else {
        panic!("the weekday rule runs the weekday kind");
    };
    check(&context, rule, params)
}

#[test]
fn correct_weekday_is_not_a_finding() {
    let text = "The summit was held on Tuesday, June 17, 2025, in Kananaskis.";
    let mention = tied_mention(
        text,
        "Tuesday, June 17, 2025",
        "Tuesday",
        Weekday::Tue,
        (Some(2025), 6, 17),
        YearSource::Stated,
    );
    assert!(run(article(text, None), vec![mention]).is_empty());
}

#[test]
fn wrong_weekday_is_an_error_at_the_weekday_words() {
    let text = "The summit was held on Monday, June 17, 2025, in Kananaskis.";
    let mention = tied_mention(
        text,
        "Monday, June 17, 2025",
        "Monday",
        Weekday::Mon,
        (Some(2025), 6, 17),
        YearSource::Stated,
    );
    let findings = run(article(text, None), vec![mention]);
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.rule, "weekday");
    assert_eq!(finding.level, Level::Error);
    assert_eq!(&text[finding.span.clone()], "Monday");
    assert_eq!(finding.message, "June 17, 2025 is a Tuesday, not a Monday");
    assert_eq!(
        finding.help.as_deref(),
        Some("June 17, 2025 fell on a Tuesday; the Monday nearest is June 16")
    );
    assert_eq!(&text[finding.related[0].span.clone()], "June 17, 2025");
    assert_eq!(finding.related[0].message, "this is Tuesday, June 17, 2025");
}

#[test]
fn unknown_year_is_not_judged() {
    let text = "They met on Monday, June 17.";
    let mention = tied_mention(
        text,
        "Monday, June 17",
        "Monday",
        Weekday::Mon,
        (None, 6, 17),
        YearSource::Unknown,
    );
    assert!(run(article(text, None), vec![mention]).is_empty());
}

#[test]
fn year_from_publication_is_said_in_the_help() {
    let text = "They met on Monday, June 17.";
    let mention = tied_mention(
        text,
        "Monday, June 17",
        "Monday",
        Weekday::Mon,
        (Some(2025), 6, 17),
        YearSource::Publication,
    );
    let findings = run(
        article(text, Some((2025, 6, 18, DateSource::FrontMatter))),
        vec![mention],
    );
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].level, Level::Error);
    assert_eq!(
        findings[0].help.as_deref(),
        Some(
            "June 17, 2025 fell on a Tuesday; the Monday nearest is June 16 \
             (year taken from the publication date, 2025-06-18)"
        )
    );
}

#[test]
fn inferred_publication_year_lowers_the_level() {
    let text = "They met on Monday, June 17.";
    let mention = tied_mention(
        text,
        "Monday, June 17",
        "Monday",
        Weekday::Mon,
        (Some(2025), 6, 17),
        YearSource::Publication,
    );
    let inferred = DateSource::Inferred {
        evidence: "\"8 hours ago\"".into(),
    };
    let findings = run(article(text, Some((2025, 6, 18, inferred))), vec![mention]);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].level, Level::Warning);
    assert!(
        findings[0]
            .help
            .as_deref()
            .unwrap()
            .contains("itself inferred")
    );
}

#[test]
fn stated_year_is_not_lowered_even_if_publication_was_inferred() {
    let text = "They met on Monday, June 17, 2025.";
    let mention = tied_mention(
        text,
        "Monday, June 17, 2025",
        "Monday",
        Weekday::Mon,
        (Some(2025), 6, 17),
        YearSource::Stated,
    );
    let inferred = DateSource::Inferred {
        evidence: "x".into(),
    };
    let findings = run(article(text, Some((2025, 6, 18, inferred))), vec![mention]);
    assert_eq!(findings[0].level, Level::Error);
}

#[test]
fn leap_day_is_checked_and_a_non_date_is_skipped() {
    // Feb. 29, 2024 was a Thursday.
    let text = "On Thursday, Feb. 29, 2024, and on Friday, Feb. 29, 2023.";
    let right = tied_mention(
        text,
        "Thursday, Feb. 29, 2024",
        "Thursday",
        Weekday::Thu,
        (Some(2024), 2, 29),
        YearSource::Stated,
    );
    // 2023 has no Feb. 29: not a date, so not a weekday claim this kind can judge.
    let impossible = tied_mention(
        text,
        "Friday, Feb. 29, 2023",
        "Friday",
        Weekday::Fri,
        (Some(2023), 2, 29),
        YearSource::Stated,
    );
    assert!(run(article(text, None), vec![right, impossible]).is_empty());

    let text = "On Friday, Feb. 29, 2024.";
    let wrong = tied_mention(
        text,
        "Friday, Feb. 29, 2024",
        "Friday",
        Weekday::Fri,
        (Some(2024), 2, 29),
        YearSource::Stated,
    );
    let findings = run(article(text, None), vec![wrong]);
    assert_eq!(
        findings[0].message,
        "February 29, 2024 is a Thursday, not a Friday"
    );
    assert_eq!(&text[findings[0].related[0].span.clone()], "Feb. 29, 2024");
}

#[test]
fn weekday_after_the_date_labels_the_date_before_it() {
    let text = "The talks open June 17 (Monday) in Ottawa.";
    let mention = tied_mention(
        text,
        "June 17 (Monday)",
        "Monday",
        Weekday::Mon,
        (Some(2025), 6, 17),
        YearSource::Stated,
    );
    let findings = run(article(text, None), vec![mention]);
    assert_eq!(&text[findings[0].span.clone()], "Monday");
    assert_eq!(&text[findings[0].related[0].span.clone()], "June 17");
}

#[test]
fn nearest_day_across_a_year_boundary_names_its_year() {
    // Jan. 1, 2025 was a Wednesday; the nearest Monday is Dec. 30, 2024.
    let date = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let nearest = nearest_weekday(date, Weekday::Mon);
    assert_eq!(nearest_words(date, nearest), "December 30, 2024");
    // Three days back beats four days forward.
    let tuesday = NaiveDate::from_ymd_opt(2025, 6, 17).unwrap();
    assert_eq!(
        nearest_weekday(tuesday, Weekday::Sat),
        NaiveDate::from_ymd_opt(2025, 6, 14).unwrap()
    );
    assert_eq!(
        nearest_weekday(tuesday, Weekday::Fri),
        NaiveDate::from_ymd_opt(2025, 6, 20).unwrap()
    );
}

#[test]
fn check_publication_years_false_skips_borrowed_years() {
    let text = "They met on Monday, June 17.";
    let mention = tied_mention(
        text,
        "Monday, June 17",
        "Monday",
        Weekday::Mon,
        (Some(2025), 6, 17),
        YearSource::Publication,
    );
    let rules = RuleSet::shipped().unwrap();
    let rule = rules.get("weekday").unwrap();
    let articles = [article(text, Some((2025, 6, 18, DateSource::FrontMatter)))];
    let extractions = [Extraction {
        published: None,
        mentions: vec![mention],
        ..Extraction::default()
    }];
    let kb = Kb::default();
    let kb = KbIndex::new(&kb);
    let context = CheckContext {
        articles: &articles,
        extractions: &extractions,
        kb: &kb,
        reported: None,
    };
    let strict = Params {
        check_publication_years: false,
    };
    assert!(check(&context, rule, &strict).is_empty());
}

#[test]
fn date_words_leave_out_the_weekday_in_every_tied_form() {
    // (mention words, weekday words, date words the related label should cover)
    let forms = [
        ("Tuesday, June 17", "Tuesday", "June 17"),
        ("Tuesday, June 17, 2025", "Tuesday", "June 17, 2025"),
        ("Tue., June 17", "Tue.", "June 17"),
        ("on Tuesday (June 17)", "Tuesday", "June 17"),
        ("June 17 (Tuesday)", "Tuesday", "June 17"),
        ("Tuesday 17 June 2025", "Tuesday", "17 June 2025"),
        ("Tuesday, 17 June", "Tuesday", "17 June"),
        ("Tuesday, Dec. 18, 1965", "Tuesday", "Dec. 18, 1965"),
        ("Tuesday June 17th", "Tuesday", "June 17th"),
    ];
    for (words, weekday, date) in forms {
        let text = format!("They met {words}. Then");
        let start = text.find(words).unwrap();
        let weekday_start = start + words.find(weekday).unwrap();
        let span = date_words(
            &text,
            &(start..start + words.len()),
            &(weekday_start..weekday_start + weekday.len()),
        );
        assert_eq!(&text[span], date, "in {words:?}");
    }
}
