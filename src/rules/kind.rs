//! The registry of check kinds: the names a rule can `extends:`, what each one's YAML accepts,
//! the placeholders its templates may use, and the function that runs it.
//!
//! Adding a kind: write `src/rules/<kind>.rs` with a `RuleFile` (its YAML, `deny_unknown_fields`),
//! `PLACEHOLDERS` and `check`, then add one variant here and one arm in each match.

use serde_saphyr::Spanned;

use super::{
    CheckContext, Rule, anniversary, event_date, name_variant, ordinal, part_whole, relative_date,
    role_change, role_conflict, tenure, weekday,
};
use crate::finding::{Finding, Level};
use crate::limits::YamlLimits;

/// Every check kind's name, in the order `--help` and error messages list them.
pub const KINDS: &[&str] = &[
    "weekday",
    "tenure",
    "role-conflict",
    "role-change",
    "name-variant",
    "ordinal",
    "event-date",
    "relative-date",
    "anniversary",
    "part-whole",
];

/// A check kind together with the parameters one rule gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    Weekday(weekday::Params),
    Tenure(tenure::Params),
    RoleConflict(role_conflict::Params),
    RoleChange(role_change::Params),
    NameVariant(name_variant::Params),
    Ordinal(ordinal::Params),
    EventDate(event_date::Params),
    RelativeDate(relative_date::Params),
    Anniversary(anniversary::Params),
    PartWhole(part_whole::Params),
}

impl Check {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Check::Weekday(_) => "weekday",
            Check::Tenure(_) => "tenure",
            Check::RoleConflict(_) => "role-conflict",
            Check::RoleChange(_) => "role-change",
            Check::NameVariant(_) => "name-variant",
            Check::Ordinal(_) => "ordinal",
            Check::EventDate(_) => "event-date",
            Check::RelativeDate(_) => "relative-date",
            Check::Anniversary(_) => "anniversary",
            Check::PartWhole(_) => "part-whole",
        }
    }

    /// The placeholders this kind fills in message and help templates.
    pub fn placeholders(&self) -> &'static [&'static str] {
        match self {
            Check::Weekday(_) => weekday::PLACEHOLDERS,
            Check::Tenure(_) => tenure::PLACEHOLDERS,
            Check::RoleConflict(_) => role_conflict::PLACEHOLDERS,
            Check::RoleChange(_) => role_change::PLACEHOLDERS,
            Check::NameVariant(_) => name_variant::PLACEHOLDERS,
            Check::Ordinal(_) => ordinal::PLACEHOLDERS,
            Check::EventDate(_) => event_date::PLACEHOLDERS,
            Check::RelativeDate(_) => relative_date::PLACEHOLDERS,
            Check::Anniversary(_) => anniversary::PLACEHOLDERS,
            Check::PartWhole(_) => part_whole::PLACEHOLDERS,
        }
    }

    pub fn run(&self, context: &CheckContext<'_>, rule: &Rule) -> Vec<Finding> {
        match self {
            Check::Weekday(params) => weekday::check(context, rule, params),
            Check::Tenure(params) => tenure::check(context, rule, params),
            Check::RoleConflict(params) => role_conflict::check(context, rule, params),
            Check::RoleChange(params) => role_change::check(context, rule, params),
            Check::NameVariant(params) => name_variant::check(context, rule, params),
            Check::Ordinal(params) => ordinal::check(context, rule, params),
            Check::EventDate(params) => event_date::check(context, rule, params),
            Check::RelativeDate(params) => relative_date::check(context, rule, params),
            Check::Anniversary(params) => anniversary::check(context, rule, params),
            Check::PartWhole(params) => part_whole::check(context, rule, params),
        }
    }
}

/// The fields every rule file has, whatever its kind.
#[derive(Clone, Debug)]
pub(crate) struct RuleHeader {
    pub level: Level,
    pub message: Spanned<String>,
    pub help: Option<Spanned<String>>,
}

/// Parses a rule file's YAML as the named kind, or `None` when no kind has that name.
pub(crate) fn parse_kind(
    kind: &str,
    yaml: &str,
    limits: &YamlLimits,
) -> Option<Result<(RuleHeader, Check), serde_saphyr::Error>> {
    match kind {
        "weekday" => Some(
            limits
                .parse::<weekday::RuleFile>(yaml)
                .map(weekday::RuleFile::into_parts),
        ),
        "tenure" => Some(
            limits
                .parse::<tenure::RuleFile>(yaml)
                .map(tenure::RuleFile::into_parts),
        ),
        "role-conflict" => Some(
            limits
                .parse::<role_conflict::RuleFile>(yaml)
                .map(role_conflict::RuleFile::into_parts),
        ),
        "role-change" => Some(
            limits
                .parse::<role_change::RuleFile>(yaml)
                .map(role_change::RuleFile::into_parts),
        ),
        "name-variant" => Some(
            limits
                .parse::<name_variant::RuleFile>(yaml)
                .map(name_variant::RuleFile::into_parts),
        ),
        "ordinal" => Some(
            limits
                .parse::<ordinal::RuleFile>(yaml)
                .map(ordinal::RuleFile::into_parts),
        ),
        "event-date" => Some(
            limits
                .parse::<event_date::RuleFile>(yaml)
                .map(event_date::RuleFile::into_parts),
        ),
        "relative-date" => Some(
            limits
                .parse::<relative_date::RuleFile>(yaml)
                .map(relative_date::RuleFile::into_parts),
        ),
        "anniversary" => Some(
            limits
                .parse::<anniversary::RuleFile>(yaml)
                .map(anniversary::RuleFile::into_parts),
        ),
        "part-whole" => Some(
            limits
                .parse::<part_whole::RuleFile>(yaml)
                .map(part_whole::RuleFile::into_parts),
        ),
        _ => None,
    }
}
