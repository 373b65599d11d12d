//! Datelines and bylines: "WASHINGTON, June 9 (Reuters) -", "TOKYO (Kyodo) --",
//! "By Yonhap" — where a story was filed, by which outlet, and on which (yearless) day.

use std::ops::Range;

use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, satisfy, space0, space1};
use nom::combinator::opt;
use nom::{IResult, Parser};

use super::dates::written_date;
use crate::time::CalendarDate;

/// Characters that set furniture apart: "Korea Herald | June 9, 2025".
pub(super) const SEPARATORS: &[char] = &['|', '·', '•', '—', '–', '-', '/', '(', '[', ','];

/// A dateline at the start of a line: "WASHINGTON, June 9 (Reuters) -",
/// "Seoul, Jan 16 (NationPress)", "TOKYO (Kyodo) --", "KANANASKIS, Canada —".
#[derive(Debug)]
pub(super) struct DatelineMatch<'a> {
    pub place: &'a str,
    pub outlet: Option<&'a str>,
    /// The date and its byte range in the line.
    pub date: Option<(CalendarDate, Range<usize>)>,
    /// The dateline's length in bytes, from the line start.
    pub len: usize,
}

pub(super) fn parse_dateline(line: &str) -> Option<DatelineMatch<'_>> {
    let (after_place, _) = place(line).ok()?;
    let mut rest = after_place;
    let mut date = None;
    // ", June 9" or ", Region, June 9" or ", Region"
    for _ in 0..2 {
        let Ok((after_comma, _)) = (char::<_, nom::error::Error<&str>>(','), space1).parse(rest)
        else {
            break;
        };
        if let Ok((after, found)) = written_date(after_comma) {
            let start = line.len() - after_comma.len();
            date = Some((found, start..line.len() - after.len()));
            rest = after;
            break;
        }
        match place(after_comma) {
            Ok((after, _)) => rest = after,
            Err(_) => break,
        }
    }
    let place_text = line[..line.len() - rest.len()].trim_end();
    let place_end = date
        .as_ref()
        .map_or(place_text.len(), |(_, span)| span.start);
    let place_name = line[..place_end].trim_end_matches([',', ' ']);
    let (after_outlet, outlet) = opt(outlet).parse(rest).ok()?;
    let (after_dash, dash) = opt((space0, dash)).parse(after_outlet).ok()?;
    let all_caps = place_name
        .split([' ', ','])
        .next()
        .is_some_and(|w| w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase()));
    let next = after_dash.trim_start().chars().next();
    let outlet_reads_well = outlet.is_some_and(|o: &str| o.chars().count() >= 3)
        && (dash.is_some() || next.is_none_or(|c| c.is_uppercase() || c == '"'));
    let accepted = match (&date, outlet, dash) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => true,
        (None, Some(_), Some(_)) => true,
        (None, Some(_), None) => outlet_reads_well,
        (None, None, Some(_)) => all_caps,
        _ => false,
    };
    (accepted && (outlet.is_none() || outlet_reads_well || date.is_some())).then(|| DatelineMatch {
        place: place_name,
        outlet,
        date,
        len: line.len() - after_dash.len(),
    })
}

/// One to four capitalized words: "Seoul", "NEW YORK", "St. Louis", "Kuala Lumpur".
fn place(input: &str) -> IResult<&str, &str> {
    let mut end = 0;
    let mut rest = input;
    for i in 0..4 {
        let spaced = if i == 0 {
            Ok((rest, ""))
        } else {
            tag::<_, _, nom::error::Error<&str>>(" ").parse(rest)
        };
        let Ok((after_space, _)) = spaced else { break };
        let Ok((after, _)) = place_word(after_space) else {
            break;
        };
        rest = after;
        end = input.len() - rest.len();
    }
    if end == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Alpha,
        )));
    }
    Ok((&input[end..], &input[..end]))
}

fn place_word(input: &str) -> IResult<&str, &str> {
    satisfy(char::is_uppercase).parse(input)?;
    take_while1(|c: char| c.is_alphabetic() || ".-'’".contains(c)).parse(input)
}

/// "(Reuters)", " (Kyodo)": an outlet in parentheses, capitalized, short.
fn outlet(input: &str) -> IResult<&str, &str> {
    let (rest, _) = (space0, char('(')).parse(input)?;
    let (rest, name) = take_while1(|c: char| c != ')' && c != '(' && c != '\n').parse(rest)?;
    let (rest, _) = char(')').parse(rest)?;
    let ok = name.len() <= 40 && name.starts_with(char::is_uppercase);
    if !ok {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, name))
}

/// "--", "—", "–", "-" (followed by a space or the end).
fn dash(input: &str) -> IResult<&str, &str> {
    let (rest, found) =
        nom::branch::alt((tag("--"), tag("—"), tag("–"), tag("―"), tag("-"))).parse(input)?;
    if rest.is_empty() || rest.starts_with(char::is_whitespace) {
        Ok((rest, found))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )))
    }
}

/// The outlet of a byline that names an agency, not a person: "By Yonhap",
/// "By Yonhap News Agency".
pub(super) fn byline(line: &str) -> Option<&str> {
    let name = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalized = words
        .iter()
        .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic));
    let agency = matches!(
        words.last(),
        Some(&("News" | "Agency" | "Press" | "Service" | "Wire"))
    );
    (capitalized && (words.len() == 1 || agency)).then_some(name)
}
