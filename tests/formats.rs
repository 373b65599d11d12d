//! The tool-facing formats (`sarif`, `github`, `concise`) on the weekday fixtures, whose
//! planted errors `tests/cli.rs` lists; SARIF is also validated against the official schema.

use assert_cmd::Command;
use serde_json::Value;

fn factlint() -> Command {
    let mut command = Command::cargo_bin("factlint").expect("the binary builds");
    command.env("NO_COLOR", "1");
    command
}

fn check(format: &str, paths: &[&str]) -> (String, i32) {
    let output = factlint()
        .args(["check", "--format", format])
        .args(paths)
        .output()
        .expect("factlint runs");
    (
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        output.status.code().expect("exit code"),
    )
}

fn sarif_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string("tests/fixtures/sarif/sarif-schema-2.1.0.json")
        .expect("the SARIF schema is in tests/fixtures/sarif");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::draft4::new(&schema).expect("the schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_schema();
    let problems: Vec<String> = validator
        .iter_errors(log)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(problems.is_empty(), "invalid SARIF: {problems:#?}");
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (out, code) = check("sarif", &["tests/fixtures/weekday"]);
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 10, "the ten planted weekday errors");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(
            location["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("tests/fixtures/weekday/")
        );
    }
}

#[test]
fn sarif_lists_factlint_s_own_rules_for_suppression_findings() {
    let (out, _) = check("sarif", &["tests/fixtures/suppress"]);
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
            result["ruleId"].as_str().unwrap()
        })
        .collect();
    assert!(ids.contains(&"unknown-rule") && ids.contains(&"unused-suppression"));
}

#[test]
fn sarif_of_the_weekday_fixtures() {
    let (out, _) = check("sarif", &["tests/fixtures/weekday"]);
    insta::assert_snapshot!(out);
}

#[test]
fn sarif_with_an_unreadable_input_is_still_valid() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"\xff\xfe\x00 binary").unwrap();
    std::fs::write(
        dir.path().join("good.md"),
        "---\ndate: 2025-06-18\n---\nMonday, June 17, 2025.\n",
    )
    .unwrap();
    let output = factlint()
        .args(["check", "--format", "sarif"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid_sarif(&log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn github_annotations_of_the_weekday_fixtures() {
    let (out, code) = check("github", &["tests/fixtures/weekday"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 10);
    assert!(out.lines().all(|line| line.starts_with("::error file=")));
    insta::assert_snapshot!(out);
}

#[test]
fn concise_lines_of_the_weekday_fixtures() {
    let (out, code) = check("concise", &["tests/fixtures/weekday"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 10);
    insta::assert_snapshot!(out);
}

#[test]
fn a_clean_corpus_prints_nothing_in_concise_and_github() {
    for format in ["concise", "github"] {
        let (out, code) = check(format, &["tests/fixtures/weekday/correct-dates.md"]);
        assert_eq!(code, 0);
        assert_eq!(out, "", "{format}");
    }
}
