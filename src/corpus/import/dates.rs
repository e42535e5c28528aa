//! The dates pages state, reduced to the form an article's metadata keeps.

/// A page's publication date, reduced to the form an article's metadata keeps: `YYYY-MM-DD`.
///
/// Accepts `YYYY-MM-DD` on its own or followed (after `T` or a space) by a time `HH:MM`,
/// `HH:MM:SS` or `HH:MM:SS.fraction`, itself optionally followed by a time zone: `Z`, `±HH:MM`,
/// `±HHMM` or `±HH` (so ISO 8601 / RFC 3339 timestamps such as `2022-11-15T21:03:00Z` or
/// `2022-11-15T21:03:00+01:00`). The date must exist in the calendar (`2023-02-30` does not)
/// and the time and zone must be real ones. The date kept is the one the page states, in the
/// page's own time zone. An e-mail style date (RFC 2822, `Tue, 15 Nov 2022 21:03:00 +0100`, as
/// RSS and some CMSs write them) is read by the `time` crate. `None` for anything else
/// (`yesterday`, `2022-13-45`, `15/11/2022`).
pub(crate) fn page_date(s: &str) -> Option<String> {
    iso_date(s).or_else(|| rfc2822_date(s))
}

/// `Tue, 15 Nov 2022 21:03:00 +0100` → `2022-11-15`.
fn rfc2822_date(s: &str) -> Option<String> {
    use time::format_description::well_known::Rfc2822;
    let t = time::OffsetDateTime::parse(s.trim(), &Rfc2822).ok()?;
    let d = t.date();
    Some(format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
}

/// `YYYY-MM-DD`, optionally with a time and zone, as [`page_date`] says.
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = b.get(r)?;
        d.iter()
            .try_fold(0u32, |v, &c| c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0')))
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    time::Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()?;
    match b.get(10) {
        None => {}
        Some(b'T' | b't' | b' ') => valid_time_and_zone(b.get(11..)?)?,
        Some(_) => return None,
    }
    // Ten ASCII bytes.
    s.get(..10).map(str::to_string)
}

/// `HH:MM[:SS[.fraction]][Z|±HH[:MM]|±HHMM]`, with a real time and zone.
fn valid_time_and_zone(b: &[u8]) -> Option<()> {
    let two = |i: usize| -> Option<u8> {
        match (b.get(i), b.get(i + 1)) {
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => Some((x - b'0') * 10 + (y - b'0')),
            _ => None,
        }
    };
    let hour = two(0)?;
    (b.get(2) == Some(&b':')).then_some(())?;
    let minute = two(3)?;
    let mut i = 5;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        // A leap second is a real second.
        second = two(i + 1)?.min(59);
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            i += 1;
            let first = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            (i > first).then_some(())?;
        }
    }
    time::Time::from_hms(hour, minute, second).ok()?;
    let zone = b.get(i..)?;
    match zone {
        [] | [b'Z' | b'z'] => Some(()),
        [sign @ (b'+' | b'-'), ..] => {
            let hours = two(i + 1)?;
            let minutes = match &zone[3..] {
                [] => 0,
                [b':', _, _] => two(i + 4)?,
                [_, _] => two(i + 3)?,
                _ => return None,
            };
            let hours = i8::try_from(hours).ok()?;
            let hours = if *sign == b'-' { -hours } else { hours };
            (hours.abs() <= 14).then_some(())?;
            time::UtcOffset::from_hms(hours, i8::try_from(minutes).ok()?, 0).ok()?;
            Some(())
        }
        _ => None,
    }
}
