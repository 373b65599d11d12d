//! The knowledge base: the shipped KB loads clean and states real facts; planted errors in
//! fixture KBs each produce the right diagnostic, labelled on the YAML node at fault.

use factlint::limits::YamlLimits;
use std::path::{Path, PathBuf};

use factlint::kb::{ConfigError, Kb, KbDate, KbIndex, shipped_file_names};
use factlint::report::Colour;
use factlint::report::human::render_diagnostic;

fn render(error: &ConfigError) -> String {
    error
        .problems
        .iter()
        .map(|problem| render_diagnostic(problem.as_ref(), Colour::Never))
        .collect::<Vec<_>>()
        .join("\n")
}

fn shipped() -> Kb {
    Kb::shipped().unwrap_or_else(|error| panic!("{error}:\n{}", render(&error)))
}

/// Relative, so file names in rendered diagnostics do not depend on the checkout.
fn fixture(name: &str) -> PathBuf {
    Path::new("tests/fixtures/kb").join(name)
}

/// The shipped KB plus a fixture directory, which must be rejected; the rendered problems.
fn problems(name: &str) -> (usize, String) {
    let error = Kb::load(Some(&fixture(name)), &YamlLimits::default())
        .expect_err("the fixture KB should be rejected");
    (error.problems.len(), render(&error))
}

fn day(text: &str) -> KbDate {
    text.parse().expect("a valid date")
}

/// The names of the holders of `role` on `date`.
fn holders(index: &KbIndex, role: &str, date: &str) -> Vec<String> {
    index
        .holders_on(role, day(date))
        .map(|term| {
            index
                .person(&term.person.value)
                .expect("a known person")
                .name
                .clone()
        })
        .collect()
}

#[test]
fn the_shipped_kb_loads_and_validates() {
    let kb = shipped();
    assert!(kb.people.len() > 100, "{} people", kb.people.len());
    assert!(kb.roles.len() > 20, "{} roles", kb.roles.len());
    kb.validate().expect("no problems");
}

#[test]
fn every_kb_file_is_shipped() {
    let mut on_disk: Vec<String> = std::fs::read_dir("rules/kb")
        .expect("rules/kb exists")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml") || name.ends_with(".yml"))
        .collect();
    on_disk.sort();
    let shipped: Vec<String> = shipped_file_names().collect();
    assert_eq!(shipped, on_disk, "SHIPPED in src/kb/load.rs");
}

#[test]
fn every_shipped_term_has_a_source_url() {
    let kb = shipped();
    for role in &kb.roles {
        for term in &role.terms {
            assert!(
                term.source.starts_with("https://") || term.source.starts_with("http://"),
                "{} / {}: {:?}",
                role.id.value,
                term.person.value,
                term.source
            );
        }
    }
}

#[test]
fn no_single_holder_role_has_overlapping_terms() {
    let kb = shipped();
    for role in kb.roles.iter().filter(|role| role.single_holder) {
        let certain: Vec<_> = role
            .terms
            .iter()
            .filter_map(|term| term.certain_days().map(|days| (term, days)))
            .collect();
        for (i, (a, (a_start, a_end))) in certain.iter().enumerate() {
            for (b, (b_start, b_end)) in &certain[i + 1..] {
                // Days both terms certainly include: at most the handover day.
                let shared_from = a_start.max(b_start);
                let shared_to = a_end.min(b_end);
                assert!(
                    shared_to <= shared_from,
                    "{}: {} and {} share {shared_from}..={shared_to}",
                    role.id.value,
                    a.person.value,
                    b.person.value
                );
            }
        }
    }
}

#[test]
fn japanese_ambassadors_to_south_korea() {
    let kb = shipped();
    let index = KbIndex::new(&kb);
    assert_eq!(
        holders(&index, "jp-ambassador-to-kr", "2021-12-27"),
        ["Koichi Aiboshi"]
    );
    assert_eq!(
        holders(&index, "jp-ambassador-to-kr", "2025-06-16"),
        ["Koichi Mizushima"]
    );
}

#[test]
fn japanese_prime_ministers() {
    let kb = shipped();
    let index = KbIndex::new(&kb);
    assert_eq!(
        holders(&index, "jp-prime-minister", "2025-06-17"),
        ["Shigeru Ishiba"]
    );
    assert_eq!(
        holders(&index, "jp-prime-minister", "2026-01-13"),
        ["Sanae Takaichi"]
    );
}

#[test]
fn south_korean_president() {
    let kb = shipped();
    let index = KbIndex::new(&kb);
    assert_eq!(
        holders(&index, "kr-president", "2025-06-17"),
        ["Lee Jae-myung"]
    );
}

#[test]
fn names_and_titles_resolve_loosely() {
    let kb = shipped();
    let index = KbIndex::new(&kb);
    let ids = |name: &str| -> Vec<&str> {
        index
            .people_named(name)
            .iter()
            .map(|p| p.id.value.as_str())
            .collect()
    };
    assert_eq!(ids("Lee Jae-myung"), ["lee-jae-myung"]);
    assert_eq!(ids("Lee Jae Myung"), ids("Lee Jae-myung"));
    assert_eq!(ids("lee jae-myung"), ids("Lee Jae-myung"));
    assert_eq!(ids("Aiboshi Koichi"), ["koichi-aiboshi"]);
    let roles: Vec<&str> = index
        .roles_titled("south korea’s president")
        .iter()
        .map(|role| role.id.value.as_str())
        .collect();
    assert_eq!(roles, ["kr-president"]);
    let held: Vec<&str> = index
        .terms_of("lee-jae-myung")
        .iter()
        .map(|held| held.role.id.value.as_str())
        .collect();
    assert!(held.contains(&"kr-president"), "{held:?}");
}

#[test]
fn a_project_kb_adds_to_the_shipped_one() {
    let kb = Kb::load(Some(&fixture("valid")), &YamlLimits::default())
        .unwrap_or_else(|error| panic!("{}", render(&error)));
    let index = KbIndex::new(&kb);
    assert_eq!(
        holders(&index, "xx-fixture-envoy", "2011-07-01"),
        ["Lee Jae-myung"]
    );
    // The handover month is shared: either may hold the post on a day of May 2012.
    assert_eq!(
        holders(&index, "xx-fixture-envoy", "2012-05-20"),
        ["Lee Jae-myung", "Fixture Envoy"]
    );
    assert_eq!(
        index.people_named("envoy fixture")[0].id.value,
        "fixture-envoy"
    );
    assert!(index.role("kr-president").is_some());
}

#[test]
fn overlapping_terms_of_a_single_holder_role() {
    let (count, rendered) = problems("overlap");
    assert_eq!(count, 1, "{rendered}");
    assert!(rendered.contains("overlap/office.yaml:19:13"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn a_bad_date() {
    let (count, rendered) = problems("bad-date");
    assert_eq!(count, 1, "{rendered}");
    assert!(
        rendered.contains("`2021-13-01` is not a date"),
        "{rendered}"
    );
    assert!(
        rendered.contains("bad-date/office.yaml:12:15"),
        "{rendered}"
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn an_unknown_person() {
    let (count, rendered) = problems("unknown-person");
    assert_eq!(count, 1, "{rendered}");
    assert!(rendered.contains("unknown person `alpah`"), "{rendered}");
    assert!(
        rendered.contains("unknown-person/office.yaml:15:17"),
        "{rendered}"
    );
}

#[test]
fn a_term_ending_before_it_starts() {
    let (count, rendered) = problems("end-before-start");
    assert_eq!(count, 1, "{rendered}");
    assert!(
        rendered.contains("ends (2012-03-15) before it starts (2021-03-15)"),
        "{rendered}"
    );
    assert!(
        rendered.contains("end-before-start/office.yaml:12:15"),
        "{rendered}"
    );
}

#[test]
fn an_unknown_key() {
    let (count, rendered) = problems("unknown-key");
    assert_eq!(count, 1, "{rendered}");
    assert!(rendered.contains("unknown field `until`"), "{rendered}");
    assert!(
        rendered.contains("unknown-key/office.yaml:13:9"),
        "{rendered}"
    );
}

#[test]
fn a_duplicate_id_across_files() {
    let (count, rendered) = problems("duplicate-id");
    assert_eq!(count, 1, "{rendered}");
    assert!(
        rendered.contains("duplicate person id `alpha`"),
        "{rendered}"
    );
    assert!(rendered.contains("duplicate-id/b.yaml:2:9"), "{rendered}");
    assert!(rendered.contains("duplicate-id/a.yaml:3:9"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn a_duplicate_id_of_a_shipped_role() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(
        dir.path().join("mine.yaml"),
        "roles:\n  - id: kr-president\n    titles: [Mine]\n    single_holder: true\n",
    )
    .expect("written");
    let error = Kb::load(Some(dir.path()), &YamlLimits::default()).expect_err("duplicate role id");
    let rendered = render(&error);
    assert!(
        rendered.contains("duplicate role id `kr-president`"),
        "{rendered}"
    );
    assert!(
        rendered.contains("<shipped>/rules/kb/south-korea.yaml"),
        "{rendered}"
    );
}

#[test]
fn terms_without_a_source_url() {
    let (count, rendered) = problems("missing-source");
    assert_eq!(count, 2, "{rendered}");
    assert!(
        rendered.contains("the term of `alpha` has no source"),
        "{rendered}"
    );
    assert!(
        rendered.contains("missing-source/office.yaml:11:9"),
        "{rendered}"
    );
    assert!(
        rendered.contains("the source `Wikipedia` is not a URL"),
        "{rendered}"
    );
}

#[test]
fn every_problem_is_reported_together() {
    let (count, rendered) = problems("several");
    assert_eq!(count, 5, "{rendered}");
    for expected in [
        "`2021-02-30` is not a date",
        "`2021-3` is not a date",
        "has no source",
        "unknown person `nobody`",
        "before it starts",
    ] {
        assert!(rendered.contains(expected), "{expected}: {rendered}");
    }
}

#[test]
fn a_missing_kb_directory_is_an_error() {
    let error = Kb::load(Some(Path::new("no/such/dir")), &YamlLimits::default())
        .expect_err("missing directory");
    assert!(error.problems[0].to_string().contains("no/such/dir"));
}
