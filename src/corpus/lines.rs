//! Lines as editors count them: ended by `\n`, `\r\n` or a lone `\r` (old Mac files), so a
//! report's line numbers and the line-length limit agree with what the user sees.

use std::ops::Range;

/// Each line of `text` as a byte range without its ending, and where the next line starts.
/// There is always at least one line; text ending in a line break ends with an empty line.
pub fn lines(text: &str) -> impl Iterator<Item = (Range<usize>, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let breaks = bytes.iter().enumerate().filter_map(move |(i, &b)| match b {
        b'\n' if i > 0 && bytes[i - 1] == b'\r' => Some((i - 1, i + 1)),
        b'\n' => Some((i, i + 1)),
        b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some((i, i + 1)),
        _ => None,
    });
    breaks
        .chain(std::iter::once((bytes.len(), bytes.len())))
        .map(move |(end, next)| {
            let line = start..end;
            start = next;
            (line, next)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_ending_ends_a_line() {
        let text = "a\nbb\r\nccc\rd";
        let found: Vec<_> = lines(text).map(|(line, _)| &text[line]).collect();
        assert_eq!(found, ["a", "bb", "ccc", "d"]);
        let found: Vec<_> = lines("a\r\n").collect();
        assert_eq!(found, [(0..1, 3), (3..3, 3)]);
    }
}
