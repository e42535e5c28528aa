//! Reading an article's metadata file (`NAME.toml`): its fields, the lines of page debris it
//! removes, and its source cards.

use crate::corpus::cards::read_cards;
use crate::corpus::{ArticleMeta, Removal};
use crate::text::diag::{Diagnostic, SourceFile};
use crate::text::schema::{Ctx, Obj, parse_block};

/// Keys of an article's metadata file.
pub const META_FIELDS: &[&str] = &[
    "id",
    "outlet",
    "headline",
    "date",
    "byline",
    "outlet_kind",
    "url",
    "language",
    "note",
    "imported_from",
    "fictional",
    "remove",
    "card",
];

/// Reads article metadata (`NAME.toml`). Problems are added to `diags`. `None` only when the
/// metadata cannot be used at all: it is not TOML, or it has no usable `id`. Any other bad field
/// (a date that is not a date, a blank or missing `outlet_kind`, a bad `[[remove]]` or `[[card]]`)
/// is reported and dropped or left empty, and the metadata is still returned, so the article stays
/// known and the lessons that use it are checked (issue 15: one mistake, one message). The caller
/// tells a clean file from one with errors by the errors added to `diags`.
pub fn parse_meta(src: &SourceFile, diags: &mut Vec<Diagnostic>) -> Option<ArticleMeta> {
    let ctx = Ctx::new(src, 0);
    let meta = parse_block(&ctx, src.text.as_str()).and_then(|doc| {
        let whole = 0..src.text.as_str().len().min(1);
        let o = Obj::new(&ctx, doc.as_table(), whole, "article's metadata", META_FIELDS);
        let id = o.req_str("id", "\"short-name\"");
        let id_ok = match &id {
            Some(id) => match crate::text::ids::check_id(&id.value) {
                Ok(()) => true,
                Err(e) => {
                    ctx.error(
                        id.span.clone(),
                        format!("`{}` cannot be an article id: {e}", id.value),
                        Some(crate::text::ids::ID_HELP.into()),
                    );
                    false
                }
            },
            None => false,
        };
        let outlet = o.req_str("outlet", "\"The Daily Example\"");
        let headline = o.req_str("headline", "\"The headline as published\"");
        let outlet_kind = o.req_str("outlet_kind", "\"Local newspaper, family-owned\"");
        blank_required(
            &ctx,
            [
                ("outlet", &outlet),
                ("headline", &headline),
                ("outlet_kind", &outlet_kind),
            ],
        );
        // A bad date is reported and dropped: the article is shown without one.
        let date = o.opt_str("date").filter(|d| date_or_error(&ctx, d));
        let removed = read_removals(&ctx, &o);
        let cards = read_cards(&ctx, &o);
        let text_of = |v: Option<crate::text::schema::Spanned<String>>| v.map(|v| v.value).unwrap_or_default();
        Some(ArticleMeta {
            id: id.filter(|_| id_ok)?.value,
            outlet: text_of(outlet),
            headline: text_of(headline),
            date: date.map(|d| d.value),
            byline: o.opt_str("byline").map(|s| s.value),
            outlet_kind: text_of(outlet_kind),
            url: o.opt_str("url").map(|s| s.value),
            language: o.opt_lang("language").map(|s| s.value),
            note: o.opt_str("note").map(|s| s.value),
            imported_from: o.opt_str("imported_from").map(|s| s.value),
            fictional: o.opt_bool("fictional").unwrap_or(false),
            removed,
            cards,
        })
    });
    diags.extend(ctx.into_diags());
    meta
}

/// The fields an article's metadata must have, with what the teacher writes in each: left blank
/// by an import that could not ask, they are written as `field = ""` under a `# FILL IN` line, and
/// `lateral check` reports them (at their line) until they are filled in.
pub const REQUIRED_FIELDS: &[(&str, &str)] = &[
    ("outlet", "who published it, as a reader would name them"),
    ("headline", "the headline as published"),
    ("outlet_kind", "one line on who runs or funds the outlet"),
];

/// What the teacher writes in the required field `field` ([`REQUIRED_FIELDS`]), or `None` for a
/// field that is not required.
pub fn required_field_help(field: &str) -> Option<&'static str> {
    REQUIRED_FIELDS.iter().find(|(f, _)| *f == field).map(|(_, what)| *what)
}

/// The `[[remove]]` tables: lines of the text file not shown, each reported at its place when bad.
fn read_removals(ctx: &Ctx<'_>, o: &Obj<'_, '_>) -> Vec<Removal> {
    let mut removed = Vec::new();
    for r in o.tables("remove", "removal", &["line", "lines", "reason"]) {
        let reason = r.req_str("reason", "\"navigation icons\"");
        let range = match (r.opt_int("line", 1, i64::from(u32::MAX)), r.opt_str("lines")) {
            (Some(l), None) => Some((l.value as usize, l.value as usize)),
            (None, Some(s)) => parse_line_range(&s.value).or_else(|| {
                ctx.error(
                    s.span,
                    "`lines` should look like \"3-5\"",
                    Some("write lines = \"3-5\" (first and last line, inclusive) or line = 3".into()),
                );
                None
            }),
            (Some(_), Some(s)) => {
                ctx.error(
                    s.span,
                    "a removal has both `line` and `lines`",
                    Some("keep one of them".into()),
                );
                None
            }
            (None, None) => {
                r.missing("line", "1");
                None
            }
        };
        if let (Some((a, b)), Some(reason)) = (range, reason) {
            removed.push(Removal {
                first_line: a,
                last_line: b,
                reason: reason.value,
                text: String::new(),
            });
        }
    }
    removed
}

/// Is `d` a date this app understands? If not, reports it at its place, saying whether it is a
/// day that does not exist (`2023-02-30`) or not shaped as a date at all.
fn date_or_error(ctx: &Ctx, d: &crate::text::schema::Spanned<String>) -> bool {
    if valid_date(&d.value) {
        return true;
    }
    let day = d.value.get(..10).filter(|day| date_shaped(day));
    let message = if day.is_some_and(|day| !valid_date(day)) {
        format!(
            "`{}` is not a real date: there is no such day (check the month and the day)",
            d.value
        )
    } else {
        format!("`{}` is not a date this app understands", d.value)
    };
    ctx.error(
        d.span.clone(),
        message,
        Some(
            "write it as \"YYYY-MM-DD\", e.g. \"2022-11-16\", optionally followed by a time \"2022-11-16 08:02\""
                .into(),
        ),
    );
    false
}

/// A required field written but blank (as an import that could not ask leaves it): an error at
/// its value, saying what to fill in.
fn blank_required(ctx: &Ctx, fields: [(&str, &Option<crate::text::schema::Spanned<String>>); 3]) {
    for (field, v) in fields {
        if let Some(v) = v.as_ref().filter(|v| v.value.trim().is_empty()) {
            let what = required_field_help(field).unwrap_or_default();
            ctx.error(
                v.span.clone(),
                format!("`{field}` is blank"),
                Some(format!("fill in {what}")),
            );
        }
    }
}

fn parse_line_range(s: &str) -> Option<(usize, usize)> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let (a, b): (usize, usize) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a >= 1 && a <= b).then_some((a, b))
}

/// Is `date` shaped `YYYY-MM-DD` (digits and dashes), whether or not it is a real day?
fn date_shaped(date: &str) -> bool {
    date.len() == 10
        && date.bytes().enumerate().all(|(i, c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// Is `s` a publication date this app understands: a real calendar date `YYYY-MM-DD`, optionally
/// followed (after a space or `T`) by a real time of day `HH:MM` or `HH:MM:SS`, itself optionally
/// followed by `Z` or an offset `+HH:MM` / `-HH:MM` (so RFC 3339 timestamps pass too)? The date
/// and time are checked by the `time` crate: `2023-02-30` and `25:99` are refused.
pub(crate) fn valid_date(s: &str) -> bool {
    let Some((date, rest)) = s.split_at_checked(10) else {
        return false;
    };
    if !date_shaped(date) {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        date[..4].parse::<i32>(),
        date[5..7].parse::<u8>(),
        date[8..].parse::<u8>(),
    ) else {
        return false;
    };
    let Ok(month) = time::Month::try_from(m) else {
        return false;
    };
    if time::Date::from_calendar_date(y, month, d).is_err() {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix([' ', 'T']) else {
        return false;
    };
    // The time: HH:MM or HH:MM:SS, then an optional zone.
    let (clock, zone) = match rest.find(['Z', '+', '-']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let two = |p: &str| {
        (p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u8>().ok())
            .flatten()
    };
    let hms = match parts.as_slice() {
        [h, m] => two(h).zip(two(m)).map(|(h, m)| (h, m, 0)),
        [h, m, s] => {
            // Seconds may carry a fraction, as in RFC 3339: 08:02:00.250
            let (s, frac) = s.split_once('.').unwrap_or((s, "0"));
            let frac_ok = !frac.is_empty() && frac.bytes().all(|c| c.is_ascii_digit());
            two(h)
                .zip(two(m))
                .zip(two(s).filter(|_| frac_ok))
                .map(|((h, m), s)| (h, m, s))
        }
        _ => None,
    };
    let Some((h, m, sec)) = hms else {
        return false;
    };
    if time::Time::from_hms(h, m, sec).is_err() {
        return false;
    }
    match zone {
        "" | "Z" => true,
        z => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            match z[1..].split_once(':') {
                Some((oh, om)) => match (two(oh), two(om)) {
                    (Some(oh), Some(om)) if oh <= 23 && om <= 59 => {
                        time::UtcOffset::from_hms(sign * oh as i8, sign * om as i8, 0).is_ok()
                    }
                    _ => false,
                },
                None => false,
            }
        }
    }
}
