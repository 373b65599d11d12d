//! Unit tests for the role-change kind, on hand-built articles and claims and a small KB.

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
    let text = format!("Officials met {title} {name} at the embassy.");
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
fn a_succession_the_kb_lacks_is_a_warning_naming_both_articles() {
    let docs = [
        envoy(
            "corpus/yonhap-2021.txt",
            "Washington",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2021-12-27",
        ),
        envoy(
            "corpus/herald-2025.txt",
            "Washington",
            "Koichi Mizushima",
            Some("koichi-mizushima"),
            "2025-06-16",
        ),
    ];
    let findings = run("role-change", &docs, KB);
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.rule, "role-change");
    assert_eq!(finding.level, Level::Warning);
    assert_eq!(finding.article, 1);
    assert_eq!(
        words(&docs, finding),
        "Japanese Ambassador to Washington Koichi Mizushima"
    );
    assert_eq!(
        finding.message,
        "The Japanese Ambassador to Washington is Koichi Aiboshi on 2021-12-27 \
         (corpus/yonhap-2021.txt) but Koichi Mizushima on 2025-06-16 (corpus/herald-2025.txt), \
         and the KB records no term covering either date"
    );
    assert_eq!(finding.related[0].article, 0);
    assert_eq!(
        finding.related[0].message,
        "Koichi Aiboshi named as the Japanese Ambassador to Washington on 2021-12-27"
    );
    let help = finding.help.as_deref().unwrap();
    assert!(help.starts_with(
        "if Koichi Mizushima succeeded Koichi Aiboshi, record the succession under the role \
         `jp-ambassador-to-us` in fixture.yaml"
    ));
    assert!(
        help.contains("    terms:\n      - person: koichi-aiboshi   # in office on 2021-12-27\n")
    );
    assert!(help.contains("      - person: koichi-mizushima   # in office on 2025-06-16\n"));
    assert!(help.contains("# between 2021-12-27 and 2025-06-16"));
}

#[test]
fn when_the_kb_records_the_terms_there_is_no_finding() {
    let docs = [
        envoy(
            "a.txt",
            "Seoul",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2021-12-27",
        ),
        envoy(
            "b.txt",
            "Seoul",
            "Koichi Mizushima",
            Some("koichi-mizushima"),
            "2025-06-16",
        ),
    ];
    assert!(run("role-change", &docs, KB).is_empty());
}

#[test]
fn one_date_covered_by_the_kb_is_tenures_business() {
    // Lee on 2025-05-10 falls in the KB's gap; Yoon on 2023-01-01 is covered.
    let president = |path: &str, name: &str, id: &str, when: &str| {
        let text = format!("South Korean President {name} spoke.");
        Doc::new(path, &text).claim(
            Claim::new(
                &format!("South Korean President {name}"),
                "South Korean President",
                name,
            )
            .person(id)
            .role("kr-president")
            .when(when),
        )
    };
    let docs = [
        president("a.txt", "Yoon Suk Yeol", "yoon-suk-yeol", "2023-01-01"),
        president("b.txt", "Lee Jae-myung", "lee-jae-myung", "2025-05-10"),
    ];
    assert!(run("role-change", &docs, KB).is_empty());
}

#[test]
fn the_same_holder_or_overlapping_times_are_no_change() {
    let docs = [
        envoy(
            "a.txt",
            "Washington",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2021-12-27",
        ),
        envoy(
            "b.txt",
            "Washington",
            "Aiboshi Koichi",
            Some("koichi-aiboshi"),
            "2023-03-01",
        ),
        envoy("c.txt", "Washington", "Taro Yamada", None, "2025"),
        envoy("d.txt", "Washington", "Taro Suzuki", None, "2025-06-16"),
    ];
    let findings = run("role-change", &docs, KB);
    // Aiboshi (2023-03-01) → Yamada (2025) is a change; Yamada (the year 2025) and Suzuki
    // (a day in 2025) overlap, so they are not "different times".
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].article, 2);
    assert_eq!(
        findings[0].related[0].article, 1,
        "the nearest earlier claim"
    );
}

#[test]
fn each_change_is_reported_once_and_unknown_people_get_an_id() {
    let docs = [
        envoy("a.txt", "Washington", "Taro Yamada", None, "2020-01-01"),
        envoy("b.txt", "Washington", "Hanako Sato", None, "2022-01-01"),
        envoy("c.txt", "Washington", "Taro Yamada", None, "2023-01-01"),
        envoy("d.txt", "Washington", "Hanako Sato", None, "2024-01-01"),
        envoy("e.txt", "Washington", "Hanako Sato", None, "2024-02-01"),
        envoy("f.txt", "Washington", "Yamada", None, "2025-01-01"),
    ];
    let findings = run("role-change", &docs, KB);
    // Yamada → Sato, Sato → Yamada; the second Yamada → Sato is the same change again.
    assert_eq!(findings.len(), 2);
    assert_eq!((findings[0].article, findings[1].article), (1, 2));
    let help = findings[0].help.as_deref().unwrap();
    assert!(help.contains(
        "- person: taro-yamada   # in office on 2020-01-01; not in the KB yet: add under people:"
    ));
}

#[test]
fn only_current_holders_of_known_single_holder_offices_count() {
    let former = Doc::new(
        "b.txt",
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
    let unknown_office = Doc::new(
        "c.txt",
        "Japanese Ambassador to Canberra Taro Suzuki spoke.",
    )
    .claim(
        Claim::new(
            "Japanese Ambassador to Canberra Taro Suzuki",
            "Japanese Ambassador to Canberra",
            "Taro Suzuki",
        )
        .when("2025-06-16"),
    );
    let docs = [
        envoy(
            "a.txt",
            "Washington",
            "Koichi Aiboshi",
            Some("koichi-aiboshi"),
            "2021-12-27",
        ),
        former,
        unknown_office,
    ];
    assert!(run("role-change", &docs, KB).is_empty());
}
