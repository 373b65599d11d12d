//! What to mark in an article's text, and what factlint understood there: each extracted claim
//! (the normalised date, the person and office linked to the KB, the series an ordinal counts,
//! …) and each finding or related place, as plain spans with a description.

use std::collections::HashSet;
use std::ops::Range;

use crate::corpus::DateSource;
use crate::extract::{Anchor, Extraction, Mention, MentionKind, RoleClaim};
use crate::finding::{Finding, Level};
use crate::kb::KbIndex;
use crate::rules::anniversary::ordinal;
use crate::time::long_date;

/// One marked span of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Mark {
    pub span: Range<usize>,
    pub kind: MarkKind,
    /// The element's id, for links to it.
    pub id: Option<String>,
    /// What factlint understood, shown on hover and focus.
    pub tip: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MarkKind {
    /// An extracted claim; the name is its CSS class.
    Claim(&'static str),
    /// The words of finding `index`.
    Finding { index: usize, level: Level },
    /// A place related to finding `index`.
    Related { index: usize },
}

/// Every mark of article `article`: its findings and the related places in it first (so, on
/// equal spans, they wrap the claims), then its claims. `touching` are the indices of the
/// findings with words in it ([`super::findings_by_article`]).
pub(super) fn of_article(
    article: usize,
    extraction: &Extraction,
    findings: &[Finding],
    touching: &[usize],
    kb: &KbIndex<'_>,
) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (index, finding) in touching.iter().map(|&i| (i, &findings[i])) {
        if finding.article == article {
            marks.push(Mark {
                span: finding.span.clone(),
                kind: MarkKind::Finding {
                    index,
                    level: finding.level,
                },
                id: Some(super::finding_mark_id(index)),
                tip: format!("{} {}: {}", finding.level, finding.rule, finding.message),
            });
        }
        for (k, related) in finding.related.iter().enumerate() {
            if related.article == article {
                marks.push(Mark {
                    span: related.span.clone(),
                    kind: MarkKind::Related { index },
                    id: Some(super::related_mark_id(index, k)),
                    tip: format!("related to finding {}: {}", index + 1, related.message),
                });
            }
        }
    }
    claims(article, extraction, kb, &mut marks);
    marks
}

fn claim(span: &Range<usize>, class: &'static str, tip: String) -> Mark {
    Mark {
        span: span.clone(),
        kind: MarkKind::Claim(class),
        id: None,
        tip,
    }
}

fn claims(article: usize, extraction: &Extraction, kb: &KbIndex<'_>, marks: &mut Vec<Mark>) {
    if let Some(published) = &extraction.published
        && let Some(span) = &published.span
    {
        let source = match &published.source {
            DateSource::FrontMatter => "front matter".to_string(),
            DateSource::Text { line } => format!("the text, line {line}"),
            DateSource::Inferred { evidence } => format!("inferred: {evidence}"),
            DateSource::CommandLine => "the command line".to_string(),
        };
        let tip = format!("publication date {} ({source})", published.date.iso());
        marks.push(claim(span, "published", tip));
    }
    for mention in &extraction.mentions {
        marks.push(claim(&mention.span, "date", mention_tip(mention)));
    }
    let named: HashSet<&Range<usize>> = extraction.roles.iter().map(|r| &r.person.span).collect();
    for (k, role) in extraction.roles.iter().enumerate() {
        let mut mark = claim(&role.span, "role", role_tip(role, kb));
        mark.id = Some(super::role_claim_id(article, k));
        marks.push(mark);
    }
    for person in extraction
        .people
        .iter()
        .filter(|p| !named.contains(&p.span))
    {
        let tip = format!(
            "person: {}",
            person_text(&person.full_name, &person.person, kb)
        );
        marks.push(claim(&person.span, "person", tip));
    }
    for event in &extraction.events {
        let mut parts = vec![match event.ordinal {
            Some((n, _)) => format!("event: the {} {}", ordinal(n), event.kind),
            None => format!("event: {}", event.kind),
        }];
        if let Some(date) = event.date {
            parts.push(format!("dated {}", date.iso()));
        }
        if let Some(series) = event.series.as_ref() {
            let counts = kb.series(series);
            parts.push(match counts {
                Some(s) => format!("counts {} (series {series})", s.counts),
                None => format!("counts in series {series}"),
            });
        }
        if let Some(id) = &event.event {
            parts.push(format!("is KB event {id}"));
        }
        if let Some(id) = &event.nth_event {
            parts.push(format!("the ordinal names KB event {id}"));
        }
        marks.push(claim(&event.span, "event", parts.join(" · ")));
    }
    for interval in &extraction.intervals {
        let mut tip = format!(
            "interval: {} {} {:?}(s), {:?}",
            interval.approximation.as_str(),
            interval.amount,
            interval.unit,
            interval.relation
        )
        .to_lowercase();
        if let Some(anchor) = &interval.anchor {
            tip.push_str(&anchor_text(anchor, kb));
        }
        if let Some(date) = interval.measured_event_date {
            tip.push_str(&format!(" · the event measured: {}", date.iso()));
        }
        marks.push(claim(&interval.span, "interval", tip));
    }
    for anniversary in &extraction.anniversaries {
        let mut tip = format!(
            "the {} anniversary of “{}”",
            ordinal(anniversary.n),
            anniversary.event_text
        );
        match (&anniversary.event, &anniversary.stated_event_year) {
            (Some(id), _) => tip.push_str(&format!(" · KB event {id}")),
            (None, Some((year, _))) => tip.push_str(&format!(" · the article dates it {year}")),
            (None, None) => tip.push_str(" · event not known"),
        }
        match anniversary.year {
            Some(year) => tip.push_str(&format!(" · falls in {year}")),
            None => tip.push_str(" · its year is not known"),
        }
        marks.push(claim(&anniversary.span, "anniversary", tip));
    }
    for count in &extraction.counts {
        let tip = format!("a part ({}) of a whole ({})", count.part, count.whole);
        marks.push(claim(&count.span, "count", tip));
    }
}

fn mention_tip(mention: &Mention) -> String {
    let kind = match mention.kind {
        MentionKind::Date => "date",
        MentionKind::Weekday => "weekday",
        MentionKind::RelativeDate => "relative date",
        MentionKind::Duration => "duration",
        MentionKind::Set => "recurring time",
        MentionKind::Time => "time",
    };
    let mut tip = format!(
        "{kind}: {}",
        mention.value.as_deref().unwrap_or("not resolved")
    );
    if let Some(day) = mention.date.and_then(|date| date.to_naive()) {
        tip.push_str(&format!(" ({})", long_date(day)));
    }
    if mention.year_source == crate::extract::YearSource::Publication {
        tip.push_str(" · year taken from the publication date");
    }
    if let Some(tied) = &mention.tied_weekday {
        tip.push_str(&format!(" · weekday written: {}", tied.weekday));
    }
    tip
}

fn role_tip(role: &RoleClaim, kb: &KbIndex<'_>) -> String {
    let office = match role.role.as_ref().and_then(|id| kb.role(id)) {
        Some(known) => format!(
            "{} (KB role {})",
            known.titles.first().map_or("", |t| t.value.as_str()),
            known.id.value
        ),
        None => format!("“{}” (not in the KB)", role.title),
    };
    let mut tip = format!(
        "office: {office} · holder: {} · {:?}",
        person_text(&role.person.full_name, &role.person.person, kb),
        role.status
    )
    .replace("· Current", "· in office")
    .replace("· Former", "· former")
    .replace("· Then", "· then");
    match role.when {
        Some(when) => tip.push_str(&format!(" · as of {}", when.iso())),
        None => tip.push_str(" · date not known"),
    }
    tip
}

/// "Koichi Aiboshi (KB person koichi-aiboshi)" or "Jane Roe (not in the KB)".
fn person_text(name: &str, id: &Option<String>, kb: &KbIndex<'_>) -> String {
    match id.as_ref().and_then(|id| kb.person(id)) {
        Some(person) => format!("{} (KB person {})", person.name, person.id.value),
        None => format!("{name} (not in the KB)"),
    }
}

fn anchor_text(anchor: &Anchor, kb: &KbIndex<'_>) -> String {
    let who = anchor
        .person
        .as_ref()
        .and_then(|id| kb.person(id))
        .map_or("someone", |p| p.name.as_str());
    let mut text = format!(" · counted from {who}'s {}", anchor.kind);
    if let Some(date) = anchor.date {
        text.push_str(&format!(" on {date}"));
    }
    text
}
