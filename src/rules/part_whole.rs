//! The `part-whole` check kind: a part cannot be larger than its whole ("1,200 employees,
//! including 1,500 engineers"). Extraction reads only phrases that clearly say part-of, with
//! exact counts of the same kind of thing (see `extract::count`), so the check is a comparison.
//!
//! Placeholders for `message` and `help`:
//! - `{part}`: the part's count, "1,500"
//! - `{whole}`: the whole's count, "1,200"
//! - `{part_words}`: the part as written, "1,500 engineers"
//! - `{whole_words}`: the whole as written, "1,200 employees"
//!
//! No parameters.

use std::collections::BTreeMap;

use super::{CheckContext, Rule};
use crate::finding::{Finding, Related};

pub const PLACEHOLDERS: &[&str] = &["part", "whole", "part_words", "whole_words"];

/// The kind has no parameters of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params;

rule_file!(PartWhole {});

/// Every part in the corpus larger than its whole; reported on the part, the whole related.
pub fn check(context: &CheckContext<'_>, rule: &Rule, _params: &Params) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, (article, extraction)) in context.checked_articles() {
        for claim in &extraction.counts {
            if claim.part <= claim.whole {
                continue;
            }
            let words = |span: &std::ops::Range<usize>| {
                article
                    .text
                    .get(span.clone())
                    .unwrap_or_default()
                    .to_string()
            };
            let values = BTreeMap::from([
                ("part", grouped(claim.part)),
                ("whole", grouped(claim.whole)),
                ("part_words", words(&claim.part_span)),
                ("whole_words", words(&claim.whole_span)),
            ]);
            findings.push(Finding {
                rule: rule.id.clone(),
                level: rule.level,
                article: index,
                span: claim.part_span.clone(),
                message: rule.message.render(&values),
                help: rule.help.as_ref().map(|help| help.render(&values)),
                related: vec![Related {
                    article: index,
                    span: claim.whole_span.clone(),
                    message: format!("the whole: {}", grouped(claim.whole)),
                }],
            });
        }
    }
    findings
}

/// "1,500".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
