//! Snapshots of the human format on hand-built findings.

use super::*;
use crate::corpus::Metadata;
use crate::finding::Related;

fn article(path: &str, text: &str) -> Article {
    Article {
        path: path.into(),
        text: text.to_string(),
        body: 0..text.len(),
        meta: Metadata::default(),
    }
}

fn span_of(text: &str, words: &str) -> Range<usize> {
    let start = text.find(words).unwrap();
    start..start + words.len()
}

#[test]
fn a_weekday_finding_renders_with_both_labels_help_and_summary() {
    let text = "---\ndate: 2025-06-18\n---\nSEOUL, June 18 (Yonhap) -- The leaders met on Monday, June 17, 2025,\non the sidelines of the G7 summit.\n";
    let articles = [
        article("corpus/a.txt", text),
        article("corpus/b.txt", "Nothing here.\n"),
    ];
    let findings = [Finding {
        rule: "weekday".into(),
        level: Level::Error,
        article: 0,
        span: span_of(text, "Monday"),
        message: "June 17, 2025 is a Tuesday, not a Monday".into(),
        help: Some("June 17, 2025 fell on a Tuesday; the Monday nearest is June 16".into()),
        related: vec![Related {
            article: 0,
            span: span_of(text, "June 17, 2025"),
            message: "this is Tuesday, June 17, 2025".into(),
        }],
    }];
    insta::assert_snapshot!(render_findings(&articles, &findings, 0, Colour::Never));
}

#[test]
fn related_places_in_other_articles_render_as_their_own_snippets() {
    let first = "Ambassador Koichi Aiboshi spoke on Tuesday.\n";
    let second = "Ambassador Koichi Mizushima spoke on Tuesday.\n";
    let articles = [
        article("corpus/a.txt", first),
        article("corpus/b.txt", second),
    ];
    let findings = [Finding {
        rule: "role-conflict".into(),
        level: Level::Warning,
        article: 0,
        span: span_of(first, "Koichi Aiboshi"),
        message: "two ambassadors on the same day".into(),
        help: None,
        related: vec![Related {
            article: 1,
            span: span_of(second, "Koichi Mizushima"),
            message: "the other article names Koichi Mizushima".into(),
        }],
    }];
    insta::assert_snapshot!(render_findings(&articles, &findings, 0, Colour::Never));
}

#[test]
fn summary_counts_and_pluralises() {
    let tally = Tally {
        errors: 2,
        warnings: 1,
        notes: 0,
    };
    assert_eq!(summary(&tally, 5, 0), "2 errors, 1 warning in 5 files");
    assert_eq!(
        summary(&Tally::default(), 1, 0),
        "0 errors, 0 warnings in 1 file"
    );
    let with_note = Tally {
        errors: 0,
        warnings: 0,
        notes: 1,
    };
    assert_eq!(
        summary(&with_note, 2, 0),
        "0 errors, 0 warnings, 1 note in 2 files"
    );
    assert_eq!(
        summary(&tally, 1, 10_000),
        "2 errors, 1 warning in 1 file (and 10000 context files)"
    );
}
