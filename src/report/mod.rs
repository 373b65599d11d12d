//! Reporting: rendering findings for people (miette) and for tools (JSON).
