//! The knowledge base as plain data: people, roles, their terms, events, the series ordinals
//! count, and dates at the precision known.
//!
//! Nodes that validation points at keep their YAML location (`Spanned`), and every person and
//! role records which file it came from, so a problem found after loading can still be shown on
//! the exact words of the file that holds it.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use serde_saphyr::Spanned;

/// Who held which office when: everything loaded from the KB files, plus the files themselves
/// (diagnostics need their text).
#[derive(Clone, Debug, Default)]
pub struct Kb {
    pub people: Vec<Person>,
    pub roles: Vec<Role>,
    /// In file order; [`super::KbIndex`] sorts them by date.
    pub events: Vec<Event>,
    pub series: Vec<Series>,
    pub(super) files: Vec<KbFile>,
}

impl Kb {
    /// What diagnostics call the file `id` (`<shipped>/rules/kb/japan.yaml`, or the path read),
    /// so a finding can cite where a KB fact comes from.
    pub fn file_name(&self, id: FileId) -> Option<&str> {
        self.files.get(id).map(|file| file.name.as_str())
    }

    /// A digest of every file the KB was loaded from, name and text: the same files make the
    /// same KB (with the same build), so cache keys take this rather than the whole model
    /// formatted, which cost a warm run a fifth of its time.
    pub fn fingerprint(&self) -> blake3::Hash {
        let mut hasher = blake3::Hasher::new();
        for file in &self.files {
            for part in [&file.name, &file.yaml] {
                hasher.update(&(part.len() as u64).to_le_bytes());
                hasher.update(part.as_bytes());
            }
        }
        hasher.finalize()
    }
}

/// One KB file as read: what diagnostics call it and its text.
#[derive(Clone, Debug)]
pub(super) struct KbFile {
    pub name: String,
    pub yaml: String,
}

/// Index of a file in [`Kb`]'s file list; [`Kb::merge`] renumbers it.
pub type FileId = usize;

#[derive(Clone, Debug)]
pub struct Person {
    /// Kebab-case, unique across the KB.
    pub id: Spanned<String>,
    /// The most common English spelling.
    pub name: String,
    /// Other spellings, romanisations and name orders seen in English news.
    pub aliases: Vec<String>,
    /// ISO 3166 alpha-2.
    pub nationality: String,
    pub file: FileId,
}

#[derive(Clone, Debug)]
pub struct Role {
    /// `<country>-<office>`, unique across the KB.
    pub id: Spanned<String>,
    /// How English news names the office; each title names this role only.
    pub titles: Vec<Spanned<String>>,
    /// At most one holder at a time, so terms must not overlap.
    pub single_holder: bool,
    /// In file order; [`super::KbIndex`] sorts them by start.
    pub terms: Vec<Term>,
    pub file: FileId,
}

#[derive(Clone, Debug)]
pub struct Term {
    /// A [`Person`] id.
    pub person: Spanned<String>,
    pub from: Spanned<KbDate>,
    /// `None` while in office (as far as the data was checked).
    pub to: Option<Spanned<KbDate>>,
    pub acting: bool,
    /// URL of a public page stating the fact.
    pub source: String,
}

impl Term {
    /// Every day the term may include: from the first day its start may mean to the last day
    /// its end may mean (`NaiveDate::MAX` while open). "from: 2023-10" may mean October 1st.
    pub fn possible_days(&self) -> (NaiveDate, NaiveDate) {
        let end = self
            .to
            .as_ref()
            .map_or(NaiveDate::MAX, |to| to.value.last_day());
        (self.from.value.first_day(), end)
    }

    /// The days the term includes whatever its imprecise bounds mean; `None` when no day is
    /// certain (e.g. from 2023-10 to 2023-10).
    pub fn certain_days(&self) -> Option<(NaiveDate, NaiveDate)> {
        let start = self.from.value.last_day();
        let end = self
            .to
            .as_ref()
            .map_or(NaiveDate::MAX, |to| to.value.first_day());
        (start <= end).then_some((start, end))
    }
}

/// What kind of thing happened. A series counts events of one kind.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Summit,
    PhoneCall,
    Meeting,
    Visit,
    Election,
    Inauguration,
    Treaty,
    Normalization,
    Other,
}

impl EventKind {
    /// The kind as written in KB files (`phone-call`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Summit => "summit",
            EventKind::PhoneCall => "phone-call",
            EventKind::Meeting => "meeting",
            EventKind::Visit => "visit",
            EventKind::Election => "election",
            EventKind::Inauguration => "inauguration",
            EventKind::Treaty => "treaty",
            EventKind::Normalization => "normalization",
            EventKind::Other => "other",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something that happened on a day (or over several), which articles name, date, count and
/// mark anniversaries of.
#[derive(Clone, Debug)]
pub struct Event {
    /// Kebab-case, unique across the KB's events.
    pub id: Spanned<String>,
    /// How news names it ("the normalization of diplomatic relations"); looked up loosely.
    pub names: Vec<Spanned<String>>,
    /// The day it happened (or the month or year, when only that is known); for an event of
    /// several days (`from:`/`to:` in the file), its first day.
    pub date: Spanned<KbDate>,
    /// The last day of an event of several days; `None` for one `date:`.
    pub until: Option<Spanned<KbDate>>,
    pub kind: EventKind,
    /// [`Person`] and [`Role`] ids.
    pub participants: Vec<Spanned<String>>,
    pub place: Option<String>,
    /// The [`Series`] it is a member of.
    pub series: Vec<Spanned<String>>,
    /// URL of a public page stating the fact.
    pub source: String,
    pub file: FileId,
}

impl Event {
    /// From the first day its start may mean to the last day its end may mean.
    pub fn possible_days(&self) -> (NaiveDate, NaiveDate) {
        let end = self.until.as_ref().unwrap_or(&self.date);
        (self.date.value.first_day(), end.value.last_day())
    }

    /// The year it happened (began), which anniversaries count from.
    pub fn year(&self) -> i32 {
        self.date.value.first_day().year()
    }
}

/// What an ordinal counts ("his fifth summit with a Japanese prime minister"): events of one
/// kind between given participants. Its members are the events whose `series` lists it.
#[derive(Clone, Debug)]
pub struct Series {
    /// Kebab-case, unique across the KB's series.
    pub id: Spanned<String>,
    pub description: String,
    /// What an ordinal counts, in words.
    pub counts: String,
    pub kind: EventKind,
    /// [`Role`] (or [`Person`]) ids every member must involve.
    pub participants: Vec<Spanned<String>>,
    /// A role whose terms restart the count: "since he assumed office" counts within the term
    /// of the holder on the day spoken of.
    pub since_term_of: Option<Spanned<String>>,
    pub file: FileId,
}

/// A date at the precision the source gives: a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum KbDate {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl KbDate {
    /// The first day of the period the date names.
    pub fn first_day(self) -> NaiveDate {
        let (year, month, day) = match self {
            KbDate::Year(year) => (year, 1, 1),
            KbDate::Month(year, month) => (year, month, 1),
            KbDate::Day(day) => return day,
        };
        // Parsed dates are always in range; only a hand-built `Month(_, 13)` falls back.
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the period the date names, so a month-precision term covers the month.
    pub fn last_day(self) -> NaiveDate {
        match self {
            KbDate::Year(year) => NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX),
            KbDate::Month(year, month) => {
                let (next_year, next_month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(next_year, next_month, 1)
                    .and_then(|first| first.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            KbDate::Day(day) => day,
        }
    }
}

impl fmt::Display for KbDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KbDate::Year(year) => write!(f, "{year:04}"),
            KbDate::Month(year, month) => write!(f, "{year:04}-{month:02}"),
            KbDate::Day(day) => write!(f, "{day}"),
        }
    }
}

/// Why a date was refused; the message completes "not a date: …".
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DateError(pub &'static str);

/// The range a KB date's year must fall in: wide enough for any office holder, narrow enough to
/// catch a typo such as `20255`.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=2999;

impl FromStr for KbDate {
    type Err = DateError;

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with exactly those digit counts.
    fn from_str(text: &str) -> Result<KbDate, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = parts.len() <= 3
            && parts.iter().enumerate().all(|(i, part)| {
                part.len() == if i == 0 { 4 } else { 2 } && part.bytes().all(|b| b.is_ascii_digit())
            });
        if !widths_ok {
            return Err(DateError("write YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        let number = |i: usize| parts[i].parse::<u32>().unwrap_or_default();
        let year = i32::try_from(number(0)).unwrap_or_default();
        if !YEARS.contains(&year) {
            return Err(DateError("the year is out of range"));
        }
        if parts.len() == 1 {
            return Ok(KbDate::Year(year));
        }
        let month = number(1);
        if !(1..=12).contains(&month) {
            return Err(DateError("there is no such month"));
        }
        if parts.len() == 2 {
            return Ok(KbDate::Month(year, month));
        }
        NaiveDate::from_ymd_opt(year, month, number(2))
            .map(KbDate::Day)
            .ok_or(DateError("there is no such day in that month"))
    }
}

impl From<NaiveDate> for KbDate {
    fn from(day: NaiveDate) -> KbDate {
        KbDate::Day(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_saphyr::Location;

    #[test]
    fn an_event_covers_its_days_at_their_precision() {
        let event = Event {
            id: at("e".to_string()),
            names: Vec::new(),
            date: at(KbDate::Day(day(2025, 6, 15))),
            until: Some(at(KbDate::Day(day(2025, 6, 17)))),
            kind: EventKind::Summit,
            participants: Vec::new(),
            place: None,
            series: Vec::new(),
            source: "https://example.org".into(),
            file: 0,
        };
        assert_eq!(event.possible_days(), (day(2025, 6, 15), day(2025, 6, 17)));
        let in_1965 = Event {
            date: at(KbDate::Month(1965, 12)),
            until: None,
            ..event
        };
        assert_eq!(
            in_1965.possible_days(),
            (day(1965, 12, 1), day(1965, 12, 31))
        );
        assert_eq!(in_1965.year(), 1965);
        assert_eq!(EventKind::PhoneCall.to_string(), "phone-call");
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at<T>(value: T) -> Spanned<T> {
        Spanned::new(value, Location::UNKNOWN, Location::UNKNOWN)
    }

    #[test]
    fn dates_parse_at_their_precision() {
        assert_eq!("2025".parse(), Ok(KbDate::Year(2025)));
        assert_eq!("2023-10".parse(), Ok(KbDate::Month(2023, 10)));
        assert_eq!("2025-06-04".parse(), Ok(KbDate::Day(day(2025, 6, 4))));
    }

    #[test]
    fn malformed_dates_are_refused() {
        for bad in [
            "",
            "25",
            "2025-6",
            "2025-06-4",
            "2025-13",
            "2025-02-30",
            "2025/06/04",
            "20255",
            "2025-06-04-01",
            "0999",
            "2025-00",
        ] {
            assert!(bad.parse::<KbDate>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_period_runs_from_its_first_to_its_last_day() {
        let february = KbDate::Month(2024, 2);
        assert_eq!(february.first_day(), day(2024, 2, 1));
        assert_eq!(february.last_day(), day(2024, 2, 29));
        assert_eq!(KbDate::Month(2023, 12).last_day(), day(2023, 12, 31));
        assert_eq!(KbDate::Year(2011).first_day(), day(2011, 1, 1));
        assert_eq!(KbDate::Year(2011).last_day(), day(2011, 12, 31));
        let june_4 = KbDate::Day(day(2025, 6, 4));
        assert_eq!(
            (june_4.first_day(), june_4.last_day()),
            (day(2025, 6, 4), day(2025, 6, 4))
        );
    }

    #[test]
    fn dates_print_as_written() {
        for text in ["2011", "2023-10", "2025-06-04"] {
            assert_eq!(text.parse::<KbDate>().unwrap().to_string(), text);
        }
    }

    #[test]
    fn imprecise_bounds_widen_the_possible_days_and_narrow_the_certain_ones() {
        let term = Term {
            person: at("x".to_string()),
            from: at(KbDate::Month(2023, 10)),
            to: Some(at(KbDate::Year(2024))),
            acting: false,
            source: "https://example.org".into(),
        };
        assert_eq!(term.possible_days(), (day(2023, 10, 1), day(2024, 12, 31)));
        assert_eq!(
            term.certain_days(),
            Some((day(2023, 10, 31), day(2024, 1, 1)))
        );
        let open = Term {
            to: None,
            ..term.clone()
        };
        assert_eq!(open.possible_days().1, NaiveDate::MAX);
        let within_a_month = Term {
            to: Some(at(KbDate::Month(2023, 10))),
            ..term
        };
        assert_eq!(within_a_month.certain_days(), None);
    }
}
