//! Extraction: nom parsers find temporal mentions in an article body, each with its byte span,
//! and resolve relative ones against the publication date.

mod anniversary;
mod calendar;
mod clock;
mod count;
mod duration;
pub mod event;
mod expr;
mod first_word;
#[cfg(test)]
mod gate_samples;
mod grammar_starts;
mod holiday;
pub mod interval;
mod lexicon;
mod person;
mod phrase_set;
mod prescan;
mod publication;
mod relative;
mod resolve;
mod role;
mod role_titles;
#[cfg(test)]
mod samples;
mod scan;
mod tense;
mod word_classes;
pub(crate) mod word_matches;
mod word_set;
mod word_starts;

use std::ops::Range;

use chrono::{NaiveDate, Weekday};

use crate::corpus::{Article, Published};
use crate::kb::KbIndex;
use crate::time::{CalendarDate, Precision};

pub use anniversary::AnniversaryClaim;
pub use count::PartWholeClaim;
pub use event::EventClaim;
pub use expr::{Amount, Unit};
pub use interval::{Anchor, Approximation, IntervalClaim, IntervalRelation};
pub(crate) use phrase_set::Gates;
pub use role::{RoleMatcher, sentence_around};
pub use word_classes::WordTable;
pub use word_starts::WordStarts;

/// What kind of thing a mention is; the JSON `kind` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum MentionKind {
    /// An absolute or partial calendar date: "Dec. 18, 1965", "June 17", "June 2022", "in 1942".
    Date,
    /// A weekday alone, resolved by tense: "on Tuesday".
    Weekday,
    /// A date relative to the publication date: "last week", "this Sunday", "8 hours ago".
    RelativeDate,
    /// A length of time: "two weeks", "a decade", "three-day".
    Duration,
    /// A recurring time: "every week", "annually".
    Set,
    /// A time of day or part of day: "Monday morning", "tonight".
    Time,
}

/// A weekday that the text ties to a date ("Tuesday, June 17"): the claim the weekday rule checks.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TiedWeekday {
    pub weekday: Weekday,
    /// The words of the weekday itself.
    pub span: Range<usize>,
}

/// Where the year of a date came from, so checks can refuse to judge a guessed year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum YearSource {
    /// Written in the mention itself.
    Stated,
    /// Taken from the publication date and the verb's tense.
    Publication,
    /// Not known.
    Unknown,
}

/// One temporal expression found in the text.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    pub span: Range<usize>,
    pub kind: MentionKind,
    /// The normalised value: an ISO date at its precision ("2025-06-17", "2025-06", "2025-W24",
    /// "199"), an ISO duration ("P2W"), or a reference ("PRESENT_REF"); `None` when unresolved.
    pub value: Option<String>,
    pub precision: Option<Precision>,
    /// The calendar date it resolves to, when it names a day, month or year.
    pub date: Option<CalendarDate>,
    pub year_source: YearSource,
    pub tied_weekday: Option<TiedWeekday>,
    /// The TIMEX3 type, for scoring against TimeML gold and for `extract`; the whole
    /// annotation is [`Mention::timex`].
    pub timex_type: Option<TimexType>,
    /// The TIMEX3 value where it is not `value` (a part of a day: "2025-06-17TNI"). Most
    /// mentions have none: a corpus keeps every mention until its rules have run, and a copy
    /// of `value` in each was a tenth of that memory.
    pub timex_value: Option<Box<str>>,
}

impl Mention {
    /// The TIMEX3 type and value ("2013-03-22", "2013-W11", "P2W", "PRESENT_REF").
    pub fn timex(&self) -> Option<(TimexType, &str)> {
        let value = self.timex_value.as_deref().or(self.value.as_deref())?;
        Some((self.timex_type?, value))
    }
}

/// A TIMEX3 annotation: type and ISO-TimeML value ("2013-03-22", "2013-W11", "P2W", "PRESENT_REF").
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Timex {
    pub kind: TimexType,
    pub value: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// What extraction learned about one article.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    /// The publication date: the article's own, or completed from evidence in the text.
    pub published: Option<Published>,
    pub mentions: Vec<Mention>,
    /// Who the article says holds which office, and when.
    pub roles: Vec<RoleClaim>,
    /// Every naming of a person, full or short ("Lee Jae-myung", "Lee"), for name checks.
    pub people: Vec<PersonMention>,
    /// Events counted by an ordinal ("their second summit"), linked to the KB where it allows.
    pub events: Vec<EventClaim>,
    /// Lengths of time between events ("two weeks after Lee took office").
    pub intervals: Vec<IntervalClaim>,
    /// "the 60th anniversary of …": anniversaries, linked to KB events and dated.
    pub anniversaries: Vec<AnniversaryClaim>,
    /// "183 individuals, including 136 Korean forced laborers": parts of counted wholes.
    pub counts: Vec<PartWholeClaim>,
}

/// How a title qualifies its holder: "former President", "then Prime Minister", "President-elect".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum RoleStatus {
    /// Holds it at the time the claim speaks of ("President Lee", "new President Lee").
    Current,
    /// Held it before, not at that time ("former Prime Minister Taro Aso").
    Former,
    /// Held it at the time of the event described ("then Prime Minister Kishida").
    Then,
    /// Held it before and has died ("the late President Park").
    Late,
    /// Holds it in an acting capacity.
    Acting,
    /// Elected, not yet in office ("President-elect", "incoming").
    Elect,
    /// Nominated, not yet in office ("Prime Minister nominee Kim Min-seok").
    Nominee,
    /// Still in office but leaving ("outgoing").
    Outgoing,
}

/// A person as the text names them, linked to the KB when the name is known there.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PersonMention {
    /// The words of the name as written here (possibly a surname alone).
    pub span: Range<usize>,
    /// The full name this mention stands for in the article ("Lee" → "Lee Jae-myung").
    pub full_name: String,
    /// The KB person id, when the name is known.
    pub person: Option<String>,
}

/// "Japanese Ambassador to Seoul Koichi Aiboshi": a claim that a person holds an office.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RoleClaim {
    /// The whole phrase, title and name.
    pub span: Range<usize>,
    pub person: PersonMention,
    /// The words of the title.
    pub title_span: Range<usize>,
    /// The KB role id when the title names a known office; else `None`.
    pub role: Option<String>,
    /// The title text normalised for comparison ("japanese ambassador to seoul").
    pub title: String,
    pub status: RoleStatus,
    /// The date the claim speaks of: the publication date, or the sentence's own date for
    /// "then" and for sentences dated in the past ("in 2022, then Prime Minister Kishida").
    pub when: Option<CalendarDate>,
}

/// Finds and resolves every temporal mention in an article's body, and the office-holder
/// claims it makes, linked to the knowledge base.
pub fn extract_article(article: &Article, kb: &KbIndex<'_>) -> Extraction {
    extract_article_on(article, kb, chrono::Utc::now().date_naive())
}

/// [`extract_article`] as on `today`, the latest day a publication date may be inferred to be.
pub fn extract_article_on(article: &Article, kb: &KbIndex<'_>, today: NaiveDate) -> Extraction {
    let word_starts = WordStarts::new(&article.text, article.body.clone());
    let classified = kb
        .word_table()
        .classify(&article.text, &word_starts, kb.word_gates());
    let anchors = prescan::anchors_among(
        &article.text,
        &word_starts,
        classified
            .anchors
            .iter()
            .map(|&index| word_starts.all()[index]),
    );
    let found = scan::scan_anchors(&article.text, word_starts.range(), anchors);
    let words = word_matches::find(&article.text, &word_starts, &classified.phrases, kb);
    let mut published = publication::complete(article, &found, &[], today);
    let mut mentions = resolve_mentions(article, &found, published.as_ref());
    let roles = |published: Option<&Published>, mentions: &[Mention]| {
        find_roles(article, kb, &words, &word_starts, published, mentions)
    };
    let mut claims = roles(published.as_ref(), &mentions);
    // Who the article says is in office narrows a publication date the page leaves open;
    // then everything dated by it is resolved again.
    if published
        .as_ref()
        .is_none_or(|p| p.date.to_naive().is_none())
    {
        let holders = publication::sitting_holders(&claims.roles, kb);
        if !holders.is_empty() {
            let narrowed = publication::complete(article, &found, &holders, today);
            if narrowed != published {
                published = narrowed;
                mentions = resolve_mentions(article, &found, published.as_ref());
                claims = roles(published.as_ref(), &mentions);
            }
        }
    }
    let starts = grammar_starts::GrammarStarts::among(
        &article.text,
        &word_starts,
        classified.ordinals.iter().copied(),
        classified.units.iter().copied(),
    );
    let events = event::find_at(
        &article.text,
        word_starts.range(),
        &starts.ordinals,
        &event::Context {
            kb,
            published: published.as_ref().map(|p| p.date),
            mentions: &mentions,
            people: &claims.people,
        },
    );
    let intervals = interval::find_at(
        &article.text,
        word_starts.range(),
        &starts.lengths,
        &interval::Context {
            kb,
            mentions: &mentions,
            people: &claims.people,
        },
    );
    let anniversaries = anniversary::find(
        &article.text,
        article.body.clone(),
        &anniversary::Context {
            kb,
            anchors: &words.anniversaries,
            mentions: &mentions,
            published: published.as_ref().map(|published| published.date),
        },
    );
    let mut extraction = Extraction {
        counts: count::find_at(&article.text, &words.counts),
        anniversaries,
        published,
        mentions,
        roles: claims.roles,
        people: claims.people,
        events,
        intervals,
    };
    extraction.shrink_to_fit();
    extraction
}

impl Extraction {
    /// Gives back what the finders' vectors grew into and did not fill: a corpus keeps every
    /// article's extraction until the cross-article rules have run.
    fn shrink_to_fit(&mut self) {
        self.mentions.shrink_to_fit();
        self.roles.shrink_to_fit();
        self.people.shrink_to_fit();
        self.events.shrink_to_fit();
        self.intervals.shrink_to_fit();
        self.anniversaries.shrink_to_fit();
        self.counts.shrink_to_fit();
    }
}

fn find_roles(
    article: &Article,
    kb: &KbIndex<'_>,
    words: &word_matches::WordMatches,
    word_starts: &WordStarts,
    published: Option<&Published>,
    mentions: &[Mention],
) -> role::Found {
    let context = role::Context {
        kb,
        words,
        word_starts,
        published: published.map(|published| published.date),
        mentions,
    };
    role::find(&article.text, article.body.clone(), &context)
}

/// Resolves every temporal expression found against the publication date and the tense.
fn resolve_mentions(
    article: &Article,
    found: &[scan::Found],
    published: Option<&Published>,
) -> Vec<Mention> {
    let publication = published.and_then(|p| p.date.to_naive());
    let mut previous_value: Option<String> = None;
    found
        .iter()
        .map(|scan::Found { span, expr }| {
            let tense = tense::LazyTense::new(&article.text, span.clone());
            let context = resolve::Context {
                publication,
                tense: &tense,
                previous_value: previous_value.as_deref(),
            };
            let resolved = resolve::resolve(expr, &context);
            if resolved.kind != MentionKind::Duration && resolved.value.is_some() {
                previous_value.clone_from(&resolved.value);
            }
            let tied_weekday = match expr {
                expr::Expr::Calendar {
                    weekday: Some((weekday, local)),
                    ..
                } => Some(TiedWeekday {
                    weekday: *weekday,
                    span: span.start + local.start..span.start + local.end,
                }),
                _ => None,
            };
            let timex_type = resolved.timex.as_ref().map(|timex| timex.kind);
            let timex_value = resolved
                .timex
                .filter(|timex| resolved.value.as_deref() != Some(timex.value.as_str()))
                .map(|timex| timex.value.into_boxed_str());
            Mention {
                span: span.clone(),
                kind: resolved.kind,
                value: resolved.value,
                precision: resolved.precision,
                date: resolved.date,
                year_source: resolved.year_source,
                tied_weekday,
                timex_type,
                timex_value,
            }
        })
        .collect()
}
