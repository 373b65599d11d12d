//! Quoting an article: the sentence around some words, with those words highlighted, as the
//! findings show them. Sentences are the extractors' (`extract::sentence_around`), joined across
//! the single line breaks of hard-wrapped text, since a reader sees one sentence there.

use std::ops::Range;

use maud::{Markup, html};

use super::{clamp, floor_boundary};
use crate::extract::sentence_around;

/// How many bytes of context a quote keeps on each side of its words at most.
const CONTEXT: usize = 240;

/// The sentence around `span`, with its final stop. A line break inside a sentence of
/// hard-wrapped text (a line whose last word starts with a small letter or ends with a comma,
/// the next starting with a small letter or a digit) does not end it; nothing reaches outside `within` (the article's body).
pub(super) fn sentence(text: &str, within: &Range<usize>, span: &Range<usize>) -> Range<usize> {
    let span = clamp(text, span);
    let wraps = |line_end: usize| {
        let last_word = text[..line_end].rsplit(char::is_whitespace).next();
        last_word.is_some_and(|w| w.ends_with(',') || w.starts_with(char::is_lowercase))
            && text[line_end + 1..].starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
    };
    let mut start = sentence_around(text, span.start).start;
    while start > within.start + 1 && text[..start].ends_with('\n') && wraps(start - 1) {
        start = sentence_around(text, start - 2).start;
    }
    let mut end = sentence_around(text, span.end.saturating_sub(1).max(span.start)).end;
    while end + 1 < within.end && text[end..].starts_with('\n') && wraps(end) {
        end = sentence_around(text, end + 1).end;
    }
    if text[end..].starts_with(['.', '!', '?']) {
        end += 1;
    }
    start.max(within.start)..end.min(within.end.max(span.end))
}

/// The sentences around `hits` (spans and the class of their mark), cut to [`CONTEXT`] bytes
/// either side, each hit highlighted. Hits overlapping an earlier one are left out.
pub(super) fn quote(text: &str, within: &Range<usize>, hits: &[(Range<usize>, &str)]) -> Markup {
    let mut hits: Vec<(Range<usize>, &str)> = hits
        .iter()
        .map(|(span, class)| (clamp(text, span), *class))
        .collect();
    hits.sort_by_key(|(span, _)| (span.start, span.end));
    let mut kept: Vec<(Range<usize>, &str)> = Vec::new();
    for hit in hits {
        if kept.last().is_none_or(|(last, _)| last.end <= hit.0.start) {
            kept.push(hit);
        }
    }
    let (Some((first, _)), Some((last, _))) = (kept.first(), kept.last()) else {
        return html! {};
    };
    let mut start = sentence(text, within, first).start;
    let mut end = sentence(text, within, last).end;
    let cut_before = start + CONTEXT < first.start;
    if cut_before {
        start = floor_boundary(text, first.start - CONTEXT);
    }
    let cut_after = last.end + CONTEXT < end;
    if cut_after {
        end = floor_boundary(text, last.end + CONTEXT);
    }
    // (the words before a hit, the hit, its class)
    let mut pieces: Vec<(&str, &str, &str)> = Vec::new();
    let mut at = start;
    for (span, class) in &kept {
        pieces.push((&text[at..span.start], &text[span.clone()], class));
        at = span.end;
    }
    if let Some(first) = pieces.first_mut() {
        first.0 = first.0.trim_start();
    }
    let tail = text[at..end].trim_end();
    html! {
        q.quote {
            @if cut_before { "… " }
            @for (before, words, class) in pieces {
                (before)
                mark class=(format!("hit {class}")) { (words) }
            }
            (tail)
            @if cut_after { " …" }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_continues_across_a_single_line_break() {
        let text = "---\ntitle: x\n---\nThe leaders met on\nthe Monday, June 16. Then\n\nNext one.";
        let body = text.find("The").unwrap()..text.len();
        let monday = text.find("Monday").unwrap();
        let found = sentence(text, &body, &(monday..monday + 6));
        assert_eq!(&text[found], "The leaders met on\nthe Monday, June 16.");
        let then = text.find("Then").unwrap();
        assert_eq!(
            text[sentence(text, &body, &(then..then + 4))].trim(),
            "Then"
        );
        let headline = "Leaders meet in Seoul\nthe summit opens.";
        let at = headline.find("summit").unwrap();
        let whole = 0..headline.len();
        assert_eq!(
            &headline[sentence(headline, &whole, &(at..at + 6))],
            "the summit opens."
        );
    }

    #[test]
    fn a_quote_highlights_every_hit_and_escapes_the_rest() {
        let text = "On <b>Monday</b>, June 17, they met.";
        let monday = text.find("Monday").unwrap();
        let june = text.find("June 17").unwrap();
        let html = quote(
            text,
            &(0..text.len()),
            &[(june..june + 7, "related"), (monday..monday + 6, "error")],
        )
        .into_string();
        assert_eq!(
            html,
            "<q class=\"quote\">On &lt;b&gt;<mark class=\"hit error\">Monday</mark>&lt;/b&gt;, \
             <mark class=\"hit related\">June 17</mark>, they met.</q>"
        );
    }
}
