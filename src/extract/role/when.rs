//! The date an office-holder claim speaks of: the publication date, unless its sentence dates
//! the claim otherwise ("then", "In March 2019, Prime Minister Shinzo Abe visited Seoul").

use std::ops::Range;

use super::{Context, sentence_around};
use crate::extract::scan::word_before;
use crate::extract::{Mention, MentionKind, RoleStatus, YearSource};
use crate::time::CalendarDate;

/// The date a claim at `span` speaks of: the publication date; for "then", the nearest date of
/// its sentence; for a current holder, an earlier date stated in the claim's own clause.
pub(super) fn claim_date(
    text: &str,
    span: &Range<usize>,
    status: RoleStatus,
    context: &Context<'_, '_>,
) -> Option<CalendarDate> {
    let published = context.published.filter(|date| date.year.is_some());
    if matches!(status, RoleStatus::Former | RoleStatus::Late) {
        return published;
    }
    let sentence = sentence_around(text, span.start);
    let dated = context.mentions.iter().filter(|mention| {
        mention.span.start >= sentence.start
            && mention.span.end <= sentence.end
            && mention.date.is_some_and(|date| date.year.is_some())
            && matches!(
                mention.kind,
                MentionKind::Date | MentionKind::RelativeDate | MentionKind::Weekday
            )
    });
    let distance = |mention: &&Mention| {
        if mention.span.start >= span.end {
            mention.span.start - span.end
        } else {
            span.start.saturating_sub(mention.span.end)
        }
    };
    if status == RoleStatus::Then {
        return dated.min_by_key(distance).and_then(|mention| mention.date);
    }
    // A title is written as of publication unless a date of its own clause says otherwise:
    // "Obama, who took office in 2009, met Chinese President Xi Jinping" and "Since 2012,
    // Chinese President Xi Jinping has ..." speak of the present.
    let earlier = dated
        .filter(|mention| {
            mention.kind == MentionKind::Date && mention.year_source == YearSource::Stated
        })
        .filter(|mention| {
            let (Some(date), Some(published)) = (mention.date, published) else {
                return false;
            };
            before(date, published)
        })
        .filter(|mention| {
            same_clause(text, &mention.span, span) && !opens_a_period(text, &mention.span)
        })
        .min_by_key(distance);
    earlier.and_then(|mention| mention.date).or(published)
}

/// Whether `date` is certainly before `published`, at the precision both know.
fn before(date: CalendarDate, published: CalendarDate) -> bool {
    match (date.year, published.year) {
        (Some(a), Some(b)) if a != b => return a < b,
        (Some(_), Some(_)) => {}
        _ => return false,
    }
    match (date.month, published.month) {
        (Some(a), Some(b)) if a != b => return a < b,
        (Some(_), Some(_)) => {}
        _ => return false,
    }
    matches!((date.day, published.day), (Some(a), Some(b)) if a < b)
}

/// Whether a date and a claim share a clause: nothing but a comma parts a date that opens
/// the sentence from the claim ("In 2009, Chinese President Hu Jintao met ..."), and no
/// clause mark parts them otherwise ("Chinese President Hu Jintao visited Washington in 2009",
/// but not "Chinese President Xi Jinping, who met Obama in 2009, ...").
fn same_clause(text: &str, date: &Range<usize>, claim: &Range<usize>) -> bool {
    let between = if date.end <= claim.start {
        &text[date.end..claim.start]
    } else if claim.end <= date.start {
        &text[claim.end..date.start]
    } else {
        return false;
    };
    let parts_clauses = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
    !between.contains(parts_clauses)
        || (date.end <= claim.start && between.chars().all(|c| c == ',' || c.is_whitespace()))
}

/// Whether the word before a date makes it the bound of a stretch of time reaching beyond
/// it ("since 2012", "until 2009", "by 2010"), so that a title beside it may speak of now.
fn opens_a_period(text: &str, date: &Range<usize>) -> bool {
    let word = word_before(text, date.start);
    [
        "since", "until", "till", "through", "by", "after", "before", "from",
    ]
    .iter()
    .any(|bound| word.eq_ignore_ascii_case(bound))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, part: &str) -> Range<usize> {
        let start = text.find(part).expect("the part is in the text");
        start..start + part.len()
    }

    #[test]
    fn a_clause_mark_parts_a_date_from_a_claim() {
        let hu = "Chinese President Hu Jintao";
        let xi = "Chinese President Xi Jinping";
        for (text, claim, expected) in [
            ("In 2009, Chinese President Hu Jintao met Obama.", hu, true),
            ("In 2009 Chinese President Hu Jintao met Obama.", hu, true),
            (
                "Chinese President Hu Jintao visited Washington in 2009.",
                hu,
                true,
            ),
            (
                "Obama, who took office in 2009, met Chinese President Xi Jinping.",
                xi,
                false,
            ),
            (
                "Chinese President Xi Jinping, who met Obama in 2009, spoke.",
                xi,
                false,
            ),
            (
                "Chinese President Xi Jinping (elected in 2009) spoke.",
                xi,
                false,
            ),
            (
                "In 2009, as Obama took office, Chinese President Hu Jintao spoke.",
                hu,
                false,
            ),
        ] {
            let (date, claim) = (span_of(text, "2009"), span_of(text, claim));
            assert_eq!(same_clause(text, &date, &claim), expected, "{text}");
        }
    }

    #[test]
    fn since_until_and_by_open_a_period() {
        for (text, date, expected) in [
            ("Since 2012, he has ruled.", "2012", true),
            ("He ruled until 2012.", "2012", true),
            ("He ruled from 2012.", "2012", true),
            ("By March 2012 he had won.", "March 2012", true),
            ("He ruled in 2012.", "2012", false),
            ("On March 3, 2012, he won.", "March 3, 2012", false),
        ] {
            assert_eq!(
                opens_a_period(text, &span_of(text, date)),
                expected,
                "{text}"
            );
        }
    }
}
