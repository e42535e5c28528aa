//! The teacher's view's messages in each language: real plurals where English once said
//! "error(s)", and the sentences the import form puts together.

use super::import::found_and_missing;
use crate::corpus::ArticleMeta;
use crate::i18n::{Locale, with_locale};
use crate::tr;

fn problems(locale: Locale, errors: usize, warnings: usize) -> String {
    with_locale(locale, || {
        tr!("teacher-problem-count", errors = errors, warnings = warnings)
    })
}

#[test]
fn problem_counts_are_plural_in_each_language() {
    assert_eq!(problems(Locale::En, 1, 2), "1 error, 2 warnings");
    assert_eq!(problems(Locale::En, 0, 1), "0 errors, 1 warning");
    assert_eq!(problems(Locale::Pl, 1, 22), "1 błąd, 22 ostrzeżenia");
    assert_eq!(problems(Locale::Pl, 2, 5), "2 błędy, 5 ostrzeżeń");
    assert_eq!(problems(Locale::Pl, 12, 0), "12 błędów, 0 ostrzeżeń");
    assert_eq!(problems(Locale::Uk, 21, 3), "21 помилка, 3 попередження");
    assert_eq!(problems(Locale::Uk, 5, 11), "5 помилок, 11 попереджень");
}

#[test]
fn a_problem_line_says_where_it_is_in_one_message() {
    let line = |locale, kind: &str| {
        with_locale(locale, || {
            tr!("teacher-problem-line", kind = kind, line = 3, message = "bad quote")
        })
    };
    assert_eq!(
        line(Locale::En, "step-warning"),
        "this step, warning, line 3: bad quote"
    );
    assert_eq!(line(Locale::En, "step-error"), "this step, line 3: bad quote");
    assert_eq!(line(Locale::En, "warning"), "warning, line 3: bad quote");
    assert_eq!(line(Locale::En, "error"), "line 3: bad quote");
    assert_eq!(line(Locale::Pl, "warning"), "ostrzeżenie, wiersz 3: bad quote");
    assert_eq!(line(Locale::Uk, "step-error"), "цей крок, рядок 3: bad quote");
}

#[test]
fn saving_with_errors_and_importing_count_in_words() {
    let saved = |locale, n: usize| with_locale(locale, || tr!("teacher-saved-with-errors", path = "a.md", n = n));
    assert_eq!(
        saved(Locale::En, 1),
        "Saved a.md, with 1 problem still to fix (listed on the right)."
    );
    assert!(saved(Locale::Pl, 3).contains("pozostały 3 problemy"));
    assert!(saved(Locale::Pl, 5).contains("pozostało 5 problemów"));
    assert!(saved(Locale::Uk, 1).contains("лишилася 1 проблема"));
    let h5p = |locale, words: usize, marked: usize| {
        with_locale(locale, || {
            tr!("teacher-import-h5p-counts", words = words, marked = marked)
        })
    };
    assert_eq!(h5p(Locale::En, 120, 1), "Imported 120 words and 1 marked word.");
    assert_eq!(h5p(Locale::Pl, 24, 5), "Zaimportowano 24 słowa i 5 zaznaczonych słów.");
    assert_eq!(h5p(Locale::Uk, 31, 2), "Імпортовано 31 слово і 2 позначені слова.");
}

#[test]
fn the_import_message_names_the_fields_in_the_teachers_language() {
    let meta = ArticleMeta {
        headline: "Bridge closes".into(),
        outlet: "The Courier".into(),
        ..Default::default()
    };
    assert_eq!(
        with_locale(Locale::En, || found_and_missing(&meta)),
        [
            "The page gave its headline, outlet.",
            "Still to fill in: kind of outlet."
        ]
    );
    assert_eq!(
        with_locale(Locale::Pl, || found_and_missing(&meta)),
        ["Strona podała: nagłówek, medium.", "Do uzupełnienia: rodzaj medium."]
    );
    assert_eq!(
        with_locale(Locale::Uk, || found_and_missing(&meta)),
        [
            "Сторінка вказала: заголовок, видання.",
            "Ще треба заповнити: тип видання."
        ]
    );
}
