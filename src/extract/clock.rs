//! Times of day: "9 a.m.", "10:30 p.m. EST", "noon", "midnight", with the day they fall on
//! when the text gives it ("9 a.m. Tuesday", "Tuesday at 9 a.m.", "noon yesterday").

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{map, map_res, opt, value, verify};
use nom::sequence::{preceded, terminated};

use super::calendar::calendar_date;
use super::expr::Expr;
use super::lexicon::{Lead, Res, boundary, digits, space, tag_ascii, when, word};
use super::relative::relative_date;

/// "a.m." / "p.m." / "am" / "pm": whether the hour is after noon.
fn meridiem(input: &str) -> Res<'_, bool> {
    terminated(
        alt((
            value(false, alt((tag_ascii("a.m."), tag_ascii("am")))),
            value(true, alt((tag_ascii("p.m."), tag_ascii("pm")))),
        )),
        boundary_or_period,
    )
    .parse(input)
}

fn boundary_or_period(input: &str) -> Res<'_, ()> {
    boundary(input)
}

/// "9 a.m.", "10:30 p.m.", "noon", "midnight": hour and minute on a 24-hour clock.
fn time_of_day(input: &str) -> Res<'_, (u32, u32)> {
    let two_digits = |i| {
        map_res(
            take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
            str::parse::<u32>,
        )
        .parse(i)
    };
    alt((
        map(
            (
                verify(digits, |h| (1..=12).contains(h)),
                opt(preceded(char(':'), verify(two_digits, |m| *m < 60))),
                opt(space),
                meridiem,
            ),
            |(hour, minute, _, afternoon)| {
                (
                    hour % 12 + if afternoon { 12 } else { 0 },
                    minute.unwrap_or(0),
                )
            },
        ),
        value((12, 0), alt((word("noon"), word("midday")))),
        value((24, 0), word("midnight")),
    ))
    .parse(input)
}

/// A time zone after a time: "EST", "GMT", "local time".
fn zone(input: &str) -> Res<'_, ()> {
    value(
        (),
        preceded(
            space,
            alt((
                word("EST"),
                word("EDT"),
                word("CST"),
                word("CDT"),
                word("MST"),
                word("MDT"),
                word("PST"),
                word("PDT"),
                word("GMT"),
                word("UTC"),
                word("BST"),
                word("CET"),
                word("KST"),
                word("JST"),
                terminated(tag("local time"), boundary),
            )),
        ),
    )
    .parse(input)
}

/// The day a time falls on, if the text names it.
fn day(input: &str) -> Res<'_, Expr> {
    alt((calendar_date, relative_date)).parse(input)
}

/// "9 a.m.", "noon yesterday", "10:30 p.m. EST on June 17": a time, then maybe its day.
pub fn time_then_day<'a>(input: &'a str, lead: &Lead) -> Res<'a, Expr> {
    let time_first = lead.is_digit() || lead.is_one_of(&["noon", "midday", "midnight"]);
    map(
        (
            when(time_first, time_of_day),
            opt(zone),
            opt(preceded((space, opt((word("on"), space))), day)),
        ),
        |((hour, minute), _, day)| Expr::Clock {
            hour,
            minute,
            day: day.map(Box::new),
        },
    )
    .parse(input)
}

/// " at 9 a.m." after a `day` already parsed ("Tuesday at 9 a.m."); `rest` follows the day.
/// Separate so the scan, which parses the day anyway, does not parse it twice.
pub fn time_after_day<'a>(rest: &'a str, day: &Expr) -> Res<'a, Expr> {
    map(
        (space, opt((word("at"), space)), time_of_day, opt(zone)),
        |(_, _, (hour, minute), _)| Expr::Clock {
            hour,
            minute,
            day: Some(Box::new(day.clone())),
        },
    )
    .parse(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clock grammar whole, as the scan runs it (with the day parsed once there).
    fn clock_time(input: &str) -> Res<'_, Expr> {
        alt((
            |i| time_then_day(i, &Lead::of(i)),
            |i| {
                let (rest, day) = day(i)?;
                time_after_day(rest, &day)
            },
        ))
        .parse(input)
    }

    fn clock(text: &str) -> (u32, u32, bool) {
        match clock_time(text) {
            Ok((_, Expr::Clock { hour, minute, day })) => (hour, minute, day.is_some()),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn times_with_and_without_days() {
        assert_eq!(clock("9 a.m. Tuesday"), (9, 0, true));
        assert_eq!(clock("10:30 p.m. EST on June 17"), (22, 30, true));
        assert_eq!(clock("noon yesterday"), (12, 0, true));
        assert_eq!(clock("Tuesday at 9 a.m."), (9, 0, true));
        assert_eq!(clock("12:15 am"), (0, 15, false));
        assert_eq!(clock("midnight"), (24, 0, false));
    }

    #[test]
    fn numbers_are_not_times() {
        assert!(clock_time("9 apples").is_err());
        assert!(clock_time("13 p.m.").is_err());
        assert!(clock_time("10:75 a.m.").is_err());
    }
}
