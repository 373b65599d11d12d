//! Suppressions parsed from hand-written articles, and applied to hand-placed findings.

use super::*;
use crate::corpus::{Metadata, parse_article};

fn article(text: &str) -> Article {
    Article {
        path: "a.md".into(),
        text: text.to_string(),
        body: 0..text.len(),
        meta: Metadata::default(),
    }
}

/// Each suppression as (rule, the words it is written as, the text it covers).
fn parsed(text: &str) -> Vec<(Option<String>, String, String)> {
    suppressions(&article(text))
        .into_iter()
        .map(|s| (s.rule, text[s.at].to_string(), text[s.scope].to_string()))
        .collect()
}

fn some(rule: &str) -> Option<String> {
    Some(rule.to_string())
}

#[test]
fn next_line_covers_the_next_line_that_is_not_blank() {
    let text = "<!-- factlint-disable-next-line weekday,tenure -->\n\n  \nThe line.\nNot this.\n";
    assert_eq!(
        parsed(text),
        [
            (some("weekday"), "weekday".into(), "The line.\n".into()),
            (some("tenure"), "tenure".into(), "The line.\n".into()),
        ]
    );
}

#[test]
fn a_range_ends_at_enable_or_at_the_end_of_the_file() {
    let text = "a <!-- factlint-disable weekday --> b <!--factlint-enable--> c\n<!-- factlint-disable --> d";
    assert_eq!(
        parsed(text),
        [
            (some("weekday"), "weekday".into(), " b ".into()),
            (None, "<!-- factlint-disable -->".into(), " d".into()),
        ]
    );
}

#[test]
fn enable_with_a_rule_ends_only_that_rule() {
    let text = "<!-- factlint-disable weekday tenure -->x<!-- factlint-enable tenure -->y";
    assert_eq!(
        parsed(text),
        [
            (
                some("weekday"),
                "weekday".into(),
                "x<!-- factlint-enable tenure -->y".into()
            ),
            (some("tenure"), "tenure".into(), "x".into()),
        ]
    );
}

#[test]
fn plain_text_lines_and_lookalikes() {
    let text = "factlint-disable-next-line weekday\nThe line.\nfactlint-disabled here\n<!-- factlint-disabled -->\n<!-- not factlint-disable -->\n";
    assert_eq!(
        parsed(text),
        [(some("weekday"), "weekday".into(), "The line.\n".into())]
    );
}

#[test]
fn front_matter_disables_the_whole_file_and_comments_in_it_are_not_read() {
    let text = "---\ndate: 2025-06-18\nfactlint: {disable: [weekday]}\ntitle: \"<!-- factlint-disable tenure -->\"\n---\nBody.\n";
    let article = parse_article("a.md".into(), text.to_string());
    let found = suppressions(&article);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, some("weekday"));
    assert_eq!(found[0].scope, 0..text.len());
    assert_eq!(&text[found[0].at.clone()], "weekday");
}

fn finding(rule: &str, span: Range<usize>) -> Finding {
    Finding {
        rule: rule.into(),
        level: Level::Error,
        article: 0,
        span,
        message: "m".into(),
        help: None,
        related: Vec::new(),
    }
}

#[test]
fn applying_drops_suppressed_findings_and_reports_unknown_and_unused() {
    let text = "<!-- factlint-disable-next-line weekday -->\nMonday.\n<!-- factlint-disable-next-line tenure, nope -->\nTuesday.\n";
    let monday = text.find("Monday").unwrap();
    let tuesday = text.find("Tuesday").unwrap();
    let rules = RuleSet::shipped().unwrap();
    let known: Vec<String> = rules.iter().map(|r| r.id.clone()).collect();
    let findings = vec![
        finding("weekday", monday..monday + 6),
        finding("weekday", tuesday..tuesday + 7),
    ];
    let out = apply(
        &[article(text)],
        None,
        findings.clone(),
        &known,
        &rules,
        &HashMap::new(),
    );
    let summary: Vec<(&str, Level, &str)> = out
        .iter()
        .map(|f| (f.rule.as_str(), f.level, &text[f.span.clone()]))
        .collect();
    assert_eq!(
        summary,
        [
            (UNUSED_SUPPRESSION, Level::Warning, "tenure"),
            (UNKNOWN_RULE, Level::Warning, "nope"),
            ("weekday", Level::Error, "Tuesday"),
        ]
    );
    // `levels:` can lower or silence factlint's own rules; a rule turned off is never unused.
    let levels = HashMap::from([
        (UNKNOWN_RULE.to_string(), Some(Level::Note)),
        (UNUSED_SUPPRESSION.to_string(), None),
    ]);
    let out = apply(
        &[article(text)],
        None,
        findings.clone(),
        &known,
        &rules,
        &levels,
    );
    assert_eq!(
        out.iter()
            .map(|f| (f.rule.as_str(), f.level))
            .collect::<Vec<_>>(),
        [(UNKNOWN_RULE, Level::Note), ("weekday", Level::Error)]
    );
    let mut without_tenure = rules.clone();
    without_tenure.remove("tenure");
    let out = apply(
        &[article(text)],
        None,
        findings,
        &known,
        &without_tenure,
        &HashMap::new(),
    );
    assert!(out.iter().all(|f| f.rule != UNUSED_SUPPRESSION), "{out:?}");
}

#[test]
fn rule_ids_after_a_wide_space_are_found_at_their_bytes() {
    // Found by fuzzing: a no-break or ideographic space between ids moved every later span
    // off by its extra bytes, off character boundaries.
    let text =
        "<!-- factlint-disable-next-line weekday\u{a0}tenure\u{3000}ordinal -->\nThe line.\n";
    let rules: Vec<_> = parsed(text)
        .into_iter()
        .map(|(rule, at, _)| (rule, at))
        .collect();
    assert_eq!(
        rules,
        [
            (some("weekday"), "weekday".into()),
            (some("tenure"), "tenure".into()),
            (some("ordinal"), "ordinal".into()),
        ]
    );
}

#[test]
fn every_keyword_starts_with_the_prefix_the_search_skips_articles_by() {
    for keyword in [DISABLE, DISABLE_NEXT_LINE, ENABLE] {
        assert!(keyword.starts_with(KEYWORD_PREFIX), "{keyword}");
    }
    // Without the prefix nothing is read, however directive-like the text.
    assert!(parsed("<!-- disable weekday -->\nThe line.\n").is_empty());
}
