//! factlint: a fact-consistency linter for news text.
//!
//! The pipeline runs one way (see ARCHITECTURE.md): [`corpus`] reads articles,
//! [`extract`] finds temporal mentions and resolves them, [`rules`] checks the claims
//! and [`report`] renders the findings.

pub mod cache;
pub mod config;
pub mod corpus;
pub mod extract;
pub mod finding;
pub mod kb;
pub mod limits;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod rules;
pub mod suppress;
pub mod time;

pub use pipeline::{LintOptions, Report, lint};
