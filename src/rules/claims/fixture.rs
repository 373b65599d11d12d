//! Test support for the office-holder kinds: a small KB, articles with hand-placed claims and
//! name mentions, and a runner for one shipped rule.

use std::ops::Range;

use crate::corpus::{Article, Metadata};
use crate::extract::{Extraction, PersonMention, RoleClaim, RoleStatus};
use crate::finding::Finding;
use crate::kb::{Kb, KbIndex};
use crate::rules::{CheckContext, RuleSet};
use crate::time::CalendarDate;

/// Who held what, for the unit tests: real offices, some with terms, one without.
pub const KB: &str = r#"
people:
  - { id: koji-tomita, name: Koji Tomita, nationality: JP }
  - { id: koichi-aiboshi, name: Koichi Aiboshi, aliases: [Aiboshi Koichi], nationality: JP }
  - { id: koichi-mizushima, name: Koichi Mizushima, aliases: [Mizushima Koichi], nationality: JP }
  - { id: fumio-kishida, name: Fumio Kishida, nationality: JP }
  - { id: shigeru-ishiba, name: Shigeru Ishiba, nationality: JP }
  - { id: taro-aso, name: Taro Aso, nationality: JP }
  - { id: akihisa-nagashima, name: Akihisa Nagashima, nationality: JP }
  - { id: lee-jae-myung, name: Lee Jae-myung, aliases: [Lee Jae Myung], nationality: KR }
  - { id: yoon-suk-yeol, name: Yoon Suk Yeol, nationality: KR }
  - { id: han-duck-soo, name: Han Duck-soo, nationality: KR }
  - { id: choi-sang-mok, name: Choi Sang-mok, nationality: KR }
  - { id: rishi-sunak, name: Rishi Sunak, nationality: GB }
  - { id: keir-starmer, name: Keir Starmer, nationality: GB }
  - { id: olaf-scholz, name: Olaf Scholz, nationality: DE }
  - { id: friedrich-merz, name: Friedrich Merz, nationality: DE }
  - { id: narendra-modi, name: Narendra Modi, nationality: IN }
  - { id: joe-biden, name: Joe Biden, nationality: US }
  - { id: donald-trump, name: Donald Trump, nationality: US }
roles:
  - id: jp-ambassador-to-kr
    titles: [Japanese Ambassador to Seoul]
    single_holder: true
    terms:
      - { person: koji-tomita, from: 2019-10-22, to: 2021-01-26, source: https://example.org/tomita }
      - { person: koichi-aiboshi, from: "2021-01", to: 2024-04-09, source: https://example.org/aiboshi }
      - { person: koichi-mizushima, from: 2024-04-09, source: https://example.org/mizushima }
  - id: jp-ambassador-to-us
    titles: [Japanese Ambassador to Washington]
    single_holder: true
  - id: jp-prime-minister
    titles: [Japanese Prime Minister]
    single_holder: true
    terms:
      - { person: taro-aso, from: 2008-09-24, to: 2009-09-16, source: https://example.org/aso }
      - { person: fumio-kishida, from: 2021-10-04, to: 2024-10-01, source: https://example.org/kishida }
      - { person: shigeru-ishiba, from: 2024-10-01, to: 2025-10-21, source: https://example.org/ishiba }
  - id: jp-special-adviser-to-pm
    titles: [special adviser to the Japanese prime minister]
    single_holder: false
    terms:
      - { person: akihisa-nagashima, from: "2024-10", source: https://example.org/nagashima }
  - id: kr-president
    titles: [South Korean President]
    single_holder: true
    terms:
      - { person: yoon-suk-yeol, from: 2022-05-10, to: 2025-04-04, source: https://example.org/yoon }
      - { person: lee-jae-myung, from: 2025-06-04, source: https://example.org/lee }
  - id: kr-acting-president
    titles: [South Korean Acting President]
    single_holder: true
    terms:
      - { person: han-duck-soo, from: 2024-12-14, to: 2024-12-27, acting: true, source: https://example.org/han }
      - { person: choi-sang-mok, from: 2024-12-27, to: 2025-03-24, acting: true, source: https://example.org/choi }
      - { person: han-duck-soo, from: 2025-03-24, to: 2025-05-01, acting: true, source: https://example.org/han2 }
  - id: gb-prime-minister
    titles: [British Prime Minister]
    single_holder: true
    terms:
      - { person: rishi-sunak, from: 2022-10-25, to: 2024-07-05, source: https://example.org/sunak }
      - { person: keir-starmer, from: 2024-07-05, source: https://example.org/starmer }
  - id: de-chancellor
    titles: [German Chancellor]
    single_holder: true
    terms:
      - { person: olaf-scholz, from: 2021-12-08, to: 2025-05-06, source: https://example.org/scholz }
      - { person: friedrich-merz, from: 2025-05-06, source: https://example.org/merz }
  - id: in-prime-minister
    titles: [Indian Prime Minister]
    single_holder: true
    terms:
      - { person: narendra-modi, from: 2014-05-26, source: https://example.org/modi }
  - id: us-president
    titles: [U.S. President]
    single_holder: true
    terms:
      - { person: joe-biden, from: 2021-01-20, to: 2025-01-20, source: https://example.org/biden }
      - { person: donald-trump, from: 2025-01-20, source: https://example.org/trump }
"#;

/// An office-holder claim to place in a [`Doc`]'s text.
pub struct Claim {
    phrase: String,
    title: String,
    name: String,
    nth: usize,
    person: Option<String>,
    role: Option<String>,
    status: RoleStatus,
    when: Option<CalendarDate>,
}

impl Claim {
    /// The claim made by `phrase` (found in the text), whose title words are `title` and whose
    /// name words are `name`, both inside `phrase`. Current, with no person, role or date yet.
    pub fn new(phrase: &str, title: &str, name: &str) -> Claim {
        Claim {
            phrase: phrase.into(),
            title: title.into(),
            name: name.into(),
            nth: 0,
            person: None,
            role: None,
            status: RoleStatus::Current,
            when: None,
        }
    }

    pub fn person(mut self, id: &str) -> Claim {
        self.person = Some(id.into());
        self
    }

    pub fn role(mut self, id: &str) -> Claim {
        self.role = Some(id.into());
        self
    }

    pub fn status(mut self, status: RoleStatus) -> Claim {
        self.status = status;
        self
    }

    /// "2025-06-16", "2025-06" or "2025".
    pub fn when(mut self, date: &str) -> Claim {
        self.when = Some(date_of(date));
        self
    }

    /// The `n`th occurrence of the phrase (0-based), for phrases that repeat.
    pub fn nth(mut self, n: usize) -> Claim {
        self.nth = n;
        self
    }
}

fn date_of(text: &str) -> CalendarDate {
    let mut parts = text.split('-').map(|part| part.parse::<u32>().unwrap());
    CalendarDate {
        year: parts.next().map(|year| year as i32),
        month: parts.next(),
        day: parts.next(),
    }
}

/// The byte range of the `nth` occurrence of `needle` in `text`.
pub fn find_nth(text: &str, needle: &str, nth: usize) -> Range<usize> {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in {text:?}"))
        .0;
    start..start + needle.len()
}

fn within(outer: &Range<usize>, text: &str, inner: &str) -> Range<usize> {
    let at = text[outer.clone()]
        .find(inner)
        .unwrap_or_else(|| panic!("{inner:?} not in the phrase"));
    outer.start + at..outer.start + at + inner.len()
}

/// One article and what extraction found in it.
pub struct Doc {
    pub path: String,
    pub text: String,
    pub roles: Vec<RoleClaim>,
    pub people: Vec<PersonMention>,
}

impl Doc {
    pub fn new(path: &str, text: &str) -> Doc {
        Doc {
            path: path.into(),
            text: text.into(),
            roles: Vec::new(),
            people: Vec::new(),
        }
    }

    pub fn claim(mut self, claim: Claim) -> Doc {
        let span = find_nth(&self.text, &claim.phrase, claim.nth);
        let title_span = within(&span, &self.text, &claim.title);
        let name_span = within(&span, &self.text, &claim.name);
        self.roles.push(RoleClaim {
            span,
            person: PersonMention {
                span: name_span,
                full_name: claim.name.clone(),
                person: claim.person,
            },
            title_span,
            role: claim.role,
            title: crate::kb::lookup_key(&claim.title),
            status: claim.status,
            when: claim.when,
        });
        self
    }

    /// A naming of a person: the `nth` occurrence of `words`, standing for `full_name`.
    pub fn person(mut self, words: &str, nth: usize, full_name: &str, id: Option<&str>) -> Doc {
        self.people.push(PersonMention {
            span: find_nth(&self.text, words, nth),
            full_name: full_name.into(),
            person: id.map(str::to_string),
        });
        self
    }
}

/// Runs the shipped rule `rule_id` over `docs` with the KB in `kb_yaml`.
pub fn run(rule_id: &str, docs: &[Doc], kb_yaml: &str) -> Vec<Finding> {
    run_with(rule_id, docs, kb_yaml, None)
}

/// Runs rule `rule_id` — the shipped one, or `rule_yaml` when given — over `docs`.
pub fn run_with(
    rule_id: &str,
    docs: &[Doc],
    kb_yaml: &str,
    rule_yaml: Option<&str>,
) -> Vec<Finding> {
    let rules = RuleSet::shipped().expect("shipped rules load");
    let rule = match rule_yaml {
        Some(yaml) => crate::rules::parse_rule(
            rule_id,
            yaml,
            "test.yaml",
            crate::rules::RuleOrigin::Shipped,
            &crate::limits::YamlLimits::default(),
        )
        .expect("test rule parses"),
        None => rules.get(rule_id).expect("rule shipped").clone(),
    };
    let kb = Kb::from_yaml("fixture.yaml", kb_yaml).expect("test KB parses");
    kb.validate().expect("test KB is valid");
    let index = KbIndex::new(&kb);
    let articles: Vec<Article> = docs
        .iter()
        .map(|doc| Article {
            path: doc.path.clone().into(),
            text: doc.text.clone(),
            body: 0..doc.text.len(),
            meta: Metadata::default(),
        })
        .collect();
    let extractions: Vec<Extraction> = docs
        .iter()
        .map(|doc| Extraction {
            roles: doc.roles.clone(),
            people: doc.people.clone(),
            ..Extraction::default()
        })
        .collect();
    let context = CheckContext {
        articles: &articles,
        extractions: &extractions,
        kb: &index,
        reported: None,
    };
    let mut findings = rule.check.run(&context, &rule);
    findings.sort_by_key(|finding| (finding.article, finding.span.start));
    findings
}

/// The words a finding points at.
pub fn words<'a>(docs: &'a [Doc], finding: &Finding) -> &'a str {
    &docs[finding.article].text[finding.span.clone()]
}
