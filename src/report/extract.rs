//! The output of `factlint extract`: every article's publication date and mentions, as JSON
//! (version 1) or as one line per mention for people.

use serde::Serialize;

use super::json::{ErrorJson, VERSION, file_name, to_json};
use super::position::LineIndex;
use crate::corpus::{Article, DateSource, Published};
use crate::extract::{
    AnniversaryClaim, EventClaim, Extraction, IntervalClaim, IntervalRelation, Mention,
    MentionKind, PartWholeClaim, RoleClaim, RoleStatus, TimexType, Unit,
};
use crate::finding::InputFailure;
use crate::time::Precision;

#[derive(Serialize)]
struct Document {
    version: u32,
    articles: Vec<ArticleJson>,
    errors: Vec<ErrorJson>,
}

#[derive(Serialize)]
struct ArticleJson {
    file: String,
    published: Option<PublishedJson>,
    mentions: Vec<MentionEntry>,
}

/// A temporal mention or an office-holder claim, in text order in one `mentions` list.
#[derive(Serialize)]
#[serde(untagged)]
enum MentionEntry {
    Temporal(MentionJson),
    Role(RoleJson),
    Event(EventJson),
    Interval(IntervalJson),
    Anniversary(AnniversaryJson),
    PartWhole(PartWholeJson),
}

/// An anniversary claim: kind `anniversary`.
#[derive(Serialize)]
struct AnniversaryJson {
    kind: &'static str,
    text: String,
    n: u32,
    /// The KB event id; `null` when the event is unknown or ambiguous.
    event: Option<String>,
    /// The event's words, normalised.
    event_text: String,
    /// The year the anniversary falls in; `null` when unknown.
    year: Option<i32>,
    line: usize,
    column: usize,
    offset: usize,
    length: usize,
}

/// A count within a count: kind `part-whole`.
#[derive(Serialize)]
struct PartWholeJson {
    kind: &'static str,
    text: String,
    whole: u64,
    part: u64,
    line: usize,
    column: usize,
    offset: usize,
    length: usize,
}

/// An event counted by an ordinal: kind `event`.
#[derive(Serialize)]
struct EventJson {
    kind: &'static str,
    text: String,
    /// The event's kind, as KB files write it (`summit`, `phone-call`).
    event_kind: &'static str,
    ordinal: Option<u32>,
    /// KB person ids.
    participants: Vec<String>,
    /// ISO date at its precision, when the clause dates the event.
    date: Option<String>,
    /// The KB event matched by date, kind and participants.
    event: Option<String>,
    /// The KB series the ordinal counts in.
    series: Option<String>,
    /// The KB event the ordinal names in that series.
    nth_event: Option<String>,
    line: usize,
    column: usize,
    offset: usize,
    length: usize,
}

/// A length of time between events or of one: kind `interval`.
#[derive(Serialize)]
struct IntervalJson {
    kind: &'static str,
    text: String,
    amount: u32,
    unit: &'static str,
    approximation: &'static str,
    relation: &'static str,
    /// The KB event (or person who took office) it counts from.
    anchor: Option<String>,
    anchor_date: Option<String>,
    measured_date: Option<String>,
    line: usize,
    column: usize,
    offset: usize,
    length: usize,
}

/// An office-holder claim: kind `role`.
#[derive(Serialize)]
struct RoleJson {
    kind: &'static str,
    text: String,
    /// The KB person id, or the name as the article gives it.
    person: String,
    /// The full name the claim names (a surname alone stands for the article's full name).
    name: String,
    /// The KB role id, or the normalised title when no KB role is resolved.
    role: String,
    title: String,
    status: &'static str,
    /// ISO date at its precision: the date the claim speaks of.
    when: Option<String>,
    line: usize,
    column: usize,
    offset: usize,
    length: usize,
}

#[derive(Serialize)]
struct PublishedJson {
    date: String,
    precision: Precision,
    source: String,
}

#[derive(Serialize)]
struct MentionJson {
    kind: &'static str,
    text: String,
    value: Option<String>,
    precision: Option<Precision>,
    line: usize,
    column: usize,
    offset: usize,
    length: usize,
    timex: Option<TimexJson>,
}

#[derive(Serialize)]
struct TimexJson {
    #[serde(rename = "type")]
    kind: &'static str,
    value: String,
}

/// The JSON kind name of a mention, kebab-case.
pub fn kind_name(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Date => "date",
        MentionKind::Weekday => "weekday",
        MentionKind::RelativeDate => "relative-date",
        MentionKind::Duration => "duration",
        MentionKind::Set => "set",
        MentionKind::Time => "time",
    }
}

/// The JSON name of a role status, kebab-case.
pub fn status_name(status: RoleStatus) -> &'static str {
    match status {
        RoleStatus::Current => "current",
        RoleStatus::Former => "former",
        RoleStatus::Then => "then",
        RoleStatus::Late => "late",
        RoleStatus::Acting => "acting",
        RoleStatus::Elect => "elect",
        RoleStatus::Nominee => "nominee",
        RoleStatus::Outgoing => "outgoing",
    }
}

fn role_json(text: &str, index: &LineIndex<'_>, claim: &RoleClaim) -> RoleJson {
    let at = index.position(claim.span.start);
    RoleJson {
        kind: "role",
        text: text.get(claim.span.clone()).unwrap_or_default().to_string(),
        person: claim
            .person
            .person
            .clone()
            .unwrap_or_else(|| claim.person.full_name.clone()),
        name: claim.person.full_name.clone(),
        role: claim.role.clone().unwrap_or_else(|| claim.title.clone()),
        title: claim.title.clone(),
        status: status_name(claim.status),
        when: claim.when.map(|when| when.iso()),
        line: at.line,
        column: at.column,
        offset: claim.span.start,
        length: claim.span.len(),
    }
}

fn event_json(text: &str, index: &LineIndex<'_>, claim: &EventClaim) -> EventJson {
    let at = index.position(claim.span.start);
    EventJson {
        kind: "event",
        text: text.get(claim.span.clone()).unwrap_or_default().to_string(),
        event_kind: claim.kind.as_str(),
        ordinal: claim.ordinal.as_ref().map(|(n, _)| *n),
        participants: claim.participants.clone(),
        date: claim.date.map(|date| date.iso()),
        event: claim.event.clone(),
        series: claim.series.clone(),
        nth_event: claim.nth_event.clone(),
        line: at.line,
        column: at.column,
        offset: claim.span.start,
        length: claim.span.len(),
    }
}

/// The JSON name of a unit of time.
pub fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "second",
        Unit::Minute => "minute",
        Unit::Hour => "hour",
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Weekend => "weekend",
        Unit::Fortnight => "fortnight",
        Unit::Month => "month",
        Unit::Quarter => "quarter",
        Unit::Year => "year",
        Unit::Decade => "decade",
        Unit::Century => "century",
    }
}

fn interval_json(text: &str, index: &LineIndex<'_>, claim: &IntervalClaim) -> IntervalJson {
    let at = index.position(claim.span.start);
    let anchor = claim.anchor.as_ref();
    IntervalJson {
        kind: "interval",
        text: text.get(claim.span.clone()).unwrap_or_default().to_string(),
        amount: claim.amount,
        unit: unit_name(claim.unit),
        approximation: claim.approximation.as_str(),
        relation: match claim.relation {
            IntervalRelation::After => "after",
            IntervalRelation::Before => "before",
            IntervalRelation::Lasting => "lasting",
            IntervalRelation::Within => "within",
        },
        anchor: anchor.and_then(|a| a.event.clone().or_else(|| a.person.clone())),
        anchor_date: anchor.and_then(|a| a.date).map(|d| d.to_string()),
        measured_date: claim.measured_event_date.map(|d| d.iso()),
        line: at.line,
        column: at.column,
        offset: claim.span.start,
        length: claim.span.len(),
    }
}

fn anniversary_json(
    text: &str,
    index: &LineIndex<'_>,
    claim: &AnniversaryClaim,
) -> AnniversaryJson {
    let at = index.position(claim.span.start);
    AnniversaryJson {
        kind: "anniversary",
        text: text.get(claim.span.clone()).unwrap_or_default().to_string(),
        n: claim.n,
        event: claim.event.clone(),
        event_text: claim.event_text.clone(),
        year: claim.year,
        line: at.line,
        column: at.column,
        offset: claim.span.start,
        length: claim.span.len(),
    }
}

fn part_whole_json(text: &str, index: &LineIndex<'_>, claim: &PartWholeClaim) -> PartWholeJson {
    let at = index.position(claim.span.start);
    PartWholeJson {
        kind: "part-whole",
        text: text.get(claim.span.clone()).unwrap_or_default().to_string(),
        whole: claim.whole,
        part: claim.part,
        line: at.line,
        column: at.column,
        offset: claim.span.start,
        length: claim.span.len(),
    }
}

fn timex_type(kind: TimexType) -> &'static str {
    match kind {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Where a publication date came from: `front-matter`, `text:3`, `inferred: <evidence>`,
/// `command-line`.
pub fn source_name(source: &DateSource) -> String {
    match source {
        DateSource::FrontMatter => "front-matter".to_string(),
        DateSource::Text { line } => format!("text:{line}"),
        DateSource::Inferred { evidence } => format!("inferred: {evidence}"),
        DateSource::CommandLine => "command-line".to_string(),
    }
}

fn published_json(published: &Published) -> PublishedJson {
    PublishedJson {
        date: published.date.iso(),
        precision: published.date.precision(),
        source: source_name(&published.source),
    }
}

fn mention_json(text: &str, index: &LineIndex<'_>, mention: &Mention) -> MentionJson {
    let at = index.position(mention.span.start);
    MentionJson {
        kind: kind_name(mention.kind),
        text: text
            .get(mention.span.clone())
            .unwrap_or_default()
            .to_string(),
        value: mention.value.clone(),
        precision: mention.precision,
        line: at.line,
        column: at.column,
        offset: mention.span.start,
        length: mention.span.len(),
        timex: mention.timex().map(|(kind, value)| TimexJson {
            kind: timex_type(kind),
            value: value.to_string(),
        }),
    }
}

/// Temporal mentions, role, anniversary and part-whole claims merged in text order.
fn mention_entries(
    text: &str,
    index: &LineIndex<'_>,
    extraction: &Extraction,
) -> Vec<MentionEntry> {
    let mut entries: Vec<(usize, MentionEntry)> = extraction
        .mentions
        .iter()
        .map(|mention| {
            (
                mention.span.start,
                MentionEntry::Temporal(mention_json(text, index, mention)),
            )
        })
        .chain(extraction.roles.iter().map(|claim| {
            (
                claim.span.start,
                MentionEntry::Role(role_json(text, index, claim)),
            )
        }))
        .chain(extraction.events.iter().map(|claim| {
            (
                claim.span.start,
                MentionEntry::Event(event_json(text, index, claim)),
            )
        }))
        .chain(extraction.intervals.iter().map(|claim| {
            (
                claim.span.start,
                MentionEntry::Interval(interval_json(text, index, claim)),
            )
        }))
        .chain(extraction.anniversaries.iter().map(|claim| {
            (
                claim.span.start,
                MentionEntry::Anniversary(anniversary_json(text, index, claim)),
            )
        }))
        .chain(extraction.counts.iter().map(|claim| {
            (
                claim.span.start,
                MentionEntry::PartWhole(part_whole_json(text, index, claim)),
            )
        }))
        .collect();
    // Stable: at one offset, temporal mentions first.
    entries.sort_by_key(|(start, _)| *start);
    entries.into_iter().map(|(_, entry)| entry).collect()
}

/// `extractions[i]` belongs to `articles[i]`.
pub fn render_json(
    articles: &[Article],
    extractions: &[Extraction],
    failures: &[InputFailure],
) -> String {
    let articles = articles
        .iter()
        .zip(extractions)
        .map(|(article, extraction)| {
            let index = LineIndex::new(&article.text);
            ArticleJson {
                file: file_name(article),
                published: extraction.published.as_ref().map(published_json),
                mentions: mention_entries(&article.text, &index, extraction),
            }
        })
        .collect();
    to_json(&Document {
        version: VERSION,
        articles,
        errors: ErrorJson::of(failures),
    })
}

/// One header line per article, then one line per mention: `file:line:column kind "text" value`.
pub fn render_human(articles: &[Article], extractions: &[Extraction]) -> String {
    let mut out = String::new();
    for (article, extraction) in articles.iter().zip(extractions) {
        let file = file_name(article);
        match &extraction.published {
            Some(published) => out.push_str(&format!(
                "{file}: published {} ({})\n",
                published.date.iso(),
                source_name(&published.source)
            )),
            None => out.push_str(&format!("{file}: publication date unknown\n")),
        }
        let index = LineIndex::new(&article.text);
        for mention in &extraction.mentions {
            let json = mention_json(&article.text, &index, mention);
            out.push_str(&format!(
                "  {file}:{}:{} {} {:?} {}\n",
                json.line,
                json.column,
                json.kind,
                json.text,
                json.value.as_deref().unwrap_or("-")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Metadata;
    use crate::extract::YearSource;
    use crate::time::CalendarDate;

    #[test]
    fn articles_list_publication_and_mentions() {
        let text = "Published Jan 16\nLee met Aso on Friday.\n";
        let friday = text.find("Friday").unwrap();
        let articles = [Article {
            path: "corpus/004.txt".into(),
            text: text.into(),
            body: 0..text.len(),
            meta: Metadata::default(),
        }];
        let extractions = [Extraction {
            published: Some(Published {
                date: CalendarDate {
                    year: Some(2026),
                    month: Some(1),
                    day: Some(16),
                },
                source: DateSource::Inferred {
                    evidence: "the previous year".into(),
                },
                span: None,
            }),
            mentions: vec![Mention {
                span: friday..friday + 6,
                kind: MentionKind::Weekday,
                value: Some("2026-01-16".into()),
                precision: Some(Precision::Day),
                date: None,
                year_source: YearSource::Publication,
                tied_weekday: None,
                timex_type: Some(TimexType::Date),
                timex_value: None,
            }],
            ..Extraction::default()
        }];
        let json: serde_json::Value =
            serde_json::from_str(&render_json(&articles, &extractions, &[])).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "version": 1,
                "articles": [{
                    "file": "corpus/004.txt",
                    "published": {"date": "2026-01-16", "precision": "day",
                                  "source": "inferred: the previous year"},
                    "mentions": [{"kind": "weekday", "text": "Friday", "value": "2026-01-16",
                                  "precision": "day", "line": 2, "column": 16,
                                  "offset": friday, "length": 6,
                                  "timex": {"type": "DATE", "value": "2026-01-16"}}]
                }],
                "errors": []
            })
        );
        assert_eq!(
            render_human(&articles, &extractions),
            "corpus/004.txt: published 2026-01-16 (inferred: the previous year)\n  \
             corpus/004.txt:2:16 weekday \"Friday\" 2026-01-16\n"
        );
    }

    #[test]
    fn role_claims_are_mentions_of_kind_role() {
        use crate::extract::PersonMention;
        let text = "Former President Yoon Suk Yeol met then Prime Minister Fumio Kishida.\n";
        let kishida = text.find("Fumio").unwrap();
        let title = text.find("Prime").unwrap();
        let articles = [Article {
            path: "corpus/003.txt".into(),
            text: text.into(),
            body: 0..text.len(),
            meta: Metadata::default(),
        }];
        let extractions = [Extraction {
            roles: vec![RoleClaim {
                span: title - 5..kishida + 13,
                person: PersonMention {
                    span: kishida..kishida + 13,
                    full_name: "Fumio Kishida".into(),
                    person: Some("fumio-kishida".into()),
                },
                title_span: title - 5..title + 14,
                role: Some("jp-prime-minister".into()),
                title: "prime minister".into(),
                status: RoleStatus::Then,
                when: Some(CalendarDate {
                    year: Some(2022),
                    month: Some(6),
                    day: None,
                }),
            }],
            ..Extraction::default()
        }];
        let json: serde_json::Value =
            serde_json::from_str(&render_json(&articles, &extractions, &[])).unwrap();
        assert_eq!(
            json["articles"][0]["mentions"][0],
            serde_json::json!({
                "kind": "role", "text": "then Prime Minister Fumio Kishida",
                "person": "fumio-kishida", "name": "Fumio Kishida",
                "role": "jp-prime-minister", "title": "prime minister", "status": "then",
                "when": "2022-06", "line": 1, "column": 36, "offset": title - 5, "length": 33
            })
        );
    }

    #[test]
    fn source_names() {
        assert_eq!(source_name(&DateSource::Text { line: 3 }), "text:3");
        assert_eq!(source_name(&DateSource::CommandLine), "command-line");
        assert_eq!(source_name(&DateSource::FrontMatter), "front-matter");
    }
}
