//! `factlint completions SHELL` and `factlint man`: generated from the clap definition.

use assert_cmd::Command;

fn factlint(args: &[&str]) -> String {
    let output = Command::cargo_bin("factlint")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{args:?} failed: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn bash_completion_knows_the_subcommands_and_flags() {
    let script = factlint(&["completions", "bash"]);
    assert!(script.contains("check"), "no `check` in:\n{script}");
    assert!(script.contains("--format"), "no `--format` in:\n{script}");
    assert!(
        script.contains("complete -F"),
        "not a bash completion:\n{script}"
    );
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = factlint(&["completions", shell]);
        assert!(script.contains("check"), "{shell}: no `check`");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    Command::cargo_bin("factlint")
        .expect("binary")
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn the_man_page_is_roff_with_every_subcommand() {
    let page = factlint(&["man"]);
    assert!(page.contains(".TH factlint 1"), "no .TH in:\n{page}");
    for section in [
        "FACTLINT CHECK",
        "FACTLINT EXTRACT",
        "FACTLINT KB",
        "FACTLINT KB SUGGEST",
        "FACTLINT INIT",
        "FACTLINT COMPLETIONS",
    ] {
        assert!(
            page.contains(&format!(".SH \"{section}\"")),
            "no {section} section"
        );
    }
    // One page: no reference to per-subcommand pages that are not shipped.
    assert!(!page.contains(r"factlint\-check(1)"), "{page}");
    // Options are documented with their possible values, hyphens escaped for roff.
    assert!(page.contains(r"\fB\-\-format\fR"));
    assert!(page.contains("human, json, sarif, github, concise"));
}
