use super::*;

fn mark(span: Range<usize>) -> Mark {
    Mark {
        span,
        kind: MarkKind::Claim("date"),
        id: None,
        tip: String::new(),
    }
}

/// The tree as text: marks in brackets with their index, `'` on pieces after the first.
fn shape(text: &str, nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|node| match node {
            Node::Text(span) => text[span.clone()].to_string(),
            Node::Mark {
                mark,
                first,
                children,
                ..
            } => format!(
                "[{mark}{}:{}]",
                if *first { "" } else { "'" },
                shape(text, children)
            ),
        })
        .collect()
}

#[test]
fn nested_marks_become_a_tree() {
    let text = "President Lee met Ishiba on June 17.";
    let marks = [mark(0..13), mark(10..13), mark(28..35)];
    let nodes = nest(text, &(0..text.len()), &marks);
    assert_eq!(
        shape(text, &nodes),
        "[0:President [1:Lee]] met Ishiba on [2:June 17]."
    );
}

#[test]
fn a_mark_crossing_its_parent_is_split_and_keeps_its_words() {
    let text = "abcdefghij";
    let marks = [mark(0..5), mark(3..8)];
    let nodes = nest(text, &(0..text.len()), &marks);
    assert_eq!(shape(text, &nodes), "[0:abc[1:de]][1':fgh]ij");
}

#[test]
fn equal_spans_nest_in_order_and_empty_spans_get_a_character() {
    let text = "on Monday";
    let marks = [mark(3..9), mark(3..9), mark(0..0)];
    let nodes = nest(text, &(0..text.len()), &marks);
    assert_eq!(shape(text, &nodes), "[2:o]n [0:[1:Monday]]");
}
