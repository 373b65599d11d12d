//! End-to-end tests of the `anniversary` and `part-whole` rules: the `factlint` binary on
//! `tests/fixtures/anniversary/` and `tests/fixtures/part-whole/`, and on the seed corpus.

use std::path::Path;

mod common;
use common::{findings, line_of};

use assert_cmd::Command;
use serde_json::Value;

fn json_output(args: &[&str]) -> (Value, i32) {
    let output = Command::cargo_bin("factlint")
        .expect("the binary builds")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("factlint runs");
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is JSON ({error}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (json, output.status.code().expect("exit code"))
}

/// Every planted error: fixture directory, rule, file, and words on the line it must be found
/// on. Everything else in those files is correct or too uncertain to judge.
const PLANTED: &[(&str, &str, &str, &str)] = &[
    // anniversary: off by five years against the KB …
    (
        "anniversary",
        "anniversary",
        "yonhap-normalization-2030.md",
        "to mark the 70th anniversary",
    ),
    (
        "anniversary",
        "anniversary",
        "dw-berlin-wall-2019.md",
        "marks the 35th anniversary of the fall",
    ),
    (
        "anniversary",
        "anniversary",
        "korea-herald-liberation-2025.md",
        "marks 85 years since liberation",
    ),
    // … and against the year the article itself gives.
    (
        "anniversary",
        "anniversary",
        "local-accord-2020.md",
        "the 35th anniversary of the river accord",
    ),
    // part-whole: a part above its whole, in four phrasings.
    (
        "part-whole",
        "part-whole",
        "ap-mine-flood.md",
        "45 people, 52 of them children",
    ),
    (
        "part-whole",
        "part-whole",
        "reuters-company.md",
        "including 1,500 engineers",
    ),
    (
        "part-whole",
        "part-whole",
        "reuters-company.md",
        "30 of the 25 new hires",
    ),
    (
        "part-whole",
        "part-whole",
        "bbc-assembly.md",
        "of whom 61 were students",
    ),
];

#[test]
fn every_planted_error_is_found_and_nothing_else() {
    for dir in ["anniversary", "part-whole"] {
        let path = Path::new("tests/fixtures").join(dir);
        let path_text = path.display().to_string();
        let (json, code) = json_output(&["check", "--format", "json", &path_text]);
        // Errors fail the run; warnings alone do not.
        assert_eq!(code, i32::from(dir == "anniversary"), "{dir}: {json:#}");
        let mut expected: Vec<(String, String, u64)> = PLANTED
            .iter()
            .filter(|(planted_dir, ..)| *planted_dir == dir)
            .map(|(_, rule, file, needle)| {
                let file = path.join(file);
                let line = line_of(&file, needle);
                (rule.to_string(), file.display().to_string(), line)
            })
            .collect();
        expected.sort();
        assert_eq!(findings(&json), expected, "{dir}: {json:#}");
    }
}

#[test]
fn findings_name_the_right_number_and_point_at_the_wrong_one() {
    let (json, _) = json_output(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/anniversary/yonhap-normalization-2030.md",
        "tests/fixtures/part-whole/reuters-company.md",
    ]);
    let all = json["findings"].as_array().unwrap();
    let anniversary = all.iter().find(|f| f["rule"] == "anniversary").unwrap();
    assert_eq!(anniversary["level"], "error");
    assert_eq!(
        anniversary["message"],
        "2030 is the 65th anniversary of the establishment of diplomatic relations (1965), not \
         the 70th"
    );
    let help = anniversary["help"].as_str().unwrap();
    assert!(help.contains("events-korea-japan.yaml"), "{help}");
    assert!(help.contains("kr-jp-normalization"), "{help}");
    let part = all
        .iter()
        .find(|f| f["rule"] == "part-whole" && f["line"] == 5)
        .unwrap();
    assert_eq!(part["level"], "warning");
    assert_eq!(
        part["message"],
        "1,500 is more than the 1,200 it is part of"
    );
    assert_eq!(part["related"][0]["message"], "the whole: 1,200");
}

#[test]
fn the_seed_corpus_has_no_anniversary_or_part_whole_finding() {
    let (json, code) = json_output(&["check", "--format", "json", "--deny", "warnings", "corpus"]);
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    assert_eq!(json["summary"]["warnings"], 0, "{json:#}");
    assert_eq!(code, 0);
}

/// The claims of `kind` that `extract` prints for the seed corpus: (file suffix, line, claim).
fn seed_claims(kind: &str) -> Vec<(String, u64, Value)> {
    let (json, code) = json_output(&["extract", "corpus"]);
    assert_eq!(code, 0);
    json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|article| {
            let file = article["file"].as_str().unwrap().to_string();
            article["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["kind"] == kind)
                .map(move |m| (file.clone(), m["line"].as_u64().unwrap(), m.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_seed_60th_anniversaries_link_to_the_1965_normalization() {
    let claims = seed_claims("anniversary");
    let sixtieth: Vec<&(String, u64, Value)> =
        claims.iter().filter(|(.., m)| m["n"] == 60).collect();
    // 001 (three in the lead and related articles, two headlines, the slogan), 002, 003 (two).
    assert!(sixtieth.len() >= 8, "{claims:#?}");
    for (file, line, claim) in &sixtieth {
        assert_eq!(claim["event"], "kr-jp-normalization", "{file}:{line}");
        assert!(
            claim["year"].is_null() || claim["year"] == 2025,
            "{file}:{line}: {claim}"
        );
    }
    // Each of 001, 002 and 003 dates one to 2025.
    for seed in ["001_", "002_", "003_"] {
        assert!(
            sixtieth
                .iter()
                .any(|(file, _, claim)| file.contains(seed) && claim["year"] == 2025),
            "{seed}"
        );
    }
    // "following its display at the 50th anniversary celebration": linked, but not dated.
    let fiftieth: Vec<_> = claims.iter().filter(|(.., m)| m["n"] == 50).collect();
    assert_eq!(fiftieth.len(), 1);
    assert_eq!(fiftieth[0].2["event"], "kr-jp-normalization");
    assert!(fiftieth[0].2["year"].is_null());
}

#[test]
fn the_seed_mine_flood_is_a_part_of_a_whole() {
    let claims = seed_claims("part-whole");
    assert_eq!(claims.len(), 1, "{claims:#?}");
    let (file, _, claim) = &claims[0];
    assert!(file.contains("004_"));
    assert_eq!(
        claim["text"],
        "183 individuals, including 136 Korean forced laborers"
    );
    assert_eq!(
        (claim["whole"].as_u64(), claim["part"].as_u64()),
        (Some(183), Some(136))
    );
}
