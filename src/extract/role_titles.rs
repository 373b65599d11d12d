//! The title grammar of news English: qualifiers ("former", "then-", "acting"), a country
//! modifier ("Japanese", "Japan's", "U.S."), the title words ("Second Vice Foreign Minister",
//! "Secretary of State", "top envoy"), suffixes ("-elect", "nominee") and a complement
//! ("to Seoul", "of the ruling Democratic Party", "to Japanese Prime Minister Shigeru Ishiba").

use std::ops::Range;

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::char;
use nom::combinator::{opt, recognize};

use super::RoleStatus;
use super::lexicon::{Res, boundary, one_of, reject, space, tag_ascii, word};
use super::word_starts::letter_run_length;
use crate::kb::{lookup_key, push_lookup_key};

/// Where the title stands relative to its holder's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// "Japanese Prime Minister Shigeru Ishiba": a name must follow.
    BeforeName,
    /// "Taro Aso, a former prime minister,": the title closes the phrase, and may name
    /// another office holder in its complement.
    Apposition,
}

/// A parsed title, offsets relative to the parser's input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    /// Bytes the title takes (a nested holder's name in the complement included).
    pub len: usize,
    /// The title's own words: from the first qualifier to the last title word.
    pub words: Range<usize>,
    pub status: RoleStatus,
    /// The words that name the office (qualifiers and articles left out), for KB lookups.
    pub key_words: Vec<Range<usize>>,
    /// The office words alone ("prime minister", "ambassador"), for resolving a bare title
    /// through what the holder held.
    pub core: Range<usize>,
    /// The country the modifier names ("jp" for "Japanese", "Tokyo's"); `Some("")` for a
    /// modifier of no known country, `None` without a modifier.
    pub country: Option<&'static str>,
    /// A holder named inside the complement ("special adviser to Ishiba"): its span.
    pub nested_name: Option<Range<usize>>,
}

impl Title {
    /// The normalised title: its key words, loosely spelt.
    pub fn key(&self, input: &str) -> String {
        let mut key = String::new();
        for range in &self.key_words {
            let before = key.len();
            if before > 0 {
                key.push(' ');
            }
            let start = key.len();
            push_lookup_key(&mut key, &input[range.clone()]);
            // A part with no key (all punctuation) adds no space either.
            if key.len() == start {
                key.truncate(before);
            }
        }
        key
    }
}

/// Qualifiers before a title and the status each gives.
const QUALIFIERS: &[(&str, RoleStatus)] = &[
    ("former", RoleStatus::Former),
    ("then", RoleStatus::Then),
    ("late", RoleStatus::Late),
    ("acting", RoleStatus::Acting),
    ("interim", RoleStatus::Acting),
    ("incoming", RoleStatus::Elect),
    ("outgoing", RoleStatus::Outgoing),
    ("new", RoleStatus::Current),
    ("current", RoleStatus::Current),
    ("sitting", RoleStatus::Current),
    ("incumbent", RoleStatus::Current),
];

/// Country modifiers, longest first, and the KB role-id prefix of their country.
const MODIFIERS: &[(&str, &str)] = &[
    ("South Korean", "kr"),
    ("S. Korean", "kr"),
    ("North Korean", "kp"),
    ("N. Korean", "kp"),
    ("White House", "us"),
    ("New Zealand", ""),
    ("Korean", "kr"),
    ("ROK", "kr"),
    ("Japanese", "jp"),
    ("U.S.", "us"),
    ("US", "us"),
    ("American", "us"),
    ("British", "gb"),
    ("U.K.", "gb"),
    ("UK", "gb"),
    ("French", "fr"),
    ("German", "de"),
    ("Indian", "in"),
    ("Chinese", "cn"),
    ("PRC", "cn"),
    ("Russian", "ru"),
    ("Kremlin", "ru"),
    ("Ukrainian", "ua"),
    ("Canadian", "ca"),
    ("Italian", ""),
    ("Australian", ""),
    ("Israeli", ""),
    ("Iranian", ""),
    ("Turkish", ""),
    ("Brazilian", ""),
    ("Mexican", ""),
    ("Spanish", ""),
    ("Polish", ""),
    ("Dutch", ""),
    ("Taiwanese", ""),
    ("Philippine", ""),
    ("Vietnamese", ""),
    ("Indonesian", ""),
    ("Pakistani", ""),
    ("Saudi", ""),
    ("Egyptian", ""),
    ("European", ""),
    ("EU", ""),
    ("NATO", ""),
    ("UN", ""),
    ("U.N.", ""),
];

/// Possessive places ("Japan's", "South Korea's") and their countries.
const POSSESSORS: &[(&str, &str)] = &[
    ("south korea", "kr"),
    ("korea", "kr"),
    ("seoul", "kr"),
    ("north korea", "kp"),
    ("pyongyang", "kp"),
    ("japan", "jp"),
    ("tokyo", "jp"),
    ("america", "us"),
    ("washington", "us"),
    ("us", "us"),
    ("britain", "gb"),
    ("uk", "gb"),
    ("london", "gb"),
    ("france", "fr"),
    ("paris", "fr"),
    ("germany", "de"),
    ("berlin", "de"),
    ("india", "in"),
    ("new delhi", "in"),
    ("china", "cn"),
    ("beijing", "cn"),
    ("russia", "ru"),
    ("moscow", "ru"),
    ("ukraine", "ua"),
    ("kyiv", "ua"),
    ("canada", "ca"),
    ("ottawa", "ca"),
];

/// Words that rank or narrow an office before its head word.
pub const RANKS: &[&str] = &[
    "second",
    "first",
    "deputy",
    "vice",
    "senior",
    "special",
    "chief",
    "top",
    "national",
    "security",
    "foreign",
    "defense",
    "defence",
    "finance",
    "trade",
    "unification",
    "interior",
    "justice",
    "prime",
    "presidential",
    "federal",
    "supreme",
    "cabinet",
    "press",
    "policy",
];

/// The words an office is named by.
pub const HEADS: &[&str] = &[
    "president",
    "minister",
    "ambassador",
    "chancellor",
    "premier",
    "pm",
    "secretary",
    "envoy",
    "adviser",
    "advisor",
    "diplomat",
    "leader",
    "governor",
    "mayor",
    "senator",
    "king",
    "queen",
    "emperor",
    "chairman",
    "chairwoman",
    "speaker",
    "nominee",
    "candidate",
    "spokesperson",
    "spokesman",
    "spokeswoman",
];

/// Adjectives an apposition may put before the title words ("the liberal president").
const FILLERS: &[&str] = &[
    "ruling",
    "liberal",
    "conservative",
    "progressive",
    "main",
    "opposition",
    "longtime",
    "veteran",
    "governing",
];

/// Places a complement may name ("Ambassador to Seoul"), longest first where one starts another.
const PLACES: &[&str] = &[
    "South Korea",
    "North Korea",
    "Korea",
    "Japan",
    "Seoul",
    "Tokyo",
    "China",
    "Beijing",
    "Taiwan",
    "United States",
    "U.S.",
    "US",
    "Washington",
    "Russia",
    "Moscow",
    "United Kingdom",
    "U.K.",
    "UK",
    "Britain",
    "London",
    "France",
    "Paris",
    "Germany",
    "Berlin",
    "India",
    "New Delhi",
    "Canada",
    "Ottawa",
    "Pyongyang",
    "Ukraine",
    "Kyiv",
    "Italy",
    "Australia",
    "United Nations",
    "UN",
    "U.N.",
    "NATO",
    "European Union",
    "EU",
    "Israel",
    "Iran",
    "Vatican",
    "Foreign Affairs",
    "Defense",
    "Defence",
    "Finance",
    "Unification",
    "Trade",
    "the Republic of Korea",
    "the People's Republic of China",
];

/// A qualifier and the space after it: "former ", "then-", "ex-". The qualifier is the whole
/// run of letters (a space or hyphen follows it), so the run is compared with each, not every
/// qualifier tried as a prefix: titles are tried at several words before every title word.
pub fn qualifier(input: &str) -> Res<'_, RoleStatus> {
    let length = letter_run_length(input.as_bytes());
    let run = &input.as_bytes()[..length];
    let rest = &input[length..];
    if let Some(&(_, status)) = QUALIFIERS
        .iter()
        .find(|(text, _)| run.eq_ignore_ascii_case(text.as_bytes()))
        && !(run.eq_ignore_ascii_case(b"new") && names_a_place(rest))
    {
        // "then-Secretary", "then Prime Minister".
        if let Some(rest) = rest.strip_prefix('-')
            && matches!(status, RoleStatus::Then)
        {
            return Ok((rest, status));
        }
        if let Ok((rest, ())) = space(rest) {
            return Ok((rest, status));
        }
    }
    // "ex-President".
    if run.eq_ignore_ascii_case(b"ex")
        && let Some(rest) = rest.strip_prefix('-')
    {
        return Ok((rest, RoleStatus::Former));
    }
    reject(input)
}

/// Whether "New" before `rest` begins a place ("New Zealand Prime Minister"), not a status.
fn names_a_place(rest: &str) -> bool {
    const PLACES: &[&str] = &[
        " Zealand",
        " York",
        " Delhi",
        " Jersey",
        " Mexico",
        " Hampshire",
        " South Wales",
        " Caledonia",
        " Guinea",
        " Brunswick",
        " Orleans",
    ];
    PLACES.iter().any(|place| {
        rest.strip_prefix(place)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Whether a title before a name can start at the start of `input`: only with a capital (of a
/// modifier or a title word) or a qualifier ("former", "then-"). Most words before a title word
/// are neither, and fail here instead of through every qualifier, modifier and office word.
pub fn may_begin_title(input: &str) -> bool {
    input.starts_with(|c: char| c.is_uppercase()) || qualifier(input).is_ok()
}

/// A literal that must be written with this case (country names, places).
fn exact<'a>(expected: &'a str) -> impl Fn(&'a str) -> Res<'a, &'a str> + 'a {
    move |input: &'a str| match input.strip_prefix(expected) {
        Some(rest) if boundary(rest).is_ok() || expected.ends_with('.') => {
            Ok((rest, &input[..expected.len()]))
        }
        _ => reject(input),
    }
}

/// "Japanese", "U.S.", "Japan's", "South Korea's", "Tokyo’s": the modifier and its country.
fn modifier(input: &str) -> Res<'_, &'static str> {
    // Every modifier, and the possessive's first word, starts with a capital; the modifiers
    // are compared only with those of the input's first byte.
    let Some(&first) = input.as_bytes().first() else {
        return reject(input);
    };
    if !input.starts_with(|c: char| c.is_uppercase()) {
        return reject(input);
    }
    for &(text, country) in MODIFIERS
        .iter()
        .filter(|(text, _)| text.as_bytes()[0] == first)
    {
        if let Ok((rest, _)) = exact(text)(input)
            && !rest.starts_with(['\'', '\u{2019}'])
        {
            return Ok((rest, country));
        }
    }
    possessive(input)
}

/// Up to two capitalised words and a possessive ("South Korea's"), and the country they name.
fn possessive(input: &str) -> Res<'_, &'static str> {
    let (rest, words) =
        recognize((name_or_place_word, opt((char(' '), name_or_place_word)))).parse(input)?;
    let Some(rest) = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("\u{2019}s"))
    else {
        return reject(input);
    };
    boundary(rest)?;
    let key = lookup_key(words);
    let country = POSSESSORS
        .iter()
        .find(|(place, _)| *place == key)
        .map_or("", |(_, country)| *country);
    Ok((rest, country))
}

/// A capitalised word, including the ones that are never names ("Korea").
fn name_or_place_word(input: &str) -> Res<'_, &str> {
    let (rest, token) = take_while1(|c: char| c.is_alphabetic() || c == '.')(input)?;
    if !token.starts_with(|c: char| c.is_uppercase()) {
        return reject(input);
    }
    Ok((rest, token))
}

/// The office words: ranks, then a head word ("Prime Minister", "Second Vice Foreign Minister",
/// "top envoy", "Secretary of State", "Secretary-General"); the last word is a head.
fn office(input: &str) -> Res<'_, ()> {
    let mut rest = input;
    let mut last_head_end: Option<&str> = None;
    for _ in 0..6 {
        if let Ok((after, _)) =
            (word("secretary"), space, word("of"), space, word("state")).parse(rest)
        {
            last_head_end = Some(after);
            rest = after;
        } else if let Ok((after, head)) = one_of(HEADS).parse(rest) {
            // "pm" is a time of day; the title is written "PM".
            if HEADS[head] == "pm" && !rest.starts_with("PM") {
                break;
            }
            last_head_end = Some(after);
            rest = after;
        } else if let Ok((after, _)) = one_of(RANKS).parse(rest) {
            rest = after;
        } else {
            break;
        }
        match char::<&str, nom::error::Error<&str>>(' ').parse(rest) {
            Ok((after, _)) => rest = after,
            Err(_) => break,
        }
    }
    match last_head_end {
        Some(after) => Ok((after, ())),
        None => reject(input),
    }
}

/// "-elect", "-designate", "-nominee", " nominee": what follows the head word.
fn suffix(input: &str) -> Res<'_, RoleStatus> {
    alt((
        (tag_ascii("-elect"), boundary).map(|_| RoleStatus::Elect),
        (tag_ascii("-designate"), boundary).map(|_| RoleStatus::Nominee),
        (tag_ascii("-nominee"), boundary).map(|_| RoleStatus::Nominee),
    ))
    .parse(input)
}

fn place(input: &str) -> Res<'_, &str> {
    for text in PLACES {
        if let Ok(found) = exact(text)(input) {
            return Ok(found);
        }
    }
    reject(input)
}

/// An organisation in an apposition's complement: "the ruling Democratic Party".
fn organisation(input: &str) -> Res<'_, ()> {
    let (mut rest, _) = (word("the"), space).parse(input)?;
    while let Ok((after, _)) = (one_of(FILLERS), char(' ')).parse(rest) {
        rest = after;
    }
    let (mut rest, _) = name_or_place_word(rest)?;
    for _ in 0..4 {
        match (
            char::<&str, nom::error::Error<&str>>(' '),
            name_or_place_word,
        )
            .parse(rest)
        {
            Ok((after, _)) => rest = after,
            Err(_) => break,
        }
    }
    Ok((rest, ()))
}

/// Records a status unless a stronger one is known: "new" yields to anything else.
pub fn set_status(found: RoleStatus, status: &mut Option<RoleStatus>) {
    if status.is_none_or(|known| known == RoleStatus::Current) {
        *status = Some(found);
    }
}

/// Parses a title at the start of `input`. `name_at(rest)` gives the length of a person's name
/// at the start of `rest` (used for a holder named in an apposition's complement).
pub fn title<'a>(
    input: &'a str,
    position: Position,
    name_at: &dyn Fn(&'a str) -> Option<usize>,
) -> Res<'a, Title> {
    let offset = |rest: &str| input.len() - rest.len();
    let mut rest = input;
    if position == Position::Apposition
        && let Ok((after, _)) = (alt((word("the"), word("a"), word("an"))), space).parse(rest)
    {
        rest = after;
    }
    let start = offset(rest);
    let mut status: Option<RoleStatus> = None;
    let mut key_words = Vec::new();
    while let Ok((after, found)) = qualifier(rest) {
        set_status(found, &mut status);
        rest = after;
    }
    let mut country = None;
    if let Ok((after, found)) = modifier(rest)
        && let Ok((after, ())) = space(after)
    {
        key_words.push(offset(rest)..offset(after));
        country = Some(found);
        rest = after;
        while let Ok((after, found)) = qualifier(rest) {
            set_status(found, &mut status);
            rest = after;
        }
    }
    if position == Position::Apposition {
        while let Ok((after, _)) = (one_of(FILLERS), char(' ')).parse(rest) {
            rest = after;
        }
    }
    let core_start = offset(rest);
    // Before a name, a title with neither qualifier nor modifier is capitalised ("President
    // Lee"); "the second foreign leader Lee held" is not a title.
    if position == Position::BeforeName
        && status.is_none()
        && country.is_none()
        && !rest.starts_with(|c: char| c.is_uppercase())
    {
        return reject(input);
    }
    let (after, ()) = office(rest)?;
    let mut core = core_start..offset(after);
    rest = after;
    if let Ok((after, found)) = suffix(rest) {
        set_status(found, &mut status);
        if found == RoleStatus::Nominee {
            core.end = offset(after);
        }
        rest = after;
    }
    key_words.push(core.clone());
    let core_text = lookup_key(&input[core.clone()]);
    if core_text
        .split(' ')
        .any(|w| matches!(w, "nominee" | "candidate" | "designate"))
    {
        set_status(RoleStatus::Nominee, &mut status);
    }
    let mut words_end = offset(rest);
    let mut nested_name = None;
    // The complement: "to Seoul", "of Japan", "of the ruling Democratic Party", and in an
    // apposition "to Japanese Prime Minister Shigeru Ishiba" or "to Ishiba".
    if let Ok((after_to, _)) = (
        char::<&str, nom::error::Error<&str>>(' '),
        alt((word("to"), word("of"), word("for"))),
        char(' '),
    )
        .parse(rest)
    {
        let complement_start = offset(rest) + 1;
        let after_the = (word("the"), char(' '))
            .parse(after_to)
            .map_or(after_to, |(after, _)| after);
        if let Ok((after, _)) = place(after_the) {
            key_words.push(complement_start..offset(after));
            words_end = offset(after);
            rest = after;
        } else if position == Position::Apposition {
            if let Ok((after, _)) = organisation(after_to) {
                key_words.push(complement_start..offset(after));
                words_end = offset(after);
                rest = after;
            } else if let Some(length) = name_at(after_to) {
                nested_name = Some(offset(after_to)..offset(after_to) + length);
                rest = &after_to[length..];
            } else if let Ok((after_title, inner)) =
                title(after_the, Position::BeforeName, &|_| None)
                && let Some(after_space) = after_title.strip_prefix(' ')
                && let Some(length) = name_at(after_space)
            {
                let inner_end = offset(after_the) + inner.words.end;
                key_words.push(complement_start..inner_end);
                words_end = inner_end;
                let name_start = offset(after_space);
                nested_name = Some(name_start..name_start + length);
                rest = &after_space[length..];
            }
        }
    }
    Ok((
        rest,
        Title {
            len: offset(rest),
            words: start..words_end,
            status: status.unwrap_or(RoleStatus::Current),
            key_words,
            core,
            country,
            nested_name,
        },
    ))
}

/// Whether a KB title (as a lookup key) names an office held "to" or "of" another office
/// ("special adviser to japanese prime minister"): before a name, the name is the inner
/// office's holder, so such a title cannot announce it.
pub fn names_a_nested_office(title_key: &str) -> bool {
    let mut words = title_key.split(' ');
    words.any(|w| matches!(w, "to" | "of" | "for"))
        && words.any(|w| HEADS.contains(&w) && w != "state")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::extract::gate_samples::{each_word_like, word_like};

    /// The qualifier as it was: each one tried as a prefix in turn.
    fn qualifier_by_prefix(input: &str) -> Res<'_, RoleStatus> {
        for &(text, status) in QUALIFIERS {
            if let Ok((rest, _)) = tag_ascii(text).parse(input) {
                if text == "new" && names_a_place(rest) {
                    continue;
                }
                if let Some(rest) = rest.strip_prefix('-')
                    && matches!(status, RoleStatus::Then)
                {
                    return Ok((rest, status));
                }
                if let Ok((rest, ())) = space(rest) {
                    return Ok((rest, status));
                }
            }
        }
        if let Ok((rest, _)) = tag_ascii("ex-").parse(input) {
            return Ok((rest, RoleStatus::Former));
        }
        reject(input)
    }

    /// The modifier as it was: every modifier tried in turn, then the possessive.
    fn modifier_by_trying_each(input: &str) -> Option<(&str, &'static str)> {
        for &(text, country) in MODIFIERS {
            if let Ok((rest, _)) = exact(text)(input)
                && !rest.starts_with(['\'', '\u{2019}'])
            {
                return Some((rest, country));
            }
        }
        possessive(input).ok()
    }

    const MODIFIER_LIKE: &[&str] = &[
        "Japanese",
        "U.S.",
        "US",
        "UK",
        "South Korean",
        "S. Korean",
        "White House",
        "Japan's",
        "Tokyo\u{2019}s",
        "South Korea's",
        "Samsung's",
        "japanese",
        "the",
        "Kremlin",
        "UN",
        "\u{c9}mile's",
    ];

    #[test]
    fn modifiers_are_what_trying_each_found() {
        for input in each_word_like(MODIFIER_LIKE) {
            assert_eq!(
                modifier(&input).ok(),
                modifier_by_trying_each(&input),
                "{input:?}"
            );
        }
    }

    const QUALIFIER_LIKE: &[&str] = &[
        "former",
        "then",
        "late",
        "acting",
        "interim",
        "incoming",
        "outgoing",
        "new",
        "current",
        "sitting",
        "incumbent",
        "ex",
        "newly",
        "lately",
        "thence",
        "the",
        "President",
    ];

    #[test]
    fn qualifiers_are_what_the_prefix_search_found_for_every_word() {
        for input in each_word_like(QUALIFIER_LIKE) {
            assert_eq!(qualifier(&input), qualifier_by_prefix(&input), "{input:?}");
        }
    }

    proptest! {
        #[test]
        fn modifiers_are_what_trying_each_found_at_random(input in word_like(MODIFIER_LIKE)) {
            prop_assert_eq!(modifier(&input).ok(), modifier_by_trying_each(&input));
        }

        #[test]
        fn qualifiers_are_what_the_prefix_search_found(input in word_like(QUALIFIER_LIKE)) {
            prop_assert_eq!(qualifier(&input), qualifier_by_prefix(&input));
        }

        /// Where the gate turns a word away, neither title parse finds anything there.
        #[test]
        fn no_title_starts_where_the_gate_says_none_can(
            first in word_like(QUALIFIER_LIKE),
            after in prop::sample::select(&["Prime Minister", "President", "prime minister", "Japanese Ambassador", ""][..]),
        ) {
            let input = format!("{first} {after} Lee");
            if !may_begin_title(&input) {
                prop_assert!(title(&input, Position::BeforeName, &|_| None).is_err(), "{:?}", input);
            }
        }
    }

    fn before(text: &str) -> (String, RoleStatus, String, Option<&'static str>, &str) {
        let (rest, found) = title(text, Position::BeforeName, &|_| None).unwrap();
        (
            found.key(text),
            found.status,
            lookup_key(&text[found.core.clone()]),
            found.country,
            rest,
        )
    }

    #[test]
    fn titles_before_a_name() {
        let cases: &[(&str, &str, RoleStatus, &str, Option<&str>)] = &[
            (
                "Japanese Ambassador to Seoul Koichi",
                "japanese ambassador to seoul",
                RoleStatus::Current,
                "ambassador",
                Some("jp"),
            ),
            (
                "U.S. President Donald",
                "us president",
                RoleStatus::Current,
                "president",
                Some("us"),
            ),
            (
                "President Lee",
                "president",
                RoleStatus::Current,
                "president",
                None,
            ),
            (
                "Prime Minister nominee Kim",
                "prime minister nominee",
                RoleStatus::Nominee,
                "prime minister nominee",
                None,
            ),
            (
                "Second Vice Foreign Minister Kim",
                "second vice foreign minister",
                RoleStatus::Current,
                "second vice foreign minister",
                None,
            ),
            (
                "Japan's Prime Minister Shigeru",
                "japan's prime minister",
                RoleStatus::Current,
                "prime minister",
                Some("jp"),
            ),
            (
                "South Korea's national security adviser Wi",
                "south korea's national security adviser",
                RoleStatus::Current,
                "national security adviser",
                Some("kr"),
            ),
            (
                "former British Prime Minister Boris",
                "british prime minister",
                RoleStatus::Former,
                "prime minister",
                Some("gb"),
            ),
            (
                "then-Secretary of State Hillary",
                "secretary of state",
                RoleStatus::Then,
                "secretary of state",
                None,
            ),
            (
                "then Japanese Prime Minister Fumio",
                "japanese prime minister",
                RoleStatus::Then,
                "prime minister",
                Some("jp"),
            ),
            (
                "President-elect Donald",
                "president",
                RoleStatus::Elect,
                "president",
                None,
            ),
            (
                "acting President Han",
                "president",
                RoleStatus::Acting,
                "president",
                None,
            ),
            ("the late", "", RoleStatus::Current, "", None),
            (
                "late President Park",
                "president",
                RoleStatus::Late,
                "president",
                None,
            ),
            (
                "Vice President Kamala",
                "vice president",
                RoleStatus::Current,
                "vice president",
                None,
            ),
            (
                "German Chancellor Olaf",
                "german chancellor",
                RoleStatus::Current,
                "chancellor",
                Some("de"),
            ),
            (
                "new South Korean President Lee",
                "south korean president",
                RoleStatus::Current,
                "president",
                Some("kr"),
            ),
            (
                "Tokyo's top envoy to Seoul on",
                "tokyo's top envoy to seoul",
                RoleStatus::Current,
                "top envoy",
                Some("jp"),
            ),
            (
                "incoming Chinese Premier Li",
                "chinese premier",
                RoleStatus::Elect,
                "premier",
                Some("cn"),
            ),
            (
                "outgoing PM Kishida",
                "pm",
                RoleStatus::Outgoing,
                "pm",
                None,
            ),
            (
                "ex-Prime Minister Suga",
                "prime minister",
                RoleStatus::Former,
                "prime minister",
                None,
            ),
        ];
        for &(text, key, status, core, country) in cases {
            if key.is_empty() {
                assert!(
                    title(text, Position::BeforeName, &|_| None).is_err(),
                    "{text}"
                );
                continue;
            }
            let (found_key, found_status, found_core, found_country, rest) = before(text);
            assert_eq!(
                (
                    found_key.as_str(),
                    found_status,
                    found_core.as_str(),
                    found_country
                ),
                (key, status, core, country),
                "{text}"
            );
            assert!(rest.starts_with(' '), "{text}: {rest:?}");
        }
    }

    #[test]
    fn a_title_needs_office_words() {
        for text in [
            "Japanese officials",
            "the meeting",
            "Seoul's role",
            "new rules",
            "former colonial",
        ] {
            assert!(
                title(text, Position::BeforeName, &|_| None).is_err(),
                "{text}"
            );
        }
    }

    #[test]
    fn apposition_complements() {
        let name_at = |rest: &str| {
            ["Shigeru Ishiba", "Ishiba"]
                .iter()
                .find(|name| rest.starts_with(*name))
                .map(|name| name.len())
        };
        let text = "special adviser to Japanese Prime Minister Shigeru Ishiba, emphasizing";
        let (rest, found) = title(text, Position::Apposition, &name_at).unwrap();
        assert_eq!(rest, ", emphasizing");
        assert_eq!(
            found.key(text),
            "special adviser to japanese prime minister"
        );
        assert_eq!(&text[found.nested_name.unwrap()], "Shigeru Ishiba");
        assert_eq!(
            &text[found.words.clone()],
            "special adviser to Japanese Prime Minister"
        );

        let text = "special adviser to Ishiba, along";
        let (rest, found) = title(text, Position::Apposition, &name_at).unwrap();
        assert_eq!(rest, ", along");
        assert_eq!(found.key(text), "special adviser");

        let text = "the presidential nominee of the ruling Democratic Party, shakes";
        let (rest, found) = title(text, Position::Apposition, &name_at).unwrap();
        assert_eq!(rest, ", shakes");
        assert_eq!(
            found.key(text),
            "presidential nominee of the ruling democratic party"
        );
        assert_eq!(found.status, RoleStatus::Nominee);

        let text = "a former prime minister.";
        let (rest, found) = title(text, Position::Apposition, &name_at).unwrap();
        assert_eq!((rest, found.status), (".", RoleStatus::Former));
        assert_eq!(&text[found.words], "former prime minister");

        let text = "the liberal president, is";
        let (_, found) = title(text, Position::Apposition, &name_at).unwrap();
        assert_eq!(found.key(text), "president");
    }

    #[test]
    fn nested_offices() {
        assert!(names_a_nested_office(
            "special adviser to japanese prime minister"
        ));
        assert!(!names_a_nested_office("japanese ambassador to seoul"));
        assert!(!names_a_nested_office("secretary of state"));
        assert!(!names_a_nested_office("president of south korea"));
    }
}
