//! The `role-conflict` check kind: two claims, in one article or two, that name different holders
//! of a single-holder office on the same day.
//!
//! Claims are grouped by KB role and day and sorted (O(n log n)); only claims that the person
//! holds the office (status current) on a day-precision date take part, and only for offices the
//! KB marks `single_holder` — an office the KB does not know is skipped. Holders are compared by
//! KB person id, or by the loose key of a full name for people the KB lacks; a surname alone
//! never conflicts.
//!
//! Where the finding goes: on the later claim (article order, then position), with the first
//! claim of the day as `related`. When the KB is certain who held the office that day and one
//! claim agrees with it, the conflict is `tenure`'s to report (on the claim the KB
//! contradicts): one mistake, one finding. One finding per holder per article per day: a name
//! repeated in one article is not reported again.
//!
//! Placeholders for `message` and `help`:
//! - `{date}`: the day, "2025-06-16"
//! - `{role}`: the office, by its first KB title
//! - `{person}`: the holder this claim names, "Koichi Aiboshi"
//! - `{other}`: the holder the other claim names, "Koichi Mizushima"
//! - `{other_file}`: the file of the other claim ("this article" when it is the same)
//!
//! No parameters.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::claims::{
    Holder, article_file, certainly_covered, holder, holder_name, is_current, role_claims,
    role_name, single_holder_role,
};
use super::{CheckContext, Rule};
use crate::extract::RoleClaim;
use crate::finding::{Finding, Related};
use crate::kb::{KbDate, Role, Term};

pub const PLACEHOLDERS: &[&str] = &["date", "role", "person", "other", "other_file"];

/// The kind has no parameters of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params;

rule_file!(RoleConflict {});

/// One claim that takes part: a current holder of a single-holder office on a known day.
struct Entry<'a> {
    role: &'a Role,
    day: NaiveDate,
    article: usize,
    holder: Holder,
    claim: &'a RoleClaim,
}

/// Every pair of claims naming different holders of a single-holder office on the same day.
pub fn check(context: &CheckContext<'_>, rule: &Rule, _params: &Params) -> Vec<Finding> {
    let kb = context.kb;
    let mut entries: Vec<Entry<'_>> = role_claims(context)
        .filter(|(_, claim)| is_current(claim))
        .filter_map(|(article, claim)| {
            let role = single_holder_role(kb, claim)?;
            let when = claim.when?;
            when.day?;
            Some(Entry {
                role,
                day: when.to_naive()?,
                article,
                holder: holder(kb, claim)?,
                claim,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        (
            a.role.id.value.as_str(),
            a.day,
            a.article,
            a.claim.span.start,
        )
            .cmp(&(
                b.role.id.value.as_str(),
                b.day,
                b.article,
                b.claim.span.start,
            ))
    });

    let mut findings = Vec::new();
    for group in entries.chunk_by(|a, b| a.role.id.value == b.role.id.value && a.day == b.day) {
        let first = &group[0];
        if group.iter().all(|entry| entry.holder == first.holder) {
            continue;
        }
        // When the KB is certain who held the office that day, `tenure` reports every claim
        // that names someone else: one mistake, one finding.
        if settled_by_kb(context, group) {
            continue;
        }
        let mut reported: HashSet<(usize, &Holder)> = HashSet::new();
        for entry in group {
            if entry.holder == first.holder || !reported.insert((entry.article, &entry.holder)) {
                continue;
            }
            findings.push(finding(context, rule, entry, first));
        }
    }
    findings
}

/// Whether the KB is certain who held the office that day and one claim of the group names them.
fn settled_by_kb(context: &CheckContext<'_>, group: &[Entry<'_>]) -> bool {
    let first = &group[0];
    let day = KbDate::Day(first.day);
    let terms: Vec<&Term> = context.kb.holders_on(&first.role.id.value, day).collect();
    certainly_covered(&terms, first.day, first.day)
        && group.iter().any(|entry| {
            matches!(&entry.holder, Holder::Known(id) if terms.iter().any(|term| &term.person.value == id))
        })
}

fn finding(
    context: &CheckContext<'_>,
    rule: &Rule,
    entry: &Entry<'_>,
    other: &Entry<'_>,
) -> Finding {
    let kb = context.kb;
    let role = role_name(entry.role).to_string();
    let date = entry.day.to_string();
    let other_name = holder_name(kb, other.claim);
    let other_file = if other.article == entry.article {
        "this article".to_string()
    } else {
        article_file(context, other.article)
    };
    let values = BTreeMap::from([
        ("date", date.clone()),
        ("role", role.clone()),
        ("person", holder_name(kb, entry.claim)),
        ("other", other_name.clone()),
        ("other_file", other_file),
    ]);
    Finding {
        rule: rule.id.clone(),
        level: rule.level,
        article: entry.article,
        span: entry.claim.span.clone(),
        message: rule.message.render(&values),
        help: rule.help.as_ref().map(|help| help.render(&values)),
        related: vec![Related {
            article: other.article,
            span: other.claim.span.clone(),
            message: format!("{other_name} named as the {role} on {date}"),
        }],
    }
}

#[cfg(test)]
mod tests;
