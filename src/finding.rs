//! Findings: what a check reports, and what went wrong reading the input, as plain data for
//! the reporters.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How serious a finding is; rules set it and `--deny` picks the failing level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// One step less serious, for findings that rest on a guess (a note stays a note).
    pub fn lowered(self) -> Level {
        match self {
            Level::Error => Level::Warning,
            Level::Warning | Level::Note => Level::Note,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Another place a finding involves: the date a weekday is tied to, or the conflicting claim
/// in another article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub article: usize,
    pub span: Range<usize>,
    pub message: String,
}

/// One thing a rule found wrong, pointing at the exact bytes of one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub level: Level,
    /// Index of the article in the corpus, in walk order.
    pub article: usize,
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
    pub related: Vec<Related>,
}

/// An input that could not be read as an article (unreadable, not UTF-8, binary, too large).
/// Reported in every output format; the rest of the corpus is still checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFailure {
    /// The file as the user named it, or `<stdin>`.
    pub file: PathBuf,
    /// The whole message, naming the file.
    pub message: String,
    pub help: Option<String>,
}

/// Counts of findings by level, for summaries and exit codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Tally {
    pub fn of(findings: &[Finding]) -> Tally {
        let mut tally = Tally::default();
        for finding in findings {
            match finding.level {
                Level::Error => tally.errors += 1,
                Level::Warning => tally.warnings += 1,
                Level::Note => tally.notes += 1,
            }
        }
        tally
    }

    /// How many findings are at `level` or more serious.
    pub fn at_or_above(&self, level: Level) -> usize {
        match level {
            Level::Error => self.errors,
            Level::Warning => self.errors + self.warnings,
            Level::Note => self.errors + self.warnings + self.notes,
        }
    }
}

/// The path a finding is reported under, for reporters that need it.
pub type ArticlePath = PathBuf;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_never_goes_below_note() {
        assert_eq!(Level::Error.lowered(), Level::Warning);
        assert_eq!(Level::Warning.lowered(), Level::Note);
        assert_eq!(Level::Note.lowered(), Level::Note);
    }

    #[test]
    fn tally_counts_at_or_above_a_level() {
        let finding = |level| Finding {
            rule: "weekday".into(),
            level,
            article: 0,
            span: 0..1,
            message: String::new(),
            help: None,
            related: Vec::new(),
        };
        let tally = Tally::of(&[
            finding(Level::Error),
            finding(Level::Warning),
            finding(Level::Note),
        ]);
        assert_eq!(tally.at_or_above(Level::Error), 1);
        assert_eq!(tally.at_or_above(Level::Warning), 2);
        assert_eq!(tally.at_or_above(Level::Note), 3);
    }
}
