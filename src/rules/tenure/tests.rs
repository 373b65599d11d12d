//! Unit tests for the tenure kind, on hand-built articles and claims and a small KB.

use super::super::claims::fixture::{Claim, Doc, KB, run, words};
use crate::extract::RoleStatus;
use crate::finding::Level;

fn ambassador(name: &str) -> Doc {
    Doc::new(
        "yonhap.txt",
        &format!("Japanese Ambassador to Seoul {name} attended the ceremony."),
    )
}

fn ambassador_claim(name: &str, id: Option<&str>, when: &str) -> Claim {
    let claim = Claim::new(
        &format!("Japanese Ambassador to Seoul {name}"),
        "Japanese Ambassador to Seoul",
        name,
    )
    .role("jp-ambassador-to-kr")
    .when(when);
    match id {
        Some(id) => claim.person(id),
        None => claim,
    }
}

fn judge(name: &str, id: Option<&str>, when: &str) -> Vec<crate::finding::Finding> {
    let doc = ambassador(name).claim(ambassador_claim(name, id, when));
    run("tenure", &[doc], KB)
}

#[test]
fn a_predecessor_named_as_the_sitting_holder_is_an_error_naming_the_holder() {
    let docs = [ambassador("Koichi Aiboshi").claim(ambassador_claim(
        "Koichi Aiboshi",
        Some("koichi-aiboshi"),
        "2025-06-16",
    ))];
    let findings = run("tenure", &docs, KB);
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.rule, "tenure");
    assert_eq!(finding.level, Level::Error);
    assert_eq!(words(&docs, finding), "Koichi Aiboshi");
    assert_eq!(
        finding.message,
        "On 2025-06-16 the Japanese Ambassador to Seoul was Koichi Mizushima (from 2024-04-09), \
         not Koichi Aiboshi"
    );
    assert_eq!(
        finding.help.as_deref(),
        Some(
            "the KB records no term of Koichi Aiboshi as Japanese Ambassador to Seoul that \
             covers 2025-06-16; see fixture.yaml (source: https://example.org/mizushima)"
        )
    );
    assert_eq!(
        &docs[0].text[finding.related[0].span.clone()],
        "Japanese Ambassador to Seoul"
    );
}

#[test]
fn the_holder_of_the_day_is_not_a_finding() {
    assert!(judge("Koichi Mizushima", Some("koichi-mizushima"), "2025-06-16").is_empty());
}

#[test]
fn both_holders_are_right_on_the_handover_day() {
    assert!(judge("Koichi Aiboshi", Some("koichi-aiboshi"), "2024-04-09").is_empty());
    assert!(judge("Koichi Mizushima", Some("koichi-mizushima"), "2024-04-09").is_empty());
    assert!(judge("Koichi Mizushima", Some("koichi-mizushima"), "2024-04-08").len() == 1);
}

#[test]
fn a_month_precision_term_may_start_any_day_of_its_month() {
    // Aiboshi's term is "from: 2021-01": any day of January may be his.
    assert!(judge("Koichi Aiboshi", Some("koichi-aiboshi"), "2021-01-10").is_empty());
    // After Tomita left (01-26) nobody is certain until the month ends: say nothing.
    assert!(judge("Koichi Mizushima", Some("koichi-mizushima"), "2021-01-28").is_empty());
    // While Tomita certainly held it, anyone else is wrong.
    let findings = judge("Koichi Mizushima", Some("koichi-mizushima"), "2021-01-15");
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0]
            .message
            .contains("was Koji Tomita (2019-10-22 to 2021-01-26)")
    );
}

#[test]
fn a_month_or_year_claim_is_right_if_the_person_may_have_held_it_then() {
    assert!(judge("Koichi Aiboshi", Some("koichi-aiboshi"), "2024-04").is_empty());
    assert!(judge("Koichi Mizushima", Some("koichi-mizushima"), "2024").is_empty());
    assert!(judge("Koji Tomita", Some("koji-tomita"), "2021").is_empty());
    // Tomita was gone before April 2024, and the month is certainly covered.
    let findings = judge("Koji Tomita", Some("koji-tomita"), "2024-04");
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].message,
        "In 2024-04 the Japanese Ambassador to Seoul was Koichi Aiboshi (2021-01 to 2024-04-09) \
         or Koichi Mizushima (from 2024-04-09), not Koji Tomita"
    );
}

#[test]
fn gaps_and_times_before_the_first_term_are_silent() {
    let president = |name: &str, id: &str, when: &str| {
        let text = format!("South Korean President {name} spoke.");
        let doc = Doc::new("a.txt", &text).claim(
            Claim::new(
                &format!("South Korean President {name}"),
                "South Korean President",
                name,
            )
            .person(id)
            .role("kr-president")
            .when(when),
        );
        run("tenure", &[doc], KB)
    };
    // Between Yoon's removal and Lee's inauguration the KB records no president.
    assert!(president("Lee Jae-myung", "lee-jae-myung", "2025-05-10").is_empty());
    // Before the first recorded term.
    assert!(president("Lee Jae-myung", "lee-jae-myung", "2020-01-01").is_empty());
    // An office without terms.
    let doc = Doc::new(
        "a.txt",
        "Japanese Ambassador to Washington Koichi Aiboshi said.",
    )
    .claim(
        Claim::new(
            "Japanese Ambassador to Washington Koichi Aiboshi",
            "Japanese Ambassador to Washington",
            "Koichi Aiboshi",
        )
        .person("koichi-aiboshi")
        .role("jp-ambassador-to-us")
        .when("2025-06-16"),
    );
    assert!(run("tenure", &[doc], KB).is_empty());
}

#[test]
fn claims_without_a_date_or_a_known_office_are_silent() {
    let doc = ambassador("Koichi Aiboshi").claim(
        Claim::new(
            "Japanese Ambassador to Seoul Koichi Aiboshi",
            "Japanese Ambassador to Seoul",
            "Koichi Aiboshi",
        )
        .person("koichi-aiboshi")
        .role("jp-ambassador-to-kr"),
    );
    assert!(run("tenure", &[doc], KB).is_empty());
    let doc = ambassador("Koichi Aiboshi").claim(
        Claim::new(
            "Japanese Ambassador to Seoul Koichi Aiboshi",
            "Japanese Ambassador to Seoul",
            "Koichi Aiboshi",
        )
        .person("koichi-aiboshi")
        .when("2025-06-16"),
    );
    assert!(run("tenure", &[doc], KB).is_empty());
}

#[test]
fn unknown_people_are_judged_only_under_a_full_name() {
    let findings = judge("Taro Yamada", None, "2025-06-16");
    assert_eq!(findings.len(), 1);
    assert!(findings[0].message.ends_with("not Taro Yamada"));
    assert!(judge("Yamada", None, "2025-06-16").is_empty());
    // An unlinked spelling of the holder's own name is not someone else.
    let doc = Doc::new(
        "a.txt",
        "Japanese Ambassador to Seoul KOICHI MIZUSHIMA spoke.",
    )
    .claim(ambassador_claim("KOICHI MIZUSHIMA", None, "2025-06-16"));
    assert!(run("tenure", &[doc], KB).is_empty());
}

fn prime_minister(words: &str, name: &str, id: &str, status: RoleStatus, when: &str) -> Doc {
    let text = format!("TOKYO (Kyodo) -- {words} {name} met reporters.");
    Doc::new("kyodo.txt", &text).claim(
        Claim::new(&format!("{words} {name}"), words, name)
            .person(id)
            .role("jp-prime-minister")
            .status(status)
            .when(when),
    )
}

#[test]
fn former_for_a_sitting_holder_is_an_error() {
    let docs = [prime_minister(
        "former Japanese Prime Minister",
        "Shigeru Ishiba",
        "shigeru-ishiba",
        RoleStatus::Former,
        "2025-06-16",
    )];
    let findings = run("tenure", &docs, KB);
    assert_eq!(findings.len(), 1);
    assert_eq!(words(&docs, &findings[0]), "former Japanese Prime Minister");
    assert_eq!(
        findings[0].message,
        "On 2025-06-16 the Japanese Prime Minister was Shigeru Ishiba (2024-10-01 to 2025-10-21), \
         not a former holder"
    );
    assert!(
        findings[0].help.as_deref().unwrap().starts_with(
            "Shigeru Ishiba was still in office on 2025-06-16, so \"former\" is wrong"
        )
    );
}

#[test]
fn former_for_someone_who_left_or_on_the_day_they_leave_is_right() {
    for (name, id, when) in [
        ("Fumio Kishida", "fumio-kishida", "2025-06-16"),
        ("Taro Aso", "taro-aso", "2026-01-16"),
        ("Shigeru Ishiba", "shigeru-ishiba", "2025-10-21"),
        ("Shigeru Ishiba", "shigeru-ishiba", "2025-11"),
    ] {
        let doc = prime_minister(
            "former Japanese Prime Minister",
            name,
            id,
            RoleStatus::Former,
            when,
        );
        assert!(run("tenure", &[doc], KB).is_empty(), "{name} {when}");
    }
}

#[test]
fn then_for_someone_who_never_held_the_office_is_an_error() {
    let docs = [prime_minister(
        "then Japanese Prime Minister",
        "Koichi Aiboshi",
        "koichi-aiboshi",
        RoleStatus::Then,
        "2022-03-01",
    )];
    let findings = run("tenure", &docs, KB);
    assert_eq!(findings.len(), 1);
    assert_eq!(words(&docs, &findings[0]), "Koichi Aiboshi");
    assert_eq!(
        findings[0].message,
        "On 2022-03-01 the Japanese Prime Minister was Fumio Kishida (2021-10-04 to 2024-10-01), \
         not Koichi Aiboshi"
    );
    assert!(findings[0].help.as_deref().unwrap().contains("at any time"));
}

#[test]
fn then_for_a_holder_is_right_even_at_another_time() {
    for (name, id, when) in [
        ("Fumio Kishida", "fumio-kishida", "2022-03-01"),
        // The date of a "then" claim is often only the publication date: not judged.
        ("Fumio Kishida", "fumio-kishida", "2025-06-16"),
        ("Taro Aso", "taro-aso", "2009"),
    ] {
        let doc = prime_minister(
            "then Japanese Prime Minister",
            name,
            id,
            RoleStatus::Then,
            when,
        );
        assert!(run("tenure", &[doc], KB).is_empty(), "{name} {when}");
    }
}

#[test]
fn late_elect_and_nominee_are_not_tenure_claims() {
    for status in [RoleStatus::Late, RoleStatus::Elect, RoleStatus::Nominee] {
        let doc = prime_minister(
            "Japanese Prime Minister",
            "Koichi Aiboshi",
            "koichi-aiboshi",
            status,
            "2025-06-16",
        );
        assert!(run("tenure", &[doc], KB).is_empty(), "{status:?}");
    }
}

#[test]
fn outgoing_is_judged_like_a_sitting_holder() {
    let chancellor = |name: &str, id: &str, when: &str| {
        let text = format!("BERLIN (dpa) - Outgoing German Chancellor {name} said on Monday.");
        let doc = Doc::new("dpa.txt", &text).claim(
            Claim::new(
                &format!("Outgoing German Chancellor {name}"),
                "German Chancellor",
                name,
            )
            .person(id)
            .role("de-chancellor")
            .status(RoleStatus::Outgoing)
            .when(when),
        );
        run("tenure", &[doc], KB)
    };
    assert!(chancellor("Olaf Scholz", "olaf-scholz", "2025-05-05").is_empty());
    let findings = chancellor("Friedrich Merz", "friedrich-merz", "2025-04-01");
    assert_eq!(findings.len(), 1);
    assert!(findings[0].message.contains("was Olaf Scholz"));
}

#[test]
fn acting_holders_are_judged_only_against_recorded_acting_terms() {
    let acting = |title: &str, role: &str, name: &str, id: &str, when: &str| {
        let text = format!("SEOUL (Yonhap) -- Acting {title} {name} chaired the meeting.");
        let doc = Doc::new("yonhap.txt", &text).claim(
            Claim::new(&format!("{title} {name}"), title, name)
                .person(id)
                .role(role)
                .status(RoleStatus::Acting)
                .when(when),
        );
        run("tenure", &[doc], KB)
    };
    // Choi acted for the suspended Yoon: his acting term is in the acting role.
    assert!(
        acting(
            "South Korean President",
            "kr-president",
            "Choi Sang-mok",
            "choi-sang-mok",
            "2025-01-10"
        )
        .is_empty()
    );
    // An acting stand-in the KB does not record is not contradicted by the main holder.
    assert!(
        acting(
            "U.S. President",
            "us-president",
            "Donald Trump",
            "donald-trump",
            "2024-06-01"
        )
        .is_empty()
    );
    // But the recorded acting holder of the day contradicts another acting holder.
    let findings = acting(
        "South Korean Acting President",
        "kr-acting-president",
        "Han Duck-soo",
        "han-duck-soo",
        "2025-01-10",
    );
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].message,
        "On 2025-01-10 the South Korean Acting President was Choi Sang-mok (acting, 2024-12-27 to \
         2025-03-24), not Han Duck-soo"
    );
}

#[test]
fn offices_with_several_holders_exclude_nobody() {
    let text = "Koichi Aiboshi, special adviser to the Japanese prime minister, spoke.";
    let doc = Doc::new("a.txt", text).claim(
        Claim::new(
            "Koichi Aiboshi, special adviser to the Japanese prime minister",
            "special adviser to the Japanese prime minister",
            "Koichi Aiboshi",
        )
        .person("koichi-aiboshi")
        .role("jp-special-adviser-to-pm")
        .when("2025-06-16"),
    );
    assert!(run("tenure", &[doc], KB).is_empty());
}

#[test]
fn heads_of_government_of_several_countries() {
    let claim = |text: &str, title: &str, name: &str, id: &str, role: &str, when: &str| {
        Doc::new("a.txt", text).claim(
            Claim::new(&format!("{title} {name}"), title, name)
                .person(id)
                .role(role)
                .when(when),
        )
    };
    let wrong = [
        claim(
            "WASHINGTON (AP) — U.S. President Joe Biden signed the order on Friday.",
            "U.S. President",
            "Joe Biden",
            "joe-biden",
            "us-president",
            "2025-06-06",
        ),
        claim(
            "British Prime Minister Rishi Sunak arrived in Kananaskis.",
            "British Prime Minister",
            "Rishi Sunak",
            "rishi-sunak",
            "gb-prime-minister",
            "2025-06-16",
        ),
    ];
    let findings = run("tenure", &wrong, KB);
    assert_eq!(findings.len(), 2);
    assert!(
        findings[0]
            .message
            .contains("was Donald Trump (from 2025-01-20), not Joe Biden")
    );
    assert!(
        findings[1]
            .message
            .contains("was Keir Starmer (from 2024-07-05), not Rishi Sunak")
    );
    let right = [
        claim(
            "British Prime Minister Rishi Sunak conceded on Friday.",
            "British Prime Minister",
            "Rishi Sunak",
            "rishi-sunak",
            "gb-prime-minister",
            "2024-07-05",
        ),
        claim(
            "Indian Prime Minister Narendra Modi arrived.",
            "Indian Prime Minister",
            "Narendra Modi",
            "narendra-modi",
            "in-prime-minister",
            "2025-06-16",
        ),
    ];
    assert!(run("tenure", &right, KB).is_empty());
}

#[test]
fn a_generational_suffix_does_not_make_another_person() {
    use super::without_generation;
    use crate::kb::lookup_key;
    for (written, known) in [
        ("Ferdinand Marcos", "Ferdinand Marcos Jr."),
        ("Benigno Aquino", "Benigno Aquino III"),
        ("Ferdinand Marcos Jr", "Ferdinand Marcos Jr."),
    ] {
        let (written, known) = (lookup_key(written), lookup_key(known));
        assert_eq!(without_generation(&written), without_generation(&known));
    }
    let (junior, other) = (lookup_key("Marcos Jr."), lookup_key("Imee Marcos"));
    assert_ne!(without_generation(&junior), without_generation(&other));
    // The holder of 2025-06-16 with a suffix is not judged someone else; another name is.
    assert!(judge("Koichi Mizushima Jr.", None, "2025-06-16").is_empty());
    assert_eq!(judge("Koichi Aiboshi Jr.", None, "2025-06-16").len(), 1);
}
