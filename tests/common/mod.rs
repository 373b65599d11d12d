//! What the end-to-end tests over planted fixtures share: where a planted error is, and the
//! findings a JSON report holds, in a form two tables can be compared in.

use std::path::Path;

use serde_json::Value;

/// 1-based line of `needle` in `file`.
pub fn line_of(file: &Path, needle: &str) -> u64 {
    let text = std::fs::read_to_string(file).expect("fixture readable");
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {}", file.display()));
    text[..start].matches('\n').count() as u64 + 1
}

/// (rule, file, line) of every finding in a `check --format json` report, sorted.
pub fn findings(json: &Value) -> Vec<(String, String, u64)> {
    let mut found: Vec<(String, String, u64)> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    found.sort();
    found
}
