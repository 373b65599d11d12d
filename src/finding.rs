//! Findings: what a check reports, as plain data for the reporters.

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

/// Another place a finding involves: the conflicting claim in another article, say.
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

/// The path a finding is reported under, for reporters that need it.
pub type ArticlePath = PathBuf;
