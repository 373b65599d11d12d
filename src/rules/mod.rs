//! Rules: loading the YAML rule files and running the check kinds they extend.
