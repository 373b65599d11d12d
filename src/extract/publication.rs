//! Completing a publication date from evidence in the text, never by guessing.
//!
//! Scraped pages often give the day without the year ("Seoul, Jan 16 (NationPress)") or no
//! date at all, only a caption "on June 17" and a lead that says "Tuesday". The year is filled
//! in only when exactly one year fits all the evidence: the lead's weekday, no earlier than the
//! latest year the text itself names, and no later than today.

use chrono::{Datelike, NaiveDate, Weekday};

use super::expr::{Expr, Shift};
use super::scan::Found;
use crate::corpus::{Article, DateSource, Published};
use crate::extract::{RoleClaim, RoleStatus};
use crate::kb::KbIndex;
use crate::time::{CalendarDate, weekday_name};

/// How far into the body the lead (dateline, caption, first paragraph) reaches, in bytes.
const LEAD_BYTES: usize = 1500;

/// A person the article names as holding an office now, with the days the knowledge base
/// says they held it: the publication day must fall within one of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SittingHolder {
    /// "Sanae Takaichi as Japanese Prime Minister", for the evidence note.
    pub description: String,
    pub terms: Vec<(NaiveDate, NaiveDate)>,
}

/// The people an article names as holding an office now, with their KB terms in it. A nominee
/// counts only for an office that is itself a nomination ("prime minister nominee"), whose
/// terms are the nomination; "nominee for president" says nothing about the presidency's dates.
pub fn sitting_holders(claims: &[RoleClaim], kb: &KbIndex<'_>) -> Vec<SittingHolder> {
    let mut holders: Vec<SittingHolder> = Vec::new();
    for claim in claims {
        let (Some(person), Some(role)) = (&claim.person.person, &claim.role) else {
            continue;
        };
        let Some(office) = kb.role(role) else {
            continue;
        };
        let in_office = match claim.status {
            RoleStatus::Current | RoleStatus::Acting | RoleStatus::Outgoing => true,
            RoleStatus::Nominee | RoleStatus::Elect => office.titles.iter().all(|title| {
                let title = title.value.to_ascii_lowercase();
                ["nominee", "candidate", "designate", "elect"]
                    .iter()
                    .any(|w| title.contains(w))
            }),
            RoleStatus::Former | RoleStatus::Then | RoleStatus::Late => false,
        };
        let terms: Vec<(NaiveDate, NaiveDate)> = kb
            .terms_of(person)
            .iter()
            .filter(|held| held.role.id.value == *role)
            .map(|held| held.term.possible_days())
            .collect();
        if !in_office || terms.is_empty() {
            continue;
        }
        let title = office
            .titles
            .first()
            .map_or(role.as_str(), |t| t.value.as_str());
        let description = format!("{} as {title}", claim.person.full_name);
        if !holders.iter().any(|h| h.terms == terms) {
            holders.push(SittingHolder { description, terms });
        }
    }
    holders
}

/// The article's publication date, completed from the text's own evidence when partial.
pub fn complete(
    article: &Article,
    found: &[Found],
    holders: &[SittingHolder],
    today: NaiveDate,
) -> Option<Published> {
    let published = article.meta.published.clone();
    if published.as_ref().is_some_and(|p| p.date.year.is_some()) {
        return published;
    }
    let lead_end = article.body.start + LEAD_BYTES;
    let in_lead = |f: &&Found| f.span.start < lead_end;
    let (month, day, span) = match &published {
        Some(Published {
            date:
                CalendarDate {
                    month: Some(month),
                    day: Some(day),
                    ..
                },
            span,
            ..
        }) => (*month, *day, span.clone()),
        Some(_) => return published,
        None => match latest_yearless_day(found.iter().filter(in_lead)) {
            Some((month, day, span)) => (month, day, Some(span)),
            None => {
                let weekday = lead_weekday(found.iter().filter(in_lead));
                return within_terms(holders, weekday, today);
            }
        },
    };
    let weekday = lead_weekday(found.iter().filter(in_lead));
    // The years worth trying: from the latest the text names, or the earliest a holder took
    // office, to this year.
    let earliest_term = holders
        .iter()
        .filter_map(|h| h.terms.iter().map(|(from, _)| from.year()).min())
        .max();
    let Some(earliest) = latest_stated_year(found).max(earliest_term) else {
        return published;
    };
    if weekday.is_none() && holders.is_empty() {
        return published;
    }
    let fits = |year: i32| {
        NaiveDate::from_ymd_opt(year, month, day).is_some_and(|date| {
            date <= today
                && weekday.is_none_or(|w| date.weekday() == w)
                && holders.iter().all(|h| {
                    h.terms
                        .iter()
                        .any(|(from, to)| *from <= date && date <= *to)
                })
        })
    };
    let years: Vec<i32> = (earliest..=today.year())
        .filter(|&year| fits(year))
        .collect();
    let [year] = years[..] else {
        return published;
    };
    let mut evidence: Vec<String> = Vec::new();
    if let Some(weekday) = weekday {
        evidence.push(format!("the lead's {}", weekday_name(weekday)));
    }
    if !holders.is_empty() {
        evidence.push(holders_named(holders));
    }
    Some(Published {
        date: CalendarDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        },
        source: DateSource::Inferred {
            evidence: format!(
                "{month}/{day} fits {} only in {year} between {earliest} and {}",
                evidence.join(" and "),
                today.year()
            ),
        },
        span,
    })
}

/// With no date on the page at all, the days on which every office holder the article names
/// as sitting was in office (and, if the lead names a weekday, that weekday), told at the
/// precision they agree on: a day, a month or a year.
fn within_terms(
    holders: &[SittingHolder],
    weekday: Option<Weekday>,
    today: NaiveDate,
) -> Option<Published> {
    // The window all holders share; terms are unions of intervals, so walk the days of the
    // narrowest holder's terms and keep those every other holder covers.
    let narrowest = holders.iter().min_by_key(|h| {
        h.terms
            .iter()
            .map(|(from, to)| ((*to).min(today) - *from).num_days().max(0))
            .sum::<i64>()
    })?;
    let mut first: Option<NaiveDate> = None;
    let mut last: Option<NaiveDate> = None;
    for (from, to) in &narrowest.terms {
        let mut day = *from;
        while day <= (*to).min(today) {
            let fits = weekday.is_none_or(|w| day.weekday() == w)
                && holders
                    .iter()
                    .all(|h| h.terms.iter().any(|(f, t)| *f <= day && day <= *t));
            if fits {
                first = Some(first.map_or(day, |d| d.min(day)));
                last = Some(last.map_or(day, |d| d.max(day)));
            }
            day = day.succ_opt()?;
        }
    }
    let (first, last) = (first?, last?);
    let date = if first == last {
        CalendarDate::full(first)
    } else if (first.year(), first.month()) == (last.year(), last.month()) {
        CalendarDate {
            year: Some(first.year()),
            month: Some(first.month()),
            day: None,
        }
    } else if first.year() == last.year() {
        CalendarDate {
            year: Some(first.year()),
            month: None,
            day: None,
        }
    } else {
        return None;
    };
    let mut evidence = vec![holders_named(holders)];
    if let Some(weekday) = weekday {
        evidence.push(format!("the lead's {}", weekday_name(weekday)));
    }
    Some(Published {
        date,
        source: DateSource::Inferred {
            evidence: format!("{} fit only {} to {}", evidence.join(" and "), first, last),
        },
        span: None,
    })
}

/// "Sanae Takaichi as Japanese Prime Minister", or the first three and how many more.
fn holders_named(holders: &[SittingHolder]) -> String {
    let named: Vec<&str> = holders
        .iter()
        .take(3)
        .map(|h| h.description.as_str())
        .collect();
    match holders.len() {
        0..=3 => named.join(", "),
        n => format!("{} and {} more office holders", named.join(", "), n - 3),
    }
}

/// The latest day of the year among dates the lead gives without a year ("on June 17").
fn latest_yearless_day<'a>(
    found: impl Iterator<Item = &'a Found>,
) -> Option<(u32, u32, std::ops::Range<usize>)> {
    found
        .filter_map(|f| match &f.expr {
            Expr::Calendar {
                date:
                    CalendarDate {
                        year: None,
                        month: Some(month),
                        day: Some(day),
                    },
                ..
            } => Some((*month, *day, f.span.clone())),
            _ => None,
        })
        .max_by_key(|(month, day, _)| (*month, *day))
}

/// The first weekday the lead names alone ("met on Tuesday"): news copy dates the lead's
/// event by its weekday, and the event is the news of the day.
fn lead_weekday<'a>(found: impl Iterator<Item = &'a Found>) -> Option<Weekday> {
    found.into_iter().find_map(|f| match f.expr {
        Expr::Weekday {
            weekday,
            shift: Shift::None,
            ..
        } => Some(weekday),
        _ => None,
    })
}

/// The latest year the text names: the article cannot be older than what it reports.
fn latest_stated_year(found: &[Found]) -> Option<i32> {
    found
        .iter()
        .filter_map(|f| match f.expr {
            Expr::Calendar {
                date: CalendarDate {
                    year: Some(year), ..
                },
                ..
            } => Some(year),
            Expr::YearRange { to, .. } => Some(to),
            _ => None,
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_article;
    use crate::extract::scan::scan;

    fn completed(text: &str) -> Option<Published> {
        let article = parse_article("a.txt".into(), text.to_string());
        let found = scan(&article.text, article.body.clone());
        complete(
            &article,
            &found,
            &[],
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        )
    }

    #[test]
    fn a_caption_date_and_the_leads_weekday_fix_the_year() {
        let text = "Lee meets Ishiba\n\nPresident Lee sits with Prime Minister Ishiba on June 17. [POOL]\n\n\
            KANANASKIS, Canada — Lee met Ishiba on the margins of the G7 summit Tuesday.\n\
            Yoon met Kishida in September 2022 on the margins of the UN General Assembly.\n";
        let published = completed(text).expect("a date");
        assert_eq!(published.date.iso(), "2025-06-17");
        assert!(matches!(published.source, DateSource::Inferred { .. }));
    }

    #[test]
    fn a_dateline_day_stays_partial_when_several_years_fit() {
        let text = "Seoul, Jan 16 (NationPress) Lee emphasized on Friday the need for ties.\n\
            A flood in 1942 claimed 183 lives.\n";
        let published = completed(text).expect("the dateline day");
        assert_eq!(published.date.iso(), "XXXX-01-16");
    }

    #[test]
    fn a_sitting_office_holder_narrows_the_year() {
        let text = "Seoul, Jan 16 (NationPress) Lee emphasized on Friday the need for ties.\n\
            A flood in 1942 claimed 183 lives.\n";
        let article = parse_article("a.txt".into(), text.to_string());
        let found = scan(&article.text, article.body.clone());
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let takaichi = SittingHolder {
            description: "Sanae Takaichi as Japanese Prime Minister".into(),
            terms: vec![(day(2025, 10, 21), NaiveDate::MAX)],
        };
        let published = complete(&article, &found, &[takaichi], day(2026, 11, 22)).unwrap();
        assert_eq!(published.date.iso(), "2026-01-16");
        let DateSource::Inferred { evidence } = published.source else {
            panic!("inferred")
        };
        assert!(evidence.contains("Sanae Takaichi"), "{evidence}");
    }

    #[test]
    fn office_holders_alone_give_the_month_they_agree_on() {
        let text = "Prime Minister nominee Kim Min-seok on Monday met a Japanese official.\n";
        let article = parse_article("a.txt".into(), text.to_string());
        let found = scan(&article.text, article.body.clone());
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let holders = [
            SittingHolder {
                description: "Kim Min-seok as prime minister nominee".into(),
                terms: vec![(day(2025, 6, 4), day(2025, 7, 3))],
            },
            SittingHolder {
                description: "Lee Jae-myung as president".into(),
                terms: vec![(day(2025, 6, 4), NaiveDate::MAX)],
            },
        ];
        // Mondays in the window: June 9, 16, 23 and 30 — the month is certain, the day is not.
        let published = complete(&article, &found, &holders, day(2026, 11, 22)).unwrap();
        assert_eq!(published.date.iso(), "2025-06");
        assert!(complete(&article, &found, &[], day(2026, 11, 22)).is_none());
    }

    #[test]
    fn no_lead_weekday_means_no_year() {
        let text = "Seoul, Jan 16 (NationPress) Lee emphasized the need for ties in 2025.\n";
        assert_eq!(completed(text).expect("the dateline day").date.year, None);
    }

    #[test]
    fn a_date_deep_in_the_page_is_not_the_publication_date() {
        let filler = "Filler sentence about nothing in particular. ".repeat(40);
        let text =
            format!("Headline\n\n{filler}\nHe took office on June 4 and spoke Monday in 2025.\n");
        assert_eq!(completed(&text), None);
    }
}
