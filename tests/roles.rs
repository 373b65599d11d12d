//! Office-holder claims in `factlint extract --format json`: the seed corpus and the fixtures in
//! `tests/fixtures/roles/` yield the claims listed here, and no others in the fixtures.

use assert_cmd::Command;
use serde_json::Value;

/// (file, person, role, status, when) of every role mention `extract` prints for `path`.
fn role_claims(path: &str) -> Vec<(String, String, String, String, String, String)> {
    let output = Command::cargo_bin("factlint")
        .expect("the binary builds")
        .args(["extract", "--format", "json", path])
        .output()
        .expect("factlint runs");
    assert_eq!(output.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&output.stdout).expect("extract prints JSON");
    let mut claims = Vec::new();
    for article in json["articles"].as_array().expect("articles") {
        let file = article["file"].as_str().unwrap_or_default();
        let file = file.rsplit('/').next().unwrap_or(file).to_string();
        for mention in article["mentions"].as_array().expect("mentions") {
            if mention["kind"] != "role" {
                continue;
            }
            let field = |name: &str| mention[name].as_str().unwrap_or("-").to_string();
            for key in ["line", "column", "offset", "length"] {
                assert!(mention[key].is_u64(), "{key} in {mention}");
            }
            claims.push((
                file.clone(),
                field("text"),
                field("person"),
                field("role"),
                field("status"),
                field("when"),
            ));
        }
    }
    claims
}

fn has(
    claims: &[(String, String, String, String, String, String)],
    file: &str,
    text: &str,
    person: &str,
    role: &str,
    status: &str,
    when: &str,
) -> bool {
    claims.iter().any(|claim| {
        claim.0.starts_with(file)
            && claim.1 == text
            && claim.2 == person
            && claim.3 == role
            && claim.4 == status
            && claim.5 == when
    })
}

#[test]
fn the_seed_corpus_names_its_office_holders() {
    let claims = role_claims("corpus");
    // (file prefix, words, person, role, status, when; "*" = any date)
    let expected: &[(&str, &str, &str, &str, &str, &str)] = &[
        (
            "000",
            "Japanese Ambassador to Seoul Koichi Aiboshi",
            "koichi-aiboshi",
            "jp-ambassador-to-kr",
            "current",
            "2021-12-27",
        ),
        (
            "000",
            "Ambassador Koichi Aiboshi",
            "koichi-aiboshi",
            "jp-ambassador-to-kr",
            "current",
            "2021-12-27",
        ),
        (
            "000",
            "Japanese Prime Minister Fumio Kishida",
            "fumio-kishida",
            "jp-prime-minister",
            "current",
            "2021-12-27",
        ),
        (
            "000",
            "Prime Minister Kishida",
            "fumio-kishida",
            "jp-prime-minister",
            "current",
            "2021-12-27",
        ),
        (
            "000",
            "Lee Jae-myung (R), the presidential nominee of the ruling Democratic Party",
            "lee-jae-myung",
            "kr-dp-presidential-nominee",
            "nominee",
            "2021-12-27",
        ),
        (
            "001",
            "Japanese Ambassador to Seoul Koichi Mizushima",
            "koichi-mizushima",
            "jp-ambassador-to-kr",
            "current",
            "*",
        ),
        (
            "001",
            "Akihisa Nagashima, special adviser to Japanese Prime Minister",
            "akihisa-nagashima",
            "jp-special-adviser-to-pm",
            "current",
            "*",
        ),
        (
            "001",
            "Japanese Prime Minister Shigeru Ishiba",
            "shigeru-ishiba",
            "jp-prime-minister",
            "current",
            "*",
        ),
        (
            "001",
            "Prime Minister nominee Kim Min-seok",
            "kim-min-seok",
            "kr-prime-minister-nominee",
            "nominee",
            "*",
        ),
        (
            "001",
            "former President Yoon Suk Yeol",
            "yoon-suk-yeol",
            "kr-president",
            "former",
            "*",
        ),
        (
            "002",
            "Japanese Prime Minister Shigeru Ishiba",
            "shigeru-ishiba",
            "jp-prime-minister",
            "current",
            "2025-06-09",
        ),
        (
            "002",
            "new South Korean President Lee Jae Myung",
            "lee-jae-myung",
            "kr-president",
            "current",
            "2025-06-09",
        ),
        (
            "003",
            "Japanese Prime Minister Shigeru Ishiba",
            "shigeru-ishiba",
            "jp-prime-minister",
            "current",
            "*",
        ),
        (
            "003",
            "Korean President Lee Jae Myung",
            "lee-jae-myung",
            "kr-president",
            "current",
            "*",
        ),
        (
            "003",
            "then Japanese Prime Minister Fumio Kishida",
            "fumio-kishida",
            "jp-prime-minister",
            "then",
            "2022-06",
        ),
        (
            "003",
            "Former President Yoon Suk Yeol",
            "yoon-suk-yeol",
            "kr-president",
            "former",
            "*",
        ),
        (
            "004",
            "South Korean President Lee Jae Myung",
            "lee-jae-myung",
            "kr-president",
            "current",
            "*",
        ),
        (
            "004",
            "former Japanese Prime Minister Taro Aso",
            "taro-aso",
            "jp-prime-minister",
            "former",
            "*",
        ),
        (
            "004",
            "Japanese Prime Minister Sanae Takaichi",
            "sanae-takaichi",
            "jp-prime-minister",
            "current",
            "*",
        ),
    ];
    for &(file, text, person, role, status, when) in expected {
        let found = if when == "*" {
            claims.iter().any(|c| {
                c.0.starts_with(file)
                    && c.1 == text
                    && c.2 == person
                    && c.3 == role
                    && c.4 == status
            })
        } else {
            has(&claims, file, text, person, role, status, when)
        };
        assert!(
            found,
            "{file}: {text} as {role} ({status}, {when}) not found in {claims:#?}"
        );
    }
    // Every claim in the seed corpus names a KB person.
    for claim in &claims {
        assert!(!claim.2.contains(' '), "unknown person: {claim:?}");
    }
}

#[test]
fn fixture_claims_are_exactly_these() {
    let claims = role_claims("tests/fixtures/roles");
    let mut found: Vec<(String, String, String, String, String, String)> = claims;
    found.sort();
    let mut expected: Vec<(String, String, String, String, String, String)> = [
        (
            "asia-leaders.md",
            "Indian Prime Minister Narendra Modi",
            "narendra-modi",
            "in-prime-minister",
            "current",
            "2024-09-10",
        ),
        (
            "asia-leaders.md",
            "Chinese President Xi Jinping",
            "xi-jinping",
            "cn-president",
            "current",
            "2024-09-10",
        ),
        (
            "asia-leaders.md",
            "Vice President Kamala Harris",
            "kamala-harris",
            "us-vice-president",
            "current",
            "2024-09-10",
        ),
        (
            "asia-leaders.md",
            "acting President Han Duck-soo",
            "han-duck-soo",
            "kr-acting-president",
            "acting",
            "2024-09-10",
        ),
        (
            "asia-leaders.md",
            "Finance Minister Choi Jeong-ho",
            "Choi Jeong-ho",
            "finance minister",
            "current",
            "2024-09-10",
        ),
        (
            "asia-leaders.md",
            "Taro Aso, a former prime minister",
            "taro-aso",
            "jp-prime-minister",
            "former",
            "2024-09-10",
        ),
        (
            "europe-summit.md",
            "German Chancellor Olaf Scholz",
            "olaf-scholz",
            "de-chancellor",
            "current",
            "2023-06-30",
        ),
        (
            "europe-summit.md",
            "French President Emmanuel Macron",
            "emmanuel-macron",
            "fr-president",
            "current",
            "2023-06-30",
        ),
        (
            "europe-summit.md",
            "Olaf Scholz, the German chancellor",
            "olaf-scholz",
            "de-chancellor",
            "current",
            "2023-06-30",
        ),
        (
            "europe-summit.md",
            "Former British Prime Minister Boris Johnson",
            "boris-johnson",
            "gb-prime-minister",
            "former",
            "2023-06-30",
        ),
        (
            "europe-summit.md",
            "then-Secretary of State Mike Pompeo",
            "mike-pompeo",
            "us-secretary-of-state",
            "then",
            "2019-03",
        ),
        (
            "us-transition.md",
            "President-elect Donald Trump",
            "donald-trump",
            "us-president",
            "elect",
            "2024-11-20",
        ),
        (
            "us-transition.md",
            "President\nJoe Biden",
            "joe-biden",
            "us-president",
            "current",
            "2024-11-20",
        ),
        (
            "us-transition.md",
            "outgoing Secretary of State Antony Blinken",
            "antony-blinken",
            "us-secretary-of-state",
            "outgoing",
            "2024-11-20",
        ),
        (
            "us-transition.md",
            "Japanese Prime Minister Shigeru Ishiba",
            "shigeru-ishiba",
            "jp-prime-minister",
            "current",
            "2024-11-20",
        ),
    ]
    .iter()
    .map(|&(a, b, c, d, e, f)| (a.into(), b.into(), c.into(), d.into(), e.into(), f.into()))
    .collect();
    expected.sort();
    assert_eq!(found, expected);
}
