//! Page furniture: the publication date, dateline, outlet and title that a scraped page
//! prints above its story, read from the first lines of the body only.

use std::ops::Range;

use nom::bytes::complete::{tag_no_case, take_while};
use nom::character::complete::space1;
use nom::{IResult, Parser};

use super::dateline::{DatelineMatch, SEPARATORS, byline, parse_dateline};
use super::dates::written_date;
use super::{DateSource, Dateline, Published};
use crate::time::CalendarDate;

/// How far into the body the furniture is looked for.
const HEAD_LINES: usize = 40;
const HEAD_BYTES: usize = 3 * 1024;
/// Lines longer than this are prose; only a label or a dateline makes them furniture.
const SHORT_LINE: usize = 160;

/// Labels that introduce the publication date, longest first where one extends another.
const PUBLISHED_LABELS: &[&str] = &[
    "first published",
    "publication date",
    "published",
    "posted",
    "dated",
    "date",
    "pubdate",
    "veröffentlicht",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "diterbitkan",
    "dipublikasikan",
    "tanggal",
];
/// Labels of a later revision: used only when nothing better is printed.
const UPDATED_LABELS: &[&str] = &[
    "last updated",
    "last modified",
    "updated",
    "modified",
    "aktualisiert",
    "mis à jour",
    "actualizado",
    "atualizado",
    "aggiornato",
    "bijgewerkt",
    "diperbarui",
];
/// Words between a label and its date: "Posted on", "Veröffentlicht am", "Publié le".
const LABEL_LINKS: &[&str] = &["on", "at", "am", "le", "el", "em", "il", "op", "pada"];

/// What the top of a page says about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Furniture {
    pub published: Option<Published>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub dateline: Option<Dateline>,
}

/// The publication date printed at the top of the body, if any; see [`furniture`].
pub fn publication_date(text: &str, body: Range<usize>) -> Option<Published> {
    furniture(text, body).published
}

/// Reads the furniture in the first 40 lines / 3 KB of `text[body]`. A date counts only
/// where furniture puts one: after a label ("Published :", "date", "Posted on"), in a
/// dateline ("Seoul, Jan 16 (NationPress)"), or alone on a short line ("| Juni 9, 2025");
/// a date inside a sentence of the story is never taken. Labels beat datelines and lone
/// dates, which beat "Updated"; a date with its year beats one without; then the first wins.
pub fn furniture(text: &str, body: Range<usize>) -> Furniture {
    furniture_for(text, body, Wanted::ALL)
}

/// Which of the furniture's fields a caller still lacks (front matter gave the others). The
/// dateline is always wanted: front matter never gives one.
#[derive(Clone, Copy, Debug)]
pub struct Wanted {
    pub published: bool,
    pub outlet: bool,
    pub title: bool,
}

impl Wanted {
    pub const ALL: Wanted = Wanted {
        published: true,
        outlet: true,
        title: true,
    };
}

/// [`furniture`], reading only what `wanted` fields need: a field not wanted may be missing
/// from the result, the wanted ones are as [`furniture`] finds them.
pub fn furniture_for(text: &str, body: Range<usize>, wanted: Wanted) -> Furniture {
    // A line's dates matter to the title too: a line with one is furniture, not a headline.
    let read_dates = wanted.published || wanted.title;
    let read_bylines = wanted.outlet || wanted.title;
    let mut best: Option<(Rank, Published)> = None;
    let mut dateline = None;
    let mut byline_outlet = None;
    let mut title = None;
    for line in head_lines(text, body) {
        let (offset, trimmed) = strip_furniture_marks(line.text);
        let start = line.start + offset;
        let found_dateline = parse_dateline(trimmed);
        let candidates = if read_dates {
            dates_in_line(trimmed, found_dateline.as_ref())
        } else {
            Vec::new()
        };
        for candidate in &candidates {
            let rank = Rank {
                strength: candidate.strength,
                has_year: candidate.date.year.is_some(),
            };
            if best.as_ref().is_none_or(|(old, _)| rank > *old) {
                let span = start + candidate.span.start..start + candidate.span.end;
                let source = DateSource::Text { line: line.number };
                let published = Published {
                    date: candidate.date,
                    source,
                    span: Some(span),
                };
                best = Some((rank, published));
            }
        }
        let furniture_line = !candidates.is_empty() || found_dateline.is_some();
        if let Some(found) = found_dateline {
            dateline.get_or_insert(Dateline {
                place: found.place.to_string(),
                outlet: found.outlet.map(str::to_string),
                span: start..start + found.len,
            });
        }
        let by = if read_bylines { byline(trimmed) } else { None };
        byline_outlet = byline_outlet.or(by);
        // The headline comes before the story: look for it until the dateline.
        let story_started = dateline.is_some();
        if wanted.title && title.is_none() && !story_started && !furniture_line && by.is_none() {
            title = looks_like_title(trimmed).then(|| trimmed.trim_end().to_string());
        }
        // With the dateline found, the later lines could only add what is not wanted.
        if story_started && !read_dates && !read_bylines {
            break;
        }
    }
    let outlet = dateline
        .as_ref()
        .and_then(|d: &Dateline| d.outlet.clone())
        .or(byline_outlet.map(str::to_string));
    Furniture {
        published: best.map(|(_, published)| published),
        outlet,
        title,
        dateline,
    }
}

/// How strongly the page says "this is when the article was published"; compared in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    strength: u8,
    has_year: bool,
}

const LABELLED: u8 = 4;
const ALONE: u8 = 3;
const DATELINE: u8 = 3;
const SET_APART: u8 = 2;
const UPDATED: u8 = 1;

struct Candidate {
    strength: u8,
    date: CalendarDate,
    /// Byte range in the trimmed line.
    span: Range<usize>,
}

struct Line<'a> {
    number: usize,
    start: usize,
    text: &'a str,
}

/// The first lines of the body, with their 1-based file line numbers and byte offsets.
fn head_lines(text: &str, body: Range<usize>) -> impl Iterator<Item = Line<'_>> {
    let mut end = body
        .end
        .min(body.start.saturating_add(HEAD_BYTES))
        .min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // A range that is not on character boundaries yields no lines rather than a panic.
    let start = if text.is_char_boundary(body.start) {
        body.start.min(end)
    } else {
        end
    };
    let first_number = text[..start].matches('\n').count() + 1;
    text[start..end]
        .split_inclusive('\n')
        .scan(start, |at, raw| {
            let line_start = *at;
            *at += raw.len();
            Some((line_start, raw.trim_end_matches(['\n', '\r'])))
        })
        .take(HEAD_LINES)
        .enumerate()
        .map(move |(i, (start, text))| Line {
            number: first_number + i,
            start,
            text,
        })
}

/// Skips the marks scraped furniture starts with ("| ", "• ", "- "); returns the offset.
fn strip_furniture_marks(line: &str) -> (usize, &str) {
    let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() || "|•·*#>".contains(c));
    let trimmed = trimmed.trim_start_matches(|c: char| c == '-' || c.is_whitespace());
    (line.len() - trimmed.len(), trimmed)
}

/// Publication-date candidates in one (trimmed) line.
fn dates_in_line(line: &str, dateline: Option<&DatelineMatch>) -> Vec<Candidate> {
    let mut found = Vec::new();
    if let Some((date, span)) = dateline.and_then(|d| d.date.clone()) {
        found.push(Candidate {
            strength: DATELINE,
            date,
            span,
        });
    }
    let short = line.len() <= SHORT_LINE;
    let mut skip_to = 0;
    for at in word_starts(line) {
        if at < skip_to || !set_apart_before(&line[..at]) {
            continue;
        }
        if let Some((strength, span, date)) = labelled_date(line, at) {
            skip_to = span.end;
            found.push(Candidate {
                strength,
                date,
                span,
            });
        } else if short && let Ok((rest, date)) = written_date(&line[at..]) {
            // Only a short line's written date can be furniture, so a long line (a paragraph
            // of the story) is not parsed for one: no label is a word of a written date, so
            // skipping past a date here never hid a label.
            let end = line.len() - rest.len();
            skip_to = end;
            if date.year.is_some() && set_apart_after(rest) {
                let strength = if at == 0 { ALONE } else { SET_APART };
                found.push(Candidate {
                    strength,
                    date,
                    span: at..end,
                });
            }
        }
    }
    found
}

/// Byte offsets where a word starts (a letter or digit after a non-alphanumeric). ASCII, most
/// of any head, is told byte by byte; other characters are decoded.
fn word_starts(line: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = line.as_bytes();
    let mut at = 0;
    let mut previous_alnum = false;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at;
            let alnum = if bytes[at].is_ascii() {
                at += 1;
                bytes[start].is_ascii_alphanumeric()
            } else {
                let c = line[at..].chars().next()?;
                at += c.len_utf8();
                c.is_alphanumeric()
            };
            let starts = alnum && !previous_alnum;
            previous_alnum = alnum;
            if starts {
                return Some(start);
            }
        }
        None
    })
}

/// A date at `at` is furniture only at the line start, after a separator or after a gap
/// of layout whitespace — not after an ordinary word of a sentence.
fn set_apart_before(before: &str) -> bool {
    // Nearly every word of a story follows one plain space after a word: told from two bytes,
    // before anything is trimmed or counted.
    if let [.., word_end, b' '] = before.as_bytes()
        && word_end.is_ascii_graphic()
        && !SEPARATORS.contains(&char::from(*word_end))
    {
        return false;
    }
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace());
    let gap = &before[trimmed.len()..];
    trimmed.is_empty()
        || gap.chars().count() >= 2
        || gap.contains(['\u{a0}', '\t'])
        || trimmed.ends_with(SEPARATORS)
}

/// What may follow a date in furniture: nothing, a time, or a separator.
fn set_apart_after(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\u{a0}', '\t', ',']);
    let lower = rest.get(..6).unwrap_or(rest).to_lowercase();
    rest.is_empty()
        || rest.starts_with(|c: char| c.is_ascii_digit() || SEPARATORS.contains(&c))
        || (rest.starts_with('T') && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
        || ["at ", "um ", "à ", "pukul "]
            .iter()
            .any(|w| lower.starts_with(w))
}

/// "Published : Dec 27, 2021", "date 2021-12-27", "Posted on June 9, 2025", "Updated: …".
fn labelled_date(line: &str, at: usize) -> Option<(u8, Range<usize>, CalendarDate)> {
    let input = &line[at..];
    // Most set-apart words (after a comma, at a line start) begin no label: tell from the
    // first letter before trying every label.
    let first = input.as_bytes()[0].to_ascii_lowercase();
    let (strength, rest) = PUBLISHED_LABELS
        .iter()
        .map(|label| (LABELLED, label))
        .chain(UPDATED_LABELS.iter().map(|label| (UPDATED, label)))
        .filter(|(_, label)| label.as_bytes()[0] == first)
        .find_map(|(strength, label)| {
            let (rest, _) = tag_no_case::<_, _, nom::error::Error<&str>>(*label)
                .parse(input)
                .ok()?;
            (!rest.starts_with(char::is_alphanumeric)).then_some((strength, rest))
        })?;
    let (rest, _) = label_link(rest).ok()?;
    let (after, date) = written_date(rest).ok()?;
    let start = line.len() - rest.len();
    let end = line.len() - after.len();
    Some((strength, start..end, date))
}

/// The punctuation and little words between a label and its date.
fn label_link(input: &str) -> IResult<&str, ()> {
    let (rest, _) = take_while(|c: char| c.is_whitespace() || ":.-–—|".contains(c)).parse(input)?;
    let link = LABEL_LINKS.iter().find_map(|word| {
        let (after, _) = (tag_no_case::<_, _, nom::error::Error<&str>>(*word), space1)
            .parse(rest)
            .ok()?;
        Some(after)
    });
    Ok((link.unwrap_or(rest), ()))
}

/// A headline: a few words, not a sentence of the story, not furniture.
fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (4..=30).contains(&words)
        && line.len() <= 200
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"')
}

#[cfg(test)]
#[path = "published_tests.rs"]
mod tests;
