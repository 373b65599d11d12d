//! The offices the corpus names, as the timeline draws them: for each office, the period its
//! claims span (whole years), the KB terms within it, and every claim with its article, date,
//! holder and whether a finding calls it wrong.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;

use super::Input;
use crate::extract::{RoleClaim, RoleStatus};
use crate::finding::Finding;
use crate::kb::{KbDate, Role, Term};
use crate::time::CalendarDate;

/// The check kinds whose findings on an office-holder claim make it a conflict on the timeline.
const CONFLICT_KINDS: &[&str] = &["tenure", "role-conflict", "role-change"];

/// One office and what the page shows of it.
#[derive(Debug)]
pub(super) struct Office<'a> {
    /// The KB role id, or the title as normalised when the KB does not know the office.
    pub key: String,
    /// The office's first KB title, else the title as written in the first claim.
    pub name: String,
    pub role: Option<&'a Role>,
    /// The days drawn: from January 1 of the earliest claim's year to December 31 of the
    /// latest's; `None` when no claim is dated.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The KB terms that touch `period`, by start.
    pub terms: Vec<&'a Term>,
    pub claims: Vec<Claim<'a>>,
}

/// One office-holder claim of an article.
#[derive(Debug)]
pub(super) struct Claim<'a> {
    pub article: usize,
    /// Its index in the article's `Extraction::roles`.
    pub index: usize,
    pub claim: &'a RoleClaim,
    /// The first and last day of the period it speaks of ("in 2022": the whole year), when
    /// that has a year.
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// Whether it says the person holds the office then (not "former", "-elect", "nominee").
    pub holds: bool,
    /// The messages of the findings that call it wrong.
    pub conflicts: Vec<&'a str>,
}

impl Office<'_> {
    /// The people drawn, one row each: KB term holders and claimed holders, by the first day
    /// each appears, as (KB person id or written name, name to show).
    pub fn rows(&self, person_name: impl Fn(&str) -> Option<String>) -> Vec<(String, String)> {
        let mut first_seen: BTreeMap<String, (NaiveDate, String)> = BTreeMap::new();
        let mut see = |key: String, day: NaiveDate, name: String| {
            let entry = first_seen.entry(key).or_insert((day, name));
            entry.0 = entry.0.min(day);
        };
        for term in &self.terms {
            let id = term.person.value.clone();
            let name = person_name(&id).unwrap_or_else(|| id.clone());
            see(id, term.possible_days().0, name);
        }
        for claim in &self.claims {
            see(
                holder_key(claim.claim),
                claim.days.map_or(NaiveDate::MAX, |(first, _)| first),
                claim.claim.person.full_name.clone(),
            );
        }
        let mut rows: Vec<(NaiveDate, String, String)> = first_seen
            .into_iter()
            .map(|(key, (day, name))| (day, key, name))
            .collect();
        rows.sort();
        rows.into_iter().map(|(_, key, name)| (key, name)).collect()
    }
}

/// The row a claim goes in: its KB person, else the name as written.
pub(super) fn holder_key(claim: &RoleClaim) -> String {
    claim
        .person
        .person
        .clone()
        .unwrap_or_else(|| claim.person.full_name.clone())
}

/// Every office named in the corpus: those with a conflict first, then those whose claims
/// name most holders, then by claims and name.
pub(super) fn offices<'a>(input: &Input<'a>) -> Vec<Office<'a>> {
    let conflict_rules: HashSet<&str> = input
        .rules
        .iter()
        .filter(|rule| CONFLICT_KINDS.contains(&rule.kind.as_str()))
        .map(|rule| rule.id.as_str())
        .collect();
    let mut conflicts_in: HashMap<usize, Vec<&'a Finding>> = HashMap::new();
    for finding in input.findings {
        if conflict_rules.contains(finding.rule.as_str()) {
            conflicts_in
                .entry(finding.article)
                .or_default()
                .push(finding);
        }
    }
    let mut by_key: BTreeMap<String, Vec<Claim<'a>>> = BTreeMap::new();
    for (article, extraction) in input.extractions.iter().enumerate() {
        for (index, claim) in extraction.roles.iter().enumerate() {
            let key = claim.role.clone().unwrap_or_else(|| claim.title.clone());
            let conflicts = conflicts_in
                .get(&article)
                .into_iter()
                .flatten()
                .filter(|f| overlaps(&f.span, &claim.span))
                .map(|f| f.message.as_str())
                .collect();
            by_key.entry(key).or_default().push(Claim {
                article,
                index,
                claim,
                days: claim.when.and_then(days_of),
                holds: !matches!(
                    claim.status,
                    RoleStatus::Former | RoleStatus::Late | RoleStatus::Elect | RoleStatus::Nominee
                ),
                conflicts,
            });
        }
    }
    let mut offices: Vec<Office<'a>> = by_key
        .into_iter()
        .map(|(key, claims)| office(input, key, claims))
        .collect();
    offices.sort_by_cached_key(|office| {
        let conflict = office.claims.iter().any(|c| !c.conflicts.is_empty());
        let holders: HashSet<String> = office.claims.iter().map(|c| holder_key(c.claim)).collect();
        (
            !conflict,
            std::cmp::Reverse(holders.len()),
            std::cmp::Reverse(office.claims.len()),
            office.name.clone(),
        )
    });
    offices
}

fn office<'a>(input: &Input<'a>, key: String, claims: Vec<Claim<'a>>) -> Office<'a> {
    let role = input.kb.role(&key);
    let name = role
        .and_then(|role| role.titles.first())
        .map(|title| title.value.clone())
        .or_else(|| {
            // As the first article writes it, capitals and all.
            let first = claims.first()?;
            let words = input.articles[first.article]
                .text
                .get(first.claim.title_span.clone())?;
            Some(words.to_string())
        })
        .unwrap_or_else(|| key.clone());
    let firsts = claims.iter().filter_map(|c| c.days.map(|(first, _)| first));
    let lasts = claims.iter().filter_map(|c| c.days.map(|(_, last)| last));
    let period = firsts.min().zip(lasts.max()).and_then(|(first, last)| {
        use chrono::Datelike;
        NaiveDate::from_ymd_opt(first.year(), 1, 1).zip(NaiveDate::from_ymd_opt(
            last.year(),
            12,
            31,
        ))
    });
    let mut terms: Vec<&Term> = match (role, period) {
        (Some(role), Some((first, last))) => role
            .terms
            .iter()
            .filter(|term| {
                let (start, end) = term.possible_days();
                start <= last && end >= first
            })
            .collect(),
        _ => Vec::new(),
    };
    terms.sort_by_key(|term| term.possible_days());
    Office {
        key,
        name,
        role,
        period,
        terms,
        claims,
    }
}

/// The days a claim's date may mean, when it has a year.
fn days_of(date: CalendarDate) -> Option<(NaiveDate, NaiveDate)> {
    let period = match (date.year?, date.month, date.day) {
        (year, Some(month), Some(day)) => KbDate::Day(NaiveDate::from_ymd_opt(year, month, day)?),
        (year, Some(month), None) => KbDate::Month(year, month),
        (year, None, _) => KbDate::Year(year),
    };
    Some((period.first_day(), period.last_day()))
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
