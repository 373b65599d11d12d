//! The `tenure` check kind: a claim that someone holds (or held) an office must agree with the
//! terms the knowledge base records for it.
//!
//! Three claims are judged, each only where the KB is certain:
//! - holding it ("Japanese Ambassador Koichi Aiboshi", "outgoing …", "acting …") when the KB says
//!   someone else held that single-holder office throughout the day, month or year the claim
//!   speaks of;
//! - "former" for someone whose term certainly covers that whole period (the handover day itself
//!   is not judged: news of a handover is written on the day);
//! - "then" for someone the KB never records in that single-holder office, while its terms cover
//!   the period.
//!
//! Never a finding when the KB does not know: no term covers the period (a gap, before the first
//! recorded term, after an office was vacated), the period straddles an imprecise bound (a term
//! "from: 2024-04" may start on any day of April), or the office has several holders at once (its
//! terms do not exclude anyone). A person the KB does not know is judged only under a full name of
//! two or more words. "Late", "-elect" and "nominee" say nothing about holding the office then.
//! "Acting" holders of a suspended or vacant office are often not recorded, so an acting claim is
//! contradicted only by a recorded acting term of someone else; a person's recorded acting term in
//! any office (South Korea's `kr-acting-president`) satisfies it.
//!
//! Placeholders for `message` and `help`:
//! - `{date}`: the day, month or year the claim speaks of, "2025-06-16"
//! - `{role}`: the office, by its first KB title, "Japanese Ambassador to Seoul"
//! - `{person}`: the person as the text names them, "Koichi Aiboshi"
//! - `{holders}`: who held the office then, per the KB, "Koichi Mizushima (from 2024-04-09)"
//! - `{claimed}`: what the text claims instead, to follow "not": the person, or "a former holder"
//! - `{reason}`: why that is wrong, one clause
//! - `{file}`: the KB file recording the office, "rules/kb/japan.yaml"
//! - `{source}`: the sources of the terms cited
//!
//! No parameters.

use std::collections::BTreeMap;

use super::claims::{
    certainly_covered, is_full_name, kb_file, period, person_name, role_claims, role_name, sources,
    terms_words,
};
use super::{CheckContext, Rule};
use crate::extract::{RoleClaim, RoleStatus};
use crate::finding::{Finding, Related};
use crate::kb::{KbDate, KbIndex, Role, Term, lookup_key, may_be_named};

pub const PLACEHOLDERS: &[&str] = &[
    "date", "when", "role", "person", "holders", "claimed", "reason", "file", "source",
];

/// The kind has no parameters of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params;

rule_file!(Tenure {});

/// Every office-holder claim in the corpus that the KB's terms contradict.
pub fn check(context: &CheckContext<'_>, rule: &Rule, _params: &Params) -> Vec<Finding> {
    // One claim against the KB: no other article's claim matters.
    role_claims(context)
        .filter(|(article, _)| context.reports_on(*article))
        .filter_map(|(article, claim)| {
            let problem = judge(context.kb, claim)?;
            Some(finding(context.kb, rule, article, claim, problem))
        })
        .collect()
}

/// What is wrong with one claim, with the KB terms that show it.
struct Problem<'kb> {
    role: &'kb Role,
    period: KbDate,
    /// The terms cited as who held the office then.
    terms: Vec<&'kb Term>,
    what: Wrong,
}

enum Wrong {
    /// Named as holding it when the KB says someone else did.
    NotTheHolder,
    /// Called former while still in office.
    StillInOffice,
    /// Called "then" holder, never having held it.
    NeverHeld,
}

/// The problem with `claim`, if the KB is certain there is one.
fn judge<'kb>(kb: &KbIndex<'kb>, claim: &RoleClaim) -> Option<Problem<'kb>> {
    let role = kb.role(claim.role.as_deref()?)?;
    let period = period(claim.when)?;
    let (first, last) = (period.first_day(), period.last_day());
    let holders: Vec<&Term> = kb.holders_on(&role.id.value, period).collect();
    let person = claim.person.person.as_deref();
    let problem = |terms: Vec<&'kb Term>, what| {
        Some(Problem {
            role,
            period,
            terms,
            what,
        })
    };
    match claim.status {
        RoleStatus::Current | RoleStatus::Outgoing | RoleStatus::Acting => {
            if !role.single_holder || !certainly_covered(&holders, first, last) {
                return None;
            }
            let named = |term: &&Term| match person {
                Some(id) => term.person.value == id,
                None => names_person(kb, &term.person.value, &claim.person.full_name),
            };
            if holders.iter().any(named) {
                return None;
            }
            match (claim.status, person) {
                // Unknown people only under a full name: a surname may be anyone's.
                (_, None) if !is_full_name(&claim.person.full_name) => return None,
                (RoleStatus::Acting, Some(id)) if acts_elsewhere(kb, id, first, last) => {
                    return None;
                }
                (RoleStatus::Acting, _) if !holders.iter().any(|term| term.acting) => return None,
                _ => {}
            }
            problem(holders, Wrong::NotTheHolder)
        }
        RoleStatus::Former => {
            let id = person?;
            let sitting: Vec<&Term> = kb
                .terms_of(id)
                .iter()
                .filter(|held| held.role.id.value == role.id.value)
                .map(|held| held.term)
                .filter(|term| {
                    term.certain_days()
                        .is_some_and(|(start, end)| start < first && end > last)
                })
                .collect();
            if sitting.is_empty() {
                return None;
            }
            problem(sitting, Wrong::StillInOffice)
        }
        RoleStatus::Then => {
            let id = person?;
            if !role.single_holder || !certainly_covered(&holders, first, last) {
                return None;
            }
            let ever_held = kb
                .terms_of(id)
                .iter()
                .any(|held| held.role.id.value == role.id.value);
            if ever_held {
                return None;
            }
            problem(holders, Wrong::NeverHeld)
        }
        RoleStatus::Late | RoleStatus::Elect | RoleStatus::Nominee => None,
    }
}

/// Whether `name` is, or may be a shorter or longer form of, the name or an alias of the KB
/// person `id` ("George Bush" for George W. Bush, "Ferdinand Marcos" for Ferdinand Marcos Jr.:
/// not an error, even though the KB cannot tell which of father and son is meant).
fn names_person(kb: &KbIndex<'_>, id: &str, name: &str) -> bool {
    kb.person(id).is_some_and(|person| {
        let key = lookup_key(name);
        std::iter::once(&person.name)
            .chain(&person.aliases)
            .any(|known| {
                let known_key = lookup_key(known);
                known_key == key
                    || without_generation(&known_key) == without_generation(&key)
                    || may_be_named(known, name)
            })
    })
}

/// A name's lookup key without a generational suffix ("ferdinand marcos jr").
fn without_generation(key: &str) -> &str {
    [" jr", " sr", " ii", " iii", " iv"]
        .iter()
        .find_map(|suffix| key.strip_suffix(suffix))
        .unwrap_or(key)
}

/// Whether `id` may have held some office in an acting capacity during the period.
fn acts_elsewhere(
    kb: &KbIndex<'_>,
    id: &str,
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
) -> bool {
    kb.terms_of(id).iter().any(|held| {
        let (start, end) = held.term.possible_days();
        held.term.acting && start <= last && end >= first
    })
}

fn finding(
    kb: &KbIndex<'_>,
    rule: &Rule,
    article: usize,
    claim: &RoleClaim,
    problem: Problem<'_>,
) -> Finding {
    let role = role_name(problem.role);
    let date = problem.period.to_string();
    let person = claim.person.full_name.clone();
    let (claimed, reason, span, related) = match problem.what {
        Wrong::NotTheHolder => (
            person.clone(),
            format!("the KB records no term of {person} as {role} that covers {date}"),
            claim.person.span.clone(),
            Related {
                article,
                span: claim.title_span.clone(),
                message: format!("the {role} on {date}"),
            },
        ),
        Wrong::StillInOffice => (
            "a former holder".to_string(),
            format!(
                "{} was still in office on {date}, so \"former\" is wrong",
                claim
                    .person
                    .person
                    .as_deref()
                    .map_or(person.as_str(), |id| person_name(kb, id))
            ),
            claim.title_span.clone(),
            Related {
                article,
                span: claim.person.span.clone(),
                message: format!("in office on {date}"),
            },
        ),
        Wrong::NeverHeld => (
            person.clone(),
            format!("the KB records no term of {person} as {role} at any time"),
            claim.person.span.clone(),
            Related {
                article,
                span: claim.title_span.clone(),
                message: format!("\"then\" {role}"),
            },
        ),
    };
    // "On 2025-06-16", but "In 2022-06" and "In 2022": a preposition for the precision.
    let when = if date.len() == 10 {
        format!("On {date}")
    } else {
        format!("In {date}")
    };
    let values = BTreeMap::from([
        ("when", when),
        ("date", date),
        ("role", role.to_string()),
        ("person", person),
        ("holders", terms_words(kb, &problem.terms)),
        ("claimed", claimed),
        ("reason", reason),
        ("file", kb_file(kb.kb(), problem.role)),
        ("source", sources(&problem.terms)),
    ]);
    // The related label would sit on the finding's own words when spans coincide.
    let related = if related.span == span || related.span.is_empty() {
        Vec::new()
    } else {
        vec![related]
    };
    Finding {
        rule: rule.id.clone(),
        level: rule.level,
        article,
        span,
        message: rule.message.render(&values),
        help: rule.help.as_ref().map(|help| help.render(&values)),
        related,
    }
}

#[cfg(test)]
mod tests;
