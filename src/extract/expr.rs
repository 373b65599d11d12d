//! The parsed, not yet resolved, shape of a temporal expression: what the words say,
//! before the publication date and the verb's tense turn it into a calendar value.

use std::ops::Range;

use chrono::Weekday;

use crate::time::CalendarDate;

/// How many units: a number, or a vague amount ("several", "a few", plural "years").
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Amount {
    Exact(u32),
    Vague,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// "last", "this", "next" and their synonyms, or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    None,
    Last,
    This,
    Next,
}

/// The part of a period a modifier picks: "early June", "mid-2025", "late October".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Start,
    Middle,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    pub fn timex(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn timex(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// The deictic references TimeML writes as `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    Present,
    Past,
    Future,
}

/// A temporal expression as the words give it.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A calendar date, perhaps partial, perhaps with a weekday tied to it: "Tuesday, June 17",
    /// "Dec. 18, 1965", "June 2022", "in 1942", "2025-06-17".
    Calendar {
        date: CalendarDate,
        weekday: Option<(Weekday, Range<usize>)>,
        part: Option<Part>,
    },
    /// "1910-45", "from 2001 to 2005".
    YearRange {
        from: i32,
        to: i32,
    },
    /// "the 1990s" (199), "the 20th century" (19, with `century`).
    Decade {
        leading_digits: i32,
    },
    Century {
        leading_digits: i32,
    },
    /// "Tuesday", "last Friday", "Monday morning".
    Weekday {
        weekday: Weekday,
        shift: Shift,
        part_of_day: Option<PartOfDay>,
    },
    /// "today", "yesterday", "tomorrow", "tonight", "yesterday afternoon".
    DayOffset {
        days: i64,
        part_of_day: Option<PartOfDay>,
    },
    /// "last week", "this year", "next month", "earlier this month", "early next year".
    UnitOffset {
        unit: Unit,
        offset: i32,
        part: Option<Part>,
    },
    /// "last August", "this June", "late October", "next March".
    Month {
        month: u32,
        shift: Shift,
        part: Option<Part>,
    },
    /// "June last year", "June of the previous year": a month of a year counted from publication.
    MonthOfYear {
        month: u32,
        year_offset: i32,
        part: Option<Part>,
    },
    /// "last fall", "this summer", "the summer of 2025".
    Season {
        season: Season,
        shift: Shift,
        year: Option<i32>,
    },
    /// "the third quarter", "third-quarter", "the fourth quarter of 2024", "the quarter",
    /// "last year's third quarter" (`year_offset` -1). No `quarter`: the latest one.
    Quarter {
        quarter: Option<u32>,
        year: Option<i32>,
        year_offset: i32,
    },
    /// "two weeks ago", "a year earlier", "three days later" (sign of `direction`).
    Ago {
        amount: Amount,
        unit: Unit,
        direction: i32,
    },
    /// "two weeks", "a decade", "three-day", "the past two months".
    Duration {
        amount: Amount,
        unit: Unit,
    },
    /// "now", "recently", "the future".
    Reference(Reference),
    /// "9 a.m. Tuesday", "noon": a clock time, on the day the text names or else the day of writing.
    Clock {
        hour: u32,
        minute: u32,
        day: Option<Box<Expr>>,
    },
    /// "Christmas", "Thanksgiving Day", "Easter 2025".
    Holiday {
        holiday: super::holiday::Holiday,
        year: Option<i32>,
        shift: Shift,
    },
    /// "daily", "every week", "annually": TimeML SET values ("P1D", "XXXX-WXX-2").
    Set {
        value: String,
    },
}
