//! The knowledge base: who held which office when, and the events articles date, count and mark
//! anniversaries of, loaded from `rules/kb/*.yaml`, validated, and indexed for the checks that
//! compare articles with it.
//!
//! The schema is documented in `rules/kb/README.md`. The shipped files are embedded in the
//! binary; a project's KB directory adds to them ([`Kb::load`]). Every problem in a KB file is a
//! miette report labelled on the YAML node at fault, collected into a [`ConfigError`].

mod index;
mod load;
mod model;
mod problems;
mod schema;
mod suggest;
mod validate;

pub use crate::rules::ConfigError;
pub use index::{HeldTerm, KbIndex, SeriesCount, lookup_key, may_be_named, push_lookup_key};
pub use load::shipped_file_names;
pub use model::{DateError, Event, EventKind, FileId, Kb, KbDate, Person, Role, Series, Term};
pub use suggest::suggest;
