//! The progress bar: drawn on stderr only when stderr is a terminal and the run takes over a
//! second.

use std::path::Path;

use assert_cmd::Command;

/// How many times [`big_corpus`] copies the seed corpus: enough for a debug build to take well
/// over the bar's one-second delay. Forty copies (200 articles) stopped being enough once
/// extraction got faster.
const COPIES: usize = 200;

/// A corpus that takes well over a second to check in a debug build: the seed corpus, [`COPIES`]
/// times. Returns how many articles it wrote.
fn big_corpus(dir: &Path) -> usize {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut written = 0;
    for copy in 0..COPIES {
        for entry in std::fs::read_dir(&seed).expect("corpus/") {
            let path = entry.expect("entry").path();
            let name = path.file_name().expect("name").to_string_lossy();
            std::fs::copy(&path, dir.join(format!("{copy}-{name}"))).expect("copy");
            written += 1;
        }
    }
    written
}

#[test]
fn no_progress_output_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    big_corpus(dir.path());
    let started = std::time::Instant::now();
    let output = Command::cargo_bin("factlint")
        .expect("binary")
        .args(["check", "--no-config", "--no-cache", "--format", "concise"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(
        started.elapsed().as_secs_f64() > 1.0,
        "the corpus must take over a second for this test to mean anything"
    );
    assert!(output.status.code().is_some());
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// Under a pseudo-terminal (util-linux `script`), the bar is drawn. Where `script` is missing
/// the test says so and passes: the contract that matters in CI is the one above.
#[test]
fn progress_bar_on_a_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("`script` is not installed: not testing the bar on a terminal");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let written = big_corpus(dir.path());
    let binary = assert_cmd::cargo::cargo_bin("factlint");
    let command = format!(
        "{} check --no-config --no-cache --format concise {} >/dev/null",
        binary.display(),
        dir.path().display()
    );
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script runs");
    let terminal = String::from_utf8_lossy(&output.stdout);
    let articles = format!("/{written} articles");
    assert!(
        terminal.contains("extracting") && terminal.contains(&articles),
        "no progress bar in:\n{terminal}"
    );
}
