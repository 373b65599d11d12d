//! Rules: loading the YAML rule files and running the check kinds they extend.
//!
//! A rule is one YAML file, `rules/<id>.yaml`, that `extends:` a built-in check kind (the Rust
//! function that does the checking) and sets the level, the message and help templates and the
//! kind's own parameters, the way Vale styles work. The shipped rules are embedded in the
//! binary; a project's `--rules DIR` adds rules or overrides shipped ones with the same id.

#[macro_use]
mod rule_file;

pub mod anniversary;
mod claims;
pub mod event_date;
mod events;
mod kind;
mod load;
pub mod name_variant;
pub mod ordinal;
pub mod part_whole;
pub mod relative_date;
pub mod role_change;
pub mod role_conflict;
pub mod template;
pub mod tenure;
pub mod weekday;

use std::path::PathBuf;

use rayon::prelude::*;

pub use kind::{Check, KINDS};
pub use load::{ConfigError, RuleSet, parse_rule, value_span};

use crate::corpus::Article;
use crate::extract::Extraction;
use crate::finding::{Finding, Level};
use crate::kb::KbIndex;
use template::Template;

/// What every check sees: the whole corpus, because some kinds compare articles.
/// `extractions[i]` belongs to `articles[i]`.
#[derive(Clone, Copy, Debug)]
pub struct CheckContext<'a> {
    pub articles: &'a [Article],
    pub extractions: &'a [Extraction],
    /// The knowledge base, indexed: who held which office when.
    pub kb: &'a KbIndex<'a>,
    /// Changed-files mode: which articles are reported on (`reported[i]` for `articles[i]`);
    /// the others are context for the cross-article kinds. `None`: every article.
    pub reported: Option<&'a [bool]>,
}

impl<'a> CheckContext<'a> {
    /// Whether findings in `article` are reported (in changed-files mode, only the named
    /// articles'), so a kind that looks at one article at a time can skip the rest.
    pub fn reports_on(&self, article: usize) -> bool {
        is_reported(self.reported, article)
    }

    /// The articles a kind that looks at one article at a time checks, with their extractions
    /// and indexes: in changed-files mode only the reported ones, since the findings of the
    /// rest are dropped.
    pub fn checked_articles(&self) -> impl Iterator<Item = (usize, (&'a Article, &'a Extraction))> {
        let context = *self;
        self.articles
            .iter()
            .zip(self.extractions)
            .enumerate()
            .filter(move |(index, _)| context.reports_on(*index))
    }
}

/// Whether `article`'s findings are reported, given changed-files mode's `reported[i]` for each
/// article (`None`: not in that mode, every article is).
pub fn is_reported(reported: Option<&[bool]>, article: usize) -> bool {
    reported.is_none_or(|reported| reported.get(article) == Some(&true))
}

/// One loaded rule: its id, how serious its findings are, what they say, and the check it runs.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The file stem, kebab-case: what users write in config and what JSON reports.
    pub id: String,
    pub level: Level,
    pub message: Template,
    pub help: Option<Template>,
    pub check: Check,
    pub origin: RuleOrigin,
}

/// Where a rule was defined, so a user can tell a shipped rule from their override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleOrigin {
    Shipped,
    File(PathBuf),
}

/// Runs every rule over the corpus, the rules in parallel; findings come back sorted by
/// article, position and rule.
pub fn run_rules(context: &CheckContext<'_>, rules: &RuleSet) -> Vec<Finding> {
    let rules: Vec<&Rule> = rules.iter().collect();
    let mut findings: Vec<Finding> = rules
        .par_iter()
        .flat_map_iter(|rule| rule.check.run(context, rule))
        .collect();
    findings.sort_by(|a, b| {
        (a.article, a.span.start, a.span.end, &a.rule).cmp(&(
            b.article,
            b.span.start,
            b.span.end,
            &b.rule,
        ))
    });
    findings
}
