//! Office-holder claims: a title before a name ("Japanese Ambassador to Seoul Koichi Aiboshi"),
//! a title in apposition after one ("Taro Aso, a former prime minister,"), resolved to KB roles,
//! with the status the qualifiers give and the date each claim speaks of.

use std::collections::HashMap;
use std::ops::Range;

use super::person::{
    FullName, NameHit, NameMatcher, Surnames, guess_surname, name_word, short_forms, stands_alone,
    unknown_name, whole_word,
};
use super::phrase_set::{PhraseMatch, PhraseSet};
use super::role_titles::{
    HEADS, Position, RANKS, Title, may_begin_title, names_a_nested_office, qualifier, set_status,
    title,
};
use super::word_matches::WordMatches;
use super::word_starts::WordStarts;
use super::{Mention, PersonMention, RoleClaim, RoleStatus};
use crate::kb::{KbIndex, lookup_key};
use crate::time::CalendarDate;

mod when;

use when::claim_date;

/// Everything extraction needs from one KB, compiled once ([`KbIndex::role_matcher`]).
#[derive(Debug)]
pub struct RoleMatcher {
    names: NameMatcher,
    /// Head words of titles ("President", "envoy") and the last word of every KB title.
    anchors: PhraseSet,
    /// Every KB title, as written and with its hyphens and apostrophes varied.
    titles: PhraseSet,
    /// Per title pattern: whether it names an office held "to" another ([`names_a_nested_office`]).
    title_nested: Vec<bool>,
    /// Role id → the lookup keys of its titles.
    role_titles: HashMap<String, Vec<String>>,
}

impl RoleMatcher {
    pub fn names(&self) -> &NameMatcher {
        &self.names
    }

    pub fn anchors(&self) -> &PhraseSet {
        &self.anchors
    }

    pub fn new(kb: &KbIndex<'_>) -> RoleMatcher {
        let mut anchor_words: Vec<String> = HEADS.iter().map(|head| head.to_string()).collect();
        let mut title_patterns: Vec<String> = Vec::new();
        let mut title_nested = Vec::new();
        let mut role_titles: HashMap<String, Vec<String>> = HashMap::new();
        for role in &kb.kb().roles {
            for written in &role.titles {
                let key = lookup_key(&written.value);
                // Titles with a generic head word are anchored by it; others by their last word.
                if !key.split(' ').any(|word| HEADS.contains(&word))
                    && let Some(last) = key.rsplit(' ').next()
                    && !anchor_words.iter().any(|known| known == last)
                    && last.is_ascii()
                {
                    anchor_words.push(last.to_string());
                }
                for variant in [
                    written.value.clone(),
                    written.value.replace('\'', "\u{2019}"),
                    written.value.replace('-', " "),
                ] {
                    if !title_patterns.contains(&variant) {
                        title_patterns.push(variant);
                        title_nested.push(names_a_nested_office(&key));
                    }
                }
                role_titles
                    .entry(role.id.value.clone())
                    .or_default()
                    .push(key);
            }
        }
        RoleMatcher {
            names: NameMatcher::new(kb),
            anchors: PhraseSet::new(&anchor_words),
            titles: PhraseSet::new(&title_patterns),
            title_nested,
            role_titles,
        }
    }
}

/// The name a title before it announces.
#[derive(Clone, Debug)]
enum NameAfter {
    /// A KB name (index into the article's name hits).
    Known(usize),
    /// Capitalised words the KB does not know.
    Unknown(Range<usize>),
    /// One word, a surname to link ("President Lee").
    Surname(Range<usize>),
}

/// A title found before a name, before names are linked.
#[derive(Clone, Debug)]
struct Announced {
    /// Where the title's input starts in the text.
    base: usize,
    title: Title,
    name: NameAfter,
}

/// What the article says about office holders, and every naming of a person in it.
pub struct Found {
    pub roles: Vec<RoleClaim>,
    pub people: Vec<PersonMention>,
}

/// What [`find`] needs besides the text: the KB, the names and title words found in it, and the
/// article's dates.
pub struct Context<'a, 'kb> {
    pub kb: &'a KbIndex<'kb>,
    pub words: &'a WordMatches,
    /// The word starts of the body.
    pub word_starts: &'a WordStarts,
    /// The publication date, when known.
    pub published: Option<CalendarDate>,
    pub mentions: &'a [Mention],
}

/// Finds the office-holder claims and person names in `text[body]`.
pub fn find(text: &str, body: Range<usize>, context: &Context<'_, '_>) -> Found {
    let matcher = context.kb.role_matcher();
    let hits = matcher.names.hits(text, &context.words.names);
    let mut announced = announced_titles(text, body.clone(), matcher, &hits, &context.words.titles);

    // Full names: the KB's, and unknown ones a title announced.
    let mut full: Vec<FullName> = hits
        .iter()
        .map(|hit| full_name_of_hit(text, hit, &matcher.names))
        .collect();
    // "President Lee Promoting Mutual Relations" (a headline): unknown words after the surname
    // of a KB person the article names are not a new name.
    let known_surnames: Vec<&str> = hits
        .iter()
        .filter_map(|hit| match hit.people.as_slice() {
            [one] => Some(matcher.names.people[*one].surname.as_str()),
            _ => None,
        })
        .collect();
    for found in &mut announced {
        if let NameAfter::Unknown(span) = &found.name
            && let Some(first) = text[span.clone()].split(' ').next()
            && known_surnames.contains(&first)
        {
            found.name = NameAfter::Surname(span.start..span.start + first.len());
        }
    }
    for found in &announced {
        if let NameAfter::Unknown(span) = &found.name {
            let written = &text[span.clone()];
            let person = match context.kb.people_named(written) {
                [one] => Some(one.id.value.clone()),
                // A middle name dropped or added ("Recep Erdogan"), if it fits one person only.
                [] => match context.kb.people_maybe_named(written)[..] {
                    [one] => Some(one.id.value.clone()),
                    _ => None,
                },
                _ => None,
            };
            full.push(FullName {
                span: span.clone(),
                full_name: written.to_string(),
                person,
                surname: guess_surname(written).to_string(),
            });
        }
    }
    full.sort_by_key(|name| name.span.start);
    full.dedup_by_key(|name| name.span.clone());
    let surnames = Surnames::new(&full);

    let mut people: Vec<PersonMention> = full.iter().map(FullName::mention).collect();
    people.extend(short_forms(text, context.word_starts, &full, &surnames));

    let mut claims = Vec::new();
    for found in announced.drain(..) {
        let person = match &found.name {
            NameAfter::Known(index) => {
                full_name_of_hit(text, &hits[*index], &matcher.names).mention()
            }
            NameAfter::Unknown(span) => match full.iter().find(|name| name.span == *span) {
                Some(name) => name.mention(),
                None => continue,
            },
            NameAfter::Surname(span) => {
                match surname_holder(
                    &text[span.clone()],
                    &surnames,
                    &found,
                    text,
                    matcher,
                    context.kb,
                ) {
                    Some(mention) => PersonMention {
                        span: span.clone(),
                        ..mention
                    },
                    None => continue,
                }
            }
        };
        if !people.iter().any(|known| known.span == person.span) {
            people.push(person.clone());
        }
        claims.push(claim(
            text,
            found.base,
            &found.title,
            person,
            context,
            matcher,
        ));
    }

    // Titles in apposition after every naming found so far.
    people.sort_by_key(|mention| mention.span.start);
    for mention in people.clone() {
        if let Some((base, title)) = apposition(text, body.end, &mention, &people) {
            if let Some(nested) = &title.nested_name {
                let nested = base + nested.start..base + nested.end;
                if !people.iter().any(|known| known.span == nested)
                    && let Some(linked) = surnames.unique(&text[nested.clone()])
                {
                    people.push(PersonMention {
                        span: nested,
                        ..linked.mention()
                    });
                }
            }
            claims.push(claim(text, base, &title, mention.clone(), context, matcher));
        }
    }

    people.sort_by_key(|mention| (mention.span.start, mention.span.end));
    people.dedup_by_key(|mention| mention.span.clone());
    claims.sort_by_key(|claim| (claim.span.start, claim.span.end));
    // One claim per naming: the one with the longest title.
    let mut kept: Vec<RoleClaim> = Vec::new();
    for found in claims {
        match kept.iter_mut().find(|known| {
            known.person.span == found.person.span
                && known.title_span.start.max(found.title_span.start)
                    < known.title_span.end.min(found.title_span.end)
        }) {
            Some(known) if found.title_span.len() > known.title_span.len() => *known = found,
            Some(_) => {}
            None => kept.push(found),
        }
    }
    Found {
        roles: kept,
        people,
    }
}

fn full_name_of_hit(text: &str, hit: &NameHit, names: &NameMatcher) -> FullName {
    let person = match hit.people.as_slice() {
        [one] => Some(&names.people[*one]),
        _ => None,
    };
    FullName {
        span: hit.span.clone(),
        full_name: text[hit.span.clone()].to_string(),
        person: person.map(|p| p.id.clone()),
        surname: person.map_or_else(
            || guess_surname(&text[hit.span.clone()]).to_string(),
            |p| p.surname.clone(),
        ),
    }
}

/// Who "President Lee" is: the one person of the article with that surname, else the one KB
/// person with that surname who held an office the title fits.
fn surname_holder(
    surname: &str,
    surnames: &Surnames,
    found: &Announced,
    text: &str,
    matcher: &RoleMatcher,
    kb: &KbIndex<'_>,
) -> Option<PersonMention> {
    if let Some(full) = surnames.unique(surname) {
        return Some(full.mention());
    }
    let input = &text[found.base..];
    let core = lookup_key(&input[found.title.core.clone()]);
    let key = found.title.key(input);
    let candidates: Vec<usize> = matcher
        .names
        .with_surname(surname)
        .iter()
        .copied()
        .filter(|&index| {
            let id = &matcher.names.people[index].id;
            resolve_role(kb, matcher, &key, &core, &found.title, Some(id)).is_some()
        })
        .collect();
    match candidates.as_slice() {
        [one] => {
            let person = &matcher.names.people[*one];
            Some(PersonMention {
                span: 0..0,
                full_name: person.name.clone(),
                person: Some(person.id.clone()),
            })
        }
        _ => None,
    }
}

/// Titles followed by a name: run the title grammar (and the KB's titles) from each title word
/// (`anchors`, matches of [`RoleMatcher::anchors`]) and up to four words before it.
fn announced_titles(
    text: &str,
    body: Range<usize>,
    matcher: &RoleMatcher,
    hits: &[NameHit],
    anchors: &[PhraseMatch],
) -> Vec<Announced> {
    let mut found: Vec<Announced> = Vec::new();
    for (anchor, _) in anchors {
        let (start, end) = (anchor.start, anchor.end);
        if !whole_word(text, start, end) {
            continue;
        }
        for candidate in title_starts(text, body.start, start) {
            if found.last().is_some_and(|last| last.base == candidate) {
                break;
            }
            let input = &text[candidate..body.end];
            // Neither the KB's titles nor the grammar can start here.
            if !may_begin_title(input) {
                continue;
            }
            // Ties go to the generic parse, which knows the modifier's country.
            let best = [kb_title(input, matcher), generic_title(input)]
                .into_iter()
                .flatten()
                .filter(|title| title.len > start - candidate)
                .filter_map(|title| {
                    name_after(text, candidate + title.len, body.end, hits)
                        .map(|name| (title, name))
                })
                .max_by_key(|(title, _)| title.len);
            if let Some((title, name)) = best {
                found.push(Announced {
                    base: candidate,
                    title,
                    name,
                });
                break;
            }
        }
    }
    found
}

/// Where a title around the word at `anchor` may start, earliest first: up to five words back
/// on the same line ("former South Korean Prime Minister"), through abbreviations ("U.S.",
/// "S.") and hyphens ("then-Secretary") but not past other punctuation or a sentence's end.
fn title_starts(text: &str, floor: usize, anchor: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![anchor];
    // "then-Secretary": the anchor is glued to the word before it.
    let mut position = anchor;
    while position > floor && !matches!(bytes[position - 1], b' ' | b'\n' | b'\t') {
        position -= 1;
    }
    if position < anchor && text.is_char_boundary(position) {
        starts.push(position);
    }
    for _ in 0..5 {
        let mut cursor = position;
        while cursor > floor && bytes[cursor - 1] == b' ' {
            cursor -= 1;
        }
        if cursor == position || cursor <= floor {
            break;
        }
        let word_end = cursor;
        while cursor > floor && !matches!(bytes[cursor - 1], b' ' | b'\n' | b'\t') {
            cursor -= 1;
        }
        let word = &text[cursor..word_end];
        let abbreviation = word.len() >= 2
            && word.ends_with('.')
            && (word[..word.len() - 1].contains('.') || word.len() == 2);
        if word.ends_with(['.', '!', '?']) && !abbreviation
            || word.ends_with([',', ';', ':', ')', '"', '\u{201d}'])
            || word.contains(['(', '"', '\u{201c}'])
        {
            break;
        }
        starts.push(cursor);
        position = cursor;
    }
    starts.reverse();
    starts
}

fn generic_title(input: &str) -> Option<Title> {
    title(input, Position::BeforeName, &|_| None)
        .ok()
        .map(|(_, found)| found)
}

/// A KB title (after any qualifiers) at the start of `input`, unless it names an office held
/// "to" another office, whose holder the following name would be.
fn kb_title(input: &str, matcher: &RoleMatcher) -> Option<Title> {
    let mut rest = input;
    let mut status = None;
    while let Ok((after, found)) = qualifier(rest) {
        set_status(found, &mut status);
        rest = after;
    }
    let start = input.len() - rest.len();
    let (found_end, pattern) = matcher
        .titles
        .longest_at(rest, 0, rest.len())
        .filter(|&(end, _)| whole_word(rest, 0, end))?;
    if matcher.title_nested[pattern] {
        return None;
    }
    if status.is_none() && !rest.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let words = start..start + found_end;
    let key = lookup_key(&input[words.clone()]);
    if key
        .split(' ')
        .any(|w| matches!(w, "nominee" | "candidate" | "designate"))
    {
        set_status(RoleStatus::Nominee, &mut status);
    }
    Some(Title {
        len: words.end,
        words: 0..words.end,
        status: status.unwrap_or(RoleStatus::Current),
        key_words: vec![words.clone()],
        core: words,
        country: None,
        nested_name: None,
    })
}

/// The name right after a title ending at `at`: one space or line break, then a KB name, unknown capitalised
/// words, or a single word that may be a surname.
fn name_after(text: &str, at: usize, end: usize, hits: &[NameHit]) -> Option<NameAfter> {
    let rest = text.get(at..end)?;
    // One space, or one line break of wrapped text.
    let separator = [" ", "\u{a0}", "\n", "\r\n"]
        .iter()
        .find(|separator| rest.starts_with(**separator))?;
    let start = at + separator.len();
    if let Ok(index) = hits.binary_search_by_key(&start, |hit| hit.span.start) {
        return Some(NameAfter::Known(index));
    }
    let rest = &text[start..end];
    if let Ok((_, name)) = unknown_name(rest) {
        return Some(NameAfter::Unknown(start..start + name.len()));
    }
    let (_, word) = name_word(rest).ok()?;
    let span = start..start + word.len();
    stands_alone(text, span.start, span.end).then_some(NameAfter::Surname(span))
}

/// A title in apposition after a naming: "Taro Aso, a former prime minister,", "Lee Jae-myung
/// (R), the presidential nominee of the ruling Democratic Party,". The title must close the
/// phrase (a comma, period, bracket or "who" follows).
fn apposition(
    text: &str,
    end: usize,
    mention: &PersonMention,
    people: &[PersonMention],
) -> Option<(usize, Title)> {
    let mut rest = text.get(mention.span.end..end)?;
    // A caption's "(R)", "(left)".
    if let Some(bracketed) = rest.strip_prefix(" (")
        && let Some(close) = bracketed.find(')')
        && close <= 12
        && !bracketed[..close].contains(['(', '\n'])
    {
        rest = &bracketed[close + 1..];
    }
    let rest = rest.strip_prefix(", ")?;
    let base = end - rest.len();
    let name_at = |input: &str| {
        let at = end - input.len();
        people
            .iter()
            .find(|known| known.span.start == at)
            .map(|known| known.span.len())
    };
    let (after, found) = title(rest, Position::Apposition, &name_at).ok()?;
    let closes = after.is_empty()
        || after.starts_with([',', '.', ';', ':', ')', '\n', '\r'])
        || after.starts_with(" who ")
        || after.starts_with(" whose ");
    closes.then_some((base, found))
}

/// Filler words dropped from a title key for a second KB lookup ("of the ruling Democratic Party").
const KEY_FILLERS: &[&str] = &[
    "ruling",
    "main",
    "opposition",
    "governing",
    "liberal",
    "conservative",
];

/// Builds the claim for a title parsed at `base` and the person it names.
fn claim(
    text: &str,
    base: usize,
    found: &Title,
    person: PersonMention,
    context: &Context<'_, '_>,
    matcher: &RoleMatcher,
) -> RoleClaim {
    let input = &text[base..];
    let key = found.key(input);
    let core = lookup_key(&input[found.core.clone()]);
    let role = resolve_role(
        context.kb,
        matcher,
        &key,
        &core,
        found,
        person.person.as_deref(),
    );
    let title_span = base + found.words.start..base + found.words.end;
    let span = title_span.start.min(person.span.start)..title_span.end.max(person.span.end);
    let when = claim_date(text, &span, found.status, context);
    RoleClaim {
        span,
        person,
        title_span,
        role,
        title: key,
        status: found.status,
        when,
    }
}

/// The KB role a title names: by its own words (as written, then without filler adjectives),
/// else, for a bare title ("President"), the one office of that name the person held.
fn resolve_role(
    kb: &KbIndex<'_>,
    matcher: &RoleMatcher,
    key: &str,
    core: &str,
    found: &Title,
    person: Option<&str>,
) -> Option<String> {
    // A title key is its own lookup key when it is ASCII (what `roles_titled` would make).
    let roles_of = |key: &str| match key.is_ascii() {
        true => kb.roles_keyed(key),
        false => kb.roles_titled(key),
    };
    if let [role] = roles_of(key) {
        return Some(role.id.value.clone());
    }
    // Without filler adjectives: looked up only when there were some.
    if key.split(' ').any(|word| KEY_FILLERS.contains(&word)) {
        let trimmed: String = key
            .split(' ')
            .filter(|word| !KEY_FILLERS.contains(word))
            .collect::<Vec<_>>()
            .join(" ");
        if let [role] = roles_of(&trimmed) {
            return Some(role.id.value.clone());
        }
    }
    let person = person?;
    let country = match found.country {
        Some("") => return None,
        other => other,
    };
    let mut roles: Vec<&str> = Vec::new();
    for held in kb.terms_of(person) {
        let id = held.role.id.value.as_str();
        if roles.contains(&id) || country.is_some_and(|c| !id.starts_with(&format!("{c}-"))) {
            continue;
        }
        let titles = matcher.role_titles.get(id).map_or(&[][..], Vec::as_slice);
        if titles
            .iter()
            .any(|title| fits(title, core, found.status == RoleStatus::Acting))
        {
            roles.push(id);
        }
    }
    match roles.as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

/// Whether a KB title (a key) is `bare` with at most a two-word modifier (no rank or office
/// word) before it and at most a complement after it: "japanese prime minister" fits "prime minister"; "special adviser to
/// japanese prime minister" and "prime minister nominee" do not.
fn fits(title: &str, bare: &str, acting: bool) -> bool {
    let words: Vec<&str> = title.split(' ').collect();
    for skip in 0..=2.min(words.len()) {
        let prefix = &words[..skip];
        if prefix
            .iter()
            .any(|w| matches!(*w, "to" | "of" | "for" | "the" | "and" | "in"))
            // "us vice president" is not a "president".
            || prefix.iter().any(|w| RANKS.contains(w) || HEADS.contains(w))
            || (!acting && prefix.contains(&"acting"))
        {
            break;
        }
        let rest = words[skip..].join(" ");
        if rest == bare {
            return true;
        }
        if let Some(after) = rest.strip_prefix(bare)
            && let Some(after) = after.strip_prefix(' ')
            && matches!(after.split(' ').next(), Some("to" | "of" | "for" | "in"))
        {
            return true;
        }
    }
    false
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "No", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Jr",
    "Sr", "Inc", "Co", "Corp", "vs", "Prof", "Capt",
];

/// The length of the longest of [`ABBREVIATIONS`]: a longer word is none of them.
const LONGEST_ABBREVIATION: usize = 4;

/// Whether the period at `dot` ends a sentence (not "U.S.", "Dec.", an initial).
fn ends_sentence(text: &str, dot: usize) -> bool {
    let after = &text[dot + 1..];
    let next = after.trim_start_matches([' ', '\u{a0}']);
    if next.len() == after.len() && !after.starts_with(['\n', '\r']) && !after.is_empty() {
        return false;
    }
    if !next.is_empty() && !next.starts_with(|c: char| c.is_uppercase() || "\"“‘'(\n\r".contains(c))
    {
        return false;
    }
    if text.as_bytes()[dot] != b'.' {
        return true;
    }
    // The separators are ASCII, so a byte search finds where a split by characters would.
    let token_start = text.as_bytes()[..dot]
        .iter()
        .rposition(|b| matches!(b, b' ' | b'\n' | b'\t' | b'(' | b'"'))
        .map_or(0, |separator| separator + 1);
    let token = &text[token_start..dot];
    let initial = token.len() == 1 && token.starts_with(|c: char| c.is_ascii_uppercase());
    let abbreviation = token.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.contains(&token);
    !initial && !abbreviation
}

/// The sentence around byte `at`: from after the previous sentence end (or line break) to the
/// next one. Each side looks for the nearest candidate mark with memchr and then for a line break
/// only between it and where the search stands: the line's far ends, often a whole paragraph
/// away, are never read.
pub fn sentence_around(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut start = at;
    let start = loop {
        let mark = memchr::memrchr3(b'.', b'!', b'?', &bytes[..start]);
        let after_mark = mark.map_or(0, |i| i + 1);
        if let Some(i) = memchr::memrchr(b'\n', &bytes[after_mark..start]) {
            break after_mark + i + 1;
        }
        match mark {
            Some(i) if ends_sentence(text, i) => break i + 1,
            Some(i) => start = i,
            None => break 0,
        }
    };
    let mut end = at;
    let end = loop {
        let mark = memchr::memchr3(b'.', b'!', b'?', &bytes[end..]).map(|i| end + i);
        let before_mark = mark.unwrap_or(bytes.len());
        if let Some(i) = memchr::memchr(b'\n', &bytes[end..before_mark]) {
            break end + i;
        }
        match mark {
            Some(i) if ends_sentence(text, i) => break i,
            Some(i) => end = i + 1,
            None => break bytes.len(),
        }
    };
    start..end
}

#[cfg(test)]
mod tests;
