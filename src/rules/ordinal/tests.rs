use super::*;

#[test]
fn the_default_treats_a_week_as_one_event() {
    assert_eq!(Params::default().same_event_days, 7);
    assert_eq!(super::super::events::ordinal_words(5), "5th");
    assert_eq!(super::super::events::ordinal_words(22), "22nd");
    assert_eq!(super::super::events::ordinal_words(12), "12th");
}
