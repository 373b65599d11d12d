//! Hostile input: huge files and lines, binary bytes, every script, invisible characters, odd
//! line endings, deep nesting, crowded directories, link loops, vanishing files, YAML bombs and
//! huge rule files. Each must give a clear message (exit code 2) or a correct result, quickly
//! and without a panic. Big inputs are generated here (sparse where possible), never committed.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use factlint::corpus::{InputErrorKind, ReadOptions, read_article, walk};
use predicates::prelude::*;
use serde_json::Value;

/// How long any one of these runs may take (the debug binary, on a loaded CI machine).
const QUICK: Duration = Duration::from_secs(60);

/// `factlint check --no-config --format json` in `dir`, with the cache off unless asked for.
fn check_in(dir: &Path, args: &[&str]) -> (Assert, Duration) {
    let started = Instant::now();
    let assert = Command::cargo_bin("factlint")
        .expect("the binary builds")
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(["check", "--no-config", "--format", "json"])
        .args(args)
        .assert();
    let took = started.elapsed();
    assert!(took < QUICK, "took {took:?}");
    (assert, took)
}

fn json(assert: &Assert) -> Value {
    serde_json::from_slice(&assert.get_output().stdout).expect("the report is JSON")
}

/// (line, column, rule) of every finding.
fn positions(report: &Value) -> Vec<(u64, u64, String)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A story whose second line ties the wrong weekday to a date: one weekday finding, at line 2,
/// column 19 when the lines are as written (`{nl}` is the line ending).
fn planted(nl: &str) -> String {
    format!("Seoul, June 20, 2025 -- Intro.{nl}Lee met Ishiba on Monday, June 17, 2025.{nl}")
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("writable");
    path
}

fn sparse(path: &Path, size: u64) {
    std::fs::File::create(path)
        .and_then(|file| file.set_len(size))
        .expect("a sparse file");
}

#[test]
fn a_one_gigabyte_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    sparse(&dir.path().join("huge.txt"), 1 << 30);
    write(dir.path(), "fine.txt", planted("\n"));
    let (assert, _) = check_in(dir.path(), &["--no-cache", "."]);
    let assert = assert.code(2);
    let report = json(&assert);
    assert_eq!(
        report["errors"][0]["message"],
        "./huge.txt: file is 1024 MB, above the limit of 50 MB (--max-file-size)"
    );
    // The other file is still checked.
    assert_eq!(positions(&report), [(2, 19, "weekday".to_string())]);
}

#[test]
fn a_ten_megabyte_line_is_refused_with_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let line = "word ".repeat(2 << 20);
    write(dir.path(), "long.txt", format!("Headline\n{line}\n"));
    let (assert, _) = check_in(dir.path(), &["--no-cache", "long.txt"]);
    assert.code(2).stderr(predicate::str::contains(
        "long.txt: line 2 is 10 MB long, above the limit of 1 MB (--max-line-length)",
    ));
}

#[test]
fn the_line_limit_is_a_flag_and_a_setting_and_counts_bytes_without_the_ending() {
    let dir = tempfile::tempdir().unwrap();
    let text = planted("\r\n");
    write(dir.path(), "a.txt", &text);
    let longest = text.lines().map(str::len).max().unwrap();
    let limit = longest.to_string();
    let (at_limit, _) = check_in(dir.path(), &["--no-cache", "--max-line-length", &limit]);
    at_limit.code(1);
    let below = (longest - 1).to_string();
    let (over, _) = check_in(dir.path(), &["--no-cache", "--max-line-length", &below]);
    over.code(2)
        .stderr(predicate::str::contains("a.txt: line 2 is"));
    // The same limit from factlint.yaml.
    write(
        dir.path(),
        "factlint.yaml",
        format!("limits: {{max_line_length: {below}}}\n"),
    );
    Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--no-cache", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("above the limit of"));
}

#[test]
fn nul_bytes_up_front_are_binary_and_later_ones_are_text() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let (assert, _) = check_in(dir.path(), &["--no-cache", "image.txt"]);
    assert.code(2).stderr(predicate::str::contains(
        "image.txt: binary file (a NUL byte in the first 8 KiB)",
    ));
    // A NUL past the sniffed bytes is a character like any other: the story is still checked.
    let text = format!("{}\0\n{}", "filler line\n".repeat(1000), planted("\n"));
    write(dir.path(), "late.txt", &text);
    let (assert, _) = check_in(dir.path(), &["--no-cache", "late.txt"]);
    let assert = assert.code(1);
    assert_eq!(positions(&json(&assert)), [(1003, 19, "weekday".into())]);
    // Standard input gets the same checks as a file.
    Command::cargo_bin("factlint")
        .unwrap()
        .args(["check", "--no-config", "--no-cache", "-"])
        .write_stdin(b"abc\0def".to_vec())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>: binary file"));
}

/// A line of every assigned-looking code point from each block of 256, skipping controls and
/// surrogates: every script, combining marks, emoji, private use.
fn every_script() -> String {
    (0x20u32..=0x10FFFF)
        .step_by(97)
        .filter_map(char::from_u32)
        .filter(|c| !c.is_control())
        .collect()
}

#[test]
fn every_unicode_script_is_read_and_columns_count_characters() {
    let dir = tempfile::tempdir().unwrap();
    let scripts = every_script();
    let text = format!("{scripts}\n{scripts} {}", planted("\n"));
    write(dir.path(), "scripts.txt", &text);
    let (assert, _) = check_in(dir.path(), &["--no-cache", "scripts.txt"]);
    let assert = assert.code(1);
    let found = positions(&json(&assert));
    assert!(found.contains(&(3, 19, "weekday".into())), "{found:?}");
}

#[test]
fn right_to_left_and_zero_width_characters_neither_crash_nor_shift_columns() {
    let dir = tempfile::tempdir().unwrap();
    // Hebrew and Arabic words, with marks and joiners between the words.
    let prefix = "\u{5E9}\u{5DC}\u{5D5}\u{5DD} \u{200F}\u{627}\u{644}\u{633}\u{644}\u{627}\u{645}\u{200D}\u{200B} ";
    let text = format!("{prefix}{}", planted("\n"));
    write(dir.path(), "rtl.txt", &text);
    let (assert, _) = check_in(dir.path(), &["--no-cache", "rtl.txt"]);
    let assert = assert.code(1);
    assert_eq!(positions(&json(&assert)), [(2, 19, "weekday".into())]);
    // Invisible characters inside the claim hide it from the parsers: no finding, no crash.
    let hidden = planted("\n").replace("Monday", "Mon\u{200B}day");
    write(dir.path(), "hidden.txt", hidden);
    let (assert, _) = check_in(dir.path(), &["--no-cache", "hidden.txt"]);
    assert.code(0);
}

#[test]
fn crlf_lone_cr_and_a_bom_report_the_same_place_as_plain_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "lf.txt", planted("\n"));
    write(dir.path(), "crlf.txt", planted("\r\n"));
    write(dir.path(), "cr.txt", planted("\r"));
    write(dir.path(), "bom.txt", format!("\u{feff}{}", planted("\n")));
    for name in ["lf.txt", "crlf.txt", "cr.txt", "bom.txt"] {
        let (assert, _) = check_in(dir.path(), &["--no-cache", name]);
        let assert = assert.code(1);
        assert_eq!(
            positions(&json(&assert)),
            [(2, 19, "weekday".into())],
            "{name}"
        );
    }
}

#[test]
fn deeply_nested_markdown_is_read_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 20_000;
    let text = [
        "> ".repeat(depth),
        "[".repeat(depth) + &"]".repeat(depth),
        "(".repeat(depth) + &")".repeat(depth),
        "*".repeat(depth) + "emphasis" + &"*".repeat(depth),
        (0..2000)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect(),
        planted("\n"),
    ]
    .join("\n");
    write(dir.path(), "nested.md", &text);
    let (assert, _) = check_in(dir.path(), &["--no-cache", "nested.md"]);
    let assert = assert.code(1);
    let line = text[..text.find("Lee met").unwrap()].matches('\n').count() as u64 + 1;
    assert_eq!(positions(&json(&assert)), [(line, 19, "weekday".into())]);
}

#[test]
fn ten_thousand_files_in_one_directory_are_all_checked() {
    let dir = tempfile::tempdir().unwrap();
    let many = dir.path().join("many");
    std::fs::create_dir(&many).unwrap();
    for i in 0..10_000 {
        write(&many, &format!("a{i:05}.txt"), format!("Story {i}.\n"));
    }
    write(&many, "z.txt", planted("\n"));
    let (assert, took) = check_in(dir.path(), &["--no-cache", "many"]);
    let assert = assert.code(1);
    let report = json(&assert);
    assert_eq!(positions(&report), [(2, 19, "weekday".into())]);
    assert_eq!(report["findings"][0]["file"], "many/z.txt");
    eprintln!("10,001 files checked in {took:?}");
}

#[test]
fn link_loops_and_dangling_links_are_input_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("d");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    write(&root, "story.txt", planted("\n"));
    std::os::unix::fs::symlink("..", root.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", root.join("self.txt")).unwrap();
    std::os::unix::fs::symlink("missing.txt", root.join("gone.txt")).unwrap();
    let (assert, _) = check_in(dir.path(), &["--no-cache", "d"]);
    let assert = assert.code(2);
    let report = json(&assert);
    let errors: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        errors,
        [
            "d/gone.txt: cannot be read: IO error for operation on d/gone.txt: No such file or directory (os error 2)",
            "d/self.txt: cannot be read: IO error for operation on d/self.txt: Too many levels of symbolic links (os error 40)",
            "d/sub/loop: cannot be read: File system loop found: d/sub/loop points to an ancestor d",
        ]
    );
    assert_eq!(positions(&report), [(2, 19, "weekday".into())]);
}

#[test]
fn a_file_that_vanishes_between_walk_and_read_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", planted("\n"));
    let options = ReadOptions::default();
    let (files, errors) = walk(&[dir.path().to_path_buf()], &options);
    assert!(errors.is_empty());
    assert_eq!(files, std::slice::from_ref(&path));
    std::fs::remove_file(&path).unwrap();
    let error = read_article(&files[0], &options).expect_err("the file is gone");
    assert!(matches!(error.kind, InputErrorKind::Io(_)), "{error:?}");
    assert!(
        error.to_string().contains("a.txt: cannot be read"),
        "{error}"
    );
}

/// A rule file that would expand to 9^10 nodes if aliases were followed blindly.
fn billion_laughs() -> String {
    let mut yaml = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (previous, next) in ('a'..='i').zip('b'..='j') {
        let refs = vec![format!("*{previous}"); 9].join(", ");
        yaml.push_str(&format!("{next}: &{next} [{refs}]\n"));
    }
    yaml
}

#[test]
fn a_yaml_bomb_in_a_rule_or_kb_file_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", planted("\n"));
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    let rule = format!(
        "extends: weekday\nlevel: error\nmessage: x\n{}",
        billion_laughs()
    );
    write(&dir.path().join("rules"), "bomb.yaml", rule);
    let (assert, _) = check_in(dir.path(), &["--no-cache", "--rules", "rules", "a.txt"]);
    assert
        .code(2)
        .stderr(predicate::str::contains("budget breached"))
        .stderr(predicate::str::contains("[rules/bomb.yaml:"));
    // The KB schema refuses the bomb's first key before any alias is expanded.
    std::fs::create_dir(dir.path().join("kb")).unwrap();
    write(&dir.path().join("kb"), "bomb.yaml", billion_laughs());
    let (assert, _) = check_in(dir.path(), &["--no-cache", "--kb", "kb", "a.txt"]);
    assert
        .code(2)
        .stderr(predicate::str::contains("[kb/bomb.yaml:1:1]"));
}

#[test]
fn a_hundred_megabyte_rule_file_is_refused_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", planted("\n"));
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    sparse(&dir.path().join("rules/huge.yaml"), 100 << 20);
    let (assert, _) = check_in(dir.path(), &["--no-cache", "--rules", "rules", "a.txt"]);
    assert.code(2).stderr(predicate::str::contains(
        "rule file rules/huge.yaml is 100 MB, above the limit of 10 MB for YAML files",
    ));
}

#[test]
fn yaml_nesting_is_limited_and_the_limit_is_a_setting() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", planted("\n"));
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    // Under a key the rule schema does not know, so only the nesting can stop the first pass.
    let deep = format!(
        "extends: weekday\nlevel: error\nmessage: x\ndeep: {}1{}\n",
        "[".repeat(80),
        "]".repeat(80)
    );
    write(&dir.path().join("rules"), "deep.yaml", deep);
    let run = |config: &str| {
        write(dir.path(), "factlint.yaml", config);
        Command::cargo_bin("factlint")
            .unwrap()
            .env("NO_COLOR", "1")
            .current_dir(dir.path())
            .args(["check", "--no-cache", "--rules", "rules", "a.txt"])
            .assert()
            .code(2)
    };
    run("").stderr(predicate::str::contains("budget breached"));
    // Allowed deeper, the file gets as far as its schema, which it breaks.
    run("limits: {max_yaml_depth: 100}\n")
        .stderr(predicate::str::contains("budget breached").not())
        .stderr(predicate::str::contains("unknown field `deep`"));
}

#[test]
fn check_writes_nothing_in_the_checked_directory_but_its_cache() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", planted("\n"));
    write(
        dir.path(),
        "b.md",
        "---\ndate: 2025-06-20\n---\nNothing to see.\n",
    );
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(&dir.path().join("sub"), "c.txt", planted("\r\n"));
    let before = listing(dir.path());
    for _ in 0..2 {
        let (assert, _) = check_in(dir.path(), &["."]);
        assert.code(1);
    }
    let after = listing(dir.path());
    let cache = Path::new(factlint::cache::DIR);
    let outside: Vec<_> = after
        .iter()
        .filter(|entry| !entry.0.starts_with(cache))
        .cloned()
        .collect();
    assert_eq!(outside, before, "only the cache may change");
    let cached: Vec<_> = after
        .iter()
        .filter(|entry| entry.0.starts_with(cache))
        .map(|entry| entry.0.clone())
        .collect();
    // Written by temporary file and rename: no temporary is left behind.
    assert!(cached.len() > 2, "{cached:?}");
    assert!(
        cached
            .iter()
            .all(|path| !path.to_string_lossy().contains(".tmp-")),
        "{cached:?}"
    );
}

/// Every path under `root` (relative), with its length, modification time and contents hash.
fn listing(root: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime, [u8; 32])> {
    let mut entries = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let hash = if meta.is_file() {
                *blake3::hash(&std::fs::read(&path).unwrap()).as_bytes()
            } else {
                pending.push(path.clone());
                [0; 32]
            };
            let relative = path.strip_prefix(root).unwrap().to_path_buf();
            entries.push((relative, meta.len(), meta.modified().unwrap(), hash));
        }
    }
    entries.sort();
    entries
}
