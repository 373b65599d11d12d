//! Reporting: rendering findings for people (miette, a self-contained HTML page) and for tools
//! (JSON, SARIF, …), one file per format (a directory for `html`).
//!
//! Reporters take plain data (articles, findings, input failures) and return the text to print;
//! they never decide exit codes.

pub mod concise;
pub mod extract;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod position;
pub mod sarif;

use std::path::PathBuf;

use crate::finding::Level;
use crate::rules::RuleSet;

/// What tool-facing formats (SARIF) say about a rule beyond its findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: String,
    /// The check kind it extends, or `factlint` for the linter's own rules about suppressions.
    pub kind: String,
    /// The level its findings have unless a check lowers one.
    pub level: Level,
    /// One sentence: what it checks.
    pub description: String,
    /// The rule file, for a project's own rules.
    pub file: Option<PathBuf>,
}

impl RuleInfo {
    /// The rules in force, in id order, described by their check kind.
    pub fn of(rules: &RuleSet) -> Vec<RuleInfo> {
        rules
            .iter()
            .map(|rule| RuleInfo {
                id: rule.id.clone(),
                kind: rule.check.kind_name().to_string(),
                level: rule.level,
                description: describe_kind(rule.check.kind_name()).to_string(),
                file: match &rule.origin {
                    crate::rules::RuleOrigin::Shipped => None,
                    crate::rules::RuleOrigin::File(path) => Some(path.clone()),
                },
            })
            .collect()
    }
}

/// One sentence on what a check kind checks, for tools that list rules (SARIF `rules`).
pub fn describe_kind(kind: &str) -> &'static str {
    match kind {
        "weekday" => "A weekday written next to a date must be the day that date fell on.",
        "tenure" => {
            "Who is named as holding an office must agree with the knowledge base's terms of office."
        }
        "role-conflict" => {
            "Two claims must not name different holders of a single-holder office on the same day."
        }
        "role-change" => {
            "The corpus names a change of holder of an office that the knowledge base does not record."
        }
        "name-variant" => "One person should be spelt one way in an article.",
        "ordinal" => {
            "An event's ordinal must agree with the knowledge base's series and with other articles."
        }
        "event-date" => "One event must have one date across articles and the knowledge base.",
        "relative-date" => "An interval between two events must fit their known dates.",
        "anniversary" => "An Nth anniversary must fall in the year of its event plus N.",
        "part-whole" => "A part must not be larger than the whole it is part of.",
        _ => "A factlint rule.",
    }
}

/// Whether human output may use colour: only on a terminal, and never when `NO_COLOR` is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    Always,
    Never,
}

impl Colour {
    /// The choice for stdout: colour on a terminal unless `NO_COLOR` is set (https://no-color.org).
    pub fn for_stream(is_terminal: bool, no_color_env: Option<std::ffi::OsString>) -> Colour {
        let no_color = no_color_env.is_some_and(|value| !value.is_empty());
        if is_terminal && !no_color {
            Colour::Always
        } else {
            Colour::Never
        }
    }
}
