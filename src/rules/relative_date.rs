//! The `relative-date` check kind: "two weeks after Lee took office" must fit the dates the KB
//! and the sentence give: the anchor's date (the person's KB inauguration, else the start of
//! their KB term) and the date of the event the sentence is about.
//!
//! The days between them, at the precision both dates have (a month-precision "in June 2022"
//! spans thirty days), are compared with the claimed length, within a tolerance that grows with
//! the unit and loosens with the wording:
//! - a length in days may be off by one day, or 10% when larger;
//! - any other unit by half a unit or a quarter of the length, whichever is more ("two weeks"
//!   fits 10 to 18 days, "a month" 15 to 45, "four months" 92 to 152);
//! - "about", "around", "roughly" double the tolerance; "nearly", "almost" double it below and
//!   keep it above; "less than", "under" accept anything up to the length plus the tolerance;
//!   "more than", "over" anything from the length less the tolerance.
//!
//! Only "after"/"before" intervals with an anchor and a measured date are judged; lengths of events
//! ("a two-day visit") and spans ("in less than three months") are not.
//!
//! Placeholders for `message` and `help`:
//! - `{claimed}`: the words, "two weeks after Lee took office"
//! - `{actual}`: the days between the dates, "60 days"
//! - `{anchor}`: the anchor and its KB date, "kr-presidential-inauguration-2025 (2025-06-04)"
//! - `{date}`: the measured date, "2025-08-03"
//!
//! No parameters.

use std::collections::BTreeMap;

use super::events::days;
use super::{CheckContext, Rule};
use crate::extract::{Approximation, IntervalClaim, IntervalRelation, Unit};
use crate::finding::Finding;

pub const PLACEHOLDERS: &[&str] = &["claimed", "actual", "anchor", "date"];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params;

rule_file!(RelativeDate {});

/// Days in one unit, on average.
fn unit_days(unit: Unit) -> Option<f64> {
    Some(match unit {
        Unit::Day => 1.0,
        Unit::Week => 7.0,
        Unit::Fortnight => 14.0,
        Unit::Month => 30.44,
        Unit::Quarter => 91.31,
        Unit::Year => 365.25,
        Unit::Decade => 3652.5,
        Unit::Century => 36525.0,
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Weekend => return None,
    })
}

/// The days a claimed length accepts: `(low, high)`.
pub fn accepted(amount: u32, unit: Unit, approximation: Approximation) -> Option<(f64, f64)> {
    let per_unit = unit_days(unit)?;
    let length = f64::from(amount) * per_unit;
    let tolerance = if unit == Unit::Day {
        (length * 0.1).max(1.0)
    } else {
        (per_unit / 2.0).max(length * 0.25)
    };
    Some(match approximation {
        Approximation::Exact => (length - tolerance, length + tolerance),
        Approximation::About => (length - 2.0 * tolerance, length + 2.0 * tolerance),
        Approximation::Nearly => (length - 2.0 * tolerance, length + tolerance),
        Approximation::LessThan => (0.0, length + tolerance),
        Approximation::MoreThan => (length - tolerance, f64::INFINITY),
    })
}

/// The fewest and most days between anchor and measured event, at their precisions.
fn actual_days(claim: &IntervalClaim) -> Option<(i64, i64)> {
    let anchor = claim.anchor.as_ref()?.date?;
    let (a_first, a_last) = (anchor.first_day(), anchor.last_day());
    let (m_first, m_last) = days(claim.measured_event_date)?;
    match claim.relation {
        IntervalRelation::After => {
            Some(((m_first - a_last).num_days(), (m_last - a_first).num_days()))
        }
        IntervalRelation::Before => {
            Some(((a_first - m_last).num_days(), (a_last - m_first).num_days()))
        }
        IntervalRelation::Lasting | IntervalRelation::Within => None,
    }
}

pub fn check(context: &CheckContext<'_>, rule: &Rule, _params: &Params) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (article, (_, extraction)) in context.checked_articles() {
        for claim in &extraction.intervals {
            let Some((fewest, most)) = actual_days(claim) else {
                continue;
            };
            let Some((low, high)) = accepted(claim.amount, claim.unit, claim.approximation) else {
                continue;
            };
            // Judged only when every reading of the dates falls outside.
            if (most as f64) >= low && (fewest as f64) <= high {
                continue;
            }
            let Some(anchor) = claim.anchor.as_ref() else {
                continue;
            };
            let actual = if fewest == most {
                format!("{fewest} days")
            } else {
                format!("{fewest} to {most} days")
            };
            let anchor_words = format!(
                "{} ({})",
                anchor
                    .event
                    .as_deref()
                    .or(anchor.person.as_deref())
                    .unwrap_or("the anchor"),
                anchor.date.map(|d| d.to_string()).unwrap_or_default()
            );
            let values = BTreeMap::from([
                (
                    "claimed",
                    context.articles[article]
                        .text
                        .get(claim.span.clone())
                        .unwrap_or_default()
                        .to_string(),
                ),
                ("actual", actual),
                ("anchor", anchor_words),
                (
                    "date",
                    claim
                        .measured_event_date
                        .map(|d| d.iso())
                        .unwrap_or_default(),
                ),
            ]);
            findings.push(Finding {
                rule: rule.id.clone(),
                level: rule.level,
                article,
                span: claim.span.clone(),
                message: rule.message.render(&values),
                help: rule.help.as_ref().map(|help| help.render(&values)),
                related: Vec::new(),
            });
        }
    }
    findings
}

#[cfg(test)]
mod tests;
