//! The `factlint` command line.

fn main() {}
