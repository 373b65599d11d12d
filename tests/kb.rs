//! The knowledge base: the shipped KB loads clean and states real facts; planted errors in
//! fixture KBs each produce the right diagnostic, labelled on the YAML node at fault.

use factlint::kb::{ConfigError, Kb};
use factlint::report::Colour;
use factlint::report::human::render_diagnostic;

fn render(error: &ConfigError) -> String {
    error
        .problems
        .iter()
        .map(|problem| render_diagnostic(problem.as_ref(), Colour::Never))
        .collect::<Vec<_>>()
        .join("\n")
}

fn shipped() -> Kb {
    Kb::shipped().unwrap_or_else(|error| panic!("{error}:\n{}", render(&error)))
}

#[test]
fn the_shipped_kb_loads_and_validates() {
    let kb = shipped();
    assert!(kb.people.len() > 100);
    assert!(kb.roles.len() > 20);
}
