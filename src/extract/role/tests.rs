//! Office-holder claims in varied real-news phrasings, with the shipped KB.

use std::path::PathBuf;
use std::sync::LazyLock;

use crate::corpus::parse_article;
use crate::extract::{Extraction, RoleStatus, extract_article, sentence_around};
use crate::kb::{Kb, KbIndex};

static KB: LazyLock<Kb> = LazyLock::new(|| Kb::shipped().expect("the shipped KB loads"));
static INDEX: LazyLock<KbIndex<'static>> = LazyLock::new(|| KbIndex::new(&KB));

/// Extracts `body` as an article published on `date` ("" for no date).
fn extract(date: &str, body: &str) -> (String, Extraction) {
    let text = if date.is_empty() {
        body.to_string()
    } else {
        format!("---\ndate: {date}\n---\n{body}")
    };
    let article = parse_article(PathBuf::from("test.md"), text.clone());
    let extraction = extract_article(&article, &INDEX);
    (text, extraction)
}

/// One claim as (phrase, person id or name, role id or "-", status, when or "-").
type Row = (String, String, String, RoleStatus, String);

fn claims(date: &str, body: &str) -> Vec<Row> {
    let (text, extraction) = extract(date, body);
    for claim in &extraction.roles {
        assert!(text.is_char_boundary(claim.span.start) && text.is_char_boundary(claim.span.end));
        assert!(
            claim.span.start <= claim.title_span.start && claim.title_span.end <= claim.span.end
        );
        assert!(claim.span.start <= claim.person.span.start);
    }
    extraction
        .roles
        .iter()
        .map(|claim| {
            (
                text[claim.span.clone()].to_string(),
                claim
                    .person
                    .person
                    .clone()
                    .unwrap_or_else(|| claim.person.full_name.clone()),
                claim.role.clone().unwrap_or_else(|| "-".into()),
                claim.status,
                claim.when.map_or_else(|| "-".into(), |when| when.iso()),
            )
        })
        .collect()
}

/// Asserts the one claim `body` makes.
fn one(body: &str, phrase: &str, person: &str, role: &str, status: RoleStatus) {
    let found = claims("2024-05-01", body);
    assert_eq!(found.len(), 1, "{body}: {found:?}");
    let (text, who, what, how, _) = &found[0];
    assert_eq!(
        (text.as_str(), who.as_str(), what.as_str(), *how),
        (phrase, person, role, status),
        "{body}"
    );
}

fn none(body: &str) {
    let found = claims("2024-05-01", body);
    assert!(found.is_empty(), "{body}: {found:?}");
}

#[test]
fn titles_before_names_in_many_countries() {
    use RoleStatus::*;
    let cases = [
        (
            "German Chancellor Olaf Scholz arrived.",
            "German Chancellor Olaf Scholz",
            "olaf-scholz",
            "de-chancellor",
            Current,
        ),
        (
            "He met Indian Prime Minister Narendra Modi in Delhi.",
            "Indian Prime Minister Narendra Modi",
            "narendra-modi",
            "in-prime-minister",
            Current,
        ),
        (
            "Chinese President Xi Jinping said on Monday",
            "Chinese President Xi Jinping",
            "xi-jinping",
            "cn-president",
            Current,
        ),
        (
            "during French President Emmanuel Macron's visit",
            "French President Emmanuel Macron",
            "emmanuel-macron",
            "fr-president",
            Current,
        ),
        (
            "Vice President Kamala Harris spoke",
            "Vice President Kamala Harris",
            "kamala-harris",
            "us-vice-president",
            Current,
        ),
        (
            "Russian President Vladimir Putin warned",
            "Russian President Vladimir Putin",
            "vladimir-putin",
            "ru-president",
            Current,
        ),
        (
            "Canadian Prime Minister Justin Trudeau hosted",
            "Canadian Prime Minister Justin Trudeau",
            "justin-trudeau",
            "ca-prime-minister",
            Current,
        ),
        (
            "North Korean leader Kim Jong Un fired",
            "North Korean leader Kim Jong Un",
            "kim-jong-un",
            "kp-leader",
            Current,
        ),
        (
            "U.S. Secretary of State Antony Blinken flew",
            "U.S. Secretary of State Antony Blinken",
            "antony-blinken",
            "us-secretary-of-state",
            Current,
        ),
        (
            "Japan\u{2019}s Prime Minister Fumio Kishida said",
            "Japan\u{2019}s Prime Minister Fumio Kishida",
            "fumio-kishida",
            "jp-prime-minister",
            Current,
        ),
        (
            "talks with Prime Minister Rishi Sunak on trade",
            "Prime Minister Rishi Sunak",
            "rishi-sunak",
            "gb-prime-minister",
            Current,
        ),
        (
            "Ambassador Philip Goldberg said",
            "Ambassador Philip Goldberg",
            "philip-goldberg",
            "us-ambassador-to-kr",
            Current,
        ),
        (
            "Foreign Minister Yoko Kamikawa met",
            "Foreign Minister Yoko Kamikawa",
            "yoko-kamikawa",
            "jp-foreign-minister",
            Current,
        ),
        (
            "President Yoon Suk Yeol vowed",
            "President Yoon Suk Yeol",
            "yoon-suk-yeol",
            "kr-president",
            Current,
        ),
    ];
    for (body, phrase, person, role, status) in cases {
        one(body, phrase, person, role, status);
    }
}

#[test]
fn qualifiers_set_the_status() {
    use RoleStatus::*;
    let cases = [
        (
            "said former British Prime Minister Boris Johnson.",
            "former British Prime Minister Boris Johnson",
            "boris-johnson",
            "gb-prime-minister",
            Former,
        ),
        // "New" of a place is no qualifier.
        (
            "Former New Zealand Prime Minister Jacinda Ardern spoke.",
            "Former New Zealand Prime Minister Jacinda Ardern",
            "jacinda-ardern",
            "nz-prime-minister",
            Former,
        ),
        (
            "The new New Zealand Prime Minister Christopher Luxon spoke.",
            "new New Zealand Prime Minister Christopher Luxon",
            "christopher-luxon",
            "nz-prime-minister",
            Current,
        ),
        (
            "as then-Secretary of State Hillary Clinton put it",
            "then-Secretary of State Hillary Clinton",
            "hillary-clinton",
            "us-secretary-of-state",
            Then,
        ),
        (
            "President-elect Donald Trump named",
            "President-elect Donald Trump",
            "donald-trump",
            "us-president",
            Elect,
        ),
        (
            "acting President Han Duck-soo vetoed",
            "acting President Han Duck-soo",
            "han-duck-soo",
            "kr-acting-president",
            Acting,
        ),
        (
            "outgoing Prime Minister Fumio Kishida thanked",
            "outgoing Prime Minister Fumio Kishida",
            "fumio-kishida",
            "jp-prime-minister",
            Outgoing,
        ),
        (
            "incoming Prime Minister Shigeru Ishiba named",
            "incoming Prime Minister Shigeru Ishiba",
            "shigeru-ishiba",
            "jp-prime-minister",
            Elect,
        ),
        (
            "the late President Kim Dae-jung won",
            "late President Kim Dae-jung",
            "kim-dae-jung",
            "kr-president",
            Late,
        ),
        (
            "ex-Prime Minister Yoshihide Suga spoke",
            "ex-Prime Minister Yoshihide Suga",
            "yoshihide-suga",
            "jp-prime-minister",
            Former,
        ),
        (
            "Japan's former Prime Minister Shinzo Abe",
            "Japan's former Prime Minister Shinzo Abe",
            "shinzo-abe",
            "jp-prime-minister",
            Former,
        ),
        (
            "new South Korean President Lee Jae Myung agreed",
            "new South Korean President Lee Jae Myung",
            "lee-jae-myung",
            "kr-president",
            Current,
        ),
        (
            "Prime Minister nominee Kim Min-seok on Monday",
            "Prime Minister nominee Kim Min-seok",
            "kim-min-seok",
            "kr-prime-minister-nominee",
            Nominee,
        ),
    ];
    for (body, phrase, person, role, status) in cases {
        one(body, phrase, person, role, status);
    }
}

#[test]
fn titles_in_apposition() {
    use RoleStatus::*;
    let cases = [
        (
            "Olaf Scholz, the German chancellor, said",
            "Olaf Scholz, the German chancellor",
            "olaf-scholz",
            "de-chancellor",
            Current,
        ),
        (
            "Sanae Takaichi, Japan's prime minister, said",
            "Sanae Takaichi, Japan's prime minister",
            "sanae-takaichi",
            "jp-prime-minister",
            Current,
        ),
        (
            "He met Taro Aso, a former prime minister.",
            "Taro Aso, a former prime minister",
            "taro-aso",
            "jp-prime-minister",
            Former,
        ),
        (
            "Narendra Modi, India's prime minister, who",
            "Narendra Modi, India's prime minister",
            "narendra-modi",
            "in-prime-minister",
            Current,
        ),
        (
            "Lee Jae-myung (R), the presidential nominee of the ruling Democratic Party, shakes hands",
            "Lee Jae-myung (R), the presidential nominee of the ruling Democratic Party",
            "lee-jae-myung",
            "kr-dp-presidential-nominee",
            Nominee,
        ),
        (
            "Emmanuel Macron, the French president, and",
            "Emmanuel Macron, the French president",
            "emmanuel-macron",
            "fr-president",
            Current,
        ),
    ];
    for (body, phrase, person, role, status) in cases {
        one(body, phrase, person, role, status);
    }
}

#[test]
fn an_adviser_to_a_named_holder_makes_two_claims() {
    let found = claims(
        "2025-06-16",
        "He met Akihisa Nagashima, special adviser to Japanese Prime Minister Shigeru Ishiba, in Seoul.",
    );
    let rows: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|(text, who, role, _, _)| (text.as_str(), who.as_str(), role.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Akihisa Nagashima, special adviser to Japanese Prime Minister",
                "akihisa-nagashima",
                "jp-special-adviser-to-pm"
            ),
            (
                "Japanese Prime Minister Shigeru Ishiba",
                "shigeru-ishiba",
                "jp-prime-minister"
            ),
        ]
    );
}

#[test]
fn kb_paraphrases_and_unknown_names() {
    one(
        "Lee asked Tokyo's top envoy to Seoul Koichi Aiboshi for help.",
        "Tokyo's top envoy to Seoul Koichi Aiboshi",
        "koichi-aiboshi",
        "jp-ambassador-to-kr",
        RoleStatus::Current,
    );
    // A name the KB does not know, after a title: the claim keeps the name, no person id.
    let (text, extraction) = extract("2024-05-01", "Finance Minister Choi Jeong-ho said.");
    let claim = &extraction.roles[0];
    assert_eq!(claim.person.person, None);
    assert_eq!(claim.person.full_name, "Choi Jeong-ho");
    assert_eq!(&text[claim.person.span.clone()], "Choi Jeong-ho");
    assert_eq!(claim.role, None);
    assert_eq!(claim.title, "finance minister");
    assert_eq!(&text[claim.title_span.clone()], "Finance Minister");
}

#[test]
fn a_bare_title_resolves_only_through_the_holder() {
    // Kishida held two KB offices; only one is a prime minister.
    one(
        "Prime Minister Fumio Kishida arrived.",
        "Prime Minister Fumio Kishida",
        "fumio-kishida",
        "jp-prime-minister",
        RoleStatus::Current,
    );
    // A country modifier that contradicts the holder's offices resolves nothing.
    let found = claims("2024-05-01", "Chinese Ambassador Koichi Aiboshi said.");
    assert_eq!(found[0].2, "-");
    // The unknown holder of a bare title: no role.
    let found = claims("2024-05-01", "President Maria Santos said.");
    assert_eq!(
        (found[0].1.as_str(), found[0].2.as_str()),
        ("Maria Santos", "-")
    );
}

#[test]
fn false_friends_make_no_claim() {
    for body in [
        "He won the President's Cup in 2019.",
        "Prime Minister's Questions ran long.",
        "They walked down President Street.",
        "The Prime Minister arrived late.",
        "The president said nothing.",
        "Robert E. Lee surrendered at Appomattox.",
        "Japanese officials met in Seoul.",
        "Ishiba was the second foreign leader Lee held a phone call with.",
        "\"Prime Minister\" is a title.",
        "The Democratic Party nominee expressed the wish.",
        "at 5 pm Lee Kyung-mi played.",
        "Seoul said on Monday it would respond.",
    ] {
        none(body);
    }
}

#[test]
fn short_forms_link_to_the_full_name() {
    let body = "President Lee Jae Myung met Prime Minister Shigeru Ishiba. Lee said the talks went well, Ishiba told reporters. Pianist Lee Kyung-mi played.";
    let (text, extraction) = extract("2025-06-17", body);
    let people: Vec<(&str, &str)> = extraction
        .people
        .iter()
        .map(|mention| (&text[mention.span.clone()], mention.full_name.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Lee Jae Myung", "Lee Jae Myung"),
            ("Shigeru Ishiba", "Shigeru Ishiba"),
            ("Lee", "Lee Jae Myung"),
            ("Ishiba", "Shigeru Ishiba"),
        ]
    );
    assert!(
        extraction
            .people
            .iter()
            .all(|mention| mention.person.is_some())
    );
}

#[test]
fn a_shared_surname_is_not_linked() {
    let body = "Foreign Minister Park Jin met President Park Geun-hye's aide. Park said no.";
    let (text, extraction) = extract("2024-05-01", body);
    let short: Vec<&str> = extraction
        .people
        .iter()
        .map(|mention| &text[mention.span.clone()])
        .filter(|written| *written == "Park")
        .collect();
    assert!(short.is_empty(), "{:?}", extraction.people);
}

#[test]
fn title_and_surname() {
    let found = claims(
        "2021-12-27",
        "Candidate Lee Jae-myung asked for a meeting with PM Kishida. Later, Prime Minister Fumio Kishida agreed.",
    );
    assert!(
        found
            .iter()
            .any(|(text, who, role, _, _)| text == "PM Kishida"
                && who == "fumio-kishida"
                && role == "jp-prime-minister"),
        "{found:?}"
    );
    // No full name in the article and two KB presidents named Lee: no claim.
    none("President Lee arrived.");
    // One KB person with the surname held the office: the KB settles it.
    one(
        "President Macron arrived.",
        "President Macron",
        "emmanuel-macron",
        "fr-president",
        RoleStatus::Current,
    );
}

#[test]
fn the_date_a_claim_speaks_of() {
    let body = "Former President Yoon Suk Yeol met with then Japanese Prime Minister Fumio Kishida briefly at the NATO summit in June 2022 a month after taking office, but the two held their first summit in September 2022.";
    let found = claims("2025-06-17", body);
    let when: Vec<(&str, RoleStatus, &str)> = found
        .iter()
        .map(|(_, who, _, status, when)| (who.as_str(), *status, when.as_str()))
        .collect();
    assert_eq!(
        when,
        [
            ("yoon-suk-yeol", RoleStatus::Former, "2025-06-17"),
            ("fumio-kishida", RoleStatus::Then, "2022-06"),
        ]
    );
    // A current title in a sentence dated in the past speaks of that date.
    let found = claims(
        "2024-05-01",
        "In March 2019, Prime Minister Shinzo Abe visited Seoul.",
    );
    assert_eq!(found[0].4, "2019-03");
    // A date of another clause, or one that opens a stretch of time, leaves the claim at
    // publication.
    for body in [
        "Obama, who took office in 2009, met Chinese President Xi Jinping.",
        "Chinese President Xi Jinping, who first met Obama in 2009, spoke on Monday.",
        "Since 2012, Chinese President Xi Jinping has tightened control.",
    ] {
        let found = claims("2016-09-05", body);
        assert_eq!(found[0].4, "2016-09-05", "{body}");
    }
    // "then" without a date in its sentence: the time is unknown.
    let found = claims(
        "2024-05-01",
        "He served under then Prime Minister Shinzo Abe.",
    );
    assert_eq!(found[0].4, "-");
    // No publication date: no date for the claim.
    let found = claims("", "Prime Minister Shinzo Abe visited Seoul.");
    assert_eq!(found[0].4, "-");
}

#[test]
fn sentences_end_at_marks_that_end_them_and_at_line_breaks() {
    let text = "Talks ended. On Dec. 18, U.S. envoy J. Smith met Lee in Seoul; 3.2 trillion won was pledged! Was it enough? Yes\nNext line.";
    let around = |word: &str| {
        let at = text.find(word).unwrap();
        &text[sentence_around(text, at)]
    };
    assert_eq!(
        around("envoy"),
        " On Dec. 18, U.S. envoy J. Smith met Lee in Seoul; 3.2 trillion won was pledged"
    );
    assert_eq!(around("enough"), " Was it enough");
    assert_eq!(around("Yes"), " Yes");
    assert_eq!(around("Next"), "Next line");
    assert_eq!(around("Talks"), "Talks ended");
}

/// The title gate turns away a lower-case word that is no qualifier; no KB title may start
/// there either: each shipped title, written in lower case, gives no title before a name.
#[test]
fn no_kb_title_starts_where_the_gate_says_none_can() {
    let matcher = INDEX.role_matcher();
    for role in &KB.roles {
        for written in &role.titles {
            for prefix in ["", "the ", "then ", "former "] {
                let input = format!("{prefix}{} Lee Jae-myung", written.value.to_lowercase());
                if !super::may_begin_title(&input) {
                    assert!(super::kb_title(&input, matcher).is_none(), "{input}");
                }
            }
        }
    }
}

/// The sentence as it was found before the search stopped reading whole lines: the line's ends
/// first, then the marks within them.
fn sentence_within_line(text: &str, at: usize) -> std::ops::Range<usize> {
    let bytes = text.as_bytes();
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line_end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i);
    let start = (line_start..at)
        .rev()
        .find(|&i| matches!(bytes[i], b'.' | b'!' | b'?') && super::ends_sentence(text, i))
        .map_or(line_start, |i| i + 1);
    let end = (at..line_end)
        .find(|&i| matches!(bytes[i], b'.' | b'!' | b'?') && super::ends_sentence(text, i))
        .unwrap_or(line_end);
    start..end
}

proptest::proptest! {
    /// Searching for marks first and line breaks only up to them finds the sentence the
    /// line-first search finds, wherever the breaks, marks and abbreviations fall.
    #[test]
    fn sentences_are_those_within_the_line(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "Talks", " ", "ended", ".", "!", "?", "\n", "U.S.", "Dec.", "J.", "3.2", "(", "\"",
                "won", "\n\n", ". ", "Mr.", "a",
            ]),
            0..40,
        ),
        at_fraction in 0.0..=1.0f64,
    ) {
        let text: String = pieces.concat();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let at = (text.len() as f64 * at_fraction) as usize;
        proptest::prop_assert_eq!(sentence_around(&text, at), sentence_within_line(&text, at));
    }
}
