//! The KB's problems as miette diagnostics: one type per kind of mistake, each labelled on the
//! YAML node at fault, and the helpers that turn serde-saphyr locations into labelled spans.

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde_saphyr::Location;

use super::model::{EventKind, KbDate, KbFile};

pub(super) fn named(file: &KbFile) -> NamedSource<String> {
    NamedSource::new(&file.name, file.yaml.clone())
}

/// The bytes of a YAML node. serde-saphyr records byte offsets for string input; a mapping's
/// location has no length, so it is widened to the rest of its first line.
// TODO(lead): `rules::load::value_span` does the same for rule files; share one helper.
pub(super) fn node_span(yaml: &str, at: &Location) -> SourceSpan {
    let start = at
        .span()
        .byte_offset()
        .map(|offset| offset as usize)
        .filter(|&offset| yaml.is_char_boundary(offset))
        .unwrap_or(0);
    let line_end = yaml[start..].find('\n').map_or(yaml.len(), |i| start + i);
    let len = at
        .span()
        .byte_len()
        .map(|len| len as usize)
        .filter(|&len| len > 0 && start + len <= yaml.len())
        .unwrap_or(line_end - start);
    SourceSpan::new(start.into(), len)
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("`{text}` is not a date: {reason}")]
#[diagnostic(
    code(factlint::kb::bad_date),
    help("write the precision known: YYYY-MM-DD, \"YYYY-MM\" or \"YYYY\"")
)]
pub(super) struct BadDate {
    pub(super) text: String,
    pub(super) reason: String,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("not a date")]
    pub(super) span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the term of `{person}` has no source")]
#[diagnostic(
    code(factlint::kb::missing_source),
    help("add `source:` with the URL of a public page that states the term")
)]
pub(super) struct MissingSource {
    pub(super) person: String,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("this term needs a `source:`")]
    pub(super) span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the source `{url}` is not a URL")]
#[diagnostic(
    code(factlint::kb::missing_source),
    help("a source is the http(s) URL of a public page that states the fact")
)]
pub(super) struct NotAUrl {
    pub(super) url: String,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("not a URL")]
    pub(super) span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("unknown person `{person}`")]
#[diagnostic(
    code(factlint::kb::unknown_person),
    help("a term's `person:` is the id of an entry under `people:` in any KB file")
)]
pub(super) struct UnknownPerson {
    pub(super) person: String,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("no person has this id")]
    pub(super) span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("duplicate {kind} id `{id}`")]
#[diagnostic(
    code(factlint::kb::duplicate_id),
    help("ids are unique across all KB files: rename one, or merge the two entries")
)]
pub(super) struct DuplicateId {
    pub(super) kind: &'static str,
    pub(super) id: String,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("defined again here")]
    pub(super) span: SourceSpan,
    #[related]
    pub(super) first: Vec<FirstHere>,
}

/// Where something was first defined, shown beneath the problem with its own snippet, since it
/// may be in another file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("first defined here")]
#[diagnostic(severity(Advice))]
pub(super) struct FirstHere {
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("first")]
    pub(super) span: SourceSpan,
}

impl FirstHere {
    pub(super) fn new(file: &KbFile, at: &Location) -> FirstHere {
        FirstHere {
            src: named(file),
            span: node_span(&file.yaml, at),
        }
    }
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the title `{title}` already names `{owner}`")]
#[diagnostic(
    code(factlint::kb::shared_title),
    help(
        "a title names one role only, across all KB files, so a check knows which office it means"
    )
)]
pub(super) struct SharedTitle {
    pub(super) title: String,
    pub(super) owner: String,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("also claimed here")]
    pub(super) span: SourceSpan,
    #[related]
    pub(super) first: Vec<FirstHere>,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the term ends ({to}) before it starts ({from})")]
#[diagnostic(
    code(factlint::kb::ends_before_start),
    help("check both dates against the source; `to:` is the last day in office")
)]
pub(super) struct EndsBeforeStart {
    pub(super) from: KbDate,
    pub(super) to: KbDate,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("starts here")]
    pub(super) from_span: SourceSpan,
    #[label("ends before the start")]
    pub(super) to_span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("`{role}` has one holder at a time, but two terms overlap {shared}")]
#[diagnostic(
    code(factlint::kb::overlapping_terms),
    help(
        "a holder may leave on the day the successor arrives, no later; if the office really \
         has several holders at once, set `single_holder: false`"
    )
)]
pub(super) struct TermsOverlap {
    pub(super) role: String,
    pub(super) shared: String,
    pub(super) earlier_label: String,
    pub(super) later_label: String,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("{earlier_label}")]
    pub(super) earlier_span: SourceSpan,
    #[label("{later_label}")]
    pub(super) later_span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the event `{event}` has no source")]
#[diagnostic(
    code(factlint::kb::missing_source),
    help("add `source:` with the URL of a public page that states when the event happened")
)]
pub(super) struct EventMissingSource {
    pub(super) event: String,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("this event needs a `source:`")]
    pub(super) span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the event `{event}` {problem}")]
#[diagnostic(
    code(factlint::kb::event_date),
    help(
        "write `date:` for an event of one day (or known only to the month or year), and \
         `from:` with `to:` for one that lasted several days"
    )
)]
pub(super) struct EventDateShape {
    pub(super) event: String,
    pub(super) problem: &'static str,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("{problem}")]
    pub(super) span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("the event ends ({to}) before it starts ({from})")]
#[diagnostic(
    code(factlint::kb::ends_before_start),
    help("check both dates against the source; `to:` is the event's last day")
)]
pub(super) struct EventEndsBeforeStart {
    pub(super) from: KbDate,
    pub(super) to: KbDate,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("starts here")]
    pub(super) from_span: SourceSpan,
    #[label("ends before the start")]
    pub(super) to_span: SourceSpan,
}

/// An id that names nothing of the kind expected: an event's participant or series, a
/// series' participant or `since_term_of`.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("unknown {what} `{id}`")]
#[diagnostic(code(factlint::kb::unknown_id))]
pub(super) struct UnknownId {
    pub(super) what: &'static str,
    pub(super) id: String,
    #[help]
    pub(super) help: &'static str,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("no {what} has this id")]
    pub(super) span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("`{event}` is a {event_kind}, but the series `{series}` counts {series_kind} events")]
#[diagnostic(
    code(factlint::kb::series_kind),
    help("a series counts events of one kind: fix the event's `kind:` or its `series:`")
)]
pub(super) struct SeriesKindMismatch {
    pub(super) event: String,
    pub(super) event_kind: EventKind,
    pub(super) series: String,
    pub(super) series_kind: EventKind,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("a series of {series_kind} events")]
    pub(super) span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error(
    "`{event}` is in the series `{series}`, but none of its participants is `{role}` on {date}"
)]
#[diagnostic(
    code(factlint::kb::series_participant),
    help(
        "every member of a series involves each of its participants: list the person who held \
         the office that day under the event's `participants:`, or check the date"
    )
)]
pub(super) struct SeriesParticipantMissing {
    pub(super) event: String,
    pub(super) series: String,
    pub(super) role: String,
    pub(super) date: KbDate,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("needs `{role}`")]
    pub(super) span: SourceSpan,
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("two events of the series `{series}` on {date} with the same participants")]
#[diagnostic(
    code(factlint::kb::duplicate_event),
    help("an ordinal would count this event twice: merge the two entries, or fix a date")
)]
pub(super) struct ProbableDuplicateEvent {
    pub(super) series: String,
    pub(super) date: String,
    #[source_code]
    pub(super) src: NamedSource<String>,
    #[label("probably the same event again")]
    pub(super) span: SourceSpan,
    #[related]
    pub(super) first: Vec<FirstHere>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_saphyr::Spanned;

    #[test]
    fn a_mapping_node_is_widened_to_its_line() {
        let yaml = "person: a\nfrom: 2020\n";
        let mapping: Spanned<std::collections::BTreeMap<String, String>> =
            serde_saphyr::from_str(yaml).expect("a mapping");
        let span = node_span(yaml, &mapping.referenced);
        assert_eq!((span.offset(), span.len()), (0, "person: a".len()));
    }
}
