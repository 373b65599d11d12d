//! A deterministic generator of news-style articles with planted errors, for benchmarks and the
//! large-scale correctness test (`tests/generated.rs`, `examples/gen_corpus.rs`, `benches/`).
//!
//! Every claim is drawn from the shipped knowledge base so that it is true: dates carry their
//! real weekday, office holders are named in their office on days inside their certain term,
//! summit ordinals are the KB series position, anniversaries the years since the KB event. One
//! article in ten (`index % 10 == PLANTED_SLOT`) gets one planted error, recorded in
//! [`Planted`]; nothing else in the corpus should be an error.
//!
//! Article `i` depends only on the seed and `i`, so the first thousand articles of a corpus of
//! 100,000 are the corpus of 1,000.

mod templates;

use std::path::Path;

use chrono::{Datelike, Days, NaiveDate};
use factlint::kb::{Event, EventKind, KbDate, KbIndex, Role, Term};
use fastrand::Rng;

use templates::{Paragraphs, filler, ordinal_words, suffix};

/// Which article of every ten carries a planted error.
const PLANTED_SLOT: usize = 7;

/// One generated article: its file name (`00042.md`) and text (front matter and body).
pub struct Article {
    pub name: String,
    pub text: String,
}

/// A planted error: the file, the rule that must report it, the 1-based line and the text of
/// the planted claim.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Planted {
    pub file: String,
    pub rule: String,
    pub line: usize,
    pub text: String,
}

/// A generated corpus.
pub struct Corpus {
    pub articles: Vec<Article>,
    pub planted: Vec<Planted>,
}

impl Corpus {
    /// All the articles' bytes.
    pub fn bytes(&self) -> usize {
        self.articles.iter().map(|a| a.text.len()).sum()
    }

    /// Write every article to `dir` and the planted errors to `dir/planted.json`.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for article in &self.articles {
            std::fs::write(dir.join(&article.name), &article.text)?;
        }
        let manifest = serde_json::to_string_pretty(&self.planted)?;
        std::fs::write(dir.join("planted.json"), manifest + "\n")
    }
}

/// What the generator draws from the KB, gathered once per corpus.
struct Sources<'kb> {
    /// Single-holder offices with titles a headline writes before a name.
    offices: Vec<(&'kb Role, Vec<&'kb str>)>,
    /// Summits whose ordinal in the KB series is the same for the pair and for the term.
    summits: Vec<Summit<'kb>>,
    /// Events with a name that names only them, and that name.
    anniversaries: Vec<(&'kb Event, &'kb str)>,
}

struct Summit<'kb> {
    day: NaiveDate,
    /// (title, person name) of the president, then of the prime minister.
    sides: [(&'kb str, &'kb str); 2],
    ordinal: usize,
}

/// Generate `count` articles from `seed`.
pub fn generate(kb: &KbIndex, seed: u64, count: usize) -> Corpus {
    let sources = Sources::gather(kb);
    let mut articles = Vec::with_capacity(count);
    let mut planted = Vec::new();
    for index in 0..count {
        let mut rng = Rng::with_seed(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let (article, error) = generate_article(kb, &sources, &mut rng, index);
        planted.extend(error);
        articles.push(article);
    }
    Corpus { articles, planted }
}

impl<'kb> Sources<'kb> {
    fn gather(kb: &KbIndex<'kb>) -> Sources<'kb> {
        let offices = kb
            .kb()
            .roles
            .iter()
            .filter(|role| role.single_holder && !role.id.value.contains("acting"))
            .filter_map(|role| {
                let titles: Vec<&str> = role
                    .titles
                    .iter()
                    .map(|t| t.value.as_str())
                    .filter(|t| usable_title(t))
                    .collect();
                (!titles.is_empty() && !role.terms.is_empty()).then_some((role, titles))
            })
            .collect();
        let anniversaries = kb
            .kb()
            .events
            .iter()
            .filter(|event| event.until.is_none() && event.kind != EventKind::Summit)
            .filter_map(|event| {
                let name = event.names.iter().map(|n| n.value.as_str()).find(|name| {
                    kb.events_named(name).len() == 1 && !name.chars().any(|c| c.is_ascii_digit())
                })?;
                Some((event, name))
            })
            .collect();
        Sources {
            offices,
            summits: summits(kb),
            anniversaries,
        }
    }
}

/// Titles written before a name in the usual word order ("German Chancellor", "U.S. President").
fn usable_title(title: &str) -> bool {
    title.starts_with(|c: char| c.is_ascii_uppercase())
        && !title.contains(" of ")
        && !title.contains('\'')
        && !["nominee", "candidate", "designate", "adviser", "Acting"]
            .iter()
            .any(|word| title.contains(word))
}

/// The summits of the president–prime minister series whose ordinal both readings agree on:
/// the position within the president's term and among the pair's own meetings.
fn summits<'kb>(kb: &KbIndex<'kb>) -> Vec<Summit<'kb>> {
    let mut found = Vec::new();
    for series in &kb.kb().series {
        if series.kind != EventKind::Summit || series.participants.len() != 2 {
            continue;
        }
        let roles: Vec<&str> = series
            .participants
            .iter()
            .map(|p| p.value.as_str())
            .collect();
        for event in kb.series_events(&series.id.value) {
            let KbDate::Day(day) = event.date.value else {
                continue;
            };
            if event.until.is_some() || event.participants.len() != 2 {
                continue;
            }
            let Some(sides) = sides_of(kb, &roles, event, day) else {
                continue;
            };
            let mut participants: Vec<&str> = event
                .participants
                .iter()
                .map(|p| p.value.as_str())
                .collect();
            participants.extend(roles.iter().copied());
            let counts = kb.series_for(EventKind::Summit, &participants, event.date.value);
            let ordinals: Vec<Option<usize>> = counts
                .iter()
                .map(|count| count.ordinal_of(&event.id.value))
                .collect();
            let Some(Some(ordinal)) = ordinals.first().copied() else {
                continue;
            };
            let pair_ordinal = counts[0]
                .events
                .iter()
                .take(ordinal)
                .filter(|other| same_people(other, event))
                .count();
            if ordinals.iter().all(|o| *o == Some(ordinal)) && pair_ordinal == ordinal {
                found.push(Summit {
                    day,
                    sides,
                    ordinal,
                });
            }
        }
    }
    found
}

fn same_people(a: &Event, b: &Event) -> bool {
    let mut a: Vec<&str> = a.participants.iter().map(|p| p.value.as_str()).collect();
    let mut b: Vec<&str> = b.participants.iter().map(|p| p.value.as_str()).collect();
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

/// (title, name) of each series role's holder among the event's participants.
fn sides_of<'kb>(
    kb: &KbIndex<'kb>,
    roles: &[&str],
    event: &'kb Event,
    day: NaiveDate,
) -> Option<[(&'kb str, &'kb str); 2]> {
    let mut sides = Vec::new();
    for role_id in roles {
        let role = kb.role(role_id)?;
        let title = role
            .titles
            .iter()
            .map(|t| t.value.as_str())
            .find(|t| usable_title(t))?;
        let holder = sole_holder(kb, role, day)?;
        event
            .participants
            .iter()
            .find(|p| p.value == holder.person.value)?;
        sides.push((title, kb.person(&holder.person.value)?.name.as_str()));
    }
    sides.try_into().ok()
}

/// The one term of `role` that certainly covers `day` a week either side, when no other term
/// can touch that fortnight.
fn sole_holder<'kb>(kb: &KbIndex<'kb>, role: &Role, day: NaiveDate) -> Option<&'kb Term> {
    let near = |d: NaiveDate, n| {
        (
            d.checked_sub_days(Days::new(n)),
            d.checked_add_days(Days::new(n)),
        )
    };
    let (Some(before), Some(after)) = near(day, 7) else {
        return None;
    };
    let touching: Vec<&Term> = kb
        .terms(&role.id.value)
        .iter()
        .copied()
        .filter(|term| {
            let (start, end) = term.possible_days();
            start <= after && end >= before
        })
        .collect();
    match touching.as_slice() {
        [term] => {
            let (start, end) = term.certain_days()?;
            (start <= before && end >= after).then_some(*term)
        }
        _ => None,
    }
}

/// Someone who held `role` at some time, but nowhere near `day` (two years either side).
fn wrong_holder<'kb>(
    kb: &KbIndex<'kb>,
    role: &Role,
    day: NaiveDate,
    rng: &mut Rng,
) -> Option<&'kb str> {
    let terms = kb.terms(&role.id.value);
    let far = |person: &str| {
        terms.iter().filter(|t| t.person.value == person).all(|t| {
            let (start, end) = t.possible_days();
            end.checked_add_days(Days::new(730))
                .is_some_and(|e| e < day)
                || start
                    .checked_sub_days(Days::new(730))
                    .is_some_and(|s| s > day)
        })
    };
    let candidates: Vec<&str> = terms
        .iter()
        .map(|t| t.person.value.as_str())
        .filter(|p| far(p))
        .collect();
    let person = *candidates.get(rng.usize(..candidates.len().max(1)))?;
    kb.person(person).map(|p| p.name.as_str())
}

/// The kinds of planted error.
#[derive(Clone, Copy, PartialEq)]
enum Plant {
    Weekday,
    Tenure,
    Ordinal,
    Anniversary,
}

fn generate_article(
    kb: &KbIndex,
    sources: &Sources,
    rng: &mut Rng,
    index: usize,
) -> (Article, Option<Planted>) {
    let name = format!("{index:06}.md");
    let summit = (!sources.summits.is_empty() && rng.u8(..4) == 0)
        .then(|| &sources.summits[rng.usize(..sources.summits.len())]);
    let published = match summit {
        Some(summit) => summit.day + Days::new(rng.u64(0..=2)),
        None => random_day(rng),
    };
    let plant = (index % 10 == PLANTED_SLOT).then(|| {
        let mut kinds = vec![Plant::Weekday, Plant::Tenure, Plant::Anniversary];
        if summit.is_some() {
            kinds.push(Plant::Ordinal);
        }
        kinds[rng.usize(..kinds.len())]
    });
    let mut body = Paragraphs::new(published);
    let mut planted_text: Option<(&'static str, String)> = None;

    if let Some(summit) = summit {
        let wrong = plant == Some(Plant::Ordinal);
        let ordinal = if wrong {
            if summit.ordinal > 1 && rng.bool() {
                summit.ordinal - 1
            } else {
                summit.ordinal + 1
            }
        } else {
            summit.ordinal
        };
        let [(title_a, a), (title_b, b)] = summit.sides;
        let claim = format!("held their {} summit", ordinal_words(ordinal));
        let sentence = format!(
            "{title_a} {a} and {title_b} {b} {claim} on {}, {}.",
            summit.day.format("%A"),
            summit.day.format("%B %-d, %Y"),
        );
        body.claim(sentence);
        if wrong {
            planted_text = Some(("ordinal", claim));
        }
    }

    let mut offices: Vec<_> = sources
        .offices
        .iter()
        .filter_map(|(role, titles)| {
            sole_holder(kb, role, published).map(|term| (*role, titles, term))
        })
        .collect();
    rng.shuffle(&mut offices);
    let tenure_claims = 1 + rng.usize(..3);
    for (role, titles, term) in offices.into_iter().take(tenure_claims) {
        let title = titles[rng.usize(..titles.len())];
        let wrong = plant == Some(Plant::Tenure) && planted_text.is_none();
        let person = if wrong {
            wrong_holder(kb, role, published, rng)
        } else {
            kb.person(&term.person.value).map(|p| p.name.as_str())
        };
        let Some(person) = person else { continue };
        let claim = format!("{title} {person}");
        let sentence = templates::tenure_sentence(rng, &claim);
        body.claim(sentence);
        if wrong {
            planted_text = Some(("tenure", claim));
        }
    }

    let eligible: Vec<_> = sources
        .anniversaries
        .iter()
        .filter(|(event, _)| event.year() < published.year())
        .collect();
    let anniversary = (!eligible.is_empty()
        && (rng.u8(..5) < 3 || plant == Some(Plant::Anniversary)))
    .then(|| eligible[rng.usize(..eligible.len())]);
    if let Some((event, event_name)) = anniversary {
        let wrong = plant == Some(Plant::Anniversary);
        let years = (published.year() - event.year()) as usize;
        let stated = if wrong {
            if years > 1 && rng.bool() {
                years - 1
            } else {
                years + 1
            }
        } else {
            years
        };
        // "the fall of the Berlin Wall", but "German reunification", "Liberation Day".
        let the = if event_name.starts_with(char::is_lowercase) {
            "the "
        } else {
            ""
        };
        let claim = format!(
            "{stated}{} anniversary of {the}{event_name}",
            suffix(stated)
        );
        let tail = templates::lowercase_first(&filler(rng));
        body.claim(format!("This year marks the {claim}, and {tail}"));
        if wrong {
            planted_text = Some(("anniversary", claim));
        }
    }

    let weekday_claims = 2 + rng.usize(..3);
    for n in 0..weekday_claims {
        // The weekday is also where a plant goes that found no claim of its own kind.
        let wrong = plant.is_some()
            && planted_text.is_none()
            && (plant == Some(Plant::Weekday) || n + 1 == weekday_claims);
        let (sentence, claim) = body.weekday_sentence(rng, wrong);
        body.claim(sentence);
        if wrong {
            planted_text = Some(("weekday", claim));
        }
    }

    let target = 2_000 + rng.usize(..6_000);
    let text = body.finish(rng, target);
    let planted = planted_text.map(|(rule, claim)| Planted {
        file: name.clone(),
        rule: rule.to_string(),
        line: line_of(&text, &claim),
        text: claim,
    });
    (Article { name, text }, planted)
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or(0);
    text[..at].matches('\n').count() + 1
}

/// A publication day between 2012 and 2025.
fn random_day(rng: &mut Rng) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(2012, 1, 1).unwrap_or_default();
    first + Days::new(rng.u64(..14 * 365))
}
