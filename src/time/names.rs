//! Month and weekday names: English for article bodies, eight languages for the
//! publication lines that scraped pages carry ("Juni 9, 2025", "9 juin 2025").

use chrono::Weekday;

/// English month names and the abbreviations news copy uses (AP style "Sept.").
const ENGLISH_MONTHS: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// Month names of German, French, Spanish, Italian, Dutch, Portuguese and Indonesian
/// (English is above). Accented and unaccented spellings both appear in scraped text.
const FOREIGN_MONTHS: [&[&str]; 12] = [
    &[
        "januar", "janvier", "enero", "gennaio", "januari", "janeiro", "jänner", "janv",
    ],
    &[
        "februar",
        "février",
        "fevrier",
        "febrero",
        "febbraio",
        "februari",
        "fevereiro",
        "pebruari",
        "févr",
        "fevr",
    ],
    &[
        "märz", "maerz", "mars", "marzo", "maart", "março", "marco", "maret",
    ],
    &["avril", "abril", "aprile", "april"],
    &["mai", "mayo", "maggio", "mei", "maio"],
    &["juni", "juin", "junio", "giugno", "junho"],
    &["juli", "juillet", "julio", "luglio", "julho", "juil"],
    &["août", "aout", "agosto", "augustus", "agustus"],
    &["septembre", "septiembre", "settembre", "setembro"],
    &["oktober", "octobre", "octubre", "ottobre", "outubro"],
    &["novembre", "noviembre", "november", "novembro", "nopember"],
    &[
        "dezember",
        "décembre",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
        "desember",
    ],
];

const ENGLISH_WEEKDAYS: [(&str, &str, Weekday); 7] = [
    ("monday", "mon", Weekday::Mon),
    ("tuesday", "tue", Weekday::Tue),
    ("wednesday", "wed", Weekday::Wed),
    ("thursday", "thu", Weekday::Thu),
    ("friday", "fri", Weekday::Fri),
    ("saturday", "sat", Weekday::Sat),
    ("sunday", "sun", Weekday::Sun),
];

/// The month an English name or abbreviation denotes ("Dec", "Dec.", "December"),
/// case-insensitively; a trailing period is allowed on abbreviations only.
pub fn english_month(word: &str) -> Option<u32> {
    let (stem, dotted) = match word.strip_suffix('.') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let mut buffer = [0; 16];
    let lower = ascii_lowercase(stem, &mut buffer)?;
    ENGLISH_MONTHS.iter().zip(1..).find_map(|(names, month)| {
        let full = names[0] == lower && !dotted;
        let abbreviated = names[1..].contains(&lower);
        (full || abbreviated).then_some(month)
    })
}

/// A short ASCII word in lower case, in a stack buffer: the name tables are looked up for
/// every candidate word, so no allocation. Longer or non-ASCII words are no English names.
pub fn ascii_lowercase<'b>(word: &str, buffer: &'b mut [u8; 16]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    let lower = &mut buffer[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// The month a name in any supported language denotes ("Juni", "juin", "Dec.").
pub fn any_month(word: &str) -> Option<u32> {
    english_month(word).or_else(|| {
        let lower = word.trim_end_matches('.').to_lowercase();
        FOREIGN_MONTHS
            .iter()
            .zip(1..)
            .find_map(|(names, month)| names.contains(&lower.as_str()).then_some(month))
    })
}

/// The weekday an English name denotes ("Tuesday", "Tue.", "Tues."), case-insensitively.
pub fn english_weekday(word: &str) -> Option<Weekday> {
    let mut buffer = [0; 16];
    let lower = ascii_lowercase(word.trim_end_matches('.'), &mut buffer)?;
    ENGLISH_WEEKDAYS.iter().find_map(|&(full, short, weekday)| {
        let matches = lower == full
            || lower == short
            || (lower == "tues" || lower == "thur" || lower == "thurs") && short == &lower[..3];
        matches.then_some(weekday)
    })
}

/// All spellings the pre-scan should look for, so that parsers run only near them.
pub fn month_and_weekday_words() -> impl Iterator<Item = &'static str> {
    ENGLISH_MONTHS
        .iter()
        .chain(FOREIGN_MONTHS.iter())
        .flat_map(|names| names.iter().copied())
        .chain(
            ENGLISH_WEEKDAYS
                .iter()
                .flat_map(|(full, short, _)| [*full, *short]),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_months_and_abbreviations() {
        assert_eq!(english_month("December"), Some(12));
        assert_eq!(english_month("Dec."), Some(12));
        assert_eq!(english_month("Dec"), Some(12));
        assert_eq!(english_month("Sept."), Some(9));
        assert_eq!(english_month("MAY"), Some(5));
        assert_eq!(english_month("Decem"), None);
        assert_eq!(english_month("Juni"), None);
    }

    #[test]
    fn foreign_months() {
        assert_eq!(any_month("Juni"), Some(6));
        assert_eq!(any_month("juin"), Some(6));
        assert_eq!(any_month("Agustus"), Some(8));
        assert_eq!(any_month("März"), Some(3));
        assert_eq!(any_month("dicembre"), Some(12));
        assert_eq!(any_month("Junk"), None);
    }

    #[test]
    fn weekdays_full_and_abbreviated() {
        assert_eq!(english_weekday("Tuesday"), Some(Weekday::Tue));
        assert_eq!(english_weekday("tues."), Some(Weekday::Tue));
        assert_eq!(english_weekday("Thurs."), Some(Weekday::Thu));
        assert_eq!(english_weekday("Fri."), Some(Weekday::Fri));
        assert_eq!(english_weekday("Sun"), Some(Weekday::Sun));
        assert_eq!(english_weekday("Sunny"), None);
    }
}
