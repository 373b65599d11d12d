//! Suppressions end to end on `tests/fixtures/suppress/`: what is suppressed, and the warnings
//! about suppressions that name no rule or suppress nothing.

use std::path::Path;

use assert_cmd::Command;

fn concise(dir: &Path, args: &[&str]) -> (String, i32) {
    let output = Command::cargo_bin("factlint")
        .expect("the binary builds")
        .current_dir(dir)
        .args(["check", "--no-config", "--format", "concise"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

#[test]
fn suppressed_findings_are_gone_and_bad_suppressions_are_warnings() {
    let (out, code) = concise(Path::new("."), &["tests/fixtures/suppress"]);
    assert_eq!(code, 1, "two weekday errors are not suppressed");
    insta::assert_snapshot!(out, @r"
    tests/fixtures/suppress/front-matter-unused.md:4:22: warning[unused-suppression] this suppression of `weekday` suppresses nothing
    tests/fixtures/suppress/front-matter-unused.md:4:31: warning[unknown-rule] `no-such-rule` is not a rule, so this suppresses nothing
    tests/fixtures/suppress/markdown-ranges.md:5:20: error[weekday] June 17, 2025 is a Tuesday, not a Monday
    tests/fixtures/suppress/markdown-ranges.md:10:32: warning[unused-suppression] this suppression of `tenure` suppresses nothing
    tests/fixtures/suppress/markdown-ranges.md:13:12: error[weekday] June 17, 2025 is a Tuesday, not a Thursday
    tests/fixtures/suppress/markdown-ranges.md:15:33: warning[unknown-rule] `weekdays` is not a rule, so this suppresses nothing
    tests/fixtures/suppress/markdown-ranges.md:18:33: warning[unused-suppression] this suppression of `weekday` suppresses nothing
    tests/fixtures/suppress/plain.txt:1:47: error[weekday] June 17, 2025 is a Tuesday, not a Monday
    ");
}

#[test]
fn levels_in_the_config_set_or_silence_the_suppression_rules() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/suppress");
    for name in ["markdown-ranges.md", "front-matter-unused.md"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("factlint.yaml"),
        "levels: {unused-suppression: off, unknown-rule: error, weekday: off}\n",
    )
    .unwrap();
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--format", "concise", "."])
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    let rules: Vec<&str> = out
        .lines()
        .map(|line| line.split('[').nth(1).unwrap().split(']').next().unwrap())
        .collect();
    assert_eq!(rules, ["unknown-rule", "unknown-rule"], "{out}");
    assert!(out.contains("error[unknown-rule]"));
    assert_eq!(output.status.code(), Some(1));
}
