//! Each article's text with every claim and finding marked. Marks may overlap (a date inside an
//! office-holder claim, an event phrase across a date), so they are nested into a tree first; a
//! mark that crosses its parent's end is split in two, the id staying on its first piece.

use std::ops::Range;

use maud::{Markup, html};

use super::marks::{self, Mark, MarkKind};
use super::{Input, article_id, article_title, clamp, finding_id, findings_by_article, page::icon};
use crate::corpus::Article;

pub(super) fn section(input: &Input<'_>) -> Markup {
    html! {
        section #articles aria-labelledby="articles-title" {
            h2 #articles-title { "Articles" }
            p.legend {
                "Marked: "
                span.claim.date { "dates" } ", "
                span.claim.role { "office holders" } ", "
                span.claim.person { "people" } ", "
                span.claim.event { "events" } ", "
                span.claim.interval { "intervals" } ", "
                span.claim.anniversary { "anniversaries" } ", "
                span.claim.count { "counts" } "; findings are highlighted in their level's colour and followed by a numbered flag. "
                "Hover over or focus (Tab) a mark to see what factlint read in it."
            }
            @let touching = findings_by_article(input);
            @for (i, article) in input.articles.iter().enumerate() {
                @let marks = marks::of_article(i, &input.extractions[i], input.findings, &touching[i], input.kb);
                article.doc #(article_id(i)) aria-labelledby=(format!("{}-title", article_id(i))) {
                    h3 #(format!("{}-title", article_id(i))) { (article_title(article)) }
                    p.path { code { (article.path.display().to_string()) } }
                    div.text { (render_text(article, &marks)) }
                }
            }
        }
    }
}

/// A part of the text: plain words, or a (piece of a) mark around its own parts.
#[derive(Debug, PartialEq, Eq)]
enum Node {
    Text(Range<usize>),
    Mark {
        mark: usize,
        /// The first piece carries the id; the last is followed by the finding's flag.
        first: bool,
        last: bool,
        children: Vec<Node>,
    },
}

/// The part of the article shown: the body, widened to whole lines around any mark outside it
/// (a suppression in the front matter).
fn shown_range(article: &Article, marks: &[Mark]) -> Range<usize> {
    let text = &article.text;
    let start = marks
        .iter()
        .map(|m| m.span.start)
        .fold(article.body.start, usize::min);
    let end = marks
        .iter()
        .map(|m| m.span.end)
        .fold(article.body.end, usize::max);
    let start = text[..start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    clamp(text, &(start..end))
}

fn render_text(article: &Article, marks: &[Mark]) -> Markup {
    let text = &article.text;
    let range = shown_range(article, marks);
    let nodes = nest(text, &range, marks);
    render_nodes(text, marks, &nodes)
}

/// A span with at least one character, so every mark (and the link to it) exists on the page.
fn nonempty(text: &str, span: &Range<usize>) -> Range<usize> {
    let span = clamp(text, span);
    if !span.is_empty() {
        return span;
    }
    match text[span.start..].chars().next() {
        Some(c) => span.start..span.start + c.len_utf8(),
        None => span,
    }
}

/// Builds the tree of marks over `range`: marks sorted by start, longer first, each opened
/// inside the innermost open mark that contains its start.
fn nest(text: &str, range: &Range<usize>, marks: &[Mark]) -> Vec<Node> {
    struct Piece {
        mark: usize,
        span: Range<usize>,
        first: bool,
    }
    let mut pending: Vec<Piece> = marks
        .iter()
        .enumerate()
        .map(|(mark, m)| Piece {
            mark,
            span: nonempty(text, &m.span),
            first: true,
        })
        .filter(|p| p.span.start >= range.start && p.span.end <= range.end && !p.span.is_empty())
        .collect();
    let order = |p: &Piece| (p.span.start, std::cmp::Reverse(p.span.end), p.mark);
    // Reversed, so the next piece is popped from the end.
    pending.sort_by_key(|p| std::cmp::Reverse(order(p)));
    let mut root: Vec<Node> = Vec::new();
    let mut open: Vec<(Piece, Vec<Node>)> = Vec::new();
    let mut at = range.start;
    let push_text = |nodes: &mut Vec<Node>, from: usize, to: usize| {
        if from < to {
            nodes.push(Node::Text(from..to));
        }
    };
    loop {
        let next_start = pending.last().map_or(usize::MAX, |p| p.span.start);
        while let Some((piece, _)) = open.last()
            && piece.span.end <= next_start
        {
            let end = piece.span.end;
            if let Some((piece, mut children)) = open.pop() {
                push_text(&mut children, at, end);
                at = end;
                let node = Node::Mark {
                    mark: piece.mark,
                    first: piece.first,
                    last: piece.span.end == nonempty(text, &marks[piece.mark].span).end,
                    children,
                };
                match open.last_mut() {
                    Some((_, parent)) => parent.push(node),
                    None => root.push(node),
                }
            }
        }
        let Some(mut piece) = pending.pop() else {
            break;
        };
        let container = match open.last_mut() {
            Some((_, children)) => children,
            None => &mut root,
        };
        push_text(container, at, piece.span.start);
        at = piece.span.start;
        if let Some((parent, _)) = open.last()
            && piece.span.end > parent.span.end
        {
            let rest = Piece {
                mark: piece.mark,
                span: parent.span.end..piece.span.end,
                first: false,
            };
            piece.span.end = parent.span.end;
            let key = std::cmp::Reverse(order(&rest));
            let slot = pending.partition_point(|p| std::cmp::Reverse(order(p)) < key);
            pending.insert(slot, rest);
        }
        open.push((piece, Vec::new()));
    }
    push_text(&mut root, at, range.end);
    root
}

fn render_nodes(text: &str, marks: &[Mark], nodes: &[Node]) -> Markup {
    html! {
        @for node in nodes {
            @match node {
                Node::Text(span) => (&text[span.clone()]),
                Node::Mark { mark, first, last, children } => {
                    (render_mark(&marks[*mark], *first, *last, render_nodes(text, marks, children)))
                }
            }
        }
    }
}

fn render_mark(mark: &Mark, first: bool, last: bool, inner: Markup) -> Markup {
    let id = mark.id.as_ref().filter(|_| first);
    html! {
        @match mark.kind {
            MarkKind::Claim(class) => {
                span class=(format!("claim {class}")) id=[id] tabindex="0" title=(mark.tip) { (inner) }
            }
            MarkKind::Finding { index, level } => {
                mark class=(format!("finding {}", level.as_str())) id=[id] tabindex="0" title=(mark.tip) { (inner) }
                @if last {
                    a class=(format!("flag {}", level.as_str())) href=(format!("#{}", finding_id(index)))
                        aria-label=(format!("{} finding {}", level, index + 1)) {
                        (icon(level)) sup { (index + 1) }
                    }
                }
            }
            MarkKind::Related { index } => {
                mark.related id=[id] tabindex="0" title=(mark.tip) { (inner) }
                @if last {
                    a.flag.related href=(format!("#{}", finding_id(index)))
                        aria-label=(format!("related to finding {}", index + 1)) {
                        "↔" sup { (index + 1) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
