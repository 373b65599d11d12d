//! End-to-end tests of the office-holder rules (`tenure`, `role-conflict`, `role-change`,
//! `name-variant`): the `factlint` binary on `tests/fixtures/roles-*/` and on the seed corpus,
//! with the shipped KB and with a copy of it that lacks the Japanese ambassadors' terms.
//!
//! Tests that need office-holder claims from extraction (`Extraction::roles`/`people`) are
//! ignored until those parsers are merged.

use std::path::Path;

mod common;
use common::{findings, line_of};

use assert_cmd::Command;
use serde_json::Value;

fn factlint() -> Command {
    let mut command = Command::cargo_bin("factlint").expect("the binary builds");
    command.env("NO_COLOR", "1");
    command
}

fn json_output(args: &[&str]) -> (Value, i32) {
    let output = factlint().args(args).output().expect("factlint runs");
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is JSON ({error}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (json, output.status.code().expect("exit code"))
}

/// Every planted error: fixture directory, rule, file, and words on the line it must be found
/// on. Everything else in those files is correct.
const PLANTED: &[(&str, &str, &str, &str)] = &[
    // tenure: a predecessor or successor named as the holder …
    (
        "roles-tenure",
        "tenure",
        "ap-white-house.md",
        "U.S. President Joe Biden signed",
    ),
    (
        "roles-tenure",
        "tenure",
        "dw-berlin.md",
        "German Chancellor Olaf Scholz received",
    ),
    (
        "roles-tenure",
        "tenure",
        "ndtv-delhi.md",
        "Indian President Ram Nath Kovind",
    ),
    (
        "roles-tenure",
        "tenure",
        "yonhap-seoul.md",
        "Koichi Aiboshi on Monday",
    ),
    // … "former" for a sitting holder, "then" for someone who never held the office.
    (
        "roles-tenure",
        "tenure",
        "bbc-downing-street.md",
        "former British Prime Minister Keir Starmer",
    ),
    (
        "roles-tenure",
        "tenure",
        "kyodo-tokyo.md",
        "then Japanese Prime Minister Taro Kono",
    ),
    // Where the KB is certain who held the office that day, a contradicting claim is one
    // mistake and `tenure` alone reports it, even when another article names the right holder.
    (
        "roles-conflict",
        "tenure",
        "guardian-g7.md",
        "British Prime Minister Rishi Sunak",
    ),
    (
        "roles-conflict",
        "tenure",
        "guardian-g7.md",
        "Koichi Aiboshi was quoted",
    ),
    // role-conflict: two articles of one day name different holders of an office the KB
    // cannot settle; reported on the later claim.
    (
        "roles-conflict",
        "role-conflict",
        "reuters-g7.md",
        "Koji Tomita briefed",
    ),
    // role-change: an office the fixture KB knows without terms changes hands; reported on the
    // later holder.
    (
        "roles-change",
        "role-change",
        "korea-times-2025.md",
        "Enkh Saikhan hosted",
    ),
    // name-variant: a second spelling in one article.
    (
        "roles-names",
        "name-variant",
        "korea-herald.md",
        "Later, Lee Jae Myung left",
    ),
    (
        "roles-names",
        "name-variant",
        "japan-times.md",
        "Ishiba Shigeru later",
    ),
];

#[test]

fn every_planted_role_error_is_found_and_nothing_else() {
    for dir in [
        "roles-tenure",
        "roles-conflict",
        "roles-change",
        "roles-names",
    ] {
        let path = Path::new("tests/fixtures").join(dir);
        let path_text = path.display().to_string();
        let kb = path.join("kb");
        let kb_text = kb.display().to_string();
        let mut args = vec!["check", "--format", "json"];
        if kb.is_dir() {
            args.extend(["--kb", &kb_text]);
        }
        args.push(&path_text);
        let (json, code) = json_output(&args);
        assert_eq!(
            code,
            if dir == "roles-change" || dir == "roles-names" {
                0
            } else {
                1
            },
            "{dir}"
        );
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
        assert_eq!(findings(&json), expected, "{dir}");
    }
}

#[test]

fn role_change_points_at_both_articles() {
    let dir = "tests/fixtures/roles-change";
    let (json, _) = json_output(&[
        "check",
        "--format",
        "json",
        "--kb",
        "tests/fixtures/roles-change/kb",
        dir,
    ]);
    let finding = &json["findings"][0];
    assert_eq!(finding["rule"], "role-change");
    assert_eq!(finding["level"], "warning");
    // Reported on the later holder, with the earlier one as related.
    assert_eq!(finding["file"], format!("{dir}/korea-times-2025.md"));
    let related = &finding["related"][0];
    assert_eq!(related["file"], format!("{dir}/montsame-2023.md"));
}

#[test]
fn the_seed_corpus_has_no_error_or_warning() {
    let (json, code) = json_output(&["check", "--format", "json", "--deny", "warnings", "corpus"]);
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    assert_eq!(json["summary"]["warnings"], 0, "{json:#}");
    assert_eq!(code, 0);
}

/// A copy of the shipped KB in a temporary directory, with the terms of `jp-ambassador-to-kr`
/// removed (the role, its titles and its people stay).
fn kb_without_japanese_ambassador_terms() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for entry in std::fs::read_dir("rules/kb").expect("rules/kb") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "yaml") {
            continue;
        }
        let mut yaml = std::fs::read_to_string(&path).unwrap();
        if let Some(role) = yaml.find("  - id: jp-ambassador-to-kr\n") {
            let terms = role
                + yaml[role..]
                    .find("    terms:\n")
                    .expect("the role has terms");
            let end = yaml[terms..]
                .find("\n  - id: ")
                .map_or(yaml.len(), |next| terms + next + 1);
            yaml.replace_range(terms..end, "");
        }
        std::fs::write(dir.path().join(path.file_name().unwrap()), yaml).unwrap();
    }
    dir
}

#[test]
fn a_replacement_kb_without_the_ambassador_terms_is_valid() {
    let kb = kb_without_japanese_ambassador_terms();
    let kb_path = kb.path().display().to_string();
    let text = std::fs::read_to_string(kb.path().join("japan.yaml")).unwrap();
    let role = text.find("  - id: jp-ambassador-to-kr\n").unwrap();
    let next = text[role + 1..]
        .find("  - id: ")
        .map_or(text.len(), |i| role + 1 + i);
    assert!(
        !text[role..next].contains("terms:"),
        "{}",
        &text[role..next]
    );
    assert!(text.contains("  - id: jp-special-adviser-to-pm"));
    // It replaces the shipped KB (which would otherwise clash with it: duplicate ids).
    factlint()
        .args(["check", "--no-shipped-kb", "--kb", &kb_path, "corpus"])
        .assert()
        .code(0);
    factlint()
        .args(["check", "--kb", &kb_path, "corpus"])
        .assert()
        .code(2);
}

#[test]

fn without_the_ambassador_terms_the_succession_is_a_role_change_warning() {
    let kb = kb_without_japanese_ambassador_terms();
    let kb_path = kb.path().display().to_string();
    let (json, code) = json_output(&[
        "check",
        "--format",
        "json",
        "--no-shipped-kb",
        "--kb",
        &kb_path,
        "corpus",
    ]);
    assert_eq!(code, 0, "a warning does not fail the run by default");
    let changes: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "role-change")
        .collect();
    assert_eq!(changes.len(), 1, "{json:#}");
    let change = changes[0];
    assert_eq!(change["level"], "warning");
    assert_eq!(change["file"], "corpus/001_a1c90cff86cb09d1.txt");
    assert_eq!(
        change["related"][0]["file"],
        "corpus/000_7285b31c8776b67c.txt"
    );
    let message = change["message"].as_str().unwrap();
    for words in [
        "Koichi Aiboshi",
        "2021-12-27",
        "Koichi Mizushima",
        // 001 prints no date; the office holders it names narrow it to June 2025.
        "2025-06",
    ] {
        assert!(message.contains(words), "{message}");
    }
    assert!(
        change["help"]
            .as_str()
            .unwrap()
            .contains("jp-ambassador-to-kr")
    );
}

#[test]
fn without_the_shipped_kb_nothing_is_loaded_but_the_project_kb() {
    // The valid fixture KB names a shipped person; alone it is an unknown person.
    let output = factlint()
        .args([
            "check",
            "--no-shipped-kb",
            "--kb",
            "tests/fixtures/kb/valid",
            "corpus",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("lee-jae-myung"));
    // No KB at all is allowed.
    factlint()
        .args(["check", "--no-shipped-kb", "corpus"])
        .assert()
        .code(0);
}

/// Every planted event error: fixture directory, rule, file, words on the line it is found on.
const PLANTED_EVENTS: &[(&str, &str, &str, &str)] = &[
    // ordinal: off by one against the KB (Nara was Lee's fifth summit) …
    ("ordinal", "ordinal", "kbs-nara.md", "his fourth summit"),
    // … a "first" the KB counts second (Tokyo, after Kananaskis) …
    (
        "ordinal",
        "ordinal",
        "times-tokyo.md",
        "their first summit in Tokyo",
    ),
    // … two events both "first" across articles, and a "2nd" dated after a "third".
    (
        "ordinal",
        "ordinal",
        "dw-merz-september.md",
        "their first meeting",
    ),
    (
        "ordinal",
        "ordinal",
        "korea-times-merz-november.md",
        "their 2nd meeting",
    ),
    // event-date: a day off the KB, a day off another article, a trip dated before it began.
    (
        "event-date",
        "event-date",
        "joongang-kananaskis.md",
        "first summit on June 18",
    ),
    (
        "event-date",
        "event-date",
        "spiegel-merz.md",
        "first meeting on June 18",
    ),
    (
        "event-date",
        "event-date",
        "yonhap-nara.md",
        "second trip to Japan",
    ),
    // relative-date: "two weeks" for two months; "four months" for two.
    (
        "relative-date",
        "relative-date",
        "times-august.md",
        "just two weeks after",
    ),
    (
        "relative-date",
        "relative-date",
        "times-august.md",
        "four months after",
    ),
];

#[test]
fn every_planted_event_error_is_found_and_nothing_else() {
    for dir in ["ordinal", "event-date", "relative-date"] {
        let path = Path::new("tests/fixtures").join(dir);
        let path_text = path.display().to_string();
        let (json, code) = json_output(&["check", "--format", "json", &path_text]);
        assert_eq!(code, if dir == "relative-date" { 0 } else { 1 }, "{dir}");
        let mut expected: Vec<(String, String, u64)> = PLANTED_EVENTS
            .iter()
            .filter(|(planted_dir, ..)| *planted_dir == dir)
            .map(|(_, rule, file, needle)| {
                let file = path.join(file);
                let line = line_of(&file, needle);
                (rule.to_string(), file.display().to_string(), line)
            })
            .collect();
        expected.sort();
        assert_eq!(findings(&json), expected, "{dir}");
    }
}

#[test]
fn cross_article_ordinal_findings_name_the_other_article() {
    let (json, _) = json_output(&["check", "--format", "json", "tests/fixtures/ordinal"]);
    let finding = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["file"] == "tests/fixtures/ordinal/dw-merz-september.md")
        .expect("the second 'first meeting'");
    assert_eq!(
        finding["related"][0]["file"],
        "tests/fixtures/ordinal/yonhap-merz-june.md"
    );
}

/// The seed ordinals as `extract` links them: (file, words, KB event named by the ordinal or
/// the date, series).
const SEED_ORDINALS: &[(&str, &str, Option<&str>, Option<&str>)] = &[
    (
        "003",
        "first bilateral talks",
        Some("kr-jp-summit-2025-06-17"),
        Some("kr-president-jp-pm-summits"),
    ),
    (
        "003",
        "second foreign leader Lee held a phone",
        Some("kr-jp-phone-call-2025-06-09"),
        Some("kr-president-foreign-leader-phone-calls"),
    ),
    (
        "004",
        "fifth summit",
        Some("kr-jp-summit-2026-01-13"),
        Some("kr-president-jp-pm-summits"),
    ),
    (
        "004",
        "second trip",
        Some("kr-president-visit-japan-2026-01"),
        Some("kr-president-visits-to-japan"),
    ),
    (
        "002",
        "first telephone conversation",
        Some("kr-jp-phone-call-2025-06-09"),
        Some("kr-president-jp-pm-phone-calls"),
    ),
    // A meeting with an ambassador: no KB event or series counts it.
    ("000", "first formal meeting", None, None),
];

#[test]
fn the_seed_ordinals_are_linked_to_their_series_and_events() {
    let (json, _) = json_output(&["extract", "--format", "json", "corpus"]);
    let events: Vec<(String, &Value)> = json["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .flat_map(|article| {
            let file = article["file"].as_str().unwrap().to_string();
            article["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["kind"] == "event")
                .map(move |m| (file.clone(), m))
        })
        .collect();
    for (file, text, event, series) in SEED_ORDINALS {
        let found = events
            .iter()
            .find(|(f, m)| f.contains(&format!("/{file}_")) && m["text"] == *text)
            .unwrap_or_else(|| panic!("{file}: {text:?} not extracted"));
        let linked = found.1["event"].as_str().or(found.1["nth_event"].as_str());
        assert_eq!(linked, *event, "{file}: {text}");
        assert_eq!(found.1["series"].as_str(), *series, "{file}: {text}");
    }
    // "their second summit" (004) names Nara among Lee and Takaichi's summits.
    let second = events
        .iter()
        .find(|(f, m)| {
            f.contains("/004_") && m["text"] == "second summit" && m["series"].is_string()
        })
        .expect("their second summit");
    assert_eq!(second.1["nth_event"], "kr-jp-summit-2026-01-13");
}
