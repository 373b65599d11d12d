//! The findings, grouped by article: each in its sentence with the words highlighted, the
//! message and help, and for a finding that involves another place (the other article of a
//! conflict) that place's sentence beside it, linked to its article. Filter and sort controls
//! work with the page's script; without it every finding is listed in text order.

use std::collections::BTreeSet;

use maud::{Markup, html};

use super::page::findings_count;
use super::{
    Input, LEVELS, article_id, article_title, finding_id, finding_mark_id, level_badge, level_name,
    location, quote, related_mark_id,
};
use crate::finding::{Finding, Related};

pub(super) fn section(input: &Input<'_>) -> Markup {
    let rules: BTreeSet<&str> = input.findings.iter().map(|f| f.rule.as_str()).collect();
    html! {
        section #findings aria-labelledby="findings-title" {
            h2 #findings-title { "Findings " span.count { "(" (input.findings.len()) ")" } }
            @if input.findings.is_empty() {
                p.clean { "No findings: every claim factlint could judge agrees with the knowledge base and the other articles." }
            } @else {
                (controls(&rules, input.findings.len()))
                @for (article, findings) in by_article(input.findings) {
                    section.group aria-labelledby=(format!("group-{article}")) {
                        h3 #(format!("group-{article}")) {
                            a href=(format!("#{}", article_id(article))) { (article_title(&input.articles[article])) }
                            " " span.count { "(" (findings_count(findings.len())) ")" }
                        }
                        ol.findings {
                            @for (index, finding) in findings { (entry(input, index, finding)) }
                        }
                    }
                }
            }
        }
    }
}

/// The findings of each article, with their indices, in article order.
fn by_article(findings: &[Finding]) -> Vec<(usize, Vec<(usize, &Finding)>)> {
    let mut groups: Vec<(usize, Vec<(usize, &Finding)>)> = Vec::new();
    for (index, finding) in findings.iter().enumerate() {
        match groups.last_mut() {
            Some((article, group)) if *article == finding.article => group.push((index, finding)),
            _ => groups.push((finding.article, vec![(index, finding)])),
        }
    }
    groups
}

fn controls(rules: &BTreeSet<&str>, total: usize) -> Markup {
    html! {
        form.controls #finding-controls aria-label="Filter and sort the findings" {
            fieldset {
                legend { "Show levels" }
                @for level in LEVELS {
                    label.check {
                        input type="checkbox" name="level" value=(level.as_str()) checked;
                        (level_badge(level))
                    }
                }
            }
            label {
                "Rule "
                select #rule-filter name="rule" {
                    option value="" { "all rules" }
                    @for rule in rules { option value=(rule) { (rule) } }
                }
            }
            label {
                "Sort by "
                select #finding-sort name="sort" {
                    option value="position" { "position in the article" }
                    option value="level" { "level, most serious first" }
                    option value="rule" { "rule" }
                }
            }
            p #finding-status aria-live="polite" { "Showing all " (total) }
        }
    }
}

fn entry(input: &Input<'_>, index: usize, finding: &Finding) -> Markup {
    let article = &input.articles[finding.article];
    let severity = 2 - LEVELS.iter().position(|&l| l == finding.level).unwrap_or(2);
    // Related places in the finding's own sentence are highlighted in its quote; the others
    // (another sentence, another article) are quoted beside it.
    let own = quote::sentence(&article.text, &article.body, &finding.span);
    let (inline, apart): (Vec<_>, Vec<_>) =
        finding
            .related
            .iter()
            .enumerate()
            .partition(|(_, related)| {
                let theirs = quote::sentence(&article.text, &article.body, &related.span);
                related.article == finding.article
                    && theirs.start < own.end
                    && own.start < theirs.end
            });
    let mut hits = vec![(finding.span.clone(), finding.level.as_str())];
    hits.extend(
        inline
            .iter()
            .map(|(_, related)| (related.span.clone(), "related")),
    );
    let elsewhere = apart.iter().any(|(_, r)| r.article != finding.article);
    html! {
        li class=(format!("finding {}", finding.level.as_str())) #(finding_id(index))
            data-level=(finding.level.as_str()) data-rule=(finding.rule)
            data-position=(index) data-severity=(severity) {
            div.head {
                (level_badge(finding.level))
                code.rule { (finding.rule) }
                a.loc href=(format!("#{}", finding_mark_id(index)))
                    aria-label=(format!("{} at {} in the article text", level_name(finding.level), location(article, &finding.span))) {
                    (location(article, &finding.span))
                }
            }
            p.message { (finding.message) }
            div.pair.split[elsewhere] {
                figure.place {
                    figcaption { "In this article" }
                    (quote::quote(&article.text, &article.body, &hits))
                    @if !inline.is_empty() {
                        ul.notes {
                            @for (k, related) in &inline {
                                li.related-place {
                                    a href=(format!("#{}", related_mark_id(index, *k))) {
                                        mark.related { (article.text.get(related.span.clone()).unwrap_or_default()) }
                                    }
                                    ": " (related.message)
                                }
                            }
                        }
                    }
                }
                @for (k, related) in apart {
                    (related_place(input, finding, index, k, related))
                }
            }
            @if let Some(help) = &finding.help {
                p.help { strong { "Help: " } (help) }
            }
        }
    }
}

/// A related place outside the finding's sentence, quoted with a link to it.
fn related_place(
    input: &Input<'_>,
    finding: &Finding,
    index: usize,
    k: usize,
    related: &Related,
) -> Markup {
    let Some(other) = input.articles.get(related.article) else {
        return html! {};
    };
    let same = related.article == finding.article;
    html! {
        figure.place.related.related-place {
            figcaption {
                @if same {
                    "Related, elsewhere in this article: "
                } @else {
                    "In the other article, "
                    a href=(format!("#{}", article_id(related.article))) { (article_title(other)) }
                    ": "
                }
                (related.message)
            }
            (quote::quote(&other.text, &other.body, &[(related.span.clone(), "related")]))
            a.loc href=(format!("#{}", related_mark_id(index, k))) { "Go to " (location(other, &related.span)) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Level;

    fn finding(article: usize) -> Finding {
        Finding {
            rule: "weekday".into(),
            level: Level::Error,
            article,
            span: 0..1,
            message: String::new(),
            help: None,
            related: Vec::new(),
        }
    }

    #[test]
    fn findings_are_grouped_by_consecutive_article() {
        let findings = [finding(0), finding(0), finding(2)];
        let groups = by_article(&findings);
        let shape: Vec<(usize, Vec<usize>)> = groups
            .iter()
            .map(|(a, g)| (*a, g.iter().map(|(i, _)| *i).collect()))
            .collect();
        assert_eq!(shape, vec![(0, vec![0, 1]), (2, vec![2])]);
    }
}
