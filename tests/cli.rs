//! End-to-end tests: the `factlint` binary on fixture corpora and on bad input. Run from the
//! crate root with relative paths, so snapshots hold no machine-specific path.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factlint() -> Command {
    let mut command = Command::cargo_bin("factlint").expect("the binary builds");
    command.env("NO_COLOR", "1");
    command
}

/// Every planted error in `tests/fixtures/weekday`: file, the words around it, and the weekday
/// words the finding must point at. Everything else in those files is correct.
const PLANTED: &[(&str, &str, &str)] = &[
    (
        "ap-treaty-anniversary.md",
        "Tuesday, Dec. 18, 1965",
        "Tuesday",
    ),
    ("ap-treaty-anniversary.md", "Fri., June 19", "Fri."),
    ("bbc-summit.md", "Sunday 16 June 2025", "Sunday"),
    ("bbc-summit.md", "Wednesday, 17 June", "Wednesday"),
    (
        "herald-yearless.md",
        "Wednesday, June 12, 2025",
        "Wednesday",
    ),
    ("herald-yearless.md", "Tuesday June 18th", "Tuesday"),
    ("reuters-g7.md", "Monday, June 17", "Monday"),
    ("reuters-g7.md", "Friday (June 15)", "Friday"),
    ("reuters-g7.md", "June 24 (Wednesday)", "Wednesday"),
    ("yonhap-year-end.md", "Wednesday, Dec. 31", "Wednesday"),
];

/// 1-based line and character column of `needle` (then `inner` within it) in `file`.
fn position_of(file: &Path, needle: &str, inner: &str) -> (u64, u64) {
    let text = std::fs::read_to_string(file).expect("fixture readable");
    let start = text.find(needle).expect("planted words in fixture") + needle.find(inner).unwrap();
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..start].chars().count() + 1;
    (line as u64, column as u64)
}

fn json_output(args: &[&str]) -> (Value, i32) {
    let output = factlint().args(args).output().expect("factlint runs");
    let json = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    (json, output.status.code().expect("exit code"))
}

#[test]

fn every_planted_weekday_error_is_found_and_nothing_else() {
    let dir = Path::new("tests/fixtures/weekday");
    let (json, code) = json_output(&["check", "--format", "json", "tests/fixtures/weekday"]);
    assert_eq!(code, 1, "errors were planted");
    let mut found: Vec<(String, String, u64, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut expected: Vec<(String, String, u64, u64)> = PLANTED
        .iter()
        .map(|(file, needle, weekday)| {
            let path = dir.join(file);
            let (line, column) = position_of(&path, needle, weekday);
            ("weekday".into(), path.display().to_string(), line, column)
        })
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(json["summary"]["files"], 6);
}

#[test]

fn weekday_fixture_human_output() {
    let output = factlint()
        .args(["check", "tests/fixtures/weekday"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
}

#[test]

fn year_across_the_new_year_comes_from_the_publication_date() {
    let (json, _) = json_output(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/weekday/yonhap-year-end.md",
    ]);
    let finding = &json["findings"][0];
    assert_eq!(
        finding["message"],
        "December 31, 2024 is a Tuesday, not a Wednesday"
    );
    assert_eq!(
        finding["help"],
        "December 31, 2024 fell on a Tuesday; the Wednesday nearest is January 1, 2025 \
         (year taken from the publication date, 2025-01-03)"
    );
}

#[test]

fn stdin_takes_its_year_from_the_published_flag() {
    // A year-less date on stdin takes its year from --published, and is judged with it.
    factlint()
        .args([
            "check",
            "--published",
            "2025-06-18",
            "--deny",
            "warnings",
            "-",
        ])
        .write_stdin("They met on Monday, June 17.\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "June 17, 2025 is a Tuesday, not a Monday",
        ));
}

#[test]
fn the_seed_corpus_has_no_errors() {
    factlint()
        .args(["check", "corpus"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors"));
}

/// The seed corpus's publication dates: printed, or inferred from evidence, or left partial.
#[test]
fn seed_publication_dates_come_from_the_text() {
    let (json, code) = json_output(&["extract", "--format", "json", "corpus"]);
    assert_eq!(code, 0);
    let published: Vec<(String, Option<String>, Option<String>)> = json["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|article| {
            let published = &article["published"];
            (
                article["file"].as_str().unwrap_or_default().to_string(),
                published["date"].as_str().map(str::to_string),
                published["source"]
                    .as_str()
                    .map(|s| s.split(':').next().unwrap_or(s).to_string()),
            )
        })
        .collect();
    let expected = [
        (
            "corpus/000_7285b31c8776b67c.txt",
            Some("2021-12-27"),
            Some("text"),
        ),
        // No date on the page: the office holders it names (a prime minister nominee among
        // them) and its lead's Monday agree on June 2025.
        (
            "corpus/001_a1c90cff86cb09d1.txt",
            Some("2025-06"),
            Some("inferred"),
        ),
        (
            "corpus/002_508cd1338f32bbee.txt",
            Some("2025-06-09"),
            Some("text"),
        ),
        (
            "corpus/003_c875433792eb0259.txt",
            Some("2025-06-17"),
            Some("inferred"),
        ),
        // "Seoul, Jan 16": the year from Sanae Takaichi as the sitting prime minister.
        (
            "corpus/004_36cde884e2ff4718.txt",
            Some("2026-01-16"),
            Some("inferred"),
        ),
    ];
    let expected: Vec<(String, Option<String>, Option<String>)> = expected
        .iter()
        .map(|(file, date, source)| {
            (
                file.to_string(),
                date.map(str::to_string),
                source.map(str::to_string),
            )
        })
        .collect();
    assert_eq!(published, expected);
}

#[test]
fn an_empty_file_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    factlint()
        .arg("check")
        .arg(&empty)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors, 0 warnings in 1 file"));
}

/// A corpus with one good article and one bad file: the bad one is reported on stderr and in
/// the JSON `errors`, the good one is still checked, and the exit code is 2.
fn assert_bad_file_reported(bad_name: &str, bad_bytes: &[u8], extra_args: &[&str], keyword: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Lee met Ishiba on June 17.\n").unwrap();
    let bad = dir.path().join(bad_name);
    std::fs::write(&bad, bad_bytes).unwrap();
    let output = factlint()
        .arg("check")
        .args(extra_args)
        .args(["--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(bad_name), "stderr names the file: {stderr}");
    assert!(
        stderr.to_lowercase().contains(keyword),
        "stderr says `{keyword}`: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["summary"]["files"], 1,
        "the good file is still checked"
    );
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["file"].as_str().unwrap().ends_with(bad_name));
}

#[test]
fn a_binary_file_is_reported_and_the_rest_checked() {
    assert_bad_file_reported("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &[], "binary");
}

#[test]
fn invalid_utf8_is_reported_and_the_rest_checked() {
    assert_bad_file_reported(
        "latin1.txt",
        b"Caf\xe9 in Seoul on Tuesday.\n",
        &[],
        "utf-8",
    );
}

#[test]
fn a_file_over_the_size_limit_is_reported_and_the_rest_checked() {
    // 50 MB, generated here rather than committed; the limit is set to 1 MiB for the test.
    let big = "Seoul on Tuesday, June 17, 2025. ".repeat(50 * 1024 * 1024 / 33);
    assert_bad_file_reported(
        "huge.txt",
        big.as_bytes(),
        &["--max-file-size", "1M"],
        "limit",
    );
}

#[test]
fn a_directory_without_articles_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
    factlint()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no articles found"));
}

#[test]
fn invalid_utf8_on_stdin_is_an_input_error() {
    factlint()
        .args(["check", "-"])
        .write_stdin(&b"Caf\xe9\n"[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>: not valid UTF-8 (first invalid byte at offset 3)",
        ));
}

/// Runs `check` on the seed corpus with a rule directory holding one file `name` = `yaml`.
fn check_with_rule(name: &str, yaml: &str) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), yaml).unwrap();
    let assert = factlint()
        .args(["check", "corpus", "--rules"])
        .arg(dir.path())
        .assert();
    drop(dir);
    assert
}

#[test]
fn a_malformed_rule_file_is_reported_with_line_and_column() {
    check_with_rule(
        "broken.yaml",
        "extends: weekday\nlevel: error\nmessage: [unclosed\n",
    )
    .code(2)
    .stderr(predicate::str::contains("broken.yaml:3:10"))
    .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn an_unknown_key_in_a_rule_is_reported_at_the_key() {
    check_with_rule(
        "loud.yaml",
        "extends: weekday\nlevel: error\nmessage: \"{date}\"\ncolour: red\n",
    )
    .code(2)
    .stderr(predicate::str::contains("unknown field `colour`"))
    .stderr(predicate::str::contains("loud.yaml:4:1"));
}

#[test]
fn an_unknown_check_kind_is_reported_at_extends() {
    check_with_rule(
        "mystery.yaml",
        "extends: horoscope\nlevel: error\nmessage: \"{date}\"\n",
    )
    .code(2)
    .stderr(predicate::str::contains("unknown check kind `horoscope`"))
    .stderr(predicate::str::contains("mystery.yaml:1:10"));
}

#[test]
fn a_bad_level_is_reported() {
    check_with_rule(
        "fatal.yaml",
        "extends: weekday\nlevel: fatal\nmessage: \"{date}\"\n",
    )
    .code(2)
    .stderr(predicate::str::contains("unknown variant `fatal`"))
    .stderr(predicate::str::contains("fatal.yaml:2:8"));
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    factlint()
        .args(["check", "--frobnicate", "corpus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unexpected argument '--frobnicate'",
        ));
}

#[test]
fn a_bad_published_date_is_a_usage_error() {
    factlint()
        .args(["check", "--published", "17/06/2025", "corpus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn extract_writes_version_1_json() {
    let (json, code) = json_output(&["extract", "--published", "2025-06-18", "corpus"]);
    assert_eq!(code, 0);
    assert_eq!(json["version"], 1);
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    assert_eq!(articles[0]["published"]["source"], "command-line");
    assert_eq!(articles[0]["published"]["date"], "2025-06-18");
}
