//! Named days: "Christmas", "New Year's Day", "Easter Sunday", "Thanksgiving", "Labor Day",
//! "Christmas 2024" — fixed dates, and days computed from the year (Easter, the US Mondays).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::{map, opt, value};
use nom::sequence::{preceded, terminated};

use super::calendar::year;
use super::expr::{Expr, Shift};
use super::lexicon::{Lead, Res, reject, space, word};

/// A day the calendar names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// Month and day, the same every year.
    Fixed(u32, u32),
    /// Days from Easter Sunday (Good Friday is -2).
    Easter(i64),
    /// The n-th weekday of a month (n = -1: the last).
    NthWeekday(u32, Weekday, i32),
}

impl Holiday {
    /// The date this holiday falls on in `year`.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
            Holiday::Easter(offset) => {
                let easter = easter_sunday(year)?;
                easter.checked_add_signed(chrono::Duration::days(offset))
            }
            Holiday::NthWeekday(month, weekday, n) => {
                if n > 0 {
                    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)
                } else {
                    let next_month = if month == 12 {
                        NaiveDate::from_ymd_opt(year + 1, 1, 1)
                    } else {
                        NaiveDate::from_ymd_opt(year, month + 1, 1)
                    }?;
                    let last = next_month - Days::new(1);
                    let back = (7 + last.weekday().num_days_from_monday()
                        - weekday.num_days_from_monday())
                        % 7;
                    Some(last - Days::new(u64::from(back)))
                }
            }
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm, "Meeus/Jones/Butcher").
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// How the names `holiday_name` knows begin, for the scan's test of whether a capitalised
/// word can start an expression; compared case-insensitively, which only lets more through.
const NAME_BEGINNINGS: [&str; 17] = [
    "New",
    "Christmas",
    "Boxing",
    "Valentine",
    "Halloween",
    "St.",
    "Fourth",
    "Bastille",
    "Veterans",
    "Good",
    "Easter",
    "Thanksgiving",
    "Labor",
    "Labour",
    "Memorial",
    "Mother",
    "Father",
];

/// Whether a holiday name may begin `input` (a shift before one is a word of its own).
pub fn could_begin_name(input: &str) -> bool {
    NAME_BEGINNINGS.iter().any(|name| {
        input
            .as_bytes()
            .get(..name.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// The holiday names news copy uses, capitalised.
fn holiday_name(input: &str) -> Res<'_, Holiday> {
    let apostrophe = |i| alt((tag("'s"), tag("’s"), tag("s"))).parse(i);
    alt((
        value(
            Holiday::Fixed(1, 1),
            (
                tag("New"),
                space,
                tag("Year"),
                apostrophe,
                space,
                tag("Day"),
            ),
        ),
        value(
            Holiday::Fixed(12, 31),
            (
                tag("New"),
                space,
                tag("Year"),
                apostrophe,
                space,
                tag("Eve"),
            ),
        ),
        value(
            Holiday::Fixed(12, 24),
            (tag("Christmas"), space, tag("Eve")),
        ),
        value(
            Holiday::Fixed(12, 25),
            terminated(tag("Christmas"), opt((space, tag("Day")))),
        ),
        value(Holiday::Fixed(12, 26), (tag("Boxing"), space, tag("Day"))),
        value(
            Holiday::Fixed(2, 14),
            (tag("Valentine"), apostrophe, space, tag("Day")),
        ),
        value(Holiday::Fixed(10, 31), word("Halloween")),
        value(
            Holiday::Fixed(3, 17),
            (
                tag("St."),
                space,
                tag("Patrick"),
                apostrophe,
                space,
                tag("Day"),
            ),
        ),
        value(
            Holiday::Fixed(7, 4),
            (tag("Fourth"), space, tag("of"), space, tag("July")),
        ),
        value(Holiday::Fixed(7, 14), (tag("Bastille"), space, tag("Day"))),
        value(Holiday::Fixed(11, 11), (tag("Veterans"), space, tag("Day"))),
        value(Holiday::Easter(-2), (tag("Good"), space, tag("Friday"))),
        value(
            Holiday::Easter(0),
            terminated(tag("Easter"), opt((space, tag("Sunday")))),
        ),
        value(Holiday::Easter(1), (tag("Easter"), space, tag("Monday"))),
        value(
            Holiday::NthWeekday(11, Weekday::Thu, 4),
            terminated(tag("Thanksgiving"), opt((space, tag("Day")))),
        ),
        value(
            Holiday::NthWeekday(9, Weekday::Mon, 1),
            (alt((tag("Labor"), tag("Labour"))), space, tag("Day")),
        ),
        value(
            Holiday::NthWeekday(5, Weekday::Mon, -1),
            (tag("Memorial"), space, tag("Day")),
        ),
        value(
            Holiday::NthWeekday(5, Weekday::Sun, 2),
            (tag("Mother"), apostrophe, space, tag("Day")),
        ),
        value(
            Holiday::NthWeekday(6, Weekday::Sun, 3),
            (tag("Father"), apostrophe, space, tag("Day")),
        ),
    ))
    .parse(input)
}

/// "Christmas", "Easter Sunday", "Thanksgiving Day", "Christmas 2024", "Christmas of 2024".
pub fn holiday<'a>(input: &'a str, lead: &Lead) -> Res<'a, Expr> {
    // Every name is capitalised; only a shift comes before one.
    if !((lead.is_capitalised() && could_begin_name(input))
        || lead.is_one_of(&["last", "this", "next"]))
    {
        return reject(input);
    }
    holiday_forms(input)
}

/// The grammar of `holiday`, tried whatever the first word.
fn holiday_forms(input: &str) -> Res<'_, Expr> {
    map(
        (
            opt(terminated(shift, space)),
            holiday_name,
            opt(preceded((space, opt((word("of"), space))), year)),
        ),
        |(shift, holiday, year)| Expr::Holiday {
            holiday,
            year,
            shift: shift.unwrap_or(Shift::None),
        },
    )
    .parse(input)
}

/// "last Christmas", "this Easter", "next Thanksgiving".
fn shift(input: &str) -> Res<'_, Shift> {
    alt((
        value(Shift::Last, word("last")),
        value(Shift::This, word("this")),
        value(Shift::Next, word("next")),
    ))
    .parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_first_word_gate_changes_nothing() {
        crate::extract::samples::assert_gates_change_nothing(
            |input| holiday(input, &Lead::of(input)),
            holiday_forms,
            5,
        );
    }

    #[test]
    fn easter_is_computed() {
        assert_eq!(easter_sunday(2013), Some(day(2013, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(day(2025, 4, 20)));
        assert_eq!(easter_sunday(2000), Some(day(2000, 4, 23)));
    }

    #[test]
    fn holidays_fall_on_their_days() {
        let in_year = |text: &str, year| match holiday(text, &Lead::of(text)) {
            Ok((_, Expr::Holiday { holiday, .. })) => holiday.in_year(year),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(in_year("Thanksgiving Day", 1998), Some(day(1998, 11, 26)));
        assert_eq!(in_year("Memorial Day", 2025), Some(day(2025, 5, 26)));
        assert_eq!(in_year("Labor Day", 2025), Some(day(2025, 9, 1)));
        assert_eq!(in_year("Good Friday", 2025), Some(day(2025, 4, 18)));
        assert_eq!(in_year("New Year's Day", 2026), Some(day(2026, 1, 1)));
        assert_eq!(in_year("Christmas Eve", 2024), Some(day(2024, 12, 24)));
    }

    #[test]
    fn years_and_false_friends() {
        assert_eq!(
            holiday("Christmas 2024", &Lead::of("Christmas")).unwrap().1,
            Expr::Holiday {
                holiday: Holiday::Fixed(12, 25),
                year: Some(2024),
                shift: Shift::None,
            }
        );
        assert!(
            holiday("christmas tree", &Lead::of("christmas")).is_err(),
            "names are capitalised"
        );
        assert!(matches!(
            holiday("last Thanksgiving", &Lead::of("last")).unwrap().1,
            Expr::Holiday {
                shift: Shift::Last,
                ..
            }
        ));
        assert!(holiday("Labor Party", &Lead::of("Labor")).is_err());
    }
}
