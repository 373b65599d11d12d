//! The KB file format as serde reads it: strict about keys, lenient about values.
//!
//! Unknown keys and wrong shapes fail parsing (serde-saphyr reports them at file:line:column).
//! Dates stay text and `source` stays optional here, so that `validate` can report every
//! malformed date and every missing source in a file together instead of stopping at the first.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_saphyr::Spanned;

use super::model::EventKind;

/// One `rules/kb/*.yaml` file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct KbDoc {
    #[serde(default)]
    pub people: Vec<PersonEntry>,
    #[serde(default)]
    pub roles: Vec<RoleEntry>,
    #[serde(default)]
    pub events: Vec<Spanned<EventEntry>>,
    #[serde(default)]
    pub series: Vec<SeriesEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PersonEntry {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub nationality: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RoleEntry {
    pub id: Spanned<String>,
    pub titles: Vec<Spanned<String>>,
    pub single_holder: bool,
    #[serde(default)]
    pub terms: Vec<Spanned<TermEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TermEntry {
    pub person: Spanned<String>,
    pub from: Spanned<DateText>,
    #[serde(default)]
    pub to: Option<Spanned<DateText>>,
    #[serde(default)]
    pub acting: bool,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
}

/// An event as written. Its dates are optional here so that a missing or doubled date is
/// reported by `validate` with the event's other problems.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EventEntry {
    pub id: Spanned<String>,
    pub names: Vec<Spanned<String>>,
    #[serde(default)]
    pub date: Option<Spanned<DateText>>,
    #[serde(default)]
    pub from: Option<Spanned<DateText>>,
    #[serde(default)]
    pub to: Option<Spanned<DateText>>,
    pub kind: EventKind,
    #[serde(default)]
    pub participants: Vec<Spanned<String>>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub series: Vec<Spanned<String>>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SeriesEntry {
    pub id: Spanned<String>,
    pub description: String,
    pub counts: String,
    pub kind: EventKind,
    pub participants: Vec<Spanned<String>>,
    #[serde(default)]
    pub since_term_of: Option<Spanned<String>>,
}

/// A date as written, not yet parsed. YAML gives `2025-06-04` and `"2011"` as strings but a bare
/// `2011` as an integer; both are accepted, so a year need not be quoted to load.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct DateText(pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DateText, D::Error> {
        struct DateVisitor;

        impl Visitor<'_> for DateVisitor {
            type Value = DateText;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date: YYYY, YYYY-MM or YYYY-MM-DD")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<DateText, E> {
                Ok(DateText(text.to_string()))
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<DateText, E> {
                Ok(DateText(number.to_string()))
            }

            fn visit_i64<E: de::Error>(self, number: i64) -> Result<DateText, E> {
                Ok(DateText(number.to_string()))
            }
        }

        deserializer.deserialize_any(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_text_whether_quoted_or_not() {
        let yaml = "roles:\n  - id: r\n    titles: [R]\n    single_holder: true\n    terms:\n      - person: p\n        from: 2011\n        to: \"2012-05\"\n      - person: p\n        from: 2013-01-02\n";
        let doc: KbDoc = serde_saphyr::from_str(yaml).unwrap();
        let terms = &doc.roles[0].terms;
        assert_eq!(terms[0].value.from.value, DateText("2011".into()));
        assert_eq!(
            terms[0].value.to.as_ref().unwrap().value,
            DateText("2012-05".into())
        );
        assert_eq!(terms[1].value.from.value, DateText("2013-01-02".into()));
        assert!(terms[1].value.source.is_none());
    }

    #[test]
    fn unknown_keys_are_refused() {
        let yaml = "people:\n  - id: p\n    name: P\n    nationality: KR\n    born: 1963\n";
        let error = serde_saphyr::from_str::<KbDoc>(yaml).unwrap_err();
        assert!(error.to_string().contains("born"), "{error}");
    }

    #[test]
    fn events_and_series_are_read_with_their_kinds() {
        let yaml = "events:\n  - id: e\n    names: [E]\n    from: 2025-06-15\n    to: 2025-06-17\n    kind: phone-call\n    series: [s]\nseries:\n  - id: s\n    description: d\n    counts: c\n    kind: summit\n    participants: [kr-president]\n    since_term_of: kr-president\n";
        let doc: KbDoc = serde_saphyr::from_str(yaml).unwrap();
        let event = &doc.events[0].value;
        assert_eq!(event.kind, EventKind::PhoneCall);
        assert!(event.date.is_none() && event.source.is_none());
        assert_eq!(
            event.to.as_ref().unwrap().value,
            DateText("2025-06-17".into())
        );
        assert_eq!(doc.series[0].kind, EventKind::Summit);
        assert_eq!(
            doc.series[0].since_term_of.as_ref().unwrap().value,
            "kr-president"
        );
    }

    #[test]
    fn an_unknown_event_kind_is_refused() {
        let yaml = "events:\n  - id: e\n    names: []\n    date: 2025\n    kind: party\n";
        let error = serde_saphyr::from_str::<KbDoc>(yaml).unwrap_err();
        assert!(error.to_string().contains("party"), "{error}");
    }

    #[test]
    fn a_date_must_be_a_scalar() {
        let yaml = "roles:\n  - id: r\n    titles: [R]\n    single_holder: true\n    terms:\n      - person: p\n        from: [2011]\n";
        assert!(serde_saphyr::from_str::<KbDoc>(yaml).is_err());
    }
}
