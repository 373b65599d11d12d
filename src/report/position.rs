//! Line and column of a byte offset: 1-based, columns counting characters, not bytes.
//! Spans stay byte offsets everywhere else; this is computed only when reporting.

use std::ops::Range;

use crate::corpus::lines;

const BOM: &str = "\u{feff}";

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
        let mut line_starts = vec![0];
        line_starts.extend(lines(text).map(|(_, next)| next));
        line_starts.pop();
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
        // A byte-order mark is not a column an editor shows.
        let line_start = if line == 1 && self.text.starts_with(BOM) {
            BOM.len().min(offset)
        } else {
            line_start
        };
        let column = self.text[line_start..offset].chars().count() + 1;
        Position { line, column }
    }

    /// The whole lines around `span`, `before` more lines above its first and `after` below its
    /// last: their byte range (from a line start to the next line's start, or the end) and the
    /// 0-based number of the first. A snippet read from this window costs its size, where a
    /// read from the top of the text costs the text's for every finding.
    pub fn window(
        &self,
        span: &Range<usize>,
        before: usize,
        after: usize,
    ) -> (Range<usize>, usize) {
        let line_of = |offset: usize| {
            let offset = offset.min(self.text.len());
            self.line_starts.partition_point(|&start| start <= offset) - 1
        };
        let first = line_of(span.start).saturating_sub(before);
        let last = (line_of(span.end) + after).min(self.line_starts.len() - 1);
        let end = self
            .line_starts
            .get(last + 1)
            .copied()
            .unwrap_or(self.text.len());
        (self.line_starts[first]..end, first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_is_whole_lines_around_a_span() {
        let text = "one\ntwo\nthree Tuesday\nfour\r\nfive\rsix";
        let index = LineIndex::new(text);
        let tuesday = text.find("Tuesday").unwrap();
        let span = tuesday..tuesday + "Tuesday".len();
        let (window, first) = index.window(&span, 1, 1);
        assert_eq!((&text[window], first), ("two\nthree Tuesday\nfour\r\n", 1));
        let (window, first) = index.window(&span, 0, 0);
        assert_eq!((&text[window], first), ("three Tuesday\n", 2));
        // Clamped at both ends; a lone CR ends a line too.
        let (window, first) = index.window(&(0..3), 5, 9);
        assert_eq!((window, first), (0..text.len(), 0));
        let six = text.find("six").unwrap();
        let (window, first) = index.window(&(six..six + 3), 0, 3);
        assert_eq!((&text[window], first), ("six", 5));
    }

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
    fn lone_carriage_returns_end_lines_and_a_bom_is_no_column() {
        let text = "\u{feff}one\rtwo\r\nthree";
        let index = LineIndex::new(text);
        assert_eq!(index.position(3), Position { line: 1, column: 1 });
        let two = text.find("two").unwrap();
        assert_eq!(index.position(two), Position { line: 2, column: 1 });
        let three = text.find("three").unwrap();
        assert_eq!(index.position(three + 1), Position { line: 3, column: 2 });
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.position(1), Position { line: 1, column: 1 });
        assert_eq!(index.position(99), Position { line: 1, column: 2 });
    }
}
