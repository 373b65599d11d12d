//! Line and column of a byte offset: 1-based, columns counting characters, not bytes.
//! Spans stay byte offsets everywhere else; this is computed only when reporting.

/// Where a byte offset falls, for people and editors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The line starts of one text, to turn many offsets into positions cheaply.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, line_starts }
    }

    /// The position of `offset`; an offset inside a character or past the end is clamped to
    /// the character it falls in, or to the end.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        Position { line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "first line\nséoul — Tuesday\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(11), Position { line: 2, column: 1 });
        let tuesday = text.find("Tuesday").unwrap();
        assert_eq!(index.position(tuesday), Position { line: 2, column: 9 });
        assert_eq!(index.position(text.len()), Position { line: 3, column: 1 });
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.position(1), Position { line: 1, column: 1 });
        assert_eq!(index.position(99), Position { line: 1, column: 2 });
    }
}
