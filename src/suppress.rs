//! Suppressions: what an article says not to report, applied after the checks and before
//! reporting, and findings about the suppressions themselves.
//!
//! - Markdown comments: `<!-- factlint-disable RULE[, RULE] -->` … `<!-- factlint-enable -->`
//!   (a range; `factlint-enable RULE` ends only that rule's), and
//!   `<!-- factlint-disable-next-line RULE -->` (the next line that is not blank). Without a rule
//!   list they suppress every rule.
//! - Plain text: a line `factlint-disable-next-line RULE[, RULE]`.
//! - Front matter: `factlint: {disable: [RULE]}`, the whole file (read by `corpus`).
//!
//! A finding is suppressed when its first byte is in a suppression's scope. A suppression naming
//! a rule that does not exist is an `unknown-rule` warning; one that suppresses nothing is an
//! `unused-suppression` warning (like ruff's RUF100), unless the rule it names is `off`.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::corpus::Article;
use crate::finding::{Finding, Level};
use crate::rules::RuleSet;

/// A suppression naming a rule that does not exist.
pub const UNKNOWN_RULE: &str = "unknown-rule";
/// A suppression that suppressed nothing.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";
/// factlint's own rules, which `levels:` may set or turn off like any other.
pub const OWN_RULES: &[&str] = &[UNKNOWN_RULE, UNUSED_SUPPRESSION];

/// What factlint's own rules check, for tools that list rules (SARIF).
pub fn describe(rule: &str) -> &'static str {
    match rule {
        UNKNOWN_RULE => {
            "A suppression comment or front-matter key names a rule that does not exist."
        }
        UNUSED_SUPPRESSION => "A suppression suppresses no finding and can be removed.",
        _ => "A factlint rule.",
    }
}

const DISABLE: &str = "factlint-disable";
const DISABLE_NEXT_LINE: &str = "factlint-disable-next-line";
const ENABLE: &str = "factlint-enable";
/// What [`DISABLE`], [`DISABLE_NEXT_LINE`] and [`ENABLE`] begin with.
const KEYWORD_PREFIX: &str = "factlint-";

/// One rule (or every rule, `rule: None`) not reported within `scope`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub rule: Option<String>,
    /// Where the rule id is written (or the whole directive, for every rule): where findings
    /// about the suppression point.
    pub at: Range<usize>,
    /// The bytes of the article whose findings it suppresses.
    pub scope: Range<usize>,
}

/// Every suppression in one article: its front matter's, then its comments and lines in order.
pub fn suppressions(article: &Article) -> Vec<Suppression> {
    let text = article.text.as_str();
    let mut found: Vec<Suppression> = article
        .meta
        .disable
        .iter()
        .map(|(rule, at)| Suppression {
            rule: Some(rule.clone()),
            at: at.clone(),
            scope: 0..text.len(),
        })
        .collect();
    // Ranges still open, as indexes into `found`.
    let mut open: Vec<usize> = Vec::new();
    for directive in directives(text, article.body.clone()) {
        match directive.kind {
            Kind::NextLine => {
                let scope = next_line(text, directive.whole.end);
                push_rules(&mut found, &directive, scope);
            }
            Kind::Disable => {
                let first = found.len();
                push_rules(&mut found, &directive, directive.whole.end..text.len());
                open.extend(first..found.len());
            }
            Kind::Enable => {
                let closes: Vec<&str> = directive.rules.iter().map(|(r, _)| r.as_str()).collect();
                open.retain(|&index| {
                    let suppression = &mut found[index];
                    let ends = match &suppression.rule {
                        None => closes.is_empty(),
                        Some(rule) => closes.is_empty() || closes.contains(&rule.as_str()),
                    };
                    if ends {
                        suppression.scope.end = directive.whole.start;
                    }
                    !ends
                });
            }
        }
    }
    found
}

fn push_rules(found: &mut Vec<Suppression>, directive: &Directive, scope: Range<usize>) {
    if directive.rules.is_empty() {
        found.push(Suppression {
            rule: None,
            at: directive.whole.clone(),
            scope: scope.clone(),
        });
    }
    for (rule, at) in &directive.rules {
        found.push(Suppression {
            rule: Some(rule.clone()),
            at: at.clone(),
            scope: scope.clone(),
        });
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Disable,
    NextLine,
    Enable,
}

/// Rule ids as written, each with its bytes in the article.
type RuleList = Vec<(String, Range<usize>)>;

#[derive(Debug)]
struct Directive {
    kind: Kind,
    /// The comment, or the plain-text line without its line break.
    whole: Range<usize>,
    rules: RuleList,
}

/// The directives in `body`: HTML comments anywhere, and plain-text next-line lines.
fn directives(text: &str, body: Range<usize>) -> Vec<Directive> {
    let mut found = Vec::new();
    // Every keyword starts so; almost no article has one, and `contains` is the fast search.
    if !text[body.clone()].contains(KEYWORD_PREFIX) {
        return found;
    }
    let mut at = body.start;
    while let Some(open) = text[at..body.end].find("<!--") {
        let start = at + open;
        let inner_start = start + 4;
        let Some(close) = text[inner_start..body.end].find("-->") else {
            break;
        };
        let inner_end = inner_start + close;
        let end = inner_end + 3;
        if let Some((kind, rules)) = directive(text, inner_start..inner_end) {
            found.push(Directive {
                kind,
                whole: start..end,
                rules,
            });
        }
        at = end;
    }
    let mut line_start = body.start;
    for line in text[body.clone()].split_inclusive('\n') {
        let range = line_start..line_start + line.trim_end().len();
        line_start += line.len();
        let trimmed = text[range.clone()].trim_start();
        if !trimmed.starts_with(DISABLE_NEXT_LINE) {
            continue;
        }
        if let Some((Kind::NextLine, rules)) = directive(text, range.clone()) {
            found.push(Directive {
                kind: Kind::NextLine,
                whole: range,
                rules,
            });
        }
    }
    found.sort_by_key(|directive| directive.whole.start);
    found
}

/// The kind and rule list of the directive written in `text[range]`, if it is one.
fn directive(text: &str, range: Range<usize>) -> Option<(Kind, RuleList)> {
    let inner = &text[range.clone()];
    let lead = inner.len() - inner.trim_start().len();
    let words = inner.trim_start();
    let (kind, keyword) = [
        (Kind::NextLine, DISABLE_NEXT_LINE),
        (Kind::Disable, DISABLE),
        (Kind::Enable, ENABLE),
    ]
    .into_iter()
    .find(|(_, keyword)| {
        words.strip_prefix(keyword).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c == ',')
        })
    })?;
    let list_start = range.start + lead + keyword.len();
    let list = &text[list_start..range.end];
    let mut rules = Vec::new();
    let mut part_start = 0;
    // Separators may be wider than a byte (a no-break or ideographic space).
    let separators = list
        .char_indices()
        .filter(|&(_, c)| c == ',' || c.is_whitespace())
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain(std::iter::once((list.len(), list.len())));
    for (end, next) in separators {
        if end > part_start {
            let at = list_start + part_start..list_start + end;
            rules.push((list[part_start..end].to_string(), at));
        }
        part_start = next;
    }
    Some((kind, rules))
}

/// The next line after `from` that is not blank (the rest of the line `from` is on excluded).
fn next_line(text: &str, from: usize) -> Range<usize> {
    let mut at = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        if !text[at..end].trim().is_empty() {
            return at..end;
        }
        at = end;
    }
    text.len()..text.len()
}

/// Drops the suppressed findings and adds findings about the suppressions: `known` is every
/// rule id loaded (including those turned `off`), `rules` those in force, `own_levels` what
/// `levels:` set for factlint's own rules (`None` is `off`). In changed-files mode `reported`
/// says which articles are reported on; the others' directives are not read (their findings
/// are dropped anyway). The result is sorted like `run_rules`'s.
pub fn apply(
    articles: &[Article],
    reported: Option<&[bool]>,
    findings: Vec<Finding>,
    known: &[String],
    rules: &RuleSet,
    own_levels: &HashMap<String, Option<Level>>,
) -> Vec<Finding> {
    let level_of = |rule: &str| {
        own_levels
            .get(rule)
            .copied()
            .unwrap_or(Some(Level::Warning))
    };
    let mut by_article: Vec<Vec<(Suppression, bool)>> = articles
        .par_iter()
        .enumerate()
        .map(|(index, article)| {
            if !crate::rules::is_reported(reported, index) {
                return Vec::new();
            }
            suppressions(article)
                .into_iter()
                .map(|suppression| (suppression, false))
                .collect()
        })
        .collect();
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        let mut suppressed = false;
        if let Some(list) = by_article.get_mut(finding.article) {
            for (suppression, used) in list.iter_mut() {
                let rule_matches = suppression.rule.as_ref().is_none_or(|r| *r == finding.rule);
                if rule_matches && suppression.scope.contains(&finding.span.start) {
                    *used = true;
                    suppressed = true;
                }
            }
        }
        if !suppressed {
            kept.push(finding);
        }
    }
    let mut known_list: Vec<&str> = rules.iter().map(|rule| rule.id.as_str()).collect();
    known_list.sort_unstable();
    let known_list = known_list.join(", ");
    for (article, list) in by_article.into_iter().enumerate() {
        for (suppression, used) in list {
            let (rule, level, message, help) = match &suppression.rule {
                Some(id) if !known.contains(id) => (
                    UNKNOWN_RULE,
                    level_of(UNKNOWN_RULE),
                    format!("`{id}` is not a rule, so this suppresses nothing"),
                    format!("the rules in force are: {known_list}"),
                ),
                Some(id) if !used && rules.get(id).is_some() => (
                    UNUSED_SUPPRESSION,
                    level_of(UNUSED_SUPPRESSION),
                    format!("this suppression of `{id}` suppresses nothing"),
                    format!("no `{id}` finding is here any more: remove it"),
                ),
                None if !used => (
                    UNUSED_SUPPRESSION,
                    level_of(UNUSED_SUPPRESSION),
                    "this suppression suppresses nothing".to_string(),
                    "no finding is here any more: remove it".to_string(),
                ),
                _ => continue,
            };
            let Some(level) = level else { continue };
            kept.push(Finding {
                rule: rule.to_string(),
                level,
                article,
                span: suppression.at,
                message,
                help: Some(help),
                related: Vec::new(),
            });
        }
    }
    kept.sort_by(|a, b| {
        (a.article, a.span.start, a.span.end, &a.rule).cmp(&(
            b.article,
            b.span.start,
            b.span.end,
            &b.rule,
        ))
    });
    kept
}

#[cfg(test)]
mod tests;
