//! The `role-change` check kind: the corpus names different holders of a single-holder office at
//! different times, and the knowledge base records no term covering either time — a succession
//! the KB should learn (Japanese Ambassador to Seoul Koichi Aiboshi on 2021-12-27, Koichi
//! Mizushima on 2025-06-16).
//!
//! Claims that the person holds the office (status current) are grouped by KB role and sorted by
//! the period they speak of (O(n log n)); neighbours are compared. A claim whose period any KB
//! term may cover takes no part (`tenure` judges it), nor does an office the KB does not know or
//! one with several holders at once. Two neighbours whose periods overlap are not "different
//! times" (an imprecise date, or `role-conflict`'s business). Each change of holder is reported
//! once per office and pair of holders, on the later claim, with the nearest earlier claim of the
//! other holder as `related`.
//!
//! Placeholders for `message` and `help`:
//! - `{role}`: the office, by its first KB title; `{role_id}`: its KB id
//! - `{earlier}`, `{earlier_date}`, `{earlier_file}`: the earlier holder, the date they are named
//!   in office, and the article that does
//! - `{later}`, `{later_date}`, `{later_file}`: the same for the later holder
//! - `{kb_file}`: the KB file that records the office
//! - `{snippet}`: the `terms:` YAML to complete, on its own lines
//!
//! No parameters.

use std::collections::{BTreeMap, HashSet};

use super::claims::{
    Holder, article_file, holder, holder_name, is_current, kb_file, period, role_claims, role_name,
    single_holder_role, suggested_id,
};
use super::{CheckContext, Rule};
use crate::extract::RoleClaim;
use crate::finding::{Finding, Related};
use crate::kb::{KbDate, Role};

pub const PLACEHOLDERS: &[&str] = &[
    "role",
    "role_id",
    "earlier",
    "earlier_date",
    "earlier_file",
    "later",
    "later_date",
    "later_file",
    "kb_file",
    "snippet",
];

/// The kind has no parameters of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params;

rule_file!(RoleChange {});

/// One claim that takes part: a current holder of a single-holder office at a time no KB term
/// covers.
struct Entry<'a> {
    role: &'a Role,
    period: KbDate,
    article: usize,
    holder: Holder,
    claim: &'a RoleClaim,
}

/// Every change of holder the corpus shows and the KB does not record.
pub fn check(context: &CheckContext<'_>, rule: &Rule, _params: &Params) -> Vec<Finding> {
    let kb = context.kb;
    let mut entries: Vec<Entry<'_>> = role_claims(context)
        .filter(|(_, claim)| is_current(claim))
        .filter_map(|(article, claim)| {
            let role = single_holder_role(kb, claim)?;
            let period = period(claim.when)?;
            if kb.holders_on(&role.id.value, period).next().is_some() {
                return None;
            }
            Some(Entry {
                role,
                period,
                article,
                holder: holder(kb, claim)?,
                claim,
            })
        })
        .collect();
    let key = |entry: &Entry<'_>| {
        (
            entry.period.first_day(),
            entry.period.last_day(),
            entry.article,
            entry.claim.span.start,
        )
    };
    entries.sort_by(|a, b| {
        a.role
            .id
            .value
            .cmp(&b.role.id.value)
            .then_with(|| key(a).cmp(&key(b)))
    });

    let mut findings = Vec::new();
    for group in entries.chunk_by(|a, b| a.role.id.value == b.role.id.value) {
        let mut reported: HashSet<(&Holder, &Holder)> = HashSet::new();
        for pair in group.windows(2) {
            let (earlier, later) = (&pair[0], &pair[1]);
            let different_times = earlier.period.last_day() < later.period.first_day();
            if earlier.holder == later.holder
                || !different_times
                || !reported.insert((&earlier.holder, &later.holder))
            {
                continue;
            }
            findings.push(finding(context, rule, earlier, later));
        }
    }
    findings
}

fn finding(
    context: &CheckContext<'_>,
    rule: &Rule,
    earlier: &Entry<'_>,
    later: &Entry<'_>,
) -> Finding {
    let kb = context.kb;
    let role = role_name(later.role).to_string();
    let earlier_name = holder_name(kb, earlier.claim);
    let later_name = holder_name(kb, later.claim);
    let earlier_date = earlier.period.to_string();
    let later_date = later.period.to_string();
    let values = BTreeMap::from([
        ("role", role.clone()),
        ("role_id", later.role.id.value.clone()),
        ("earlier", earlier_name.clone()),
        ("earlier_date", earlier_date.clone()),
        ("earlier_file", article_file(context, earlier.article)),
        ("later", later_name.clone()),
        ("later_date", later_date.clone()),
        ("later_file", article_file(context, later.article)),
        ("kb_file", kb_file(kb.kb(), later.role)),
        (
            "snippet",
            snippet(earlier, later, &earlier_name, &later_name),
        ),
    ]);
    Finding {
        rule: rule.id.clone(),
        level: rule.level,
        article: later.article,
        span: later.claim.span.clone(),
        message: rule.message.render(&values),
        help: rule.help.as_ref().map(|help| help.render(&values)),
        related: vec![Related {
            article: earlier.article,
            span: earlier.claim.span.clone(),
            message: format!("{earlier_name} named as the {role} on {earlier_date}"),
        }],
    }
}

/// The KB terms to fill in, with what the corpus says about their bounds as comments.
fn snippet(earlier: &Entry<'_>, later: &Entry<'_>, earlier_name: &str, later_name: &str) -> String {
    let person = |entry: &Entry<'_>, name: &str| match &entry.claim.person.person {
        Some(id) => format!("{id}   # in office on {}", entry.period),
        None => format!(
            "{}   # in office on {}; not in the KB yet: add under people:",
            suggested_id(name),
            entry.period
        ),
    };
    let (from, to) = (earlier.period, later.period);
    format!(
        "    terms:\n\
         \x20     - person: {}\n\
         \x20       from: YYYY-MM-DD\n\
         \x20       to: YYYY-MM-DD   # between {from} and {to}\n\
         \x20       source: https://…\n\
         \x20     - person: {}\n\
         \x20       from: YYYY-MM-DD   # between {from} and {to}\n\
         \x20       source: https://…",
        person(earlier, earlier_name),
        person(later, later_name),
    )
}

#[cfg(test)]
mod tests;
