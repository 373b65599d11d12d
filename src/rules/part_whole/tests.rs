//! Unit tests for the part-whole kind, on hand-built articles and claims.

use super::*;
use crate::corpus::{Article, Metadata};
use crate::extract::{Extraction, PartWholeClaim};
use crate::finding::Level;
use crate::kb::{Kb, KbIndex};
use crate::rules::Check;
use crate::rules::RuleSet;

fn run(text: &str, whole: &str, part: &str, numbers: (u64, u64)) -> Vec<Finding> {
    let at = |words: &str| {
        let start = text.find(words).expect("words in text");
        start..start + words.len()
    };
    let (whole_span, part_span) = (at(whole), at(part));
    let article = Article {
        path: "a.txt".into(),
        text: text.to_string(),
        body: 0..text.len(),
        meta: Metadata::default(),
    };
    let extraction = Extraction {
        counts: vec![PartWholeClaim {
            span: whole_span.start..part_span.end,
            whole: numbers.0,
            whole_span,
            part: numbers.1,
            part_span,
        }],
        ..Extraction::default()
    };
    let rules = RuleSet::shipped().expect("shipped rules load");
    let rule = rules.get("part-whole").expect("part-whole rule shipped");
    let kb = Kb::default();
    let kb = KbIndex::new(&kb);
    let (articles, extractions) = ([article], [extraction]);
    let context = CheckContext {
        articles: &articles,
        extractions: &extractions,
        kb: &kb,
        reported: None,
    };
    let Check::PartWhole(params) = &rule.check else {
        panic!("the part-whole rule runs the part-whole kind");
    };
    check(&context, rule, params)
}

#[test]
fn a_part_above_its_whole_is_a_warning_on_the_part() {
    let text = "The firm has 1,200 employees, including 1,500 engineers.";
    let findings = run(text, "1,200 employees", "1,500 engineers", (1200, 1500));
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.level, Level::Warning);
    assert_eq!(&text[finding.span.clone()], "1,500 engineers");
    assert_eq!(
        finding.message,
        "1,500 is more than the 1,200 it is part of"
    );
    assert_eq!(&text[finding.related[0].span.clone()], "1,200 employees");
}

#[test]
fn a_part_within_its_whole_is_fine() {
    let text = "183 individuals, including 136 Korean forced laborers";
    assert!(
        run(
            text,
            "183 individuals",
            "136 Korean forced laborers",
            (183, 136)
        )
        .is_empty()
    );
    let text = "45 people, 45 of them children";
    assert!(run(text, "45 people", "45 of", (45, 45)).is_empty());
}

#[test]
fn counts_are_grouped_by_thousands() {
    assert_eq!(grouped(1_500), "1,500");
    assert_eq!(grouped(2_500_000), "2,500,000");
    assert_eq!(grouped(999), "999");
}
