//! Person names: KB names and aliases found in one pass over word starts (however hyphens and spaces
//! are spelt), unknown capitalised names where a title announces one, and later short forms
//! ("Lee said") linked to the one full name of the article they can stand for.

use std::collections::HashMap;
use std::ops::Range;

use super::PersonMention;
use super::lexicon::{Res, reject};
use super::phrase_set::{PhraseMatch, PhraseSet};
use super::word_starts::WordStarts;
use crate::kb::{KbIndex, lookup_key};
use crate::time::names::{english_month, english_weekday};

/// A KB person as extraction needs them: id, display name and the surname short forms use.
#[derive(Debug)]
pub struct KnownPerson {
    pub id: String,
    pub name: String,
    pub surname: String,
}

/// Every spelling of every KB name, compiled once per KB.
#[derive(Debug)]
pub struct NameMatcher {
    spellings: PhraseSet,
    /// Pattern index → indices into `people` (several when two people share a spelling).
    pattern_people: Vec<Vec<usize>>,
    pub people: Vec<KnownPerson>,
    /// Surname → indices into `people`.
    by_surname: HashMap<String, Vec<usize>>,
}

/// A KB name found in the text.
#[derive(Clone, Debug)]
pub struct NameHit {
    pub span: Range<usize>,
    /// Indices into [`NameMatcher::people`].
    pub people: Vec<usize>,
}

/// Nationalities whose names are written family name first in English news.
const FAMILY_FIRST: &[&str] = &["KR", "KP", "CN", "TW", "VN", "HK", "MO"];

/// Common Korean and Chinese family names: an unknown name starting with one is family-first.
const FAMILY_FIRST_SURNAMES: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Jung", "Chung", "Kang", "Cho", "Yoon", "Yun", "Jang", "Lim",
    "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Moon", "Wi",
    "Yang", "Ko", "Goh", "Bae", "Baek", "Roh", "Noh", "Nam", "Ryu", "Chun", "Jeon", "Xi", "Li",
    "Wang", "Zhang", "Liu", "Chen", "Zhao", "Wu", "Zhou", "Hu", "Wen", "Jiang", "Zhu",
];

/// Capitalised words that are never part of a person's name.
const NOT_NAME_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "But",
    "Or",
    "On",
    "In",
    "At",
    "For",
    "Of",
    "To",
    "With",
    "By",
    "From",
    "As",
    "After",
    "Before",
    "During",
    "While",
    "When",
    "If",
    "It",
    "He",
    "She",
    "They",
    "We",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Presidential",
    "Minister",
    "Prime",
    "Ambassador",
    "Chancellor",
    "Premier",
    "Secretary",
    "Foreign",
    "Vice",
    "Deputy",
    "Second",
    "First",
    "Senior",
    "National",
    "Security",
    "Adviser",
    "Advisor",
    "Special",
    "Party",
    "Democratic",
    "Republican",
    "Government",
    "Office",
    "House",
    "Ministry",
    "Embassy",
    "University",
    "Street",
    "Road",
    "Avenue",
    "Cup",
    "Summit",
    "Group",
    "Affairs",
    "Agency",
    "News",
    "Press",
    "Korea",
    "Korean",
    "Japan",
    "Japanese",
    "Seoul",
    "Tokyo",
    "China",
    "Chinese",
    "Beijing",
    "Washington",
    "America",
    "American",
    "Russia",
    "Russian",
    "Britain",
    "British",
    "France",
    "French",
    "Germany",
    "German",
    "India",
    "Indian",
    "Canada",
    "Canadian",
    "Ukraine",
    "Ukrainian",
    "North",
    "South",
    "East",
    "West",
    "United",
    "States",
    "Kingdom",
    "Nations",
    "Union",
    "European",
    "Peninsula",
    "Assembly",
    "Council",
    "Court",
    "Committee",
    "Department",
    "State",
    "Federal",
    "Republic",
    "People",
    "Communist",
    "Workers",
    "Related",
    "Article",
    "Articles",
    "Comments",
    "Home",
    "National",
    "Royal",
    "Crown",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Emperor",
    "Pope",
    "General",
    "Leader",
    "Questions",
];

impl NameMatcher {
    pub fn new(kb: &KbIndex<'_>) -> NameMatcher {
        let mut people = Vec::new();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        let mut pattern_index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_people: Vec<Vec<usize>> = Vec::new();
        for person in &kb.kb().people {
            let index = people.len();
            let family_first = FAMILY_FIRST.contains(&person.nationality.as_str());
            let surname = surname_of(&person.name, family_first).to_string();
            by_surname.entry(surname.clone()).or_default().push(index);
            people.push(KnownPerson {
                id: person.id.value.clone(),
                name: person.name.clone(),
                surname,
            });
            for name in std::iter::once(&person.name).chain(&person.aliases) {
                for variant in spellings(name) {
                    let key = variant.to_ascii_lowercase();
                    let slot = *pattern_index.entry(key).or_insert_with(|| {
                        patterns.push(variant.clone());
                        pattern_people.push(Vec::new());
                        patterns.len() - 1
                    });
                    if !pattern_people[slot].contains(&index) {
                        pattern_people[slot].push(index);
                    }
                }
            }
        }
        NameMatcher {
            spellings: PhraseSet::new(&patterns),
            pattern_people,
            people,
            by_surname,
        }
    }

    /// Every spelling of every KB name, for [`PhraseSet::word_matches_of`].
    pub fn spellings(&self) -> &PhraseSet {
        &self.spellings
    }

    /// The whole-word KB names among `matches` of [`NameMatcher::spellings`], in order.
    pub fn hits(&self, text: &str, matches: &[PhraseMatch]) -> Vec<NameHit> {
        matches
            .iter()
            .filter(|(span, _)| whole_word(text, span.start, span.end))
            .map(|(span, pattern)| NameHit {
                span: span.clone(),
                people: self.pattern_people[*pattern].clone(),
            })
            .collect()
    }

    /// The KB people whose surname is `surname`.
    pub fn with_surname(&self, surname: &str) -> &[usize] {
        self.by_surname.get(surname).map_or(&[], Vec::as_slice)
    }
}

/// A name's spellings with each separator after the first written as a space, a hyphen or
/// nothing ("Lee Jae-myung", "Lee Jae Myung", "Lee Jaemyung"); the first stays a space or hyphen.
fn spellings(name: &str) -> Vec<String> {
    let tokens: Vec<&str> = name
        .split([' ', '-'])
        .filter(|token| !token.is_empty())
        .collect();
    if tokens.len() < 2 || tokens.len() > 4 {
        return vec![name.to_string(), name.replace('-', " ")];
    }
    let mut variants = vec![tokens[0].to_string()];
    for (i, token) in tokens.iter().enumerate().skip(1) {
        let separators: &[&str] = if i == 1 { &[" ", "-"] } else { &[" ", "-", ""] };
        variants = variants
            .iter()
            .flat_map(|prefix| {
                separators
                    .iter()
                    .map(move |separator| format!("{prefix}{separator}{token}"))
            })
            .collect();
    }
    variants
}

/// Whether `text[start..end]` is not part of a longer word.
pub fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The family name of a full name: the first word for family-first names, else the last.
pub fn surname_of(name: &str, family_first: bool) -> &str {
    let mut words = name.split(' ').filter(|word| !word.is_empty());
    if family_first {
        words.next().unwrap_or(name)
    } else {
        words.next_back().unwrap_or(name)
    }
}

/// The surname of a name not in the KB, guessing the name order from its shape: Korean and
/// Chinese names start with a known family name or have a hyphenated given name ("Min-seok").
pub fn guess_surname(name: &str) -> &str {
    let mut words = name.split(' ');
    let first = words.next().unwrap_or(name);
    let second = words.next().unwrap_or_default();
    let hyphenated_given = second
        .split_once('-')
        .is_some_and(|(_, tail)| tail.starts_with(|c: char| c.is_lowercase()));
    surname_of(
        name,
        FAMILY_FIRST_SURNAMES.contains(&first) || hyphenated_given,
    )
}

/// One word of a name: capitalised letters, inner hyphens or apostrophes ("Min-seok",
/// "O'Brien"), never a possessive "'s"; not all capitals, not a word that is never a name.
pub fn name_word(input: &str) -> Res<'_, &str> {
    let mut chars = input.char_indices().peekable();
    match chars.next() {
        Some((_, c)) if c.is_uppercase() => {}
        _ => return reject(input),
    }
    let mut end = input.len();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            continue;
        }
        let joins = matches!(c, '-' | '\'' | '\u{2019}');
        let next = chars.peek().map(|&(_, next)| next);
        let possessive = c != '-'
            && matches!(next, Some('s'))
            && !input[i + c.len_utf8() + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if joins && next.is_some_and(char::is_alphabetic) && !possessive {
            continue;
        }
        end = i;
        break;
    }
    let token = &input[..end];
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = token.chars().filter(|c| c.is_uppercase()).count();
    if letters < 2
        || capitals == letters
        || NOT_NAME_WORDS.contains(&token)
        || english_month(token).is_some()
        || english_weekday(token).is_some()
    {
        return reject(input);
    }
    Ok((&input[end..], token))
}

/// A middle initial: "E." in "Robert E. Lee".
fn initial(input: &str) -> Res<'_, &str> {
    let bytes = input.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_uppercase() && bytes[1] == b'.' {
        Ok((&input[2..], &input[..2]))
    } else {
        reject(input)
    }
}

/// A name the KB does not know, written where a title announces one: two to four name words
/// separated by single spaces ("Koichi Aiboshi", "Kim Min-seok", "Robert E. Lee").
pub fn unknown_name(input: &str) -> Res<'_, &str> {
    let (mut rest, _) = name_word(input)?;
    let mut words = 1;
    while words < 4 {
        let Some(after_space) = rest.strip_prefix(' ') else {
            break;
        };
        let next = name_word(after_space).or_else(|_| {
            initial(after_space).and_then(|(after, word)| {
                // An initial must be followed by another name word.
                let (_, _) = name_word(after.strip_prefix(' ').unwrap_or("."))?;
                Ok((after, word))
            })
        });
        match next {
            Ok((after, _)) => {
                rest = after;
                words += 1;
            }
            Err(_) => break,
        }
    }
    if words < 2 {
        return reject(input);
    }
    let length = input.len() - rest.len();
    Ok((rest, &input[..length]))
}

/// A full naming of a person found in the article, with what short forms may link to it.
#[derive(Clone, Debug)]
pub struct FullName {
    pub span: Range<usize>,
    pub full_name: String,
    pub person: Option<String>,
    pub surname: String,
}

impl FullName {
    /// What makes two full names the same person: the KB id, else the spelling.
    fn identity(&self) -> String {
        self.person
            .clone()
            .unwrap_or_else(|| lookup_key(&self.full_name))
    }

    pub fn mention(&self) -> PersonMention {
        PersonMention {
            span: self.span.clone(),
            full_name: self.full_name.clone(),
            person: self.person.clone(),
        }
    }
}

/// Full names by surname, for linking short forms: a surname two people share links to no one.
#[derive(Debug, Default)]
pub struct Surnames {
    /// Surname → (identity, first full naming) of each distinct person with that surname.
    by_surname: HashMap<String, Vec<(String, FullName)>>,
}

impl Surnames {
    pub fn new(full: &[FullName]) -> Surnames {
        let mut by_surname: HashMap<String, Vec<(String, FullName)>> = HashMap::new();
        for name in full {
            let identity = name.identity();
            let people = by_surname.entry(name.surname.clone()).or_default();
            if !people.iter().any(|(known, _)| *known == identity) {
                people.push((identity, name.clone()));
            }
        }
        Surnames { by_surname }
    }

    /// The one full name `surname` can stand for in the article, if exactly one.
    pub fn unique(&self, surname: &str) -> Option<&FullName> {
        match self.by_surname.get(surname).map(Vec::as_slice) {
            Some([(_, full)]) => Some(full),
            _ => None,
        }
    }

    fn surnames(&self) -> impl Iterator<Item = &str> {
        self.by_surname.keys().map(String::as_str)
    }
}

/// Words that may stand right before a short form without making it part of a longer name.
const TITLE_WORDS: &[&str] = &[
    "President",
    "Minister",
    "Ambassador",
    "Chancellor",
    "Premier",
    "PM",
    "Secretary",
    "Candidate",
    "Adviser",
    "Advisor",
    "Envoy",
    "Leader",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Short forms ("Lee", "Ishiba") in the body (the range of `words`) after the first full naming
/// of the one person of the article with that surname; never inside a full name, never a word of
/// a longer name ("Lee Kyung-mi", "Robert E. Lee"), never after an article ("the Moon").
pub fn short_forms(
    text: &str,
    words: &WordStarts,
    full: &[FullName],
    surnames: &Surnames,
) -> Vec<PersonMention> {
    let linkable: Vec<(&str, &FullName)> = surnames
        .surnames()
        .filter_map(|surname| Some((surname, surnames.unique(surname)?)))
        .filter(|(surname, _)| {
            surname.len() >= 2
                && english_month(surname).is_none()
                && english_weekday(surname).is_none()
        })
        .collect();
    let places = places_of(text, words, &linkable);
    let mut found = Vec::new();
    for ((surname, linked), places) in linkable.iter().zip(places) {
        for start in places {
            let end = start + surname.len();
            if !whole_word(text, start, end)
                || full
                    .iter()
                    .any(|name| name.span.start <= start && end <= name.span.end)
                || !stands_alone(text, start, end)
            {
                continue;
            }
            found.push(PersonMention {
                span: start..end,
                full_name: linked.full_name.clone(),
                person: linked.person.clone(),
            });
        }
    }
    found
}

/// Where each surname is written between the end of its full naming and the end of the body, as
/// `match_indices` finds it: every place that may be a whole word, and maybe others.
///
/// A surname of letters and digits that starts with an ASCII one is whole only where a run of
/// ASCII letters and digits starts, so only the places of its first byte (memchr) that follow no
/// ASCII letter or digit are compared with it; an article names a few such surnames, and this
/// passes over most of its words without a look. Other surnames are searched for one by one.
fn places_of(text: &str, words: &WordStarts, linkable: &[(&str, &FullName)]) -> Vec<Vec<usize>> {
    let end = words.range().end;
    let bytes = text.as_bytes();
    linkable
        .iter()
        .map(|&(surname, linked)| {
            let from = linked.span.end;
            let first = surname.as_bytes()[0];
            if first.is_ascii_alphanumeric() && surname.chars().all(char::is_alphanumeric) {
                memchr::memchr_iter(first, &bytes[from..end])
                    .map(|local| from + local)
                    .filter(|&at| {
                        !bytes[at - 1].is_ascii_alphanumeric()
                            && bytes[at..end].starts_with(surname.as_bytes())
                    })
                    .collect()
            } else {
                text[from..end]
                    .match_indices(surname)
                    .map(|(local, _)| from + local)
                    .collect()
            }
        })
        .collect()
}

/// Whether the word at `start..end` is a name on its own: not followed by another name word,
/// not preceded by a capitalised word (unless a title or the start of a sentence) or an article.
pub fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    if let Some(after) = text[end..].strip_prefix(' ')
        && (name_word(after).is_ok() || after.starts_with(|c: char| c.is_uppercase()))
    {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    if before.len() == start {
        // Glued to what precedes it (a hyphen, a quote mark): only quotes and brackets are fine.
        return before.is_empty()
            || before.ends_with(['"', '\u{201c}', '(', '\'', '\u{2018}', '\n', '\t']);
    }
    let previous = before
        .rsplit([' ', '\n', '\t', '\u{a0}'])
        .next()
        .unwrap_or_default();
    let previous = previous.trim_start_matches(['"', '\u{201c}', '(', '\'', '\u{2018}']);
    if previous.is_empty() {
        return true;
    }
    if matches!(previous, "the" | "The" | "a" | "A" | "an" | "An") {
        return false;
    }
    if TITLE_WORDS.contains(&previous) {
        return true;
    }
    // An initial ("E.") belongs to a longer name; another period ends a sentence.
    let bytes = previous.as_bytes();
    if bytes.len() == 2 && bytes[0].is_ascii_uppercase() && bytes[1] == b'.' {
        return false;
    }
    if previous.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}']) {
        return true;
    }
    !previous.starts_with(|c: char| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spellings_vary_hyphens_and_spaces() {
        let all = spellings("Lee Jae-myung");
        for expected in [
            "Lee Jae-myung",
            "Lee Jae myung",
            "Lee Jaemyung",
            "Lee-Jae-myung",
        ] {
            assert!(all.contains(&expected.to_string()), "{expected}: {all:?}");
        }
        assert!(!all.contains(&"LeeJae-myung".to_string()));
        assert_eq!(spellings("Xi Jinping"), ["Xi Jinping", "Xi-Jinping"]);
    }

    #[test]
    fn surnames_follow_name_order() {
        assert_eq!(surname_of("Lee Jae-myung", true), "Lee");
        assert_eq!(surname_of("Shigeru Ishiba", false), "Ishiba");
        assert_eq!(guess_surname("Kim Min-seok"), "Kim");
        assert_eq!(guess_surname("Wi Sung-lac"), "Wi");
        assert_eq!(guess_surname("Koichi Aiboshi"), "Aiboshi");
        assert_eq!(guess_surname("Olaf Scholz"), "Scholz");
        assert_eq!(guess_surname("Jean-Pierre Raffarin"), "Raffarin");
    }

    #[test]
    fn name_words() {
        assert_eq!(name_word("Min-seok said").unwrap(), (" said", "Min-seok"));
        assert_eq!(name_word("O'Brien,").unwrap(), (",", "O'Brien"));
        assert_eq!(name_word("Macron's visit").unwrap(), ("'s visit", "Macron"));
        assert_eq!(name_word("Macron’s visit").unwrap().1, "Macron");
        assert!(name_word("NATO summit").is_err());
        assert!(name_word("the man").is_err());
        assert!(name_word("June 17").is_err());
        assert!(name_word("Tuesday").is_err());
        assert!(name_word("President").is_err());
    }

    #[test]
    fn unknown_names_need_two_words() {
        assert_eq!(
            unknown_name("Koichi Aiboshi at").unwrap().1,
            "Koichi Aiboshi"
        );
        assert_eq!(unknown_name("Kim Min-seok on").unwrap().1, "Kim Min-seok");
        assert_eq!(unknown_name("Robert E. Lee.").unwrap().1, "Robert E. Lee");
        assert_eq!(
            unknown_name("Donald Trump's tariffs").unwrap().1,
            "Donald Trump"
        );
        assert!(unknown_name("Street in Brooklyn").is_err());
        assert!(unknown_name("Kishida said").is_err());
        assert!(unknown_name("Seoul Koichi").is_err());
        assert!(unknown_name("Emmanuel\nMacron").is_err());
    }

    #[test]
    fn short_forms_stand_alone() {
        let text = "Robert E. Lee fought. Lee Kyung-mi played. Lee said so. \"Lee\" and the Lee family. President Lee came.";
        let at = |needle: &str, nth: usize| {
            let start = text.match_indices(needle).nth(nth).unwrap().0;
            stands_alone(text, start, start + 3)
        };
        assert!(!at("Lee", 0), "Robert E. Lee");
        assert!(!at("Lee", 1), "Lee Kyung-mi");
        assert!(at("Lee", 2), "Lee said");
        assert!(at("Lee", 3), "quoted");
        assert!(!at("Lee", 4), "the Lee family");
        assert!(at("Lee", 5), "President Lee");
    }

    #[test]
    fn a_shared_surname_links_to_no_one() {
        let full = |text: &str, start: usize, id: Option<&str>| FullName {
            span: start..start + text.len(),
            full_name: text.into(),
            person: id.map(str::to_string),
            surname: guess_surname(text).into(),
        };
        let text = "Kim Min-seok met Kim Ji-na and Lee Jae-myung. Kim said Lee agreed.";
        let names = [
            full("Kim Min-seok", 0, None),
            full("Kim Ji-na", 17, None),
            full("Lee Jae-myung", 31, Some("lee-jae-myung")),
        ];
        let surnames = Surnames::new(&names);
        let found = short_forms(
            text,
            &WordStarts::new(text, 0..text.len()),
            &names,
            &surnames,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "Lee");
        assert_eq!(found[0].full_name, "Lee Jae-myung");
        assert_eq!(found[0].person.as_deref(), Some("lee-jae-myung"));
    }

    #[test]
    fn no_link_before_the_full_name() {
        let text = "Lee arrived. Later Lee Jae Myung spoke and Lee left.";
        let start = text.find("Lee Jae").unwrap();
        let names = [FullName {
            span: start..start + 13,
            full_name: "Lee Jae Myung".into(),
            person: None,
            surname: "Lee".into(),
        }];
        let words = WordStarts::new(text, 0..text.len());
        let found = short_forms(text, &words, &names, &Surnames::new(&names));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, text.rfind("Lee").unwrap());
    }

    /// Short forms as they were found before [`places_of`]: `match_indices` per surname.
    fn short_forms_by_search(
        text: &str,
        end: usize,
        full: &[FullName],
        surnames: &Surnames,
    ) -> Vec<PersonMention> {
        let mut found = Vec::new();
        for surname in surnames.surnames() {
            let Some(linked) = surnames.unique(surname) else {
                continue;
            };
            if surname.len() < 2 {
                continue;
            }
            for (local, _) in text[linked.span.end..end].match_indices(surname) {
                let start = linked.span.end + local;
                let end = start + surname.len();
                if whole_word(text, start, end)
                    && !full
                        .iter()
                        .any(|name| name.span.start <= start && end <= name.span.end)
                    && stands_alone(text, start, end)
                {
                    found.push(PersonMention {
                        span: start..end,
                        full_name: linked.full_name.clone(),
                        person: linked.person.clone(),
                    });
                }
            }
        }
        found
    }

    proptest! {
        #[test]
        fn the_same_short_forms_as_searching_each_surname(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "Lee", "Kim", "Ö", "Öz", "Al-Sabah", "Al", " ", "-", "'", "ğ", "said ", ". ",
                    "the ", "Mr. ", "e", "1", "\n",
                ]),
                0..40,
            ),
        ) {
            // Full names first, then short forms and near misses.
            let head = "Lee Jae-myung, Kim Ji-na, Ali Öz and Sabah Al-Sabah met. ";
            let text = format!("{head}{}", parts.concat());
            let full: Vec<FullName> = [("Lee Jae-myung", "Lee"), ("Kim Ji-na", "Kim"), ("Ali Öz", "Öz"), ("Sabah Al-Sabah", "Al-Sabah")]
                .iter()
                .map(|&(name, surname)| {
                    let start = text.find(name).unwrap_or_default();
                    FullName {
                        span: start..start + name.len(),
                        full_name: name.into(),
                        person: None,
                        surname: surname.into(),
                    }
                })
                .collect();
            let surnames = Surnames::new(&full);
            // Both go through the surnames in the map's order.
            prop_assert_eq!(
                short_forms(&text, &WordStarts::new(&text, 0..text.len()), &full, &surnames),
                short_forms_by_search(&text, text.len(), &full, &surnames)
            );
        }
    }
}
