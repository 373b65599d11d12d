//! Unit tests for the name-variant kind, on hand-built articles and name mentions.

use super::super::claims::fixture::{Doc, KB, run, run_with, words};
use crate::finding::Level;

const LEE: Option<&str> = Some("lee-jae-myung");

#[test]
fn one_person_spelt_two_ways_in_one_article_is_a_warning() {
    let text = "Lee Jae-myung met Ishiba on Monday. Lee said the talks went well. \
                Later, Lee Jae Myung left for Seoul.";
    let docs = [Doc::new("kyodo.txt", text)
        .person("Lee Jae-myung", 0, "Lee Jae-myung", LEE)
        .person("Lee said", 0, "Lee Jae-myung", LEE)
        .person("Lee Jae Myung", 0, "Lee Jae-myung", LEE)];
    // The short form's span is "Lee said"; narrow it to the name.
    let mut docs = docs;
    docs[0].people[1].span.end -= " said".len();
    let findings = run("name-variant", &docs, KB);
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.level, Level::Warning);
    assert_eq!(words(&docs, finding), "Lee Jae Myung");
    assert_eq!(
        finding.message,
        "\"Lee Jae Myung\" is spelt \"Lee Jae-myung\" earlier in this article"
    );
    assert_eq!(
        &docs[0].text[finding.related[0].span.clone()],
        "Lee Jae-myung"
    );
    assert!(
        finding
            .help
            .as_deref()
            .unwrap()
            .starts_with("spell Lee Jae-myung one way")
    );
}

#[test]
fn short_forms_headlines_possessives_and_sentence_starts_are_not_variants() {
    let text = "LEE JAE-MYUNG IN TOKYO\nLee Jae-myung arrived. Lee Jae-myung's aides followed. \
                Jae-myung waved. Ursula von der Leyen spoke; then von der Leyen left. \
                Von der Leyen returned. They saw bin Salman. Bin Salman smiled.";
    let vdl = "Ursula von der Leyen";
    let doc = Doc::new("a.txt", text)
        .person("LEE JAE-MYUNG", 0, "Lee Jae-myung", LEE)
        .person("Lee Jae-myung", 0, "Lee Jae-myung", LEE)
        .person("Lee Jae-myung's", 0, "Lee Jae-myung", LEE)
        .person("Jae-myung waved", 0, "Lee Jae-myung", LEE)
        .person(vdl, 0, vdl, None)
        .person("von der Leyen left", 0, vdl, None)
        .person("Von der Leyen", 0, vdl, None)
        .person("bin Salman", 0, "bin Salman", None)
        .person("Bin Salman", 0, "bin Salman", None);
    let mut docs = [doc];
    docs[0].people[3].span.end -= " waved".len();
    docs[0].people[5].span.end -= " left".len();
    assert!(run("name-variant", &docs, KB).is_empty());
}

#[test]
fn case_differences_inside_a_sentence_are_variants() {
    let text = "Lee Jae-myung arrived, and aides said Lee Jae-Myung was tired.";
    let docs = [Doc::new("a.txt", text)
        .person("Lee Jae-myung", 0, "Lee Jae-myung", LEE)
        .person("Lee Jae-Myung", 0, "Lee Jae-myung", LEE)];
    let findings = run("name-variant", &docs, KB);
    assert_eq!(findings.len(), 1);
    assert_eq!(words(&docs, &findings[0]), "Lee Jae-Myung");
}

#[test]
fn name_orders_and_unknown_people_are_compared_too() {
    let text = "Koichi Aiboshi met Kim Min-seok. Aiboshi Koichi said Kim Min Seok agreed. \
                Aiboshi Koichi left.";
    let docs = [Doc::new("a.txt", text)
        .person(
            "Koichi Aiboshi",
            0,
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
        )
        .person("Kim Min-seok", 0, "Kim Min-seok", None)
        .person(
            "Aiboshi Koichi",
            0,
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
        )
        .person("Kim Min Seok", 0, "Kim Min Seok", None)
        .person(
            "Aiboshi Koichi",
            1,
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
        )];
    let findings = run("name-variant", &docs, KB);
    let found: Vec<&str> = findings.iter().map(|f| words(&docs, f)).collect();
    // Each variant once, at its first occurrence.
    assert_eq!(found, ["Aiboshi Koichi", "Kim Min Seok"]);
}

#[test]
fn different_articles_may_spell_differently() {
    let docs = [
        Doc::new("a.txt", "Lee Jae-myung spoke.").person("Lee Jae-myung", 0, "Lee Jae-myung", LEE),
        Doc::new("b.txt", "Lee Jae Myung spoke.").person("Lee Jae Myung", 0, "Lee Jae Myung", LEE),
    ];
    assert!(run("name-variant", &docs, KB).is_empty());
}

const HOUSE_STYLE: &str = r#"
extends: name-variant
level: warning
message: "\"{written}\" is spelt \"{expected}\" {where}"
preferred:
  lee-jae-myung: Lee Jae-myung
"#;

#[test]
fn a_house_style_flags_a_consistent_article_with_another_spelling() {
    let text = "President Lee Jae Myung spoke. Lee Jae Myung then left.";
    let docs = [
        Doc::new("a.txt", text)
            .person("Lee Jae Myung", 0, "Lee Jae Myung", LEE)
            .person("Lee Jae Myung", 1, "Lee Jae Myung", LEE),
        Doc::new("b.txt", "Lee Jae-myung spoke.").person("Lee Jae-myung", 0, "Lee Jae-myung", LEE),
        Doc::new("c.txt", "Koichi Aiboshi met Aiboshi Koichi.")
            .person(
                "Koichi Aiboshi",
                0,
                "Koichi Aiboshi",
                Some("koichi-aiboshi"),
            )
            .person(
                "Aiboshi Koichi",
                0,
                "Koichi Aiboshi",
                Some("koichi-aiboshi"),
            ),
    ];
    let findings = run_with("name-variant", &docs, KB, Some(HOUSE_STYLE));
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0].article, 0);
    assert_eq!(findings[0].span.start, "President ".len());
    assert_eq!(
        findings[0].message,
        "\"Lee Jae Myung\" is spelt \"Lee Jae-myung\" in the house style"
    );
    assert!(findings[0].related.is_empty());
    // People without a house spelling are still held to the article's first one.
    assert_eq!(findings[1].article, 2);
    assert_eq!(
        findings[1].message,
        "\"Aiboshi Koichi\" is spelt \"Koichi Aiboshi\" earlier in this article"
    );
}
