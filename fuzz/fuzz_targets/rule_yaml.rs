//! Rule files: any text is a rule or a diagnostic, never a panic, and a diagnostic renders.
#![no_main]

use factlint::limits::YamlLimits;
use factlint::rules::{RuleOrigin, parse_rule};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    let limits = YamlLimits::default();
    if let Err(report) = parse_rule(
        "fuzz-rule",
        yaml,
        "fuzz-rule.yaml",
        RuleOrigin::Shipped,
        &limits,
    ) {
        let _ = format!("{report:?}");
    }
});
