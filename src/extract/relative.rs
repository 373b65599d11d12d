//! Dates relative to the time of writing: "yesterday", "last week", "this Sunday",
//! "earlier this month", "late October", "two weeks ago", "the third quarter", "now".

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::{consumed, map, opt, recognize, value, verify};
use nom::sequence::{preceded, terminated};

use super::calendar::{month_name, weekday_name, year};
use super::expr::{Expr, Part, PartOfDay, Reference, Season, Shift, Unit};
use super::first_word::{Class, FirstWord};
use super::lexicon::{
    Gated, Res, amount, first_open, ordinal, reject, space, space_or_hyphen, tag_ascii, unit, word,
    word_in, words_of,
};

/// "last", "past", "previous" / "this", "current" / "next", "coming", "following".
fn shift(input: &str) -> Res<'_, Shift> {
    word_in(&SHIFT_WORDS).parse(input)
}

const SHIFT_WORDS: [(&str, Shift); 8] = [
    ("last", Shift::Last),
    ("past", Shift::Last),
    ("previous", Shift::Last),
    ("this", Shift::This),
    ("current", Shift::This),
    ("next", Shift::Next),
    ("coming", Shift::Next),
    ("following", Shift::Next),
];

/// "early", "mid", "mid-", "late", "the end of", "the beginning of", "earlier", "later".
fn part(input: &str) -> Res<'_, Part> {
    // No two forms start with the same words, so the single words can be looked up first.
    terminated(
        alt((
            word_in(&[
                ("early", Part::Start),
                ("earlier", Part::Start),
                ("late", Part::End),
                ("later", Part::End),
            ]),
            value(
                Part::Start,
                (
                    opt(terminated(word("the"), space)),
                    alt((word("beginning"), word("start"))),
                    space,
                    word("of"),
                ),
            ),
            value(
                Part::Middle,
                alt((tag_ascii("mid-"), recognize((word("mid"), opt(tag("-")))))),
            ),
            value(
                Part::End,
                (
                    opt(terminated(word("the"), space)),
                    word("end"),
                    space,
                    word("of"),
                ),
            ),
        )),
        opt(space),
    )
    .parse(input)
}

fn part_of_day(input: &str) -> Res<'_, PartOfDay> {
    word_in(&[
        ("morning", PartOfDay::Morning),
        ("afternoon", PartOfDay::Afternoon),
        ("evening", PartOfDay::Evening),
        ("night", PartOfDay::Night),
        ("overnight", PartOfDay::Night),
    ])
    .parse(input)
}

/// "today", "yesterday afternoon", "tomorrow", "tonight", "this morning", "last night".
fn day_offset(input: &str) -> Res<'_, Expr> {
    alt((
        map(
            (
                alt((
                    value(0, word("today")),
                    value(-1, word("yesterday")),
                    value(1, word("tomorrow")),
                )),
                opt(preceded(space, part_of_day)),
            ),
            |(days, part_of_day)| Expr::DayOffset { days, part_of_day },
        ),
        value(
            Expr::DayOffset {
                days: 0,
                part_of_day: Some(PartOfDay::Night),
            },
            word("tonight"),
        ),
        value(
            Expr::DayOffset {
                days: -1,
                part_of_day: Some(PartOfDay::Night),
            },
            (word("last"), space, word("night")),
        ),
        map(
            preceded(
                (
                    alt((word("this"), word("later"), word("earlier"))),
                    space,
                    opt((word("this"), space)),
                ),
                part_of_day,
            ),
            |part_of_day| Expr::DayOffset {
                days: 0,
                part_of_day: Some(part_of_day),
            },
        ),
    ))
    .parse(input)
}

/// "Tuesday", "last Friday", "this Sunday", "Monday morning", "the previous Friday".
fn weekday(input: &str) -> Res<'_, Expr> {
    map(
        (
            opt(terminated(
                alt((preceded((word("the"), space), shift), shift)),
                space,
            )),
            // "Sun" alone is more often the newspaper than Sunday.
            verify(consumed(weekday_name), |(name, _): &(&str, _)| {
                name.len() > 5 || name.ends_with('.')
            }),
            opt(preceded(space, part_of_day)),
        ),
        |(shift, (_, weekday), part_of_day)| Expr::Weekday {
            weekday,
            shift: shift.unwrap_or(Shift::None),
            part_of_day,
        },
    )
    .parse(input)
}

/// "last week", "this year", "the previous month", "earlier this month", "early next year",
/// "the end of the year".
fn unit_offset(input: &str) -> Res<'_, Expr> {
    let (rest, part) = opt(part).parse(input)?;
    // "the year" alone is too vague to date; "the end of the year" is not.
    let the_alone = |i| value(Shift::This, terminated(word("the"), space)).parse(i);
    let with_shift =
        |i| terminated(preceded(opt(terminated(word("the"), space)), shift), space).parse(i);
    let (rest, shift) = if part.is_some() {
        alt((with_shift, the_alone)).parse(rest)?
    } else {
        with_shift(rest)?
    };
    let (rest, (unit, plural)) = unit(rest)?;
    if plural
        || matches!(
            unit,
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Fortnight
        )
    {
        return reject(input);
    }
    let offset = match shift {
        Shift::Last => -1,
        Shift::None | Shift::This => 0,
        Shift::Next => 1,
    };
    Ok((rest, Expr::UnitOffset { unit, offset, part }))
}

/// "late October" ("early next month" is `unit_offset`).
fn part_of_month(input: &str) -> Res<'_, Expr> {
    map((part, month_name), |(part, month)| Expr::Month {
        month,
        shift: Shift::None,
        part: Some(part),
    })
    .parse(input)
}

/// "last August", "this June".
fn shifted_month(input: &str) -> Res<'_, Expr> {
    map((shift, space, month_name), |(shift, _, month)| {
        Expr::Month {
            month,
            shift,
            part: None,
        }
    })
    .parse(input)
}

/// "early 2025", "mid-2025": a part of a year.
fn part_of_year(input: &str) -> Res<'_, Expr> {
    map((part, year), |(part, year)| Expr::Calendar {
        date: crate::time::CalendarDate {
            year: Some(year),
            month: None,
            day: None,
        },
        weekday: None,
        part: Some(part),
    })
    .parse(input)
}

/// "June last year", "in January this year", "early October this year",
/// "June of the previous year": a month of a year counted from publication.
fn month_of_relative_year(input: &str) -> Res<'_, Expr> {
    let year_offset = alt((
        value(-1, alt((word("last"), word("previous")))),
        value(0, word("this")),
        value(1, alt((word("next"), word("following")))),
    ));
    map(
        (
            opt(part),
            month_name,
            space,
            opt((word("of"), space, word("the"), space)),
            year_offset,
            space,
            word("year"),
        ),
        |(part, month, _, _, year_offset, _, _)| Expr::MonthOfYear {
            month,
            year_offset,
            part,
        },
    )
    .parse(input)
}

fn season_name(input: &str) -> Res<'_, Season> {
    word_in(&[
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
    ])
    .parse(input)
}

/// "last fall", "this summer", "the summer of 2025", "summer 2024".
fn season(input: &str) -> Res<'_, Expr> {
    alt((
        map((shift, space, season_name), |(shift, _, season)| {
            Expr::Season {
                season,
                shift,
                year: None,
            }
        }),
        map(
            (
                opt(terminated(word("the"), space)),
                season_name,
                alt((
                    preceded((space, word("of"), space), year),
                    preceded(space, year),
                )),
            ),
            |(_, season, year)| Expr::Season {
                season,
                shift: Shift::None,
                year: Some(year),
            },
        ),
    ))
    .parse(input)
}

/// "the third quarter", "third-quarter", "the fourth quarter of 2024", "the latest quarter".
fn quarter(input: &str) -> Res<'_, Expr> {
    // Which year: "last year's", "the year-ago", "the 1988".
    let year_spec = alt((
        map(
            terminated(
                alt((
                    value(0, word("this")),
                    value(-1, word("last")),
                    value(1, word("next")),
                )),
                (space, tag_ascii("year's"), space),
            ),
            |offset| (None, offset),
        ),
        value(
            (None, -1),
            terminated(alt((word("year-ago"), word("year-earlier"))), space),
        ),
        map(terminated(year, space), |y| (Some(y), 0)),
    ));
    // Which quarter: "third", "3rd", "latest".
    let which = alt((
        map(ordinal, Some),
        value(None, alt((word("latest"), word("current"), word("recent")))),
    ));
    let (rest, (the, year_spec, which, _, of_year)) = (
        opt(terminated(word("the"), space)),
        opt(year_spec),
        opt(terminated(which, space_or_hyphen)),
        alt((word("quarter"), tag_ascii("quarter"))),
        opt(preceded((space, word("of"), space), year)),
    )
        .parse(input)?;
    // "the quarter" is the latest one; "quarter" alone is a fraction.
    if the.is_none() && year_spec.is_none() && which.is_none() {
        return reject(input);
    }
    let quarter = which.flatten();
    if quarter.is_some_and(|q| q > 4) {
        return reject(input);
    }
    let (stated_year, year_offset) = year_spec.unwrap_or((None, 0));
    Ok((
        rest,
        Expr::Quarter {
            quarter,
            year: of_year.or(stated_year),
            year_offset,
        },
    ))
}

/// "two weeks ago", "a year earlier", "three days later", "nearly four years ago".
fn ago(input: &str) -> Res<'_, Expr> {
    let (rest, (_, amount, _, (unit, _), _, direction)) = (
        opt(terminated(approximation, space)),
        amount,
        space,
        unit,
        space,
        alt((
            // "ten days before the vote" counts from the vote, not from publication.
            value(-1, alt((word("ago"), word("earlier")))),
            value(1, word("hence")),
        )),
    )
        .parse(input)?;
    Ok((
        rest,
        Expr::Ago {
            amount,
            unit,
            direction,
        },
    ))
}

/// "about", "nearly", "more than" …: words that loosen an amount of time.
pub fn approximation(input: &str) -> Res<'_, &str> {
    // Tried before every amount; most words are none of its first words.
    if !FirstWord::of(input).is(Class::APPROXIMATION) {
        return reject(input);
    }
    approximation_forms(input)
}

/// The forms of `approximation`, whose first words `APPROXIMATIONS` lists.
fn approximation_forms(input: &str) -> Res<'_, &str> {
    alt((
        recognize((
            alt((word("more"), word("less"), word("fewer"))),
            space,
            word("than"),
        )),
        recognize((word("at"), space, alt((word("least"), word("most"))))),
        recognize((word("up"), space, word("to"))),
        word("about"),
        word("nearly"),
        word("almost"),
        word("around"),
        word("roughly"),
        word("approximately"),
        word("some"),
        word("over"),
        word("under"),
        word("just"),
    ))
    .parse(input)
}

/// "now", "currently", "recently", "the past", "the future", "soon".
fn reference(input: &str) -> Res<'_, Expr> {
    alt((
        value(
            Expr::Reference(Reference::Present),
            alt((
                word("now"),
                word("currently"),
                word("nowadays"),
                recognize((word("at"), space, word("present"))),
                recognize((word("these"), space, word("days"))),
            )),
        ),
        value(
            Expr::Reference(Reference::Past),
            alt((
                word("recently"),
                recognize((word("the"), space, word("past"))),
                recognize((word("recent"), space, word("years"))),
            )),
        ),
        value(
            Expr::Reference(Reference::Future),
            alt((
                recognize((word("the"), space, word("future"))),
                recognize((word("the"), space, word("coming"), space, word("years"))),
            )),
        ),
    ))
    .parse(input)
}

/// "the weekend": this one.
fn the_weekend(input: &str) -> Res<'_, Expr> {
    value(
        Expr::UnitOffset {
            unit: Unit::Weekend,
            offset: 0,
            part: None,
        },
        (word("the"), space, word("weekend")),
    )
    .parse(input)
}

/// The first words of `shift`.
pub const SHIFTS: [&str; 8] = words_of(&SHIFT_WORDS);

/// The first words of `part`.
pub const PARTS: [&str; 9] = [
    "early",
    "earlier",
    "the",
    "beginning",
    "start",
    "mid",
    "late",
    "later",
    "end",
];

/// The first words of `approximation`.
pub const APPROXIMATIONS: [&str; 15] = [
    "more",
    "less",
    "fewer",
    "at",
    "up",
    "about",
    "nearly",
    "almost",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
    "just",
];

/// The first words of `season`'s names.
pub const SEASONS: [&str; 5] = ["spring", "summer", "fall", "autumn", "winter"];

/// The first words of `day_offset`.
pub const DAY_OFFSET_WORDS: [&str; 8] = [
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last",
    "this",
    "later",
    "earlier",
];

/// Words besides ordinals and years that may come before "quarter".
pub const QUARTER_WORDS: [&str; 7] = [
    "this", "last", "next", "year", "latest", "current", "recent",
];

/// The first words of `reference`, besides "the".
pub const REFERENCE_WORDS: [&str; 7] = [
    "now",
    "currently",
    "nowadays",
    "at",
    "these",
    "recently",
    "recent",
];

/// The words after "the" that begin `part`.
pub const THE_PART_WORDS: [&str; 3] = ["beginning", "start", "end"];

/// The words after "the" that begin `reference`.
pub const THE_REFERENCE_WORDS: [&str; 3] = ["past", "future", "coming"];

/// Any relative date form. Each form is tried only where its first word stands (the word
/// lists beside the forms), which is most of the cost saved at words that start none.
pub fn relative_date(input: &str) -> Res<'_, Expr> {
    relative_date_at(input, &FirstWord::of(input))
}

/// `relative_date` with the input's first word classified already.
pub fn relative_date_at<'a>(input: &'a str, first: &FirstWord<'a>) -> Res<'a, Expr> {
    let lead = &first.lead;
    let shifted = first.is(Class::SHIFT);
    let part_words =
        (first.is(Class::PART) && first.after_the().is_none()) || first.the_then(Class::THE_PART);
    let month = lead.is_capitalised() && first.is(Class::MONTH);
    let weekday_named = lead.is_capitalised() && first.is(Class::WEEKDAY);
    // "the quarterly" starts "the quarter": the word is matched as a prefix there.
    let the_quarter = first.the_then(Class::ORDINAL | Class::QUARTER)
        || first.after_the().is_some_and(|(rest, next)| {
            next.is_digit()
                || rest
                    .get(..7)
                    .is_some_and(|head| head.eq_ignore_ascii_case("quarter"))
        });
    let forms: [Gated<'_, Expr>; 12] = [
        (
            lead.is_digit() || first.is(Class::APPROXIMATION | Class::NUMBER | Class::AMOUNT_WORD),
            ago,
        ),
        (first.the_then(Class::WEEKEND), the_weekend),
        (first.is(Class::DAY_OFFSET), day_offset),
        (
            lead.is_digit() || first.is(Class::ORDINAL | Class::QUARTER) || the_quarter,
            quarter,
        ),
        (
            first.is(Class::SHIFT | Class::SEASON) || first.the_then(Class::SEASON),
            season,
        ),
        (
            part_words || shifted || first.the_then(Class::SHIFT),
            unit_offset,
        ),
        (part_words || month, month_of_relative_year),
        (part_words, part_of_month),
        (shifted, shifted_month),
        (part_words, part_of_year),
        (
            shifted || weekday_named || first.the_then(Class::SHIFT),
            weekday,
        ),
        (
            first.is(Class::REFERENCE) || first.the_then(Class::THE_REFERENCE),
            reference,
        ),
    ];
    first_open(input, &forms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::expr::Amount;
    use crate::extract::samples::assert_gates_change_nothing;
    use chrono::Weekday;

    #[test]
    fn the_approximation_gate_changes_nothing() {
        // The words found, as lengths: what they borrow from the input cannot be compared.
        fn gated(input: &str) -> Res<'_, usize> {
            approximation(input).map(|(rest, found)| (rest, found.len()))
        }
        fn every_form(input: &str) -> Res<'_, usize> {
            approximation_forms(input).map(|(rest, found)| (rest, found.len()))
        }
        assert_gates_change_nothing(gated, every_form, 10);
    }

    #[test]
    fn first_word_gates_change_nothing() {
        fn every_form(input: &str) -> Res<'_, Expr> {
            alt((
                ago,
                the_weekend,
                day_offset,
                quarter,
                season,
                unit_offset,
                month_of_relative_year,
                part_of_month,
                shifted_month,
                part_of_year,
                weekday,
                reference,
            ))
            .parse(input)
        }
        assert_gates_change_nothing(relative_date, every_form, 50);
    }

    fn parse(text: &str) -> Expr {
        match relative_date(text) {
            Ok((_, expr)) => expr,
            Err(error) => panic!("{text:?}: {error:?}"),
        }
    }

    #[test]
    fn days_and_weekdays() {
        assert_eq!(
            parse("yesterday afternoon"),
            Expr::DayOffset {
                days: -1,
                part_of_day: Some(PartOfDay::Afternoon)
            }
        );
        assert_eq!(
            parse("tonight"),
            Expr::DayOffset {
                days: 0,
                part_of_day: Some(PartOfDay::Night)
            }
        );
        assert_eq!(
            parse("last night's vote"),
            Expr::DayOffset {
                days: -1,
                part_of_day: Some(PartOfDay::Night)
            }
        );
        assert_eq!(
            parse("this Sunday"),
            Expr::Weekday {
                weekday: Weekday::Sun,
                shift: Shift::This,
                part_of_day: None
            }
        );
        assert_eq!(
            parse("the previous Friday"),
            Expr::Weekday {
                weekday: Weekday::Fri,
                shift: Shift::Last,
                part_of_day: None
            }
        );
        assert_eq!(
            parse("Monday night"),
            Expr::Weekday {
                weekday: Weekday::Mon,
                shift: Shift::None,
                part_of_day: Some(PartOfDay::Night)
            }
        );
    }

    #[test]
    fn units_months_seasons() {
        assert_eq!(
            parse("last week"),
            Expr::UnitOffset {
                unit: Unit::Week,
                offset: -1,
                part: None
            }
        );
        assert_eq!(
            parse("earlier this month"),
            Expr::UnitOffset {
                unit: Unit::Month,
                offset: 0,
                part: Some(Part::Start)
            }
        );
        assert_eq!(
            parse("early next year"),
            Expr::UnitOffset {
                unit: Unit::Year,
                offset: 1,
                part: Some(Part::Start)
            }
        );
        assert_eq!(
            parse("the end of the year"),
            Expr::UnitOffset {
                unit: Unit::Year,
                offset: 0,
                part: Some(Part::End)
            }
        );
        assert_eq!(
            parse("late October"),
            Expr::Month {
                month: 10,
                shift: Shift::None,
                part: Some(Part::End)
            }
        );
        assert_eq!(
            parse("last August"),
            Expr::Month {
                month: 8,
                shift: Shift::Last,
                part: None
            }
        );
        assert_eq!(
            parse("mid-2025"),
            Expr::Calendar {
                date: crate::time::CalendarDate {
                    year: Some(2025),
                    month: None,
                    day: None
                },
                weekday: None,
                part: Some(Part::Middle)
            }
        );
        assert_eq!(
            parse("last fall"),
            Expr::Season {
                season: Season::Fall,
                shift: Shift::Last,
                year: None
            }
        );
        assert_eq!(
            parse("the summer of 2024"),
            Expr::Season {
                season: Season::Summer,
                shift: Shift::None,
                year: Some(2024)
            }
        );
    }

    #[test]
    fn months_of_relative_years() {
        assert_eq!(
            parse("June of the previous year"),
            Expr::MonthOfYear {
                month: 6,
                year_offset: -1,
                part: None
            }
        );
        assert_eq!(
            parse("early October this year"),
            Expr::MonthOfYear {
                month: 10,
                year_offset: 0,
                part: Some(Part::Start)
            }
        );
    }

    #[test]
    fn quarters_of_named_years() {
        let quarter = |text| match parse(text) {
            Expr::Quarter {
                quarter,
                year,
                year_offset,
            } => (quarter, year, year_offset),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(quarter("last year's third quarter"), (Some(3), None, -1));
        assert_eq!(quarter("the year-ago quarter"), (None, None, -1));
        assert_eq!(quarter("the 1988 second quarter"), (Some(2), Some(1988), 0));
        assert_eq!(quarter("the quarter"), (None, None, 0));
        assert!(relative_date("quarter of the vote").is_err());
    }

    #[test]
    fn quarters_and_ago() {
        assert_eq!(
            parse("the third quarter"),
            Expr::Quarter {
                quarter: Some(3),
                year: None,
                year_offset: 0
            }
        );
        assert_eq!(
            parse("third-quarter profit"),
            Expr::Quarter {
                quarter: Some(3),
                year: None,
                year_offset: 0
            }
        );
        assert_eq!(
            parse("the fourth quarter of 2024"),
            Expr::Quarter {
                quarter: Some(4),
                year: Some(2024),
                year_offset: 0
            }
        );
        assert_eq!(
            parse("two weeks ago"),
            Expr::Ago {
                amount: Amount::Exact(2),
                unit: Unit::Week,
                direction: -1
            }
        );
        assert_eq!(
            parse("nearly four years ago"),
            Expr::Ago {
                amount: Amount::Exact(4),
                unit: Unit::Year,
                direction: -1
            }
        );
        assert_eq!(
            parse("a year earlier"),
            Expr::Ago {
                amount: Amount::Exact(1),
                unit: Unit::Year,
                direction: -1
            }
        );
        assert_eq!(
            parse("8 hours ago"),
            Expr::Ago {
                amount: Amount::Exact(8),
                unit: Unit::Hour,
                direction: -1
            }
        );
    }

    #[test]
    fn references() {
        assert_eq!(parse("now"), Expr::Reference(Reference::Present));
        assert_eq!(parse("recently"), Expr::Reference(Reference::Past));
        assert_eq!(parse("the future"), Expr::Reference(Reference::Future));
    }

    #[test]
    fn not_relative_dates() {
        assert!(relative_date("Sunday").is_ok());
        assert!(
            relative_date("sunday").is_err(),
            "weekdays are capitalised in copy"
        );
        assert!(relative_date("the last days").is_err());
        assert!(relative_date("this weeks").is_err());
    }
}
