//! The scan: runs the mention parsers at the places the pre-scan found and keeps, for each
//! place, the longest expression that covers its anchor word.

use std::ops::Range;

use super::calendar::{bare_month, bare_year, calendar_date_at, century, decade, year_range};
use super::clock::{time_after_day, time_then_day};
use super::duration::duration_at;
use super::expr::{Amount, Expr};
use super::first_word::{Class, FirstWord};
use super::holiday::holiday;
use super::lexicon::{reject, space};
#[cfg(test)]
use super::prescan::anchors;
use super::prescan::{candidate_starts, could_start};
use super::relative::relative_date_at;
#[cfg(test)]
use super::word_starts::WordStarts;

/// A parsed expression and the bytes of the article it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub span: Range<usize>,
    pub expr: Expr,
}

/// Words after which a month or a year alone is a date: "in June", "since 2017".
const DATE_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "before",
    "after",
    "through",
    "from",
    "to",
    "during",
    "of",
    "between",
    "last",
    "this",
    "next",
    "early",
    "late",
    "mid",
    "fiscal",
    "the",
    "that",
    "around",
    "circa",
    "on",
    "for",
    "as",
    "throughout",
    "within",
    "year",
];

/// Capitalised words before a weekday that make it a name, not a date: "Black Friday".
const WEEKDAY_NAMES: &[&str] = &[
    "Good", "Black", "Super", "Bloody", "Easter", "Ash", "Palm", "Holy", "Cyber", "Maundy",
    "Giving", "Blue",
];

/// Capitalised words after a weekday that make it a name: "the Sunday Times".
const WEEKDAY_TITLES: &[&str] = &[
    "Times",
    "Telegraph",
    "Express",
    "Mirror",
    "Herald",
    "Post",
    "Mail",
    "People",
    "Night",
    "School",
    "Service",
    "Independent",
    "Observer",
    "Star",
    "Sport",
    "Journal",
    "Tribune",
];

/// The word that ends before `start`, past spaces, tabs and hyphens; "" after other marks.
pub(super) fn word_before(text: &str, start: usize) -> &str {
    let before = text[..start].trim_end_matches([' ', '\t', '-']);
    // Past the whole separator, which may be more than one byte ("—", "�").
    let from = before
        .char_indices()
        .rfind(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[from..]
}

fn word_after(text: &str, end: usize) -> &str {
    let after = text[end..].strip_prefix(' ').unwrap_or("");
    let to = after
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(after.len());
    &after[..to]
}

/// Every parser whose output can stand alone, tried at one start; the longest wins, the
/// earlier in this order on a tie.
fn longest_at(text: &str, start: usize) -> Option<(usize, Expr)> {
    let input = &text[start..];
    // Every parser's gate asks about the first word: it is classified once, here.
    let first = FirstWord::of(input);
    if first.lead.is_digit() && !number_may_begin(input) {
        return None;
    }
    longest_of_all(text, start, &first)
}

/// Whether a number at the start of `input` may begin an expression. Four digits may be a
/// year before anything; other numbers go on only into a unit, a month, a time of day, an
/// ordinal or decade suffix, a hyphen or a colon ("3 weeks", "17 June", "9 a.m.", "17th",
/// "90s", "three-" …), so "3.2 trillion" and "2 people" begin nothing.
fn number_may_begin(input: &str) -> bool {
    let run = input.bytes().take_while(u8::is_ascii_digit).count();
    if run == 4 {
        return true;
    }
    let rest = &input[run..];
    match rest.as_bytes().first() {
        // '’' and the dashes begin with 0xE2.
        Some(
            b':' | b'-' | b'\'' | b's' | b'S' | b'n' | b'N' | b'r' | b'R' | b't' | b'T' | b'a'
            | b'A' | b'p' | b'P' | 0xE2,
        ) => true,
        Some(_) => space(rest).is_ok_and(|(after, ())| {
            let next = FirstWord::of(after);
            next.is(Class::UNIT)
                || (next.lead.is_capitalised() && next.is(Class::MONTH))
                || next.lead.is_one_of(&["of", "a", "am", "p", "pm"])
        }),
        None => false,
    }
}

/// `longest_at` past the gate on numbers.
fn longest_of_all(text: &str, start: usize, first: &FirstWord<'_>) -> Option<(usize, Expr)> {
    let input = &text[start..];
    // `clock_time` would parse the day of "Tuesday at 9 a.m." with `calendar_date` and
    // `relative_date` once more; they run once here and the clock reuses their day.
    let calendar = calendar_date_at(input, first);
    let relative = relative_date_at(input, first);
    let day = calendar.as_ref().or(relative.as_ref());
    let clock = time_then_day(input, &first.lead).or_else(|error| match day {
        Ok((rest, day)) => time_after_day(rest, day),
        Err(_) => Err(error),
    });
    // A year range starts with a year's digits.
    let range = if first.lead.is_digit() {
        year_range(input)
    } else {
        reject(input)
    };
    let results = [
        holiday(input, &first.lead),
        clock,
        calendar,
        range,
        decade(input, first),
        century(input, first),
        relative,
        duration_at(input, first),
    ];
    let mut best: Option<(usize, Expr)> = None;
    for (rest, expr) in results.into_iter().flatten() {
        let length = input.len() - rest.len();
        if best.as_ref().is_none_or(|(l, _)| length > *l) {
            best = Some((length, expr));
        }
    }
    if best.is_none() {
        best = bare_month_or_year(text, start, first);
    }
    best
}

/// Counted things that a number from 1000 to 2199 may be a count of, not a year.
const COUNTED: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "residents",
    "workers",
    "employees",
    "members",
    "votes",
    "cases",
    "deaths",
    "units",
    "cars",
    "homes",
    "houses",
    "jobs",
    "shares",
    "barrels",
    "tons",
    "tonnes",
    "points",
    "miles",
    "kilometers",
    "kilometres",
    "meters",
    "metres",
    "feet",
    "yards",
    "acres",
    "hectares",
    "students",
    "children",
    "patients",
    "passengers",
    "flights",
    "dollars",
    "euros",
    "won",
    "yen",
    "pounds",
    "rounds",
    "pages",
    "words",
    "calories",
    "percent",
];

/// A month or a year standing alone: a month needs a preposition or modifier before it
/// ("in June"; "June" may be a name, "may" a verb); a year needs not to be a count or an amount.
fn bare_month_or_year(text: &str, start: usize, first: &FirstWord<'_>) -> Option<(usize, Expr)> {
    let input = &text[start..];
    let is_one_of = |word: &str, words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(word));
    if first.lead.is_digit()
        && let Ok((rest, expr)) = bare_year(input)
    {
        let end = start + input.len() - rest.len();
        let money = text[..start].ends_with(['$', '€', '£', '¥', '#']);
        let counted = is_one_of(word_after(text, end), COUNTED)
            || rest.starts_with(['%', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit());
        let numbered = is_one_of(
            word_before(text, start),
            &[
                "no", "number", "route", "flight", "room", "page", "article", "section",
            ],
        );
        return (!money && !counted && !numbered && !rest.starts_with('%'))
            .then(|| (end - start, expr));
    }
    // Only a capitalised English month name is a month here.
    if first.lead.is_capitalised()
        && first.is(Class::MONTH)
        && is_one_of(word_before(text, start), DATE_CONTEXT)
        && let Ok((rest, expr)) = bare_month(input)
    {
        return Some((input.len() - rest.len(), expr));
    }
    None
}

/// A weekday used as part of a name ("Black Friday", "Sunday Times") is not a date.
fn is_named_weekday(text: &str, span: &Range<usize>, expr: &Expr) -> bool {
    let Expr::Weekday { .. } = expr else {
        return false;
    };
    WEEKDAY_NAMES.contains(&word_before(text, span.start))
        || WEEKDAY_TITLES.contains(&word_after(text, span.end))
}

/// "$500 million a year", "four flights a week": a rate, not a length of time.
fn is_rate(text: &str, span: &Range<usize>, expr: &Expr) -> bool {
    let Expr::Duration {
        amount: Amount::Exact(1),
        ..
    } = expr
    else {
        return false;
    };
    let words = &text[span.clone()];
    if !(words.starts_with("a ") || words.starts_with("an ")) {
        return false;
    }
    let before = word_before(text, span.start);
    let year_like = before.len() == 4 && (before.starts_with('1') || before.starts_with("20"));
    (before.contains(|c: char| c.is_ascii_digit()) && !year_like)
        || matches!(
            before,
            "million" | "billion" | "trillion" | "thousand" | "hundred" | "percent" | "times"
        )
        || (before.len() > 3
            && before.ends_with('s')
            && before.starts_with(|c: char| c.is_lowercase()))
}

/// "Korea JoongAng Daily", "the Daily Mail": a capitalised "Daily" next to another
/// capitalised word is a title, not a repetition.
fn is_named_set(text: &str, span: &Range<usize>, expr: &Expr) -> bool {
    let Expr::Set { .. } = expr else {
        return false;
    };
    let capitalised = |word: &str| word.starts_with(|c: char| c.is_uppercase());
    capitalised(&text[span.clone()])
        && (capitalised(word_before(text, span.start)) || capitalised(word_after(text, span.end)))
}

/// `scan_words` of `range`, finding its word starts first (for tests).
#[cfg(test)]
pub fn scan(text: &str, range: Range<usize>) -> Vec<Found> {
    scan_words(text, &WordStarts::new(text, range))
}

/// Finds every temporal expression in the range whose word starts `words` holds, in order,
/// without overlaps.
#[cfg(test)]
pub fn scan_words(text: &str, words: &WordStarts) -> Vec<Found> {
    scan_anchors(text, words.range(), anchors(text, words))
}

/// Finds every temporal expression in `range` around `anchors` (the range's [`anchors`], in
/// order), without overlaps.
pub fn scan_anchors(text: &str, range: Range<usize>, anchors: Vec<usize>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut floor = range.start;
    for anchor in anchors {
        if anchor < floor {
            continue;
        }
        let best = candidate_starts(text, floor, anchor)
            .into_iter()
            .filter(|&start| could_start(text, start))
            .find_map(|start| {
                let (length, expr) = longest_at(&text[..range.end], start)?;
                (start + length > anchor).then_some((start..start + length, expr))
            });
        if let Some((span, expr)) = best {
            if is_named_weekday(text, &span, &expr)
                || is_rate(text, &span, &expr)
                || is_named_set(text, &span, &expr)
            {
                continue;
            }
            floor = span.end;
            found.push(Found { span, expr });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::calendar::bare_month;
    use crate::extract::samples::for_each_sample_start;

    #[test]
    fn first_word_gates_change_nothing() {
        // At every sample start, and at it with its first letter capitalised as at the start
        // of a sentence: where `could_start` turns a word away, no parser finds anything.
        let mut turned_away = 0;
        let mut let_through = 0;
        for_each_sample_start(|input| {
            let mut chars = input.chars();
            let capitalised: String = chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            });
            for text in [input, capitalised.as_str()] {
                if could_start(text, 0) {
                    let_through += 1;
                    continue;
                }
                turned_away += 1;
                assert_eq!(longest_at(text, 0), None, "at {text:.40?}");
                assert!(bare_month(text).is_err(), "at {text:.40?}");
            }
        });
        assert!(
            turned_away > 1000 && let_through > 1000,
            "{turned_away} turned away, {let_through} let through"
        );
    }

    #[test]
    fn numbers_turned_away_begin_nothing() {
        let mut turned_away = 0;
        let mut let_through = 0;
        for_each_sample_start(|input| {
            if !input.starts_with(|c: char| c.is_ascii_digit()) {
                return;
            }
            if number_may_begin(input) {
                let_through += 1;
                return;
            }
            turned_away += 1;
            let first = FirstWord::of(input);
            assert_eq!(longest_of_all(input, 0, &first), None, "at {input:.40?}");
        });
        for text in [
            "3.2 trillion",
            "2 trillion",
            "1,965 people",
            "45%",
            "12 points",
        ] {
            assert!(!number_may_begin(text), "{text}");
        }
        for text in [
            "3 weeks", "17 June", "9 a.m.", "9am", "17th", "90s", "10:30", "1942.",
        ] {
            assert!(number_may_begin(text), "{text}");
        }
        assert!(
            turned_away > 50 && let_through > 50,
            "{turned_away} turned away, {let_through} let through"
        );
    }

    #[test]
    fn a_multibyte_character_before_a_bare_year_is_no_crash() {
        // Found by fuzzing: the word before was sliced one byte past "—" or "�".
        for text in ["the war—1950 to 1953", "me\u{FFFD}June 17", "in—June"] {
            let found = scan(text, 0..text.len());
            for item in &found {
                assert!(
                    text.get(item.span.clone()).is_some(),
                    "{text}: {:?}",
                    item.span
                );
            }
        }
        assert_eq!(word_before("the war—1950", 10), "");
        assert_eq!(word_before("in June", 3), "in");
    }

    fn texts(text: &str) -> Vec<&str> {
        scan(text, 0..text.len())
            .into_iter()
            .map(|f| &text[f.span])
            .collect()
    }

    #[test]
    fn finds_expressions_in_running_text() {
        assert_eq!(
            texts(
                "Lee took office last week and will visit Tokyo on Tuesday, June 17, for two days."
            ),
            ["last week", "Tuesday, June 17", "two days"]
        );
        assert_eq!(
            texts("It was signed on Dec. 18, 1965, in Seoul."),
            ["Dec. 18, 1965"]
        );
        assert_eq!(
            texts("Korea was under Japan's rule from 1910-45."),
            ["1910-45"]
        );
        assert_eq!(texts("a flood in 1942 claimed 183 lives"), ["1942"]);
        assert_eq!(
            texts("the meeting came two weeks after Lee took office"),
            ["two weeks"]
        );
        assert_eq!(
            texts("prices rose more than three months ago"),
            ["more than three months ago"]
        );
        assert_eq!(
            texts("in late October and early next year"),
            ["late October", "early next year"]
        );
        assert_eq!(texts("the 60th anniversary"), Vec::<&str>::new());
    }

    #[test]
    fn rejects_false_friends() {
        assert_eq!(texts("You may go, and march on."), Vec::<&str>::new());
        assert_eq!(texts("June Carter sang."), Vec::<&str>::new());
        assert_eq!(texts("The Sunday Times reported it."), Vec::<&str>::new());
        assert_eq!(texts("Black Friday sales"), Vec::<&str>::new());
        assert_eq!(texts("1,965 people and 2000 troops"), Vec::<&str>::new());
        assert_eq!(texts("He scored 17 points"), Vec::<&str>::new());
        assert_eq!(
            texts("It saves $500 million a year and adds 700 seats a week."),
            Vec::<&str>::new()
        );
        assert_eq!(texts("He stayed a week."), ["a week"]);
        assert_eq!(
            texts("in June 2022 a month after"),
            ["June 2022", "a month"]
        );
        assert_eq!(
            texts("the Korea JoongAng Daily reported"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn months_and_years_alone_need_a_preposition() {
        assert_eq!(texts("He visited in June."), ["June"]);
        assert_eq!(texts("Since 2017, exports grew."), ["2017"]);
        assert_eq!(texts("He won 2017 votes."), Vec::<&str>::new());
    }
}
