//! Calendar values at a known precision, and their TIMEX3 / ISO-TimeML spelling.
//!
//! News text rarely gives a full date: "June 17" has no year, "last week" is a week,
//! "the 1990s" a decade. Every value here carries exactly what the text settles and
//! nothing more, so a check can refuse to compare what it does not know.

pub mod names;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

/// How much of a point in time a value pins down.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Time,
    PartOfDay,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// A calendar date that may lack its year, month or day ("June 17", "June 2022", "1965").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct CalendarDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl CalendarDate {
    pub fn full(date: NaiveDate) -> Self {
        Self {
            year: Some(date.year()),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// The exact day, when year, month and day are all known and form a real date.
    pub fn to_naive(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    pub fn precision(self) -> Precision {
        if self.day.is_some() {
            Precision::Day
        } else if self.month.is_some() {
            Precision::Month
        } else {
            Precision::Year
        }
    }

    /// ISO form at the precision known; a missing year is written `XXXX` as TIMEX3 does.
    pub fn iso(self) -> String {
        let year = self
            .year
            .map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year}-{m:02}"),
            _ => year,
        }
    }
}

/// Renders a day as "Tuesday, June 17, 2025" for messages.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A, %B %-d, %Y").to_string()
}

pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_spell_their_precision() {
        let june_17 = CalendarDate {
            year: None,
            month: Some(6),
            day: Some(17),
        };
        assert_eq!(june_17.iso(), "XXXX-06-17");
        assert_eq!(june_17.precision(), Precision::Day);
        assert_eq!(june_17.to_naive(), None);
        let june_2022 = CalendarDate {
            year: Some(2022),
            month: Some(6),
            day: None,
        };
        assert_eq!(june_2022.iso(), "2022-06");
        assert_eq!(june_2022.precision(), Precision::Month);
    }

    #[test]
    fn long_date_names_the_weekday() {
        let date = NaiveDate::from_ymd_opt(2025, 6, 17).unwrap();
        assert_eq!(long_date(date), "Tuesday, June 17, 2025");
    }
}
