//! Lengths and repetitions of time: "two weeks", "a decade", "three-day", "the past two
//! months", "more than three months"; "daily", "every week", "annually".

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::{map, opt, value};
use nom::sequence::{preceded, terminated};

use super::calendar::weekday_name;
use super::expr::{Amount, Expr, Unit};
use super::first_word::{Class, FirstWord};
use super::lexicon::{
    Gated, Res, amount, digits, first_open, number_word, one_of, reject, space, unit, word,
};
use super::relative::approximation;

/// "the past two months", "the first nine months", "the next few years".
fn framed_duration(input: &str) -> Res<'_, Expr> {
    let (rest, (_, _, _, amount, _, (unit, plural))) = (
        opt(terminated(word("the"), space)),
        one_of(&FRAMES),
        space,
        amount,
        space,
        unit,
    )
        .parse(input)?;
    // "the last week" is a date, "the last two weeks" a duration.
    if amount == Amount::Exact(1) && !plural {
        return reject(input);
    }
    Ok((rest, Expr::Duration { amount, unit }))
}

/// "recent days", "in coming months", "the past few weeks": an unstated number of units.
fn vague_duration(input: &str) -> Res<'_, Expr> {
    let (rest, (_, _, (unit, plural))) =
        (alt((word("recent"), word("coming"))), space, unit).parse(input)?;
    if !plural || unit == Unit::Year {
        return reject(input);
    }
    Ok((
        rest,
        Expr::Duration {
            amount: Amount::Vague,
            unit,
        },
    ))
}

/// "two weeks", "more than three months", "a decade", "several years".
fn counted_duration(input: &str) -> Res<'_, Expr> {
    let (rest, (_, amount, _, (unit, plural))) =
        (opt(terminated(approximation, space)), amount, space, unit).parse(input)?;
    // "one" with a plural, or "two" with a singular, is not a duration ("two year-old").
    let agrees = match amount {
        Amount::Exact(1) => !plural,
        Amount::Exact(_) | Amount::Vague => plural,
    };
    if !agrees || unit == Unit::Weekend {
        return reject(input);
    }
    Ok((rest, Expr::Duration { amount, unit }))
}

/// "three-day", "16-hour", "two-year", "decades-long", "a 30-minute call".
fn hyphenated_duration(input: &str) -> Res<'_, Expr> {
    let (rest, (number, joiner, (unit, plural))) =
        (alt((number_word, digits)), alt((tag("-"), tag(" "))), unit).parse(input)?;
    // "a 6-year-old girl" gives an age, not a length of time; "a two day rally" is an
    // adjective like "a two-day rally", but "two day" must then qualify a following word.
    let qualifies_a_noun = rest.starts_with(' ') && rest[1..].starts_with(char::is_lowercase);
    if plural
        || unit == Unit::Weekend
        || rest.starts_with("-old")
        || (joiner == " " && (number < 2 || !qualifies_a_noun))
    {
        return reject(input);
    }
    Ok((
        rest,
        Expr::Duration {
            amount: Amount::Exact(number),
            unit,
        },
    ))
}

/// "daily", "every week", "each Monday", "annually", "once a week".
fn set(input: &str) -> Res<'_, Expr> {
    let every_unit = map(
        preceded((alt((word("every"), word("each"))), space), unit),
        |(unit, _)| unit_period(Amount::Exact(1), unit).unwrap_or_default(),
    );
    let every_weekday = map(
        preceded((alt((word("every"), word("each"))), space), weekday_name),
        |weekday| format!("XXXX-WXX-{}", weekday.number_from_monday()),
    );
    let once_a = map(
        preceded(
            (
                alt((word("once"), word("twice"))),
                space,
                alt((word("a"), word("an"), word("per"), word("every"))),
                space,
            ),
            unit,
        ),
        |(unit, _)| unit_period(Amount::Exact(1), unit).unwrap_or_default(),
    );
    let adverb = map(
        alt((
            value("P1D", alt((word("daily"), word("nightly")))),
            value("P1W", word("weekly")),
            value("P1M", word("monthly")),
            value("P1Y", alt((word("annually"), word("yearly")))),
        )),
        str::to_string,
    );
    map(alt((every_weekday, every_unit, once_a, adverb)), |value| {
        Expr::Set { value }
    })
    .parse(input)
}

/// The words that frame a duration: "the past two months", "the first nine months".
pub const FRAMES: [&str; 7] = [
    "past", "last", "next", "first", "coming", "previous", "final",
];

/// The first words of `set`.
pub const SET_WORDS: [&str; 10] = [
    "every", "each", "once", "twice", "daily", "nightly", "weekly", "monthly", "annually", "yearly",
];

/// The first words of `vague_duration`.
pub const VAGUE_WORDS: [&str; 2] = ["recent", "coming"];

/// Any duration or repetition form, each tried only where its first word stands (`first`,
/// the input's, classified already).
pub fn duration_at<'a>(input: &'a str, first: &FirstWord<'a>) -> Res<'a, Expr> {
    let digit = first.lead.is_digit();
    let forms: [Gated<'_, Expr>; 5] = [
        (first.is(Class::SET), set),
        (
            first.is(Class::FRAME) || first.the_then(Class::FRAME),
            framed_duration,
        ),
        (digit || first.is(Class::NUMBER), hyphenated_duration),
        (
            digit || first.is(Class::APPROXIMATION | Class::NUMBER | Class::AMOUNT_WORD),
            counted_duration,
        ),
        (first.is(Class::VAGUE), vague_duration),
    ];
    first_open(input, &forms)
}

/// The ISO 8601 period of an amount of units: "P2W", "PT8H", "P10Y", "PXY".
pub fn unit_period(amount: Amount, unit: Unit) -> Option<String> {
    let count = match amount {
        Amount::Exact(n) => n.to_string(),
        Amount::Vague => "X".to_string(),
    };
    let times = |n: u32| match amount {
        Amount::Exact(k) => (k * n).to_string(),
        Amount::Vague => "X".to_string(),
    };
    Some(match unit {
        Unit::Second => format!("PT{count}S"),
        Unit::Minute => format!("PT{count}M"),
        Unit::Hour => format!("PT{count}H"),
        Unit::Day => format!("P{count}D"),
        Unit::Week => format!("P{count}W"),
        Unit::Fortnight => format!("P{}W", times(2)),
        Unit::Month => format!("P{count}M"),
        Unit::Quarter => format!("P{}M", times(3)),
        Unit::Year => format!("P{count}Y"),
        Unit::Decade => format!("P{}Y", times(10)),
        Unit::Century => format!("P{}Y", times(100)),
        Unit::Weekend => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::samples::assert_gates_change_nothing;

    fn duration(input: &str) -> Res<'_, Expr> {
        duration_at(input, &FirstWord::of(input))
    }

    #[test]
    fn first_word_gates_change_nothing() {
        fn every_form(input: &str) -> Res<'_, Expr> {
            alt((
                set,
                framed_duration,
                hyphenated_duration,
                counted_duration,
                vague_duration,
            ))
            .parse(input)
        }
        assert_gates_change_nothing(duration, every_form, 20);
    }

    fn period(text: &str) -> String {
        match duration(text) {
            Ok((_, Expr::Duration { amount, unit })) => unit_period(amount, unit).unwrap(),
            Ok((_, Expr::Set { value })) => format!("set {value}"),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn durations() {
        assert_eq!(period("two weeks"), "P2W");
        assert_eq!(period("a decade"), "P10Y");
        assert_eq!(period("three-day visit"), "P3D");
        assert_eq!(period("30-minute call"), "PT30M");
        assert_eq!(period("16-hour"), "PT16H");
        assert_eq!(period("the past two months"), "P2M");
        assert_eq!(period("the first nine months"), "P9M");
        assert_eq!(period("more than three months"), "P3M");
        assert_eq!(period("several years"), "PXY");
        assert_eq!(period("8 hours"), "PT8H");
        assert_eq!(period("two day rally"), "P2D");
        assert_eq!(period("five year low"), "P5Y");
        assert_eq!(period("recent days"), "PXD");
    }

    #[test]
    fn sets() {
        assert_eq!(period("daily"), "set P1D");
        assert_eq!(period("every week"), "set P1W");
        assert_eq!(period("each Monday"), "set XXXX-WXX-1");
        assert_eq!(period("once a year"), "set P1Y");
    }

    #[test]
    fn not_durations() {
        assert!(duration("two year").is_err());
        assert!(duration("one weeks").is_err());
        assert!(duration("the last week").is_err());
        assert!(duration("two people").is_err());
        assert!(duration("two day.").is_err());
        assert!(hyphenated_duration("one day they").is_err());
    }
}
