#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs from the repository: articles and fixtures for
# the text targets, rule, KB and configuration files for the YAML ones. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
root=..

seed() { # seed TARGET PREFIX FILES...: each file, with PREFIX bytes in front, named by its hash
    local target=$1 prefix=$2
    shift 2
    mkdir -p "corpus/$target"
    for file in "$@"; do
        local out
        out=$( { printf "$prefix"; cat "$file"; } | sha1sum | cut -c1-16)
        { printf "$prefix"; cat "$file"; } > "corpus/$target/$out"
    done
}

mapfile -t articles < <(find "$root/corpus" "$root/tests/fixtures" -type f \( -name '*.md' -o -name '*.txt' \) | sort)
mapfile -t kb < <(find "$root/rules/kb" "$root/tests/fixtures" -type f -name '*.yaml' | sort)

seed front_matter '' "${articles[@]}"
# The text targets read two bytes first: no date ('\0\0'), or 2025-06-15 ('\xb2\x95').
for target in mentions people claims article; do
    seed "$target" '\0\0' "${articles[@]}"
    seed "$target" '\xb2\x95' "${articles[@]}"
done
seed rule_yaml '' "$root"/rules/*.yaml
seed kb_yaml '' "${kb[@]}"
seed config_yaml '' seeds/config/*.yaml "$root"/rules/*.yaml
