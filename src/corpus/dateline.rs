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
    let outlet_reads_well = outlet.is_some_and(|o: &str| o.chars().count() >= 2)
        && (dash.is_some() || next.is_none_or(|c| c.is_uppercase() || c == '"'));
    // A dated dateline needs an outlet or a dash after it; an undated one is either
    // "Place (Outlet)" followed by the story, or an all-caps "PLACE —".
    let accepted = match (&date, outlet) {
        (Some(_), _) => outlet.is_some() || dash.is_some(),
        (None, Some(_)) => outlet_reads_well,
        (None, None) => dash.is_some() && all_caps,
    };
    accepted.then(|| DatelineMatch {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline(line: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        parse_dateline(line).map(|d| {
            (
                d.place.to_string(),
                d.outlet.map(str::to_string),
                d.date.map(|(date, _)| date.iso()),
                line[..d.len].to_string(),
            )
        })
    }

    #[test]
    fn datelines_with_and_without_a_date() {
        let found = dateline("Seoul, Jan 16 (NationPress) South Korean President").unwrap();
        assert_eq!(found.0, "Seoul");
        assert_eq!(found.1.as_deref(), Some("NationPress"));
        assert_eq!(found.2.as_deref(), Some("XXXX-01-16"));
        assert_eq!(found.3, "Seoul, Jan 16 (NationPress)");

        let found = dateline("TOKYO (Kyodo) -- Japanese Prime Minister").unwrap();
        assert_eq!(
            (
                found.0.as_str(),
                found.1.as_deref(),
                found.2,
                found.3.as_str()
            ),
            ("TOKYO", Some("Kyodo"), None, "TOKYO (Kyodo) --")
        );

        let found = dateline("KANANASKIS, Canada — Korean President Lee").unwrap();
        assert_eq!((found.0.as_str(), found.1), ("KANANASKIS, Canada", None));

        let found = dateline("St. Louis (AP) — A jury").unwrap();
        assert_eq!(found.0, "St. Louis");

        let found = dateline("WASHINGTON, June 9 (Reuters) - The U.S.").unwrap();
        assert_eq!(found.3, "WASHINGTON, June 9 (Reuters) -");
    }

    #[test]
    fn sentences_are_not_datelines() {
        for line in [
            "Lee Jae-myung (R), the presidential nominee of the ruling Democratic Party",
            "Samsung Electronics (SEC) said on Monday",
            "Seoul, Jan 16 South Korean President",
            "Seoul and Tokyo are focusing on strengthening bilateral ties.",
            "Kananaskis, Canada — a resort",
            "The two leaders — Lee and Ishiba — met",
            "lowercase, June 9 (Reuters) -",
        ] {
            assert!(parse_dateline(line).is_none(), "{line:?}");
        }
    }

    #[test]
    fn bylines_that_name_an_agency() {
        assert_eq!(byline("By Yonhap"), Some("Yonhap"));
        assert_eq!(byline("By Yonhap News Agency"), Some("Yonhap News Agency"));
        assert_eq!(byline("BY Reuters"), Some("Reuters"));
        assert_eq!(byline("By Kim Soo-yeon"), None);
        assert_eq!(byline("By Shin Ji-hye and Kim Arin"), None);
        assert_eq!(byline("By admin"), None);
        assert_eq!(byline("Byline"), None);
    }
}
