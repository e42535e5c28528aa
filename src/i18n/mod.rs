//! The UI in the class's language: English (the source), Polish and Ukrainian.
//!
//! Every string a student or teacher sees in the app, and the student-facing messages the core
//! writes (verdicts, the summary, score words, the built-in labels), is a [Fluent] message in
//! `assets/i18n/<locale>/<area>.ftl`, embedded in the binary. [`tr!`](crate::tr) looks a message
//! up in the **current locale of the calling thread** ([`set_current`]): the app sets it at the
//! start of every frame from the student's choice, so a language change shows on the next frame
//! without a restart, and tests on other threads are not disturbed. Threads that never set it
//! (the CLI, worker threads) speak English.
//!
//! Plurals follow CLDR's rules through Fluent's selectors (`{ $n -> [one] … [few] … *[other] … }`:
//! "1 highlight", "2 podkreślenia", "5 podkreśleń"). Numbers and dates are written the way each
//! language writes them with [`percent`] and [`date`].
//!
//! A message missing from a locale falls back to English, and a message missing from English
//! shows its id; `tests/i18n.rs` fails on both, on any `.ftl` syntax error, and on a visible
//! string in `src/app/` that does not go through here. `docs/translating.md` says how to add a
//! language.
//!
//! [Fluent]: https://projectfluent.org/

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentResource};
use serde::{Deserialize, Serialize};

/// A language the UI is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English, the source language: every message exists here first.
    #[default]
    En,
    /// Polish.
    Pl,
    /// Ukrainian.
    Uk,
}

impl Locale {
    /// Every locale, in the order the language menu lists them.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Pl, Locale::Uk];

    /// The BCP 47 language tag (`en`, `pl`, `uk`), also the folder under `assets/i18n/`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Pl => "pl",
            Locale::Uk => "uk",
        }
    }

    /// The language's name in itself, as the language menu shows it whatever the UI's language.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Pl => "Polski",
            Locale::Uk => "Українська",
        }
    }

    /// The locale for a language tag or a POSIX locale name (`pl`, `pl-PL`, `uk_UA.UTF-8`,
    /// `EN-gb`), by its language subtag; `None` for a language the UI is not written in.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lang = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == lang)
    }

    /// The first of the system's preferred languages that the UI is written in, else English.
    /// Read once, on a first start (after that the choice is saved).
    pub fn from_system() -> Locale {
        Self::first_known(sys_locale::get_locales())
    }

    /// The first of `tags` the UI is written in, else English.
    pub fn first_known(tags: impl IntoIterator<Item = String>) -> Locale {
        tags.into_iter().find_map(|t| Locale::from_tag(&t)).unwrap_or_default()
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The message files of one locale: its code and, for each area, the file's name and text.
macro_rules! locale_files {
    ($code:literal) => {
        [
            (
                "common",
                include_str!(concat!("../../assets/i18n/", $code, "/common.ftl")),
            ),
            (
                "chrome",
                include_str!(concat!("../../assets/i18n/", $code, "/chrome.ftl")),
            ),
            (
                "students",
                include_str!(concat!("../../assets/i18n/", $code, "/students.ftl")),
            ),
            (
                "library",
                include_str!(concat!("../../assets/i18n/", $code, "/library.ftl")),
            ),
            (
                "player",
                include_str!(concat!("../../assets/i18n/", $code, "/player.ftl")),
            ),
            (
                "summary",
                include_str!(concat!("../../assets/i18n/", $code, "/summary.ftl")),
            ),
            (
                "teacher",
                include_str!(concat!("../../assets/i18n/", $code, "/teacher.ftl")),
            ),
            (
                "class",
                include_str!(concat!("../../assets/i18n/", $code, "/class.ftl")),
            ),
            (
                "grading",
                include_str!(concat!("../../assets/i18n/", $code, "/grading.ftl")),
            ),
            (
                "labels",
                include_str!(concat!("../../assets/i18n/", $code, "/labels.ftl")),
            ),
        ]
    };
}

/// How many message files each locale has (one per area of the app).
pub const AREAS: usize = 10;

/// Every embedded message file: `(locale, area, text)`, for the tests and for [`bundles`].
pub fn sources() -> [(Locale, [(&'static str, &'static str); AREAS]); 3] {
    [
        (Locale::En, locale_files!("en")),
        (Locale::Pl, locale_files!("pl")),
        (Locale::Uk, locale_files!("uk")),
    ]
}

/// One bundle per locale, in [`Locale::ALL`]'s order, built on first use. A file that does not
/// parse still gives the messages that do (`tests/i18n.rs` makes sure none fails).
fn bundles() -> &'static [FluentBundle<FluentResource>] {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        sources()
            .into_iter()
            .map(|(locale, files)| {
                let lang: unic_langid::LanguageIdentifier = locale.code().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![lang]);
                // egui draws Unicode's isolation marks as boxes; the UI puts no right-to-left
                // text into messages (a student's name is the only free text, shown on its own).
                bundle.set_use_isolating(false);
                for (_, text) in files {
                    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
                    // A duplicate id keeps the first; the tests fail on it.
                    let _ = bundle.add_resource(resource);
                }
                bundle
            })
            .collect()
    })
}

thread_local! {
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::En) };
}

/// Sets the locale [`tr!`](crate::tr) speaks on this thread.
pub fn set_current(locale: Locale) {
    CURRENT.with(|c| c.set(locale));
}

/// The locale [`tr!`](crate::tr) speaks on this thread (English until [`set_current`]).
pub fn current() -> Locale {
    CURRENT.with(Cell::get)
}

/// Runs `f` with `locale` as this thread's locale, then puts the previous one back.
pub fn with_locale<R>(locale: Locale, f: impl FnOnce() -> R) -> R {
    let before = current();
    set_current(locale);
    let out = f();
    set_current(before);
    out
}

/// Message `id` (or `id.attribute`) in `locale`, `None` when that locale lacks it.
pub fn lookup(locale: Locale, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundles().get(locale.index())?;
    let (msg_id, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let msg = bundle.get_message(msg_id)?;
    let pattern = match attr {
        Some(a) => msg.get_attribute(a)?.value(),
        None => msg.value()?,
    };
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

/// Message `id` in this thread's locale, else in English, else the id itself (never panics).
/// Use [`tr!`](crate::tr), which the tests check against the English files.
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    let locale = current();
    lookup(locale, id, args)
        .or_else(|| lookup(Locale::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// A translated message: `tr!("id")`, or `tr!("id", n = 3, title = name)` with Fluent
/// variables `$n` and `$title`. Ids and variable names are checked by `tests/i18n.rs`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($key), $value); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

/// A fraction (0.72) as a whole percentage the way the locale writes it: "72%" in English,
/// "72 %" (a no-break space) in Polish and Ukrainian. Not a number shows as 0.
pub fn percent(fraction: f64) -> String {
    let n = if fraction.is_finite() {
        (fraction * 100.0).round() as i64
    } else {
        0
    };
    crate::tr!("percent", n = n)
}

/// A date `YYYY-MM-DD` written out in the locale ("15 November 2022", "15 listopada 2022",
/// "15 листопада 2022 р."); anything else is returned as it is.
pub fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return iso.to_string();
    };
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return iso.to_string();
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || y.len() != 4 {
        return iso.to_string();
    }
    // Years are written without grouping ("2022", never "2,022").
    crate::tr!("date-long", day = day, month = month, year = year.to_string())
}

#[cfg(test)]
mod tests;
