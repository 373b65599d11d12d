//! Calendar dates as news English writes them: "Dec. 18, 1965", "18 December 1965",
//! "Tuesday, June 17", "June 17 (Tuesday)", "June 2022", "2025-06-17", "1910-45", "the 1990s".

use chrono::Weekday;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{anychar, char, one_of as one_char};
use nom::combinator::{map_res, not, opt, peek, recognize, verify};
use nom::sequence::{delimited, preceded, terminated};

use super::expr::Expr;
use super::first_word::{Class, FirstWord, month_of, weekday_of};
use super::lexicon::{
    Lead, Res, boundary, comma_or_space, digits, ordinal_suffix, reject, space, tag_ascii, word,
};
use crate::time::CalendarDate;

/// A month name or abbreviation with an optional period, capitalised as news copy writes it
/// (so the verb "may" and the walk "march" in running text are not months).
pub fn month_name(input: &str) -> Res<'_, u32> {
    let (rest, name) = take_while1(|c: char| c.is_ascii_alphabetic())(input)?;
    let capitalised = name.starts_with(|c: char| c.is_ascii_uppercase());
    match month_of(name.as_bytes(), name.len()) {
        Some(month) if capitalised => {
            let abbreviated = name.len() <= 4
                && !["june", "july", "may"]
                    .iter()
                    .any(|full| name.eq_ignore_ascii_case(full));
            Ok((abbreviation_period(rest, abbreviated), month))
        }
        _ => reject(input),
    }
}

/// Consumes the period after an abbreviation ("Dec.", "Tue."), never after a full name,
/// where it ends the sentence.
fn abbreviation_period(rest: &str, abbreviated: bool) -> &str {
    match rest.strip_prefix('.') {
        Some(after) if abbreviated => after,
        _ => rest,
    }
}

/// A capitalised weekday name ("Tuesday", "Tue.", "Tues.").
pub fn weekday_name(input: &str) -> Res<'_, Weekday> {
    let (rest, name) = take_while1(|c: char| c.is_ascii_alphabetic())(input)?;
    let capitalised = name.starts_with(|c: char| c.is_ascii_uppercase());
    match weekday_of(name.as_bytes(), name.len()) {
        Some(weekday) if capitalised => Ok((abbreviation_period(rest, name.len() <= 5), weekday)),
        _ => reject(input),
    }
}

/// A four-digit year from 1000 to 2199 that is not part of a larger number ("1,965" is not).
pub fn year(input: &str) -> Res<'_, i32> {
    terminated(
        map_res(
            verify(
                take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
                |s: &str| s.starts_with('1') || s.starts_with("20") || s.starts_with("21"),
            ),
            str::parse,
        ),
        (boundary, not_thousands),
    )
    .parse(input)
}

/// Fails when a number continues with a thousands group (",000").
fn not_thousands(input: &str) -> Res<'_, ()> {
    not((
        one_char(",."),
        take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
    ))
    .parse(input)
}

/// A day of the month, 1 to 31, with an optional ordinal suffix ("17", "17th").
fn day(input: &str) -> Res<'_, u32> {
    terminated(
        verify(digits, |d| (1..=31).contains(d)),
        (opt(ordinal_suffix), boundary, not_thousands),
    )
    .parse(input)
}

/// A leading weekday tied to the date that follows: "Tuesday, ", "Tue. ", "Tuesday the ".
fn leading_weekday(input: &str) -> Res<'_, (Weekday, usize)> {
    let (rest, weekday) = weekday_name(input)?;
    let length = input.len() - rest.len();
    let (rest, _) = (comma_or_space, opt(terminated(word("the"), space))).parse(rest)?;
    Ok((rest, (weekday, length)))
}

/// "June 17", "Dec. 18, 1965", "June 17th", "June 17 2025".
fn month_day_year(input: &str) -> Res<'_, CalendarDate> {
    let (rest, (month, _, day)) = (month_name, opt(space), day).parse(input)?;
    let (rest, year) = opt(preceded(comma_or_space, year)).parse(rest)?;
    Ok((
        rest,
        CalendarDate {
            year,
            month: Some(month),
            day: Some(day),
        },
    ))
}

/// "18 December 1965", "17th of June", "17 June".
fn day_month_year(input: &str) -> Res<'_, CalendarDate> {
    let (rest, (day, _, _, month)) =
        (day, space, opt(terminated(word("of"), space)), month_name).parse(input)?;
    let (rest, year) = opt(preceded(comma_or_space, year)).parse(rest)?;
    Ok((
        rest,
        CalendarDate {
            year,
            month: Some(month),
            day: Some(day),
        },
    ))
}

/// "June 2022", "June, 2022", "June of 2022".
fn month_year(input: &str) -> Res<'_, CalendarDate> {
    let (rest, (month, _, _, year)) = (
        month_name,
        comma_or_space,
        opt(terminated(word("of"), space)),
        year,
    )
        .parse(input)?;
    Ok((
        rest,
        CalendarDate {
            year: Some(year),
            month: Some(month),
            day: None,
        },
    ))
}

/// "2025-06-17" and "2025/06/17".
fn iso_date(input: &str) -> Res<'_, CalendarDate> {
    let two = |i| {
        map_res(
            take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
            str::parse::<u32>,
        )
        .parse(i)
    };
    let (rest, (year, separator, month, _, day)) =
        (year_digits, one_char("-/"), two, one_char("-/"), two).parse(input)?;
    let _ = separator;
    let date = CalendarDate {
        year: Some(year),
        month: Some(month),
        day: Some(day),
    };
    if date.to_naive().is_none() {
        return reject(input);
    }
    let (rest, _) = boundary(rest)?;
    Ok((rest, date))
}

fn year_digits(input: &str) -> Res<'_, i32> {
    map_res(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(input)
}

/// A weekday after its date: "June 17 (Tuesday)", "June 17, a Tuesday".
fn trailing_weekday(input: &str) -> Res<'_, (Weekday, usize, usize)> {
    let start = input.len();
    let (rest, _) = alt((
        recognize((opt(space), char('('))),
        recognize((opt(space), char(','), space, word("a"), space)),
    ))
    .parse(input)?;
    let weekday_start = start - rest.len();
    let (after, weekday) = weekday_name(rest)?;
    let weekday_end = start - after.len();
    let (after, _) = opt(char(')')).parse(after)?;
    Ok((after, (weekday, weekday_start, weekday_end)))
}

/// Any calendar date form, with a weekday tied to it before or after.
pub fn calendar_date(input: &str) -> Res<'_, Expr> {
    calendar_date_at(input, &FirstWord::of(input))
}

/// `calendar_date` with the input's first word classified already.
pub fn calendar_date_at<'a>(input: &'a str, first: &FirstWord<'a>) -> Res<'a, Expr> {
    // Every form starts with a digit or a capitalised month or weekday name.
    let named = first.lead.is_capitalised() && first.is(Class::MONTH | Class::WEEKDAY);
    if !(named || first.lead.is_digit()) {
        return reject(input);
    }
    calendar_forms(input)
}

/// The forms of `calendar_date`, tried whatever the first word.
fn calendar_forms(input: &str) -> Res<'_, Expr> {
    let (after_weekday, leading) = opt(leading_weekday).parse(input)?;
    let date_forms = |i| alt((month_day_year, day_month_year, month_year, iso_date)).parse(i);
    // "Friday (June 15)": a parenthesised date after its weekday.
    let (rest, date) = if leading.is_some() && after_weekday.starts_with('(') {
        delimited(char('('), date_forms, char(')')).parse(after_weekday)?
    } else {
        date_forms(after_weekday)?
    };
    let mut weekday = leading.map(|(weekday, length)| (weekday, 0..length));
    let mut rest = rest;
    if weekday.is_none()
        && date.day.is_some()
        && let Ok((after, (found, start, end))) = trailing_weekday(rest)
    {
        let base = input.len() - rest.len();
        weekday = Some((found, base + start..base + end));
        rest = after;
    }
    Ok((
        rest,
        Expr::Calendar {
            date,
            weekday,
            part: None,
        },
    ))
}

/// A month alone ("June"), which the caller accepts only after a preposition or modifier.
pub fn bare_month(input: &str) -> Res<'_, Expr> {
    let (rest, month) = terminated(month_name, peek(not_followed_by_capital)).parse(input)?;
    Ok((
        rest,
        Expr::Calendar {
            date: CalendarDate {
                year: None,
                month: Some(month),
                day: None,
            },
            weekday: None,
            part: None,
        },
    ))
}

/// "June Carter" is a person: a month alone must not be followed by a capitalised word.
fn not_followed_by_capital(input: &str) -> Res<'_, ()> {
    not((char(' '), verify(anychar, |c: &char| c.is_uppercase()))).parse(input)
}

/// A year alone ("1942"), which the caller accepts only in a temporal context.
pub fn bare_year(input: &str) -> Res<'_, Expr> {
    let (rest, year) = year(input)?;
    Ok((
        rest,
        Expr::Calendar {
            date: CalendarDate {
                year: Some(year),
                month: None,
                day: None,
            },
            weekday: None,
            part: None,
        },
    ))
}

/// "1910-45", "1910-1945", "1950–53".
pub fn year_range(input: &str) -> Res<'_, Expr> {
    let (rest, (from, _, tail)) = (
        year_digits,
        alt((tag("-"), tag("–"), tag("—"))),
        take_while_m_n(2, 4, |c: char| c.is_ascii_digit()),
    )
        .parse(input)?;
    let (rest, _) = boundary(rest)?;
    let to = match tail.len() {
        2 => from - from % 100 + tail.parse::<i32>().unwrap_or(0),
        4 => tail.parse().unwrap_or(0),
        _ => 0,
    };
    if to <= from || !(1000..2200).contains(&from) {
        return reject(input);
    }
    Ok((rest, Expr::YearRange { from, to }))
}

/// "the 1990s", "1990s", "the '90s", "the 90s".
pub fn decade<'a>(input: &'a str, first: &FirstWord<'a>) -> Res<'a, Expr> {
    let digits_or_apostrophe =
        |lead: &Lead, input: &str| lead.is_digit() || input.starts_with(['\'', '’']);
    let after_the = first
        .after_the()
        .is_some_and(|(rest, next)| digits_or_apostrophe(next, rest));
    if !(digits_or_apostrophe(&first.lead, input) || after_the) {
        return reject(input);
    }
    decade_forms(input)
}

/// The grammar of `decade`, tried whatever the first word.
fn decade_forms(input: &str) -> Res<'_, Expr> {
    let (rest, (_, digits_text, _)) = (
        opt(terminated(word("the"), space)),
        alt((
            verify(
                take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
                |s: &str| s.ends_with('0'),
            ),
            preceded(
                opt(alt((tag("'"), tag("’")))),
                verify(
                    take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
                    |s: &str| s.ends_with('0'),
                ),
            ),
        )),
        terminated(alt((tag("s"), tag("'s"), tag("’s"))), boundary),
    )
        .parse(input)?;
    let value: i32 = digits_text.parse().unwrap_or(0);
    let leading_digits = if digits_text.len() == 2 {
        190 + value / 10
    } else {
        value / 10
    };
    Ok((rest, Expr::Decade { leading_digits }))
}

/// "the 20th century", "16th-century", "the nineteenth century".
pub fn century<'a>(input: &'a str, first: &FirstWord<'a>) -> Res<'a, Expr> {
    let after_the = first.the_then(Class::ORDINAL)
        || first.after_the().is_some_and(|(_, next)| next.is_digit());
    if !(first.lead.is_digit() || first.is(Class::ORDINAL) || after_the) {
        return reject(input);
    }
    century_forms(input)
}

/// The grammar of `century`, tried whatever the first word.
fn century_forms(input: &str) -> Res<'_, Expr> {
    let (rest, (_, number, _, _)) = (
        opt(terminated(word("the"), space)),
        super::lexicon::ordinal,
        alt((tag("-"), tag(" "))),
        terminated(tag_ascii("century"), boundary),
    )
        .parse(input)?;
    Ok((
        rest,
        Expr::Century {
            leading_digits: number as i32 - 1,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(
        text: &str,
    ) -> (
        CalendarDate,
        Option<(Weekday, std::ops::Range<usize>)>,
        &str,
    ) {
        match calendar_date(text) {
            Ok((rest, Expr::Calendar { date, weekday, .. })) => (date, weekday, rest),
            other => panic!("{text:?} parsed as {other:?}"),
        }
    }

    fn ymd(year: Option<i32>, month: u32, day: Option<u32>) -> CalendarDate {
        CalendarDate {
            year,
            month: Some(month),
            day,
        }
    }

    #[test]
    fn month_day_year_forms() {
        assert_eq!(
            date_of("Dec. 18, 1965, in Seoul").0,
            ymd(Some(1965), 12, Some(18))
        );
        assert_eq!(
            date_of("December 18, 1965").0,
            ymd(Some(1965), 12, Some(18))
        );
        assert_eq!(date_of("Sept. 30 and").0, ymd(None, 9, Some(30)));
        assert_eq!(date_of("June 17th, when").0, ymd(None, 6, Some(17)));
        assert_eq!(date_of("Jan 16 (NationPress)").0, ymd(None, 1, Some(16)));
    }

    #[test]
    fn day_month_year_forms() {
        assert_eq!(date_of("18 December 1965").0, ymd(Some(1965), 12, Some(18)));
        assert_eq!(date_of("17th of June").0, ymd(None, 6, Some(17)));
        assert_eq!(date_of("9 Nov. 2024").0, ymd(Some(2024), 11, Some(9)));
    }

    #[test]
    fn month_year_and_iso() {
        assert_eq!(date_of("June 2022 a month").0, ymd(Some(2022), 6, None));
        assert_eq!(date_of("September, 2022").0, ymd(Some(2022), 9, None));
        assert_eq!(date_of("2025-06-17 at").0, ymd(Some(2025), 6, Some(17)));
        assert!(calendar_date("2025-13-01").is_err());
    }

    #[test]
    fn weekdays_tied_before_and_after() {
        let (date, weekday, _) = date_of("Tuesday, June 17, the");
        assert_eq!(date, ymd(None, 6, Some(17)));
        assert_eq!(weekday, Some((Weekday::Tue, 0..7)));
        let (_, weekday, _) = date_of("Tue., June 17");
        assert_eq!(weekday.map(|w| w.0), Some(Weekday::Tue));
        let (date, weekday, rest) = date_of("June 17 (Tuesday) the");
        assert_eq!(date, ymd(None, 6, Some(17)));
        assert_eq!(weekday, Some((Weekday::Tue, 9..16)));
        assert_eq!(rest, " the");
        let (date, weekday, _) = date_of("Tuesday 17 June 2025");
        assert_eq!(date, ymd(Some(2025), 6, Some(17)));
        assert_eq!(weekday.map(|w| w.0), Some(Weekday::Tue));
        let (date, weekday, _) = date_of("Friday (June 15), according to");
        assert_eq!(date, ymd(None, 6, Some(15)));
        assert_eq!(weekday, Some((Weekday::Fri, 0..6)));
        let (_, weekday, _) = date_of("Friday the 13th of June");
        assert_eq!(weekday.map(|w| w.0), Some(Weekday::Fri));
        let (_, weekday, _) = date_of("June 17, a Tuesday, when");
        assert_eq!(weekday.map(|w| w.0), Some(Weekday::Tue));
    }

    #[test]
    fn not_dates() {
        assert!(calendar_date("may 5").is_err(), "lower-case verb");
        assert!(
            calendar_date("June 1,965 people").is_err()
                || date_of("June 1,965 people").0.day != Some(1)
        );
        assert!(calendar_date("March on Washington").is_err());
        assert!(year("1,965").is_err());
        assert!(year("19650").is_err());
        assert!(bare_month("June Carter").is_err());
        assert!(bare_month("June, when").is_ok());
    }

    /// `parser` at the start of `text`, with its first word classified there.
    fn led<'a>(
        parser: fn(&'a str, &FirstWord<'a>) -> Res<'a, Expr>,
        text: &'a str,
    ) -> Res<'a, Expr> {
        parser(text, &FirstWord::of(text))
    }

    #[test]
    fn the_first_word_gates_change_nothing() {
        use crate::extract::samples::assert_gates_change_nothing;
        assert_gates_change_nothing(calendar_date, calendar_forms, 30);
        assert_gates_change_nothing(|input| led(decade, input), decade_forms, 3);
        assert_gates_change_nothing(|input| led(century, input), century_forms, 3);
    }

    #[test]
    fn ranges_decades_centuries() {
        assert_eq!(
            year_range("1910-45 colonial").unwrap().1,
            Expr::YearRange {
                from: 1910,
                to: 1945
            }
        );
        assert_eq!(
            year_range("1950–1953").unwrap().1,
            Expr::YearRange {
                from: 1950,
                to: 1953
            }
        );
        assert!(year_range("2025-06-17").is_err());
        assert_eq!(
            led(decade, "the 1990s").unwrap().1,
            Expr::Decade {
                leading_digits: 199
            }
        );
        assert_eq!(
            led(decade, "the '80s").unwrap().1,
            Expr::Decade {
                leading_digits: 198
            }
        );
        assert_eq!(
            led(century, "16th-century poet").unwrap().1,
            Expr::Century { leading_digits: 15 }
        );
        assert_eq!(
            led(century, "the 20th century").unwrap().1,
            Expr::Century { leading_digits: 19 }
        );
    }
}
