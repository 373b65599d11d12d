//! `factlint kb suggest`: the office-holder claims a corpus makes that the knowledge base does
//! not hold, written as KB YAML for a person to review, source and add.
//!
//! Nothing here is trusted as a fact: a claim in an article is a lead, not a source. Every
//! suggested term carries the day it was seen and where, and an empty `source` to fill in.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::corpus::Article;
use crate::extract::{Extraction, RoleClaim, RoleStatus};
use crate::kb::{KbDate, KbIndex, lookup_key};
use crate::report::position::LineIndex;
use crate::time::CalendarDate;

/// One person seen holding one office, with the days and places it was seen.
#[derive(Debug, Default)]
struct Sightings {
    name: String,
    known_person: bool,
    first_seen: Option<CalendarDate>,
    last_seen: Option<CalendarDate>,
    places: Vec<String>,
}

/// An office the suggestions add terms to: a KB role, or a title the KB does not know.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Office {
    Known(String),
    New { id: String, title: String },
}

/// The suggestion for a whole corpus, as YAML text; empty of entries when the KB holds it all.
pub fn suggest(articles: &[Article], extractions: &[Extraction], kb: &KbIndex<'_>) -> String {
    let mut offices: BTreeMap<Office, BTreeMap<String, Sightings>> = BTreeMap::new();
    for (article, extraction) in articles.iter().zip(extractions) {
        let lines = LineIndex::new(&article.text);
        for claim in &extraction.roles {
            let Some(when) = claim.when.filter(|w| w.year.is_some()) else {
                continue;
            };
            if !matches!(claim.status, RoleStatus::Current | RoleStatus::Acting)
                || is_recorded(kb, claim, when)
            {
                continue;
            }
            let office = match &claim.role {
                Some(role) => Office::Known(role.clone()),
                None => Office::New {
                    id: slug(&claim.title),
                    title: article.text[claim.title_span.clone()].to_string(),
                },
            };
            let person_id = claim
                .person
                .person
                .clone()
                .unwrap_or_else(|| slug(&claim.person.full_name));
            let seen = offices
                .entry(office)
                .or_default()
                .entry(person_id)
                .or_default();
            seen.name.clone_from(&claim.person.full_name);
            seen.known_person = claim.person.person.is_some();
            seen.first_seen = Some(seen.first_seen.map_or(when, |d| earlier(d, when)));
            seen.last_seen = Some(seen.last_seen.map_or(when, |d| later(d, when)));
            let position = lines.position(claim.span.start);
            seen.places
                .push(format!("{}:{}", article.path.display(), position.line));
        }
    }
    render(&offices)
}

/// Whether the KB already has a term of this person in this office that may cover the day.
fn is_recorded(kb: &KbIndex<'_>, claim: &RoleClaim, when: CalendarDate) -> bool {
    let (Some(person), Some(role)) = (&claim.person.person, &claim.role) else {
        return false;
    };
    let Some(period) = kb_period(when) else {
        return true;
    };
    kb.terms_of(person).iter().any(|held| {
        let (from, to) = held.term.possible_days();
        held.role.id.value == *role && from <= period.last_day() && period.first_day() <= to
    })
}

fn kb_period(when: CalendarDate) -> Option<KbDate> {
    match (when.year, when.month, when.day) {
        (Some(_), Some(_), Some(_)) => when.to_naive().map(KbDate::Day),
        (Some(year), Some(month), None) => Some(KbDate::Month(year, month)),
        (Some(year), None, _) => Some(KbDate::Year(year)),
        _ => None,
    }
}

fn sort_key(date: CalendarDate) -> (i32, u32, u32) {
    (
        date.year.unwrap_or(0),
        date.month.unwrap_or(0),
        date.day.unwrap_or(0),
    )
}

fn earlier(a: CalendarDate, b: CalendarDate) -> CalendarDate {
    if sort_key(b) < sort_key(a) { b } else { a }
}

fn later(a: CalendarDate, b: CalendarDate) -> CalendarDate {
    if sort_key(b) > sort_key(a) { b } else { a }
}

/// A kebab-case id from a name or title: "Koichi Aiboshi" → "koichi-aiboshi".
fn slug(text: &str) -> String {
    lookup_key(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

fn render(offices: &BTreeMap<Office, BTreeMap<String, Sightings>>) -> String {
    let mut yaml = String::new();
    let terms: usize = offices.values().map(BTreeMap::len).sum();
    let _ = writeln!(
        yaml,
        "# Suggested by `factlint kb suggest`: {terms} office-holder term(s) the corpus names and\n\
         # the knowledge base does not hold. A claim in an article is a lead, not a source: for\n\
         # every entry find a page that states the term, put its URL in `source`, replace the days\n\
         # seen in the corpus with the term's real start (and end), then move it into rules/kb/."
    );
    let mut new_people: BTreeMap<&str, &str> = BTreeMap::new();
    for people in offices.values() {
        for (id, seen) in people {
            if !seen.known_person {
                new_people.insert(id, &seen.name);
            }
        }
    }
    yaml.push_str("people:");
    if new_people.is_empty() {
        yaml.push_str(" []\n");
    } else {
        yaml.push('\n');
        for (id, name) in &new_people {
            let _ = writeln!(
                yaml,
                "  - id: {id}\n    name: {}\n    aliases: []",
                quoted(name)
            );
        }
    }
    yaml.push_str("roles:");
    if offices.is_empty() {
        yaml.push_str(" []\n");
        return yaml;
    }
    yaml.push('\n');
    for (office, people) in offices {
        match office {
            Office::Known(id) => {
                let _ = writeln!(
                    yaml,
                    "  - id: {id}  # in the KB already: add these terms to it"
                );
            }
            Office::New { id, title } => {
                let _ = writeln!(
                    yaml,
                    "  - id: {id}  # not in the KB\n    titles: [{}]\n    single_holder: false  # true if one person holds it at a time",
                    quoted(title)
                );
            }
        }
        yaml.push_str("    terms:\n");
        for (person, seen) in people {
            let first = seen.first_seen.map(CalendarDate::iso).unwrap_or_default();
            let last = seen.last_seen.map(CalendarDate::iso).unwrap_or_default();
            let _ = writeln!(
                yaml,
                "      - person: {person}\n        from: \"{first}\"  # seen in office {first} to {last}: {}; the term began on or before\n        source: \"\"",
                seen.places.join(", ")
            );
        }
    }
    yaml
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_article;
    use crate::extract::PersonMention;
    use crate::kb::Kb;

    fn claim(
        text: &str,
        name: &str,
        title: &str,
        person: Option<&str>,
        role: Option<&str>,
    ) -> RoleClaim {
        let start = text.find(title).unwrap();
        let end = text.find(name).unwrap() + name.len();
        RoleClaim {
            span: start..end,
            person: PersonMention {
                span: text.find(name).unwrap()..end,
                full_name: name.to_string(),
                person: person.map(str::to_string),
            },
            title_span: start..start + title.len(),
            role: role.map(str::to_string),
            title: title.to_lowercase(),
            status: RoleStatus::Current,
            when: Some(CalendarDate {
                year: Some(2021),
                month: Some(12),
                day: Some(27),
            }),
        }
    }

    #[test]
    fn unknown_holders_and_titles_become_yaml_to_review() {
        let text = "Lee met Japanese Ambassador to Seoul Koichi Aiboshi and Chief Envoy Jane Roe.";
        let article = parse_article("a.txt".into(), text.to_string());
        let extraction = Extraction {
            roles: vec![
                claim(
                    text,
                    "Koichi Aiboshi",
                    "Japanese Ambassador to Seoul",
                    None,
                    Some("jp-ambassador-to-kr"),
                ),
                claim(text, "Jane Roe", "Chief Envoy", None, None),
            ],
            ..Extraction::default()
        };
        let kb = Kb::default();
        let yaml = suggest(&[article], &[extraction], &KbIndex::new(&kb));
        assert!(
            yaml.contains("  - id: koichi-aiboshi\n    name: \"Koichi Aiboshi\""),
            "{yaml}"
        );
        assert!(
            yaml.contains("  - id: jp-ambassador-to-kr  # in the KB already"),
            "{yaml}"
        );
        assert!(
            yaml.contains("  - id: chief-envoy  # not in the KB\n    titles: [\"Chief Envoy\"]"),
            "{yaml}"
        );
        assert!(
            yaml.contains(
                "from: \"2021-12-27\"  # seen in office 2021-12-27 to 2021-12-27: a.txt:1"
            ),
            "{yaml}"
        );
        let parsed: serde_json::Value =
            serde_saphyr::from_str(&yaml).expect("the suggestion is YAML");
        assert_eq!(parsed["roles"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn terms_the_kb_holds_are_not_suggested() {
        let kb = Kb::shipped().expect("the shipped KB loads");
        let kb = KbIndex::new(&kb);
        let text = "Japanese Ambassador to Seoul Koichi Aiboshi said.";
        let article = parse_article("a.txt".into(), text.to_string());
        let extraction = Extraction {
            roles: vec![claim(
                text,
                "Koichi Aiboshi",
                "Japanese Ambassador to Seoul",
                Some("koichi-aiboshi"),
                Some("jp-ambassador-to-kr"),
            )],
            ..Extraction::default()
        };
        let yaml = suggest(&[article], &[extraction], &kb);
        assert!(yaml.contains("roles: []"), "{yaml}");
    }
}
