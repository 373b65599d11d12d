//! KB files: any text is a KB file or diagnostics, never a panic; a file that parses is also
//! checked against the shipped KB as a project's KB would be.
#![no_main]

use factlint::kb::Kb;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    match Kb::from_yaml("fuzz.yaml", yaml) {
        Ok(file) => {
            let mut kb = factlint_fuzz::shipped_kb().clone();
            kb.merge(file);
            if let Err(error) = kb.validate() {
                for problem in &error.problems {
                    let _ = format!("{problem:?}");
                }
            }
        }
        Err(error) => {
            for problem in &error.problems {
                let _ = format!("{problem:?}");
            }
        }
    }
});
