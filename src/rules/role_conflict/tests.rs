//! Unit tests for the role-conflict kind, on hand-built articles and claims and a small KB.

use super::super::claims::fixture::{Claim, Doc, KB, run, words};
use crate::extract::RoleStatus;
use crate::finding::Level;

/// An article naming `name` as Japan's ambassador to `capital` on `when`.
fn envoy(path: &str, capital: &str, name: &str, id: Option<&str>, when: &str) -> Doc {
    let title = format!("Japanese Ambassador to {capital}");
    let role = if capital == "Seoul" {
        "jp-ambassador-to-kr"
    } else {
        "jp-ambassador-to-us"
    };
    let text = format!("{title} {name} attended the reception on Monday.");
    let claim = Claim::new(&format!("{title} {name}"), &title, name)
        .role(role)
        .when(when);
    let claim = match id {
        Some(id) => claim.person(id),
        None => claim,
    };
    Doc::new(path, &text).claim(claim)
}

#[test]
fn two_articles_naming_different_holders_on_one_day_conflict() {
    let docs = [
        envoy(
            "a.txt",
            "Washington",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2025-06-16",
        ),
        envoy(
            "b.txt",
            "Washington",
            "Koichi Mizushima",
            Some("koichi-mizushima"),
            "2025-06-16",
        ),
    ];
    let findings = run("role-conflict", &docs, KB);
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.level, Level::Error);
    assert_eq!(finding.article, 1);
    assert_eq!(
        words(&docs, finding),
        "Japanese Ambassador to Washington Koichi Mizushima"
    );
    assert_eq!(
        finding.message,
        "On 2025-06-16 the Japanese Ambassador to Washington is named as Koichi Mizushima here \
         but as Koichi Aiboshi in a.txt"
    );
    assert_eq!(finding.related.len(), 1);
    assert_eq!(finding.related[0].article, 0);
    assert_eq!(
        &docs[0].text[finding.related[0].span.clone()],
        "Japanese Ambassador to Washington Koichi Aiboshi"
    );
    assert_eq!(
        finding.related[0].message,
        "Koichi Aiboshi named as the Japanese Ambassador to Washington on 2025-06-16"
    );
}

#[test]
fn when_the_kb_knows_the_holder_only_tenure_reports_the_wrong_claim() {
    // One mistake, one finding: the KB is certain who held the post, so `tenure` reports the
    // wrong claim and `role-conflict` stays silent.
    let docs = [
        envoy(
            "a.txt",
            "Seoul",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2025-06-16",
        ),
        envoy(
            "b.txt",
            "Seoul",
            "Koichi Mizushima",
            Some("koichi-mizushima"),
            "2025-06-16",
        ),
    ];
    assert!(run("role-conflict", &docs, KB).is_empty());
    let tenure = run("tenure", &docs, KB);
    assert_eq!(tenure.len(), 1);
    assert_eq!(tenure[0].article, 0);
}

#[test]
fn a_conflict_within_one_article_relates_the_same_file() {
    let text = "Japanese Ambassador to Washington Koichi Aiboshi met officials. Later, Japanese \
                Ambassador to Washington Taro Yamada spoke.";
    let doc = Doc::new("a.txt", text)
        .claim(
            Claim::new(
                "Japanese Ambassador to Washington Koichi Aiboshi",
                "Japanese Ambassador to Washington",
                "Koichi Aiboshi",
            )
            .person("koichi-aiboshi")
            .role("jp-ambassador-to-us")
            .when("2025-06-16"),
        )
        .claim(
            Claim::new(
                "Japanese Ambassador to Washington Taro Yamada",
                "Japanese Ambassador to Washington",
                "Taro Yamada",
            )
            .role("jp-ambassador-to-us")
            .when("2025-06-16"),
        );
    let docs = [doc];
    let findings = run("role-conflict", &docs, KB);
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0]
            .message
            .ends_with("but as Koichi Aiboshi in this article")
    );
    assert_eq!(findings[0].related[0].article, 0);
}

#[test]
fn the_same_person_however_spelt_is_no_conflict() {
    let docs = [
        envoy(
            "a.txt",
            "Washington",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2025-06-16",
        ),
        envoy(
            "b.txt",
            "Washington",
            "Aiboshi Koichi",
            Some("koichi-aiboshi"),
            "2025-06-16",
        ),
        // Not linked by the extractor, but a KB alias.
        envoy("c.txt", "Washington", "AIBOSHI KOICHI", None, "2025-06-16"),
        envoy("d.txt", "Washington", "Taro Yamada", None, "2025-06-17"),
        envoy("e.txt", "Washington", "Taro-Yamada", None, "2025-06-17"),
    ];
    assert!(run("role-conflict", &docs, KB).is_empty());
}

#[test]
fn different_days_imprecise_dates_and_other_statuses_are_no_conflict() {
    let docs = [
        envoy(
            "a.txt",
            "Washington",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2025-06-16",
        ),
        envoy(
            "b.txt",
            "Washington",
            "Koichi Mizushima",
            Some("koichi-mizushima"),
            "2025-06-17",
        ),
        envoy(
            "c.txt",
            "Washington",
            "Koji Tomita",
            Some("koji-tomita"),
            "2025-06",
        ),
        envoy("d.txt", "Washington", "Yamada", None, "2025-06-16"),
    ];
    assert!(run("role-conflict", &docs, KB).is_empty());
    let former = Doc::new(
        "e.txt",
        "former Japanese Ambassador to Washington Koji Tomita spoke.",
    )
    .claim(
        Claim::new(
            "former Japanese Ambassador to Washington Koji Tomita",
            "Japanese Ambassador to Washington",
            "Koji Tomita",
        )
        .person("koji-tomita")
        .role("jp-ambassador-to-us")
        .status(RoleStatus::Former)
        .when("2025-06-16"),
    );
    let docs = [
        envoy(
            "a.txt",
            "Washington",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2025-06-16",
        ),
        former,
    ];
    assert!(run("role-conflict", &docs, KB).is_empty());
}

#[test]
fn offices_with_several_holders_or_unknown_to_the_kb_are_skipped() {
    let adviser = |path: &str, name: &str, id: &str, role: Option<&str>| {
        let text = format!("{name}, special adviser to the Japanese prime minister, spoke.");
        let claim = Claim::new(
            &format!("{name}, special adviser to the Japanese prime minister"),
            "special adviser to the Japanese prime minister",
            name,
        )
        .person(id)
        .when("2025-06-16");
        let claim = match role {
            Some(role) => claim.role(role),
            None => claim,
        };
        Doc::new(path, &text).claim(claim)
    };
    let docs = [
        adviser(
            "a.txt",
            "Akihisa Nagashima",
            "akihisa-nagashima",
            Some("jp-special-adviser-to-pm"),
        ),
        adviser(
            "b.txt",
            "Koichi Aiboshi",
            "koichi-aiboshi",
            Some("jp-special-adviser-to-pm"),
        ),
        adviser("c.txt", "Taro Aso", "taro-aso", None),
        adviser("d.txt", "Fumio Kishida", "fumio-kishida", None),
    ];
    assert!(run("role-conflict", &docs, KB).is_empty());
}

#[test]
fn a_holder_repeated_in_one_article_is_reported_once() {
    let text = "Japanese Ambassador to Washington Taro Yamada arrived. Japanese Ambassador to \
                Washington Taro Yamada then spoke.";
    let claim = |nth| {
        Claim::new(
            "Japanese Ambassador to Washington Taro Yamada",
            "Japanese Ambassador to Washington",
            "Taro Yamada",
        )
        .nth(nth)
        .role("jp-ambassador-to-us")
        .when("2025-06-16")
    };
    let docs = [
        envoy(
            "a.txt",
            "Washington",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2025-06-16",
        ),
        Doc::new("b.txt", text).claim(claim(0)).claim(claim(1)),
    ];
    let findings = run("role-conflict", &docs, KB);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].span.start, 0);
}

#[test]
fn heads_of_government_on_the_same_day_in_several_countries() {
    let claim = |path: &str, text: &str, title: &str, name: &str, id: &str, role: &str| {
        Doc::new(path, text).claim(
            Claim::new(&format!("{title} {name}"), title, name)
                .person(id)
                .role(role)
                .when("2025-06-16"),
        )
    };
    let docs = [
        claim(
            "bbc.txt",
            "British Prime Minister Keir Starmer arrived.",
            "British Prime Minister",
            "Keir Starmer",
            "keir-starmer",
            "gb-prime-minister",
        ),
        claim(
            "dw.txt",
            "German Chancellor Friedrich Merz arrived.",
            "German Chancellor",
            "Friedrich Merz",
            "friedrich-merz",
            "de-chancellor",
        ),
        claim(
            "ndtv.txt",
            "Indian Prime Minister Narendra Modi arrived.",
            "Indian Prime Minister",
            "Narendra Modi",
            "narendra-modi",
            "in-prime-minister",
        ),
        claim(
            "spiegel.txt",
            "German Chancellor Olaf Scholz arrived.",
            "German Chancellor",
            "Olaf Scholz",
            "olaf-scholz",
            "de-chancellor",
        ),
    ];
    // The KB says Merz, so `tenure` reports the Scholz claim and `role-conflict` does not.
    assert!(run("role-conflict", &docs, KB).is_empty());
    let tenure = run("tenure", &docs, KB);
    assert_eq!(tenure.len(), 1);
    assert_eq!(tenure[0].article, 3);
}
