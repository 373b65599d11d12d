//! Rule files: every configuration mistake is an error naming the file, line and column.

use factlint::limits::YamlLimits;
use factlint::report::Colour;
use factlint::report::human::render_diagnostic;
use factlint::rules::{RuleOrigin, RuleSet, parse_rule};

/// The rendered error for a rule file `name` with contents `yaml`.
fn config_error(name: &str, yaml: &str) -> String {
    let report = parse_rule(
        "custom",
        yaml,
        name,
        RuleOrigin::Shipped,
        &YamlLimits::default(),
    )
    .expect_err("the rule file should be rejected");
    render_diagnostic(report.as_ref(), Colour::Never)
}

#[test]
fn shipped_rules_load() {
    let rules = RuleSet::shipped().expect("shipped rules are valid");
    assert!(rules.get("weekday").is_some());
}

#[test]
fn malformed_yaml_names_file_line_and_column() {
    let rendered = config_error(
        "rules/custom.yaml",
        "extends: weekday\nlevel: error\nmessage: \"unterminated\n",
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn unknown_key_is_an_error_at_the_key() {
    let rendered = config_error(
        "rules/custom.yaml",
        "extends: weekday\nlevel: error\nmessage: \"{date}\"\nseverity: high\n",
    );
    assert!(rendered.contains("severity"), "{rendered}");
    assert!(rendered.contains("rules/custom.yaml:4:1"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn unknown_kind_points_at_the_extends_value() {
    let rendered = config_error(
        "rules/custom.yaml",
        "extends: weekdays\nlevel: error\nmessage: \"{date}\"\n",
    );
    assert!(rendered.contains("rules/custom.yaml:1:10"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn bad_level_is_an_error_at_the_level() {
    let rendered = config_error(
        "rules/custom.yaml",
        "extends: weekday\nlevel: fatal\nmessage: \"{date}\"\n",
    );
    assert!(rendered.contains("rules/custom.yaml:2:8"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn unknown_placeholder_points_into_the_template() {
    let rendered = config_error(
        "rules/custom.yaml",
        "extends: weekday\nlevel: warning\nmessage: \"{date} is not a {weekday}\"\n",
    );
    assert!(rendered.contains("rules/custom.yaml:3:27"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn missing_message_is_an_error() {
    let rendered = config_error("rules/custom.yaml", "extends: weekday\nlevel: note\n");
    assert!(rendered.contains("message"), "{rendered}");
}

#[test]
fn project_rules_override_shipped_ones_and_skip_the_kb() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weekday.yaml"),
        "extends: weekday\nlevel: warning\nmessage: \"{stated} or {actual}?\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("weekday-stated-only.yaml"),
        "extends: weekday\nlevel: note\nmessage: \"{date}\"\ncheck_publication_years: false\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("kb")).unwrap();
    std::fs::write(dir.path().join("kb").join("people.yaml"), "people: []\n").unwrap();
    let rules =
        RuleSet::load(Some(dir.path()), &YamlLimits::default()).expect("project rules load");
    let ids: Vec<&str> = rules.iter().map(|rule| rule.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "anniversary",
            "event-date",
            "name-variant",
            "ordinal",
            "part-whole",
            "relative-date",
            "role-change",
            "role-conflict",
            "tenure",
            "weekday",
            "weekday-stated-only"
        ]
    );
    let weekday = rules.get("weekday").unwrap();
    assert_eq!(weekday.level, factlint::finding::Level::Warning);
    assert_eq!(
        weekday.origin,
        RuleOrigin::File(dir.path().join("weekday.yaml"))
    );
}

#[test]
fn every_problem_in_a_rule_directory_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "extends: nope\nlevel: error\nmessage: x\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.yaml"), "extends: [\n").unwrap();
    std::fs::write(dir.path().join("Bad_Name.yaml"), "extends: weekday\n").unwrap();
    let error =
        RuleSet::load(Some(dir.path()), &YamlLimits::default()).expect_err("three bad files");
    assert_eq!(error.problems.len(), 3);
}

#[test]
fn a_missing_rule_directory_is_an_error() {
    let error = RuleSet::load(Some("no/such/dir".as_ref()), &YamlLimits::default())
        .expect_err("missing directory");
    assert!(error.problems[0].to_string().contains("no/such/dir"));
}
