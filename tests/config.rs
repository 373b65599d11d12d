//! The configuration file end to end: discovery from the working directory, every key, flags
//! overriding it, its errors, and `factlint init`. Each test builds a small repository of
//! articles in a temporary directory and runs the binary there.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// An article with one weekday error (June 17, 2025 was a Tuesday).
const WRONG: &str = "---\ndate: 2025-06-18\n---\nThe leaders met on Monday, June 17, 2025.\n";
const RIGHT: &str = "---\ndate: 2025-06-18\n---\nThe leaders met on Tuesday, June 17, 2025.\n";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn factlint(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("factlint").expect("the binary builds");
    command.env("NO_COLOR", "1").current_dir(dir);
    command
}

fn concise(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let output = factlint(dir)
        .args(["check", "--format", "concise"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap(),
    )
}

#[test]
fn levels_and_fail_on_apply_and_flags_override_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "articles/a.md", WRONG);
    write(
        root,
        "factlint.yaml",
        "levels: {weekday: warning}\nfail_on: error\n",
    );
    let (out, _, code) = concise(root, &[]);
    assert_eq!(code, 0, "a warning does not fail at `fail_on: error`");
    assert_eq!(
        out,
        "./articles/a.md:4:20: warning[weekday] June 17, 2025 is a Tuesday, not a Monday\n"
    );
    let (_, _, code) = concise(root, &["--deny", "warnings"]);
    assert_eq!(code, 1, "--deny overrides fail_on");
    write(
        root,
        "factlint.yaml",
        "levels: {weekday: warning}\nfail_on: warning\n",
    );
    assert_eq!(concise(root, &[]).2, 1);
    assert_eq!(concise(root, &["--no-config"]).2, 1, "an error again");
    write(root, "factlint.yaml", "levels: {weekday: off}\n");
    let (out, _, code) = concise(root, &[]);
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn the_file_is_found_from_a_subdirectory_and_paths_are_relative_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "desk/articles/a.md", WRONG);
    write(root, "desk/articles/drafts/b.md", WRONG);
    write(root, "desk/articles/c.draft.md", WRONG);
    write(
        root,
        ".factlint.yaml",
        "exclude: [drafts, \"*.draft.md\"]\nrules: house-rules\n",
    );
    write(
        root,
        "house-rules/weekday.yaml",
        "extends: weekday\nlevel: note\nmessage: \"{date} was a {actual}\"\n",
    );
    let (out, stderr, code) = concise(&root.join("desk"), &["articles"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        out,
        "articles/a.md:4:20: note[weekday] June 17, 2025 was a Tuesday\n"
    );
    // A file named on the command line is excluded too (as a pre-commit hook passes them).
    let (out, _, _) = concise(
        &root.join("desk"),
        &["articles/a.md", "articles/drafts/b.md"],
    );
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn include_keeps_only_matching_files_and_extensions_are_configurable() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "news/a.md", WRONG);
    write(root, "news/b.text", WRONG);
    write(root, "other/c.md", WRONG);
    write(
        root,
        "factlint.yaml",
        "include: [\"news/**\"]\nextensions: [md, text]\n",
    );
    let (out, _, _) = concise(root, &[]);
    let files: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(files, ["./news/a.md", "./news/b.text"]);
}

#[test]
fn config_path_names_a_file_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", WRONG);
    write(root, "conf/strict.yaml", "levels: {weekday: note}\n");
    let (out, _, code) = concise(root, &["--config", "conf/strict.yaml", "a.md"]);
    assert_eq!(code, 0);
    assert!(out.contains("note[weekday]"), "{out}");
    factlint(root)
        .args(["check", "--config", "missing.yaml", "a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read configuration file missing.yaml",
        ));
}

#[test]
fn an_unknown_key_fails_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", RIGHT);
    write(root, "factlint.yaml", "rules: rules\nfail-on: warning\n");
    let (_, stderr, code) = concise(root, &["a.md"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("factlint.yaml:2:1"), "{stderr}");
    assert!(stderr.contains("fail-on"), "{stderr}");
}

#[test]
fn an_unknown_rule_in_levels_fails_at_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", RIGHT);
    write(root, "factlint.yaml", "levels:\n  weekdya: off\n");
    let (_, stderr, code) = concise(root, &["a.md"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown rule `weekdya`"), "{stderr}");
    assert!(stderr.contains("factlint.yaml:2:3"), "{stderr}");
}

#[test]
fn init_writes_a_starter_that_loads_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    factlint(root)
        .arg("init")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("wrote ./factlint.yaml"));
    assert!(root.join("rules").is_dir());
    let starter = std::fs::read_to_string(root.join("factlint.yaml")).unwrap();
    assert!(starter.starts_with("# factlint configuration"));
    write(root, "a.md", WRONG);
    assert_eq!(concise(root, &["a.md"]).2, 1, "the starter config loads");
    std::fs::write(root.join("factlint.yaml"), "fail_on: note\n").unwrap();
    factlint(root)
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(root.join("factlint.yaml")).unwrap(),
        "fail_on: note\n",
        "not overwritten"
    );
    factlint(root).args(["init", "sub"]).assert().code(0);
    assert!(root.join("sub/factlint.yaml").is_file() && root.join("sub/rules").is_dir());
}
