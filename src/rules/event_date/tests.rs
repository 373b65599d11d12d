use super::*;

#[test]
fn the_default_treats_a_week_as_one_event() {
    assert_eq!(Params::default().same_event_days, 7);
}
