//! Reporting: rendering findings for people (miette) and for tools (JSON), one file per format.
//!
//! Reporters take plain data (articles, findings, input failures) and return the text to print;
//! they never decide exit codes.

pub mod extract;
pub mod human;
pub mod json;
pub mod position;

/// Whether human output may use colour: only on a terminal, and never when `NO_COLOR` is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    Always,
    Never,
}

impl Colour {
    /// The choice for stdout: colour on a terminal unless `NO_COLOR` is set (https://no-color.org).
    pub fn for_stream(is_terminal: bool, no_color_env: Option<std::ffi::OsString>) -> Colour {
        let no_color = no_color_env.is_some_and(|value| !value.is_empty());
        if is_terminal && !no_color {
            Colour::Always
        } else {
            Colour::Never
        }
    }
}
