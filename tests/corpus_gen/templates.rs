//! The words of generated articles: sentence templates, filler and the article's layout.

use chrono::{Datelike, Days, NaiveDate};
use fastrand::Rng;

const CITIES: &[&str] = &[
    "Seoul",
    "Tokyo",
    "Washington",
    "Berlin",
    "Paris",
    "Beijing",
    "New Delhi",
    "London",
    "Ottawa",
    "Brussels",
    "Geneva",
    "Singapore",
];
const OUTLETS: &[&str] = &[
    "Yonhap",
    "Kyodo",
    "Reuters",
    "AP",
    "Korea Herald",
    "Deutsche Welle",
];
const TOPICS: &[&str] = &[
    "supply chains",
    "energy security",
    "semiconductor exports",
    "climate policy",
    "maritime security",
    "food prices",
    "the housing market",
    "cyber defense",
    "visa rules",
    "fisheries",
    "rare earth minerals",
    "shipbuilding cooperation",
    "nuclear safety",
    "public health",
];
const ACTORS: &[&str] = &[
    "the foreign ministry",
    "trade officials",
    "the central bank",
    "the finance ministry",
    "a parliamentary committee",
    "negotiators from both sides",
    "the defense ministry",
    "the statistics office",
];
const PAST_ACTS: &[&str] = &[
    "released a statement on",
    "held a closed-door briefing on",
    "published a report on",
    "announced new measures on",
];
const FUTURE_ACTS: &[&str] = &[
    "hold a briefing on",
    "release a review of",
    "host a working group on",
];
const GATHERINGS: &[&str] = &[
    "working-level consultation",
    "ministerial session",
    "closing session",
    "public hearing",
    "press briefing",
];
const SOURCES: &[&str] = &[
    "officials said",
    "the ministry said",
    "a spokesperson said",
    "according to people familiar with the matter",
];
const FILLER_SUBJECTS: &[&str] = &[
    "Analysts",
    "Opposition lawmakers",
    "Business groups",
    "Diplomats in the region",
    "Economists",
    "Civic groups",
    "Industry officials",
    "Several commentators",
];
const FILLER_VERBS: &[&str] = &[
    "said the move could reshape the debate over",
    "warned that further delays would hurt progress on",
    "welcomed the renewed focus on",
    "called for more transparency on",
    "questioned the cost of the plans for",
    "expect a long debate over",
];
const FILLER_PLAIN: &[&str] = &[
    "The statement did not elaborate on the details.",
    "Details of the discussions were not disclosed.",
    "Both sides agreed to keep in close contact.",
    "The ministry declined to comment further.",
    "Markets showed little reaction to the announcement.",
    "The plan includes about 3.2 trillion won in new spending over the coming years.",
    "Officials described the talks as candid and constructive.",
    "Critics said the proposal left too many questions unanswered.",
    "A joint statement is expected once the negotiations conclude.",
    "The government has faced pressure from farmers and exporters alike.",
];
const TENURE_FRAMES: &[(&str, &str)] = &[
    (
        "",
        " said in a statement that the government would keep working on {topic}.",
    ),
    (
        "",
        " told reporters that talks on {topic} had made progress.",
    ),
    ("", " met business leaders to discuss {topic}."),
    (
        "In a speech to lawmakers, ",
        " called for closer cooperation on {topic}.",
    ),
    (
        "Speaking to reporters, ",
        " said the two sides shared concerns over {topic}.",
    ),
];

fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A sentence with no checkable claim, to give the article its length.
pub fn filler(rng: &mut Rng) -> String {
    if rng.bool() {
        pick(rng, FILLER_PLAIN).to_string()
    } else {
        let subject = pick(rng, FILLER_SUBJECTS);
        let verb = pick(rng, FILLER_VERBS);
        format!("{subject} {verb} {}.", pick(rng, TOPICS))
    }
}

/// A sentence naming `holder` ("German Chancellor Olaf Scholz") as in office today.
pub fn tenure_sentence(rng: &mut Rng, holder: &str) -> String {
    let (before, after) = TENURE_FRAMES[rng.usize(..TENURE_FRAMES.len())];
    let after = after.replace("{topic}", pick(rng, TOPICS));
    format!("{before}{holder}{after}")
}

/// "1st", "2nd", "3rd", "11th" …: the suffix of `n`.
pub fn suffix(n: usize) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// "first" … "tenth", then "11th".
pub fn ordinal_words(n: usize) -> String {
    const WORDS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match n.checked_sub(1).and_then(|i| WORDS.get(i)) {
        Some(word) => word.to_string(),
        None => format!("{n}{}", suffix(n)),
    }
}

/// The claims of one article, laid out among filler when finished.
pub struct Paragraphs {
    published: NaiveDate,
    claims: Vec<String>,
}

impl Paragraphs {
    pub fn new(published: NaiveDate) -> Paragraphs {
        Paragraphs {
            published,
            claims: Vec::new(),
        }
    }

    pub fn claim(&mut self, sentence: String) {
        self.claims.push(sentence);
    }

    /// A sentence dating something near the publication day with its weekday (`wrong`: one
    /// day off), and the date as written.
    pub fn weekday_sentence(&self, rng: &mut Rng, wrong: bool) -> (String, String) {
        let offset = rng.i64(-45..=30);
        let day = if offset < 0 {
            self.published
                .checked_sub_days(Days::new(offset.unsigned_abs()))
        } else {
            self.published.checked_add_days(Days::new(offset as u64))
        }
        .unwrap_or(self.published);
        let weekday_of = if wrong {
            day + Days::new(rng.u64(1..=6))
        } else {
            day
        };
        let weekday = weekday_of.format("%A").to_string();
        let same_year = day.year() == self.published.year();
        let (written, sentence_year) = if same_year && rng.bool() {
            (format!("{} ({weekday})", day.format("%B %-d")), false)
        } else {
            (format!("{weekday}, {}", day.format("%B %-d, %Y")), true)
        };
        let actor = pick(rng, ACTORS);
        let topic = pick(rng, TOPICS);
        let city = pick(rng, CITIES);
        let sentence = match (offset > 0, sentence_year, rng.bool()) {
            (false, true, true) => {
                format!("On {written}, {actor} {} {topic}.", pick(rng, PAST_ACTS))
            }
            (false, _, _) => format!(
                "{} {} {topic} on {written}, {}.",
                capitalize(actor),
                pick(rng, PAST_ACTS),
                pick(rng, SOURCES)
            ),
            (true, true, _) => format!(
                "{} will {} {topic} on {written}, {}.",
                capitalize(actor),
                pick(rng, FUTURE_ACTS),
                pick(rng, SOURCES)
            ),
            (true, false, _) => format!(
                "The {} on {topic} is scheduled for {written} in {city}.",
                pick(rng, GATHERINGS)
            ),
        };
        (sentence, written)
    }

    /// The whole article: front matter, a dateline, then paragraphs of two to four sentences
    /// with the claims spread among filler until the text is about `target` bytes long.
    pub fn finish(mut self, rng: &mut Rng, target: usize) -> String {
        let outlet = pick(rng, OUTLETS);
        let city = pick(rng, CITIES);
        let topic = pick(rng, TOPICS);
        let mut text = format!(
            "---\ntitle: Officials weigh next steps on {topic}\noutlet: {outlet}\ndate: {}\n---\n{}, {} ({outlet}) -- ",
            self.published.format("%Y-%m-%d"),
            city.to_uppercase(),
            self.published.format("%B %-d"),
        );
        rng.shuffle(&mut self.claims);
        let mut claims = self.claims.into_iter().peekable();
        let mut first = true;
        while claims.peek().is_some() || text.len() < target {
            if !first {
                text.push_str("\n\n");
            }
            let sentences = 2 + rng.usize(..3);
            for n in 0..sentences {
                if n > 0 {
                    text.push(' ');
                }
                let claim_due = claims.peek().is_some() && (first || rng.u8(..3) == 0);
                match claim_due.then(|| claims.next()).flatten() {
                    Some(claim) => text.push_str(&claim),
                    None => text.push_str(&filler(rng)),
                }
                first = false;
            }
        }
        text.push('\n');
        text
    }
}
