//! The nom grammar of dates as news pages print them in their furniture: "Dec 27, 2021",
//! "Monday, June 9, 2025", "Juni 9, 2025", "9. Juni 2025", "9 de junio de 2025",
//! "2025-06-09T10:00:00Z", "2025/06/09", "June 2025", and yearless "Jan 16" / "16 Jan".

use chrono::NaiveDate;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of, space0, space1};
use nom::combinator::{map_opt, not, opt, peek, recognize, verify};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use crate::time::CalendarDate;
use crate::time::names::{any_month, english_weekday};

/// A date written at the start of `input`, with what is left after it. The date may lack its
/// year ("Jan 16") or its day ("June 2025"), never its month; full dates are real days.
pub fn written_date(input: &str) -> IResult<&str, CalendarDate> {
    preceded(
        opt(weekday_prefix),
        alt((
            iso_date,
            month_day_year,
            day_month_year,
            month_year,
            month_day,
            day_month,
        )),
    )
    .parse(input)
}

/// "Monday, " or "Mon. " before a date.
fn weekday_prefix(input: &str) -> IResult<&str, ()> {
    let (rest, _) = verify(word, |w: &str| english_weekday(w).is_some()).parse(input)?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    let (rest, _) = (opt(char(',')), space1).parse(rest)?;
    Ok((rest, ()))
}

/// A run of letters (accents included, "août", "März"), ending at a word boundary.
fn word(input: &str) -> IResult<&str, &str> {
    take_while1(char::is_alphabetic).parse(input)
}

/// A month name in any supported language, with an optional abbreviation period.
fn month_name(input: &str) -> IResult<&str, u32> {
    let (rest, name) = recognize((word, opt(char('.')))).parse(input)?;
    match any_month(name) {
        Some(month) => Ok((rest, month)),
        None => fail(input),
    }
}

fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// Digits, `min..=max` of them, not followed by another digit.
fn digits(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, u32> {
    move |input| {
        map_opt(
            terminated(
                take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
                not(peek(one_of("0123456789"))),
            ),
            |d: &str| d.parse().ok(),
        )
        .parse(input)
    }
}

/// A four-digit year that news furniture can carry, not glued to a following word.
fn year(input: &str) -> IResult<&str, i32> {
    let (rest, value) = verify(digits(4, 4), |y| (1800..=2200).contains(y)).parse(input)?;
    let (rest, _) = not(peek(take_while_m_n(1, 1, char::is_alphanumeric))).parse(rest)?;
    Ok((rest, value as i32))
}

/// A day of the month: "9", "09", "9th", "1st", "9." (German).
fn day(input: &str) -> IResult<&str, u32> {
    let (rest, value) = verify(digits(1, 2), |d| (1..=31).contains(d)).parse(input)?;
    let (rest, _) = opt(alt((
        tag_no_case("st"),
        tag_no_case("nd"),
        tag_no_case("rd"),
        tag_no_case("th"),
        tag("."),
    )))
    .parse(rest)?;
    let (rest, _) = not(peek(take_while_m_n(1, 1, char::is_alphanumeric))).parse(rest)?;
    Ok((rest, value))
}

/// "2025-06-09", "2025/06/09", "2025.06.09", with any time after it left unread.
fn iso_date(input: &str) -> IResult<&str, CalendarDate> {
    let (rest, year) = digits(4, 4).parse(input)?;
    let (rest, sep) = one_of("-/.").parse(rest)?;
    let (rest, month) = digits(1, 2).parse(rest)?;
    let (rest, _) = char(sep).parse(rest)?;
    let (rest, day) = digits(1, 2).parse(rest)?;
    let (rest, _) = not(peek(one_of(".-/"))).parse(rest)?;
    full(rest, input, year as i32, month, day)
}

/// "Dec 27, 2021", "Juni 9, 2025", "June 9th 2025".
fn month_day_year(input: &str) -> IResult<&str, CalendarDate> {
    let (rest, (month, _, day, _, _, year)) =
        (month_name, space1, day, opt(char(',')), space1, year).parse(input)?;
    full(rest, input, year, month, day)
}

/// "9 juin 2025", "9. Juni 2025", "9 de junio de 2025", "27 Dec, 2021".
fn day_month_year(input: &str) -> IResult<&str, CalendarDate> {
    let (rest, (day, _, _, month, _, _, year)) = (
        day,
        space1,
        opt(terminated(tag_no_case("de"), space1)),
        month_name,
        opt((space1, alt((tag_no_case("del"), tag_no_case("de"))))),
        (opt(char(',')), space1),
        year,
    )
        .parse(input)?;
    full(rest, input, year, month, day)
}

/// "June 2025", "juin 2025".
fn month_year(input: &str) -> IResult<&str, CalendarDate> {
    let (rest, (month, _, year)) = (month_name, (opt(char(',')), space1), year).parse(input)?;
    let date = CalendarDate {
        year: Some(year),
        month: Some(month),
        day: None,
    };
    Ok((rest, date))
}

/// "Jan 16", "June 9th": a day without its year.
fn month_day(input: &str) -> IResult<&str, CalendarDate> {
    let (rest, (month, _, day)) = (month_name, space1, day).parse(input)?;
    partial(rest, input, month, day)
}

/// "16 Jan", "9 juin": a day without its year.
fn day_month(input: &str) -> IResult<&str, CalendarDate> {
    let (rest, (day, _, _, month)) = (
        day,
        space1,
        opt(terminated(tag_no_case("de"), space1)),
        month_name,
    )
        .parse(input)?;
    partial(rest, input, month, day)
}

fn full<'a>(
    rest: &'a str,
    input: &'a str,
    year: i32,
    month: u32,
    day: u32,
) -> IResult<&'a str, CalendarDate> {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => Ok((rest, CalendarDate::full(date))),
        None => fail(input),
    }
}

fn partial<'a>(
    rest: &'a str,
    input: &'a str,
    month: u32,
    day: u32,
) -> IResult<&'a str, CalendarDate> {
    // 2024 is a leap year, so February 29 is accepted without a year.
    if NaiveDate::from_ymd_opt(2024, month, day).is_none() {
        return fail(input);
    }
    let date = CalendarDate {
        year: None,
        month: Some(month),
        day: Some(day),
    };
    Ok((rest, date))
}

/// A front-matter date: "2025-06-17", "2025-06", "2025", "2025-06-17T09:00:00+09:00",
/// "2025-06-17 09:00", or a written date ("June 17, 2025"). The time is ignored.
pub fn front_matter_date(value: &str) -> Option<CalendarDate> {
    let value = value.trim();
    let numeric = |input| -> IResult<&str, CalendarDate> {
        let (rest, year) = year(input)?;
        let (rest, month) = opt(preceded(char('-'), digits(2, 2))).parse(rest)?;
        let (rest, day) = match month {
            Some(_) => opt(preceded(char('-'), digits(2, 2))).parse(rest)?,
            None => (rest, None),
        };
        let (rest, _) = opt(preceded(one_of("T "), take_while1(|_| true))).parse(rest)?;
        Ok((
            rest,
            CalendarDate {
                year: Some(year),
                month,
                day,
            },
        ))
    };
    let (rest, date) = alt((numeric, written_date)).parse(value).ok()?;
    let (rest, _) = space0::<_, nom::error::Error<&str>>(rest).ok()?;
    let valid = match (date.month, date.day) {
        (Some(_), Some(_)) => date.to_naive().is_some(),
        (Some(month), None) => (1..=12).contains(&month),
        _ => true,
    };
    (rest.is_empty() && valid && date.year.is_some()).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(String, &str)> {
        written_date(text)
            .ok()
            .map(|(rest, date)| (date.iso(), rest))
    }

    fn iso(text: &str) -> Option<String> {
        parse(text).map(|(iso, _)| iso)
    }

    #[test]
    fn month_first_with_year() {
        assert_eq!(
            parse("Dec 27, 2021 - 14:13"),
            Some(("2021-12-27".into(), " - 14:13"))
        );
        assert_eq!(
            iso("June 9, 2025 at 10:02 am").as_deref(),
            Some("2025-06-09")
        );
        assert_eq!(iso("Juni 9, 2025").as_deref(), Some("2025-06-09"));
        assert_eq!(iso("Sept. 3rd 2024").as_deref(), Some("2024-09-03"));
        assert_eq!(iso("Monday, June 9, 2025").as_deref(), Some("2025-06-09"));
        assert_eq!(iso("Tue. Jun 17, 2025").as_deref(), Some("2025-06-17"));
    }

    #[test]
    fn day_first_in_several_languages() {
        assert_eq!(iso("9 juin 2025").as_deref(), Some("2025-06-09"));
        assert_eq!(iso("9. Juni 2025").as_deref(), Some("2025-06-09"));
        assert_eq!(iso("9 de junio de 2025").as_deref(), Some("2025-06-09"));
        assert_eq!(iso("17 giugno 2025").as_deref(), Some("2025-06-17"));
        assert_eq!(iso("27 Dec, 2021").as_deref(), Some("2021-12-27"));
        assert_eq!(iso("1 août 2024").as_deref(), Some("2024-08-01"));
        assert_eq!(iso("16 Januari 2026").as_deref(), Some("2026-01-16"));
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(
            parse("2021-12-27  Back"),
            Some(("2021-12-27".into(), "  Back"))
        );
        assert_eq!(iso("2025/06/09").as_deref(), Some("2025-06-09"));
        assert_eq!(
            parse("2025-06-09T10:00:00Z"),
            Some(("2025-06-09".into(), "T10:00:00Z"))
        );
        assert_eq!(iso("2025-13-09"), None);
        assert_eq!(iso("2025-06/09"), None);
        assert_eq!(iso("1910-45"), None);
    }

    #[test]
    fn partial_forms_keep_what_is_written() {
        assert_eq!(iso("Jan 16 (NationPress)").as_deref(), Some("XXXX-01-16"));
        assert_eq!(iso("16 Jan").as_deref(), Some("XXXX-01-16"));
        assert_eq!(iso("June 2025").as_deref(), Some("2025-06"));
        assert_eq!(iso("Feb 29").as_deref(), Some("XXXX-02-29"));
        assert_eq!(iso("Feb 30"), None);
    }

    #[test]
    fn not_dates() {
        assert_eq!(iso("March 9presidential"), None);
        assert_eq!(iso("Mayor Kim"), None);
        assert_eq!(iso("may be"), None);
        assert_eq!(iso("8 hours ago"), None);
        assert_eq!(iso("June 123"), None);
        // A five-digit "year" is not a year: only the day and month are read.
        assert_eq!(iso("June 9, 20255").as_deref(), Some("XXXX-06-09"));
    }

    #[test]
    fn front_matter_dates_keep_their_precision() {
        let iso = |v: &str| front_matter_date(v).map(CalendarDate::iso);
        assert_eq!(iso("2025-06-17").as_deref(), Some("2025-06-17"));
        assert_eq!(iso("2025-06").as_deref(), Some("2025-06"));
        assert_eq!(iso("2025").as_deref(), Some("2025"));
        assert_eq!(
            iso("2025-06-17T09:00:00+09:00").as_deref(),
            Some("2025-06-17")
        );
        assert_eq!(iso("2025-06-17 09:00").as_deref(), Some("2025-06-17"));
        assert_eq!(iso("June 17, 2025").as_deref(), Some("2025-06-17"));
        assert_eq!(iso("2025-02-30"), None);
        assert_eq!(iso("2025-13"), None);
        assert_eq!(iso("June 17"), None);
        assert_eq!(iso("soon"), None);
    }
}
