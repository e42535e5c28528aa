//! Language tags (`lang = "pl"` in a lesson, `language = "uk"` in an article's metadata): BCP 47
//! language identifiers, parsed by `unic-langid` (the crate the UI's Fluent locales use) and
//! written back in canonical case.
//!
//! A tag is accepted when it is a Unicode language identifier (`pl`, `uk`, `en-GB`, `sr-Latn`,
//! `pt-BR`) whose language subtag is an ISO 639 code of two or three letters. Case does not matter
//! (BCP 47 tags are case-insensitive), so `PL` and `pl-pl` are kept as `pl` and `pl-PL`. Rejected,
//! with a suggestion: `pl_PL` (an underscore, as POSIX locales write it), `polish` (a name, not a
//! code), anything else that is not a tag. Country codes written for the language (`ua` for
//! Ukrainian) are well-formed tags but name no language: they are accepted with a warning.

use unic_langid::LanguageIdentifier;

/// The longest tag read, in bytes (longer than any real language identifier).
const MAX_TAG_BYTES: usize = 35;

/// Country codes that are often written where the language code was meant, and that code
/// (none of them is a language of its own in ISO 639-1).
const COUNTRY_FOR_LANGUAGE: &[(&str, &str, &str)] = &[
    ("ua", "uk", "Ukrainian"),
    ("cz", "cs", "Czech"),
    ("gr", "el", "Greek"),
    ("jp", "ja", "Japanese"),
    ("dk", "da", "Danish"),
    ("cn", "zh", "Chinese"),
];

/// What a tag as written comes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LangTag {
    /// A good tag, in canonical case (`pl`, `pl-PL`, `sr-Latn`).
    Good(String),
    /// A well-formed tag that is probably a mistake: kept (in canonical case), with why and what to
    /// write instead.
    Doubtful {
        /// The tag, in canonical case.
        tag: String,
        /// What is wrong with it.
        why: String,
        /// What to write instead.
        help: String,
    },
    /// Not a language tag: why, and what to write instead.
    Bad {
        /// What is wrong with it.
        why: String,
        /// What to write instead.
        help: String,
    },
}

/// The help every rejected tag gets.
const TAG_HELP: &str = "write a language code such as \"pl\" (Polish), \"uk\" (Ukrainian) or \"en\" (English), optionally with a region: \"en-GB\"";

/// Checks a language tag as written in a file, as the value of `key` (`lang`, `language`: the
/// suggestions say what to write there).
pub fn check_language_tag(key: &str, written: &str) -> LangTag {
    let t = written.trim();
    let bad = |why: String| LangTag::Bad {
        why,
        help: TAG_HELP.to_string(),
    };
    if t.is_empty() {
        return bad("a language tag cannot be empty".into());
    }
    if t.len() > MAX_TAG_BYTES {
        return bad(format!("a language tag is at most {MAX_TAG_BYTES} characters long"));
    }
    if t.contains('_')
        && let Ok(fixed) = t.replace('_', "-").parse::<LanguageIdentifier>()
    {
        return LangTag::Bad {
            why: format!("`{t}` separates its parts with `_`; language tags use `-`"),
            help: format!("write {key} = \"{fixed}\""),
        };
    }
    let Ok(id) = t.parse::<LanguageIdentifier>() else {
        return bad(format!("`{t}` is not a language tag"));
    };
    let language = id.language.as_str().to_string();
    if !(2..=3).contains(&language.len()) {
        return bad(format!(
            "`{t}` is not a language code (a code has two or three letters)"
        ));
    }
    let tag = id.to_string();
    match COUNTRY_FOR_LANGUAGE.iter().find(|(country, ..)| *country == language) {
        Some((country, code, name)) => LangTag::Doubtful {
            why: format!("`{country}` is a country code, not a language; {name} is `{code}`"),
            help: format!("write {key} = \"{code}\" for {name}"),
            tag,
        },
        None => LangTag::Good(tag),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good(s: &str) -> Option<String> {
        match check_language_tag("lang", s) {
            LangTag::Good(t) => Some(t),
            _ => None,
        }
    }

    #[test]
    fn tags_are_read_case_insensitively_and_kept_in_canonical_case() {
        assert_eq!(good("pl").as_deref(), Some("pl"));
        assert_eq!(good("uk").as_deref(), Some("uk"));
        assert_eq!(good(" PL ").as_deref(), Some("pl"));
        assert_eq!(good("pl-pl").as_deref(), Some("pl-PL"));
        assert_eq!(good("sr-latn-rs").as_deref(), Some("sr-Latn-RS"));
        assert_eq!(good("en-GB").as_deref(), Some("en-GB"));
        assert_eq!(good("yue").as_deref(), Some("yue"));
    }

    #[test]
    fn what_is_no_tag_is_refused_with_help() {
        for s in [
            "",
            "  ",
            "polish",
            "Polski",
            "p",
            "pl-",
            "pl--PL",
            "pl PL",
            "12",
            "пл",
            &"a".repeat(40),
        ] {
            assert!(matches!(check_language_tag("lang", s), LangTag::Bad { .. }), "{s:?}");
        }
        match check_language_tag("lang", "pl_pl") {
            LangTag::Bad { why, help } => {
                assert!(why.contains('_'), "{why}");
                assert_eq!(help, "write lang = \"pl-PL\"");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_country_code_for_a_language_is_doubtful() {
        match check_language_tag("lang", "UA") {
            LangTag::Doubtful { tag, why, help } => {
                assert_eq!(tag, "ua");
                assert!(why.contains("Ukrainian is `uk`"), "{why}");
                assert_eq!(help, "write lang = \"uk\" for Ukrainian");
            }
            other => panic!("{other:?}"),
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_checked_without_panicking(s in "\\PC{0,40}") {
            if let LangTag::Good(t) = check_language_tag("lang", &s) {
                // What is kept reads back as itself.
                proptest::prop_assert_eq!(check_language_tag("lang", &t), LangTag::Good(t.clone()));
            }
        }
    }
}
