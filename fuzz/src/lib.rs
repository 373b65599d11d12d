//! What the fuzz targets share: turning fuzz bytes into a dated text, the shipped rules and KB
//! loaded once, and (from `tests/common/soundness.rs`) the article checks every target asserts.

use std::sync::OnceLock;

use chrono::NaiveDate;
use factlint::kb::{Kb, KbIndex};
use factlint::rules::RuleSet;

#[path = "../../tests/common/soundness.rs"]
mod soundness;

pub use soundness::{article, bad_spans, check_article};

/// The day every target extracts "as on", so a run is reproducible.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default()
}

/// The shipped KB, loaded once per process (it is what real runs link against).
pub fn shipped_kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(|| Kb::shipped().unwrap_or_default())
}

/// The shipped KB's index, built once per process: its name and title automata are built on
/// first use, which would otherwise dominate every run.
pub fn shipped_index() -> &'static KbIndex<'static> {
    static INDEX: OnceLock<KbIndex<'static>> = OnceLock::new();
    INDEX.get_or_init(|| KbIndex::new(shipped_kb()))
}

/// The shipped rules, loaded once per process.
pub fn shipped_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::shipped().unwrap_or_default())
}

/// Splits fuzz bytes into an optional publication date (from the first two bytes, so the
/// fuzzer can move it) and the text (the rest, lossily decoded: every input is exercised).
pub fn dated_text(data: &[u8]) -> (Option<NaiveDate>, String) {
    let (head, rest) = data.split_at(data.len().min(2));
    let published = match head {
        [days_high, days_low] if days_high & 0x80 != 0 => {
            let days = i64::from(u16::from_be_bytes([days_high & 0x7f, *days_low]));
            NaiveDate::from_ymd_opt(1990, 1, 1)
                .and_then(|start| start.checked_add_signed(chrono::Duration::days(days)))
        }
        _ => None,
    };
    (published, String::from_utf8_lossy(rest).into_owned())
}
