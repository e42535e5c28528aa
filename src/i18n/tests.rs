use super::*;

#[test]
fn locale_from_system_tags() {
    assert_eq!(Locale::from_tag("pl-PL"), Some(Locale::Pl));
    assert_eq!(Locale::from_tag("uk_UA.UTF-8"), Some(Locale::Uk));
    assert_eq!(Locale::from_tag("EN-gb"), Some(Locale::En));
    assert_eq!(Locale::from_tag("de-DE"), None);
    assert_eq!(Locale::from_tag(""), None);
    assert_eq!(
        Locale::first_known(["de".to_string(), "uk-UA".into(), "pl".into()]),
        Locale::Uk
    );
    assert_eq!(Locale::first_known(Vec::<String>::new()), Locale::En);
}

#[test]
fn plurals_follow_cldr() {
    let count = |l: Locale, n: u32| with_locale(l, || crate::tr!("highlight-count", n = n));
    assert_eq!(count(Locale::En, 1), "1 highlight");
    assert_eq!(count(Locale::En, 2), "2 highlights");
    assert_eq!(count(Locale::Pl, 1), "1 podkreślenie");
    assert_eq!(count(Locale::Pl, 2), "2 podkreślenia");
    assert_eq!(count(Locale::Pl, 5), "5 podkreśleń");
    assert_eq!(count(Locale::Pl, 22), "22 podkreślenia");
    assert_eq!(count(Locale::Pl, 12), "12 podkreśleń");
    assert_eq!(count(Locale::Uk, 1), "1 виділення");
    assert_eq!(count(Locale::Uk, 21), "21 виділення");
    assert_eq!(count(Locale::Uk, 11), "11 виділень");
    assert_eq!(count(Locale::Uk, 5), "5 виділень");
}

#[test]
fn percent_as_each_language_writes_it() {
    assert_eq!(with_locale(Locale::En, || percent(0.72)), "72%");
    assert_eq!(with_locale(Locale::Pl, || percent(0.72)), "72\u{a0}%");
    assert_eq!(with_locale(Locale::Uk, || percent(0.724)), "72\u{a0}%");
    assert_eq!(with_locale(Locale::En, || percent(f64::NAN)), "0%");
}

#[test]
fn dates_written_out() {
    assert_eq!(with_locale(Locale::En, || date("2022-11-15")), "15 November 2022");
    assert_eq!(with_locale(Locale::Pl, || date("2022-11-15")), "15 listopada 2022");
    assert_eq!(with_locale(Locale::Uk, || date("2022-11-15")), "15 листопада 2022 р.");
    assert_eq!(with_locale(Locale::Pl, || date("2022-03-02")), "2 marca 2022");
    for odd in ["", "2022", "2022-13-01", "20-11-15", "x-y-z", "2022-11-15-1"] {
        assert_eq!(date(odd), odd);
    }
}

#[test]
fn the_locale_is_per_thread() {
    set_current(Locale::Pl);
    let other = std::thread::spawn(current).join().expect("thread");
    assert_eq!(other, Locale::En);
    assert_eq!(current(), Locale::Pl);
    set_current(Locale::En);
}

#[test]
fn missing_message_shows_its_id() {
    assert_eq!(message("no-such-message", None), "no-such-message");
}
