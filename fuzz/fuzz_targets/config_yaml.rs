//! `factlint.yaml`: any text is a configuration or a diagnostic, never a panic, and a
//! diagnostic renders.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = factlint::config::parse(
        yaml,
        "factlint.yaml",
        Path::new("/news/factlint.yaml"),
        Path::new("/news"),
    );
    if let Err(error) = parsed {
        for problem in &error.problems {
            let _ = format!("{problem:?}");
        }
    }
});
