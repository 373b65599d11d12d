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
        // Every resolved date is spelled here, so the digits are pushed by hand rather than
        // through `format!` (a tenth of the instructions).
        let mut iso = String::with_capacity(10);
        match self.year {
            Some(year) => push_year(&mut iso, year),
            None => iso.push_str("XXXX"),
        }
        if let Some(month) = self.month {
            iso.push('-');
            push_two_digits(&mut iso, month);
            if let Some(day) = self.day {
                iso.push('-');
                push_two_digits(&mut iso, day);
            }
        }
        iso
    }
}

/// `date` as `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it.
pub fn iso_day(date: NaiveDate) -> String {
    if !(0..=9999).contains(&date.year()) {
        // chrono signs years past four digits ("+10000-01-01"), which `{:04}` does not.
        return date.format("%Y-%m-%d").to_string();
    }
    CalendarDate::full(date).iso()
}

/// A year as `{:04}` writes it: at least four digits, a minus sign before.
fn push_year(out: &mut String, year: i32) {
    if let Ok(year) = u32::try_from(year)
        && year <= 9999
    {
        for digit in [year / 1000, year / 100 % 10, year / 10 % 10, year % 10] {
            out.push(char::from(b'0' + digit as u8));
        }
    } else {
        out.push_str(&format!("{year:04}"));
    }
}

/// A month or a day as `{:02}` writes it.
fn push_two_digits(out: &mut String, value: u32) {
    if value < 100 {
        out.push(char::from(b'0' + (value / 10) as u8));
        out.push(char::from(b'0' + (value % 10) as u8));
    } else {
        out.push_str(&value.to_string());
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
    fn iso_spells_as_format_does() {
        let years = [-10_000, -44, 0, 7, 476, 1965, 9999, 10_000, 262_143].map(Some);
        for year in std::iter::once(None).chain(years) {
            for month in [None, Some(1), Some(9), Some(10), Some(12), Some(123)] {
                for day in [None, Some(1), Some(9), Some(17), Some(31), Some(100)] {
                    let date = CalendarDate { year, month, day };
                    let year = year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
                    let expected = match (month, day) {
                        (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
                        (Some(m), None) => format!("{year}-{m:02}"),
                        _ => year,
                    };
                    assert_eq!(date.iso(), expected, "{date:?}");
                }
            }
        }
        for (year, month, day) in [(2025, 6, 17), (1, 1, 1), (0, 12, 31), (9999, 12, 31)] {
            let date = NaiveDate::from_ymd_opt(year, month, day).expect("a real date");
            assert_eq!(iso_day(date), date.format("%Y-%m-%d").to_string());
        }
        for (year, month, day) in [(-1, 3, 1), (10_000, 1, 1), (-262_000, 2, 28)] {
            let date = NaiveDate::from_ymd_opt(year, month, day).expect("a real date");
            assert_eq!(iso_day(date), date.format("%Y-%m-%d").to_string());
        }
    }

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
