use super::*;

#[test]
fn tolerance_grows_with_the_unit_and_the_wording() {
    let (low, high) = accepted(2, Unit::Week, Approximation::Exact).unwrap();
    assert!(low <= 13.0 && (13.0..60.0).contains(&high));
    let (low, high) = accepted(3, Unit::Day, Approximation::Exact).unwrap();
    assert_eq!((low, high), (2.0, 4.0));
    let (low, high) = accepted(1, Unit::Month, Approximation::Exact).unwrap();
    assert!(low <= 21.0 && high >= 45.0);
    let (low, _) = accepted(3, Unit::Month, Approximation::LessThan).unwrap();
    assert_eq!(low, 0.0);
    let (_, high) = accepted(1, Unit::Year, Approximation::MoreThan).unwrap();
    assert!(high.is_infinite());
    let exact = accepted(2, Unit::Week, Approximation::Exact).unwrap();
    let about = accepted(2, Unit::Week, Approximation::About).unwrap();
    assert!(about.0 < exact.0 && about.1 > exact.1);
    assert!(accepted(2, Unit::Hour, Approximation::Exact).is_none());
}
