//! Changed-files mode (`check --context DIR FILE…`) and the claim cache end to end: each test
//! copies the `roles-conflict` fixture articles into a temporary directory and runs the binary
//! there, so the cache (`.factlint-cache/`) is written in that directory.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const FIXTURE: &str = "tests/fixtures/roles-conflict";
const ARTICLES: [&str; 3] = ["guardian-g7.md", "reuters-g7.md", "spiegel-g7.md"];
const CACHE: &str = ".factlint-cache";

/// The fixture's own KB, which cannot settle who was ambassador, so the articles conflict.
const KB: [&str; 3] = ["--kb", "kb", "--no-shipped-kb"];

/// A temporary directory with the fixture's articles in `ctx/` and its KB in `kb/`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ctx")).unwrap();
    std::fs::create_dir(dir.path().join("kb")).unwrap();
    for entry in std::fs::read_dir(Path::new(FIXTURE).join("kb")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join("kb").join(path.file_name().unwrap())).unwrap();
    }
    for name in ARTICLES {
        std::fs::copy(
            Path::new(FIXTURE).join(name),
            dir.path().join("ctx").join(name),
        )
        .unwrap();
    }
    dir
}

/// `factlint check --format FORMAT ARGS…` in `dir`: stdout and the exit code.
fn check(dir: &Path, format: &str, args: &[&str]) -> (String, i32) {
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(["check", "--format", format])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

/// The cache's files whose names start with `prefix` (not its `.gitignore`).
fn cache_files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(CACHE))
        .map(|read| {
            read.map(|entry| entry.unwrap().path())
                .filter(|path| {
                    let name = path.file_name().unwrap().to_string_lossy();
                    !name.starts_with('.') && name.starts_with(prefix)
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The cache's per-article entries (not the context snapshot).
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries = cache_files(dir, "");
    entries.retain(|path| {
        !path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("context-")
    });
    entries
}

#[test]
fn only_the_named_files_are_reported_but_the_context_is_used() {
    let repo = repository();
    let dir = repo.path();
    // Alone, Reuters's claim conflicts with nothing.
    let (alone, _) = check(
        dir,
        "concise",
        &[&KB[..], &["--no-cache", "ctx/reuters-g7.md"]].concat(),
    );
    assert!(!alone.contains("role-conflict"), "{alone}");

    // With the others as context, its conflict with the Guardian is found and reported on
    // Reuters only; the Guardian's own tenure errors are not reported.
    let (out, code) = check(
        dir,
        "concise",
        &[
            &KB[..],
            &["--no-cache", "--context", "ctx", "ctx/reuters-g7.md"],
        ]
        .concat(),
    );
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty());
    assert!(
        lines
            .iter()
            .all(|line| line.starts_with("ctx/reuters-g7.md:")),
        "{out}"
    );
    let conflicts: Vec<&&str> = lines
        .iter()
        .filter(|line| line.contains("error[role-conflict]"))
        .collect();
    assert_eq!(conflicts.len(), 1, "{out}");
    assert!(conflicts[0].contains("guardian-g7.md"), "{out}");
    // The named file is read once, though it is under the context directory too.
    let mut unique = lines.clone();
    unique.dedup();
    assert_eq!(unique, lines, "{out}");

    // The related place in a context file is still shown (JSON names it).
    let (json, _) = check(
        dir,
        "json",
        &[
            &KB[..],
            &["--no-cache", "--context", "ctx", "ctx/reuters-g7.md"],
        ]
        .concat(),
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let conflict = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "role-conflict")
        .unwrap();
    assert_eq!(conflict["file"], "ctx/reuters-g7.md");
    assert_eq!(conflict["related"][0]["file"], "ctx/guardian-g7.md");

    // Named the other way round, Reuters's conflict (reported on the later claim, Reuters's)
    // is a context file's finding and is not shown.
    let (out, code) = check(
        dir,
        "concise",
        &[
            &KB[..],
            &["--no-cache", "--context", "ctx", "ctx/guardian-g7.md"],
        ]
        .concat(),
    );
    assert_eq!((out.as_str(), code), ("", 0));
    // The whole corpus reports the same conflict, on Reuters.
    let (all, _) = check(dir, "concise", &[&KB[..], &["--no-cache", "ctx"]].concat());
    assert_eq!(all, conflicts[0].to_string() + "\n");
}

#[test]
fn a_warm_cache_gives_the_same_output_and_touches_nothing_else() {
    let repo = repository();
    let dir = repo.path();
    let args = [&KB[..], &["--context", "ctx", "ctx/reuters-g7.md"]].concat();
    let before: Vec<Vec<u8>> = ARTICLES
        .iter()
        .map(|name| std::fs::read(dir.join("ctx").join(name)).unwrap())
        .collect();

    let (uncached, _) = check(dir, "json", &[&["--no-cache"][..], &args[..]].concat());
    assert!(!dir.join(CACHE).exists(), "--no-cache writes no cache");
    let (cold, cold_code) = check(dir, "json", &args);
    assert_eq!(entries(dir).len(), ARTICLES.len());
    let written: Vec<Vec<u8>> = entries(dir)
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let (warm, warm_code) = check(dir, "json", &args);
    assert_eq!(cold, uncached);
    assert_eq!(warm, cold);
    assert_eq!(warm_code, cold_code);
    // A warm run reuses the entries as they are.
    let reread: Vec<Vec<u8>> = entries(dir)
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(reread, written);

    // Only the cache directory was added; the articles are untouched.
    let mut top: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, [CACHE, "ctx", "kb"]);
    let after: Vec<Vec<u8>> = ARTICLES
        .iter()
        .map(|name| std::fs::read(dir.join("ctx").join(name)).unwrap())
        .collect();
    assert_eq!(after, before);
}

#[test]
fn the_context_snapshot_is_reused_until_a_context_file_changes() {
    let repo = repository();
    let dir = repo.path();
    // A snapshot trusts only files older than the run that wrote it by a few seconds.
    std::thread::sleep(std::time::Duration::from_millis(3500));
    let args = [&KB[..], &["--context", "ctx", "ctx/reuters-g7.md"]].concat();
    let uncached = |dir: &Path| check(dir, "concise", &[&["--no-cache"][..], &args[..]].concat());
    let snapshot = |dir: &Path| {
        let files = cache_files(dir, "context-");
        assert_eq!(files.len(), 1, "one snapshot for one context");
        std::fs::read(&files[0]).unwrap()
    };

    let (cold, _) = check(dir, "concise", &args);
    assert!(cold.contains("error[role-conflict]"), "{cold}");
    let written = snapshot(dir);
    let (warm, _) = check(dir, "concise", &args);
    assert_eq!(warm, cold);
    // Every file was taken from the snapshot, so it was not written again (a rewrite would
    // carry this run's start time).
    assert_eq!(snapshot(dir), written);

    // The Guardian now names Reuters's ambassador: the conflict goes, as without any cache.
    let guardian = dir.join("ctx/guardian-g7.md");
    let text = std::fs::read_to_string(&guardian).unwrap();
    let without = text.replace("Shigeo Yamada", "Koji Tomita");
    std::fs::write(&guardian, without).unwrap();
    let (changed, _) = check(dir, "concise", &args);
    assert_eq!(changed, uncached(dir).0);
    assert!(!changed.contains("role-conflict"), "{changed}");
    assert_ne!(snapshot(dir), written);

    // A deleted context file is gone from the next run too.
    std::fs::write(&guardian, text).unwrap();
    let (restored, _) = check(dir, "concise", &args);
    assert_eq!(restored, cold);
    std::fs::remove_file(&guardian).unwrap();
    let (deleted, _) = check(dir, "concise", &args);
    assert_eq!(deleted, uncached(dir).0);
    assert!(!deleted.contains("guardian"), "{deleted}");
}

#[test]
fn a_corrupt_truncated_or_foreign_entry_is_ignored_and_rebuilt() {
    let repo = repository();
    let dir = repo.path();
    let args = [&KB[..], &["--context", "ctx", "ctx/reuters-g7.md"]].concat();
    let (cold, _) = check(dir, "json", &args);
    let paths = entries(dir);
    let good: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert_eq!(paths.len(), 3);

    // Garbage in one, another (truncated) in the second, a third article's entry in the third.
    std::fs::write(&paths[0], b"garbage, not a cache entry").unwrap();
    std::fs::write(&paths[1], &good[1][..good[1].len() / 2]).unwrap();
    std::fs::write(&paths[2], &good[0]).unwrap();
    let (after, _) = check(dir, "json", &args);
    assert_eq!(after, cold);
    // Each bad entry was replaced by a sound one.
    let rebuilt: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert_eq!(rebuilt, good);
    let (again, _) = check(dir, "json", &args);
    assert_eq!(again, cold);
}

#[test]
fn cached_extractions_give_the_same_findings_on_every_fixture() {
    // Every check kind reads extractions; a field lost in the cache would change a finding.
    for fixture in [
        "weekday",
        "roles-tenure",
        "roles-change",
        "roles-names",
        "ordinal",
        "event-date",
        "relative-date",
        "anniversary",
        "part-whole",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let source = std::fs::canonicalize(Path::new("tests/fixtures").join(fixture)).unwrap();
        let source = source.to_str().unwrap();
        let (uncached, _) = check(dir.path(), "json", &["--no-cache", source]);
        let (cold, _) = check(dir.path(), "json", &[source]);
        let (warm, _) = check(dir.path(), "json", &[source]);
        assert!(!entries(dir.path()).is_empty(), "{fixture}");
        assert_eq!(cold, uncached, "{fixture}");
        assert_eq!(warm, uncached, "{fixture}");
    }
}
