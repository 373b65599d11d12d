//! Resolution: a parsed expression, the publication date and the verb's tense become a
//! calendar value at a precision, with its TIMEX3 spelling.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::duration::unit_period;
use super::expr::{Amount, Expr, Reference, Season, Shift, Unit};
use super::tense::{LazyTense, Tense};
use super::{MentionKind, Timex, TimexType, YearSource};
use crate::time::{CalendarDate, Precision, iso_day};

/// What an expression resolves to; the parts of a `Mention` that depend on context.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub kind: MentionKind,
    pub value: Option<String>,
    pub precision: Option<Precision>,
    pub date: Option<CalendarDate>,
    pub year_source: YearSource,
    pub timex: Option<Timex>,
}

impl Resolved {
    fn new(kind: MentionKind) -> Self {
        Self {
            kind,
            value: None,
            precision: None,
            date: None,
            year_source: YearSource::Unknown,
            timex: None,
        }
    }

    fn with_value(mut self, kind: TimexType, value: String, precision: Precision) -> Self {
        self.timex = Some(Timex {
            kind,
            value: value.clone(),
        });
        self.value = Some(value);
        self.precision = Some(precision);
        self
    }

    fn day(kind: MentionKind, date: NaiveDate, year_source: YearSource) -> Self {
        let mut resolved =
            Self::new(kind).with_value(TimexType::Date, iso_day(date), Precision::Day);
        resolved.date = Some(CalendarDate::full(date));
        resolved.year_source = year_source;
        resolved
    }

    fn calendar(kind: MentionKind, date: CalendarDate, year_source: YearSource) -> Self {
        let mut resolved =
            Self::new(kind).with_value(TimexType::Date, date.iso(), date.precision());
        resolved.date = Some(date);
        resolved.year_source = if date.year.is_some() {
            year_source
        } else {
            YearSource::Unknown
        };
        resolved
    }
}

/// The context an expression is resolved in.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The publication date, when known to the day.
    pub publication: Option<NaiveDate>,
    /// Read only by the expressions it can change.
    pub tense: &'a LazyTense<'a>,
    /// The value of the previous dated mention, for "a year earlier" after "the third quarter".
    pub previous_value: Option<&'a str>,
}

pub fn resolve(expr: &Expr, context: &Context) -> Resolved {
    let Some(today) = context.publication else {
        return resolve_without_anchor(expr);
    };
    match expr {
        Expr::Calendar { date, weekday, .. } => {
            calendar(*date, weekday.as_ref().map(|w| w.0), today, context.tense)
        }
        Expr::YearRange { .. }
        | Expr::Decade { .. }
        | Expr::Century { .. }
        | Expr::Duration { .. }
        | Expr::Set { .. } => resolve_without_anchor(expr),
        Expr::Weekday {
            weekday,
            shift,
            part_of_day,
        } => {
            let date = weekday_date(*weekday, *shift, today, context.tense.get());
            let resolved = Resolved::day(MentionKind::Weekday, date, YearSource::Publication);
            with_part_of_day(resolved, date, *part_of_day)
        }
        Expr::DayOffset { days, part_of_day } => {
            let date = today
                .checked_add_signed(chrono::Duration::days(*days))
                .unwrap_or(today);
            let resolved = Resolved::day(MentionKind::RelativeDate, date, YearSource::Publication);
            with_part_of_day(resolved, date, *part_of_day)
        }
        Expr::UnitOffset { unit, offset, .. } => {
            unit_offset(*unit, *offset, today, context.tense.get())
        }
        Expr::Month { month, shift, .. } => {
            let year = month_year(*month, *shift, today, context.tense.get());
            let date = CalendarDate {
                year: Some(year),
                month: Some(*month),
                day: None,
            };
            Resolved::calendar(MentionKind::RelativeDate, date, YearSource::Publication)
        }
        Expr::MonthOfYear {
            month, year_offset, ..
        } => {
            let date = CalendarDate {
                year: Some(today.year() + year_offset),
                month: Some(*month),
                day: None,
            };
            Resolved::calendar(MentionKind::RelativeDate, date, YearSource::Publication)
        }
        Expr::Season {
            season,
            shift,
            year,
        } => {
            let year = year.unwrap_or_else(|| season_year(*season, *shift, today));
            Resolved::new(MentionKind::RelativeDate).with_value(
                TimexType::Date,
                format!("{year}-{}", season.timex()),
                Precision::Season,
            )
        }
        Expr::Quarter {
            quarter,
            year,
            year_offset,
        } => {
            let current = (today.month() as i32 - 1) / 3 + 1;
            let (year, quarter) = match (quarter, year) {
                (Some(q), Some(y)) => (*y, *q as i32),
                (Some(q), None) => (today.year() + year_offset, *q as i32),
                // "the latest quarter": the last one completed before publication.
                (None, _) => {
                    let index = today.year() * 4 + current - 2 + 4 * year_offset;
                    (index.div_euclid(4), index.rem_euclid(4) + 1)
                }
            };
            Resolved::new(MentionKind::RelativeDate).with_value(
                TimexType::Date,
                format!("{year}-Q{quarter}"),
                Precision::Quarter,
            )
        }
        Expr::Ago {
            amount,
            unit,
            direction,
        } => ago(*amount, *unit, *direction, today, context.previous_value),
        Expr::Reference(reference) => resolve_without_anchor(&Expr::Reference(*reference)),
        Expr::Holiday {
            holiday,
            year,
            shift,
        } => {
            let date = match year {
                Some(year) => holiday.in_year(*year),
                None if *shift == Shift::Last => (today.year() - 1..=today.year())
                    .rev()
                    .filter_map(|year| holiday.in_year(year))
                    .find(|date| *date < today),
                None if *shift == Shift::Next => (today.year()..=today.year() + 1)
                    .filter_map(|year| holiday.in_year(year))
                    .find(|date| *date > today),
                None => {
                    let candidates: Vec<NaiveDate> = (today.year() - 1..=today.year() + 1)
                        .filter_map(|year| holiday.in_year(year))
                        .collect();
                    nearby_year(&candidates, None, today, context.tense.get())
                }
            };
            match date {
                Some(date) => {
                    let source = if year.is_some() {
                        YearSource::Stated
                    } else {
                        YearSource::Publication
                    };
                    Resolved::day(MentionKind::Date, date, source)
                }
                None => Resolved::new(MentionKind::Date),
            }
        }
        Expr::Clock { hour, minute, day } => {
            let date = day
                .as_ref()
                .and_then(|day| resolve(day, context).date)
                .and_then(|date| date.to_naive())
                .unwrap_or(today);
            let mut resolved = Resolved::day(MentionKind::Time, date, YearSource::Publication);
            let value = format!("{}T{hour:02}:{minute:02}", iso_day(date));
            resolved.timex = Some(Timex {
                kind: TimexType::Time,
                value: value.clone(),
            });
            resolved.value = Some(value);
            resolved.precision = Some(Precision::Time);
            resolved
        }
    }
}

/// What can be said without a publication date: absolute values, durations, references.
fn resolve_without_anchor(expr: &Expr) -> Resolved {
    match expr {
        Expr::Calendar { date, .. } => {
            Resolved::calendar(MentionKind::Date, *date, YearSource::Stated)
        }
        Expr::YearRange { from, to } => {
            let mut resolved = Resolved::new(MentionKind::Date);
            resolved.value = Some(format!("{from}/{to}"));
            resolved.precision = Some(Precision::Year);
            resolved
        }
        Expr::Decade { leading_digits } => Resolved::new(MentionKind::Date).with_value(
            TimexType::Date,
            format!("{leading_digits}"),
            Precision::Decade,
        ),
        Expr::Century { leading_digits } => Resolved::new(MentionKind::Date).with_value(
            TimexType::Date,
            format!("{leading_digits:02}"),
            Precision::Century,
        ),
        Expr::Duration { amount, unit } => match unit_period(*amount, *unit) {
            Some(period) => {
                let mut resolved = Resolved::new(MentionKind::Duration);
                resolved.timex = Some(Timex {
                    kind: TimexType::Duration,
                    value: period.clone(),
                });
                resolved.value = Some(period);
                resolved
            }
            None => Resolved::new(MentionKind::Duration),
        },
        Expr::Set { value } => {
            let mut resolved = Resolved::new(MentionKind::Set);
            resolved.timex = Some(Timex {
                kind: TimexType::Set,
                value: value.clone(),
            });
            resolved.value = Some(value.clone());
            resolved
        }
        Expr::Reference(reference) => {
            let value = match reference {
                Reference::Present => "PRESENT_REF",
                Reference::Past => "PAST_REF",
                Reference::Future => "FUTURE_REF",
            };
            let mut resolved = Resolved::new(MentionKind::RelativeDate);
            resolved.timex = Some(Timex {
                kind: TimexType::Date,
                value: value.to_string(),
            });
            resolved.value = Some(value.to_string());
            resolved
        }
        Expr::Weekday { .. } => Resolved::new(MentionKind::Weekday),
        _ => Resolved::new(MentionKind::RelativeDate),
    }
}

fn with_part_of_day(
    mut resolved: Resolved,
    date: NaiveDate,
    part_of_day: Option<super::expr::PartOfDay>,
) -> Resolved {
    if let Some(part) = part_of_day {
        let value = format!("{}T{}", iso_day(date), part.timex());
        resolved.timex = Some(Timex {
            kind: TimexType::Time,
            value,
        });
    }
    resolved
}

/// A calendar date; a missing year is taken from the publication date by tense, and a weekday
/// tied to the date picks among nearby years the one it is true in, so a correct "Monday,
/// Dec. 30" in an article of January 3 resolves to the December before.
fn calendar(
    date: CalendarDate,
    weekday: Option<Weekday>,
    today: NaiveDate,
    tense: &LazyTense,
) -> Resolved {
    if date.year.is_some() {
        return Resolved::calendar(MentionKind::Date, date, YearSource::Stated);
    }
    let (Some(month), day) = (date.month, date.day) else {
        return Resolved::calendar(MentionKind::Date, date, YearSource::Unknown);
    };
    let Some(day) = day else {
        let year = month_year(month, Shift::None, today, tense.get());
        return Resolved::calendar(
            MentionKind::Date,
            CalendarDate {
                year: Some(year),
                ..date
            },
            YearSource::Publication,
        );
    };
    let candidates: Vec<NaiveDate> = (today.year() - 1..=today.year() + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .collect();
    let chosen = nearby_year(&candidates, weekday, today, tense.get());
    match chosen {
        Some(resolved) => Resolved::calendar(
            MentionKind::Date,
            CalendarDate::full(resolved),
            YearSource::Publication,
        ),
        // February 29 with no leap year nearby: keep the partial date.
        None => Resolved::calendar(MentionKind::Date, date, YearSource::Unknown),
    }
}

/// Among the same day in neighbouring years, the one meant: the one a tied weekday is true
/// in; else the one within four months of publication, whatever the tense; beyond that, the
/// one on the side of publication the tense points to.
fn nearby_year(
    candidates: &[NaiveDate],
    weekday: Option<Weekday>,
    today: NaiveDate,
    tense: Tense,
) -> Option<NaiveDate> {
    let distance = |d: &NaiveDate| (*d - today).num_days().abs();
    let nearest = candidates.iter().min_by_key(|d| distance(d)).copied();
    let with_weekday = weekday.and_then(|w| {
        candidates
            .iter()
            .filter(|d| d.weekday() == w && distance(d) <= 270)
            .min_by_key(|d| distance(d))
            .copied()
    });
    let by_tense = match tense {
        Tense::Past => candidates.iter().filter(|d| **d <= today).max().copied(),
        Tense::Future => candidates.iter().filter(|d| **d >= today).min().copied(),
        Tense::Unknown => None,
    };
    with_weekday
        .or(nearest.filter(|d| distance(d) <= 120))
        .or(by_tense)
        .or(nearest)
}

/// The date a weekday names, by news convention: the nearest such day on the side of the
/// publication date the tense points to ("met Friday": the past one).
pub fn weekday_date(weekday: Weekday, shift: Shift, today: NaiveDate, tense: Tense) -> NaiveDate {
    let back = (7 + today.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    let forward = (7 - back) % 7;
    let (back, forward) = (u64::from(back), u64::from(forward));
    let future = match shift {
        Shift::Next => true,
        Shift::Last => false,
        // "this Sunday" looks ahead; a bare weekday with no verb to go by is the nearer one.
        Shift::This => tense != Tense::Past,
        Shift::None => tense == Tense::Future || (tense == Tense::Unknown && forward < back),
    };
    match (shift, future) {
        (Shift::Last, _) => today - Days::new(if back == 0 { 7 } else { back }),
        (Shift::Next, _) => today + Days::new(if forward == 0 { 7 } else { forward }),
        (_, true) => today + Days::new(forward),
        (_, false) => today - Days::new(back),
    }
}

/// The year of a month named without one: "in June" in the past tense is the last June.
/// How many months from publication a month named alone counts as near.
const NEAR_MONTHS: i32 = 3;

fn month_year(month: u32, shift: Shift, today: NaiveDate, tense: Tense) -> i32 {
    let current = today.month();
    match shift {
        Shift::Last => today.year() - i32::from(month >= current),
        Shift::Next => today.year() + i32::from(month <= current),
        Shift::This => today.year(),
        Shift::None => {
            // A month within a few months of publication is the nearest one; further off,
            // the tense decides between the last one and the next.
            let months_ahead = month as i32 - current as i32;
            match tense {
                _ if months_ahead.abs() <= NEAR_MONTHS => today.year(),
                _ if months_ahead > 12 - NEAR_MONTHS => today.year() - 1,
                _ if months_ahead < NEAR_MONTHS - 12 => today.year() + 1,
                Tense::Past => today.year() - i32::from(month > current),
                Tense::Future => today.year() + i32::from(month < current),
                Tense::Unknown => today.year(),
            }
        }
    }
}

fn season_year(season: Season, shift: Shift, today: NaiveDate) -> i32 {
    let start_month = match season {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Fall => 9,
        Season::Winter => 12,
    };
    match shift {
        Shift::Last => today.year() - i32::from(today.month() < start_month + 3),
        Shift::Next => today.year() + i32::from(today.month() >= start_month),
        Shift::This | Shift::None => today.year(),
    }
}

fn unit_offset(unit: Unit, offset: i32, today: NaiveDate, tense: Tense) -> Resolved {
    let resolved = Resolved::new(MentionKind::RelativeDate);
    match unit {
        Unit::Week | Unit::Weekend | Unit::Fortnight => {
            // "the weekend" is the one the tense points to, which for a Monday article is
            // the weekend just gone, in the ISO week before.
            let anchor = if unit == Unit::Weekend {
                weekday_date(Weekday::Sat, Shift::None, today, tense)
            } else {
                today
            };
            let day = anchor
                .checked_add_signed(chrono::Duration::weeks(i64::from(offset)))
                .unwrap_or(anchor);
            let week = day.iso_week();
            let suffix = if unit == Unit::Weekend { "-WE" } else { "" };
            resolved.with_value(
                TimexType::Date,
                format!("{}-W{:02}{suffix}", week.year(), week.week()),
                Precision::Week,
            )
        }
        Unit::Month => {
            let first = today.with_day(1).unwrap_or(today);
            let month = if offset < 0 {
                first.checked_sub_months(Months::new(offset.unsigned_abs()))
            } else {
                first.checked_add_months(Months::new(offset as u32))
            }
            .unwrap_or(first);
            let date = CalendarDate {
                year: Some(month.year()),
                month: Some(month.month()),
                day: None,
            };
            let mut resolved =
                Resolved::calendar(MentionKind::RelativeDate, date, YearSource::Publication);
            resolved.kind = MentionKind::RelativeDate;
            resolved
        }
        Unit::Quarter => {
            let index = today.year() * 4 + (today.month() as i32 - 1) / 3 + offset;
            resolved.with_value(
                TimexType::Date,
                format!("{}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1),
                Precision::Quarter,
            )
        }
        Unit::Year => {
            let date = CalendarDate {
                year: Some(today.year() + offset),
                month: None,
                day: None,
            };
            Resolved::calendar(MentionKind::RelativeDate, date, YearSource::Publication)
        }
        Unit::Decade => resolved.with_value(
            TimexType::Date,
            format!("{}", today.year() / 10 + offset),
            Precision::Decade,
        ),
        Unit::Century => resolved.with_value(
            TimexType::Date,
            format!("{}", today.year() / 100 + offset),
            Precision::Century,
        ),
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => resolved,
    }
}

/// "two weeks ago": the publication date moved back by the amount, at the unit's precision.
fn ago(
    amount: Amount,
    unit: Unit,
    direction: i32,
    today: NaiveDate,
    previous: Option<&str>,
) -> Resolved {
    let resolved = Resolved::new(MentionKind::RelativeDate);
    let Amount::Exact(n) = amount else {
        let value = if direction < 0 {
            "PAST_REF"
        } else {
            "FUTURE_REF"
        };
        return resolved.with_value(TimexType::Date, value.to_string(), Precision::Year);
    };
    let signed = i64::from(n) * i64::from(direction);
    let shift_months = |months: i64| {
        if months < 0 {
            today.checked_sub_months(Months::new(months.unsigned_abs() as u32))
        } else {
            today.checked_add_months(Months::new(months as u32))
        }
        .unwrap_or(today)
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => {
            Resolved::day(MentionKind::RelativeDate, today, YearSource::Publication)
        }
        Unit::Day => {
            let date = today
                .checked_add_signed(chrono::Duration::days(signed))
                .unwrap_or(today);
            Resolved::day(MentionKind::RelativeDate, date, YearSource::Publication)
        }
        Unit::Week | Unit::Fortnight | Unit::Weekend => {
            let weeks = if unit == Unit::Fortnight {
                signed * 2
            } else {
                signed
            };
            let day = today
                .checked_add_signed(chrono::Duration::weeks(weeks))
                .unwrap_or(today);
            let week = day.iso_week();
            resolved.with_value(
                TimexType::Date,
                format!("{}-W{:02}", week.year(), week.week()),
                Precision::Week,
            )
        }
        Unit::Month => {
            let month = shift_months(signed);
            let date = CalendarDate {
                year: Some(month.year()),
                month: Some(month.month()),
                day: None,
            };
            Resolved::calendar(MentionKind::RelativeDate, date, YearSource::Publication)
        }
        Unit::Quarter => {
            let month = shift_months(signed * 3);
            resolved.with_value(
                TimexType::Date,
                format!("{}-Q{}", month.year(), (month.month() - 1) / 3 + 1),
                Precision::Quarter,
            )
        }
        Unit::Year => {
            // "a year earlier" after "the third quarter" means the same quarter a year before.
            if let Some((year, quarter)) = previous.and_then(|v| v.split_once("-Q"))
                && let Ok(year) = year.parse::<i64>()
            {
                return resolved.with_value(
                    TimexType::Date,
                    format!("{}-Q{quarter}", year + signed),
                    Precision::Quarter,
                );
            }
            let date = CalendarDate {
                year: Some(today.year() + signed as i32),
                month: None,
                day: None,
            };
            Resolved::calendar(MentionKind::RelativeDate, date, YearSource::Publication)
        }
        Unit::Decade => {
            let date = CalendarDate {
                year: Some(today.year() + 10 * signed as i32),
                month: None,
                day: None,
            };
            Resolved::calendar(MentionKind::RelativeDate, date, YearSource::Publication)
        }
        Unit::Century => resolved.with_value(
            TimexType::Date,
            format!("{}", (today.year() + 100 * signed as i32) / 100),
            Precision::Century,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekdays_follow_the_tense() {
        let friday = day("1998-08-07");
        assert_eq!(
            weekday_date(Weekday::Fri, Shift::None, friday, Tense::Past),
            friday
        );
        assert_eq!(
            weekday_date(Weekday::Thu, Shift::None, friday, Tense::Past),
            day("1998-08-06")
        );
        assert_eq!(
            weekday_date(Weekday::Mon, Shift::None, friday, Tense::Future),
            day("1998-08-10")
        );
        assert_eq!(
            weekday_date(Weekday::Fri, Shift::Last, friday, Tense::Unknown),
            day("1998-07-31")
        );
        // "this Sunday" said on Monday, June 16, 2025: the coming Sunday.
        assert_eq!(
            weekday_date(Weekday::Sun, Shift::This, day("2025-06-16"), Tense::Unknown),
            day("2025-06-22")
        );
    }

    #[test]
    fn yearless_dates_take_the_year_the_weekday_is_true_in() {
        let unknown = LazyTense::known(Tense::Unknown);
        let context = |today| Context {
            publication: Some(day(today)),
            tense: &unknown,
            previous_value: None,
        };
        let dec_30 = Expr::Calendar {
            date: CalendarDate {
                year: None,
                month: Some(12),
                day: Some(30),
            },
            weekday: Some((Weekday::Mon, 0..6)),
            part: None,
        };
        let resolved = resolve(&dec_30, &context("2025-01-03"));
        assert_eq!(resolved.value.as_deref(), Some("2024-12-30"));
        assert_eq!(resolved.year_source, YearSource::Publication);
        let june_17 = Expr::Calendar {
            date: CalendarDate {
                year: None,
                month: Some(6),
                day: Some(17),
            },
            weekday: None,
            part: None,
        };
        assert_eq!(
            resolve(&june_17, &context("2025-06-17")).value.as_deref(),
            Some("2025-06-17")
        );
    }

    #[test]
    fn relative_units() {
        let today = day("2026-01-16");
        assert_eq!(
            unit_offset(Unit::Year, -1, today, Tense::Unknown)
                .value
                .as_deref(),
            Some("2025")
        );
        assert_eq!(
            unit_offset(Unit::Month, -1, today, Tense::Unknown)
                .value
                .as_deref(),
            Some("2025-12")
        );
        assert_eq!(
            unit_offset(Unit::Week, -1, today, Tense::Unknown)
                .value
                .as_deref(),
            Some("2026-W02")
        );
        assert_eq!(month_year(8, Shift::Last, today, Tense::Unknown), 2025);
        assert_eq!(month_year(10, Shift::None, today, Tense::Past), 2025);
        assert_eq!(
            ago(Amount::Exact(2), Unit::Week, -1, today, None)
                .value
                .as_deref(),
            Some("2026-W01")
        );
        assert_eq!(
            ago(Amount::Exact(41), Unit::Year, -1, day("2000-01-15"), None)
                .value
                .as_deref(),
            Some("1959")
        );
    }
}
