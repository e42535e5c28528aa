//! HTML character references (`&amp;`, `&#8217;`), decoded as browsers do.

/// Decodes HTML character references: numeric ones (`&#8217;`, `&#x1F600;`) and the common
/// named ones (`&amp;`, `&mdash;`, …). A reference needs its closing `;`; an unknown or
/// unterminated one stays as written. Numeric references follow HTML: zero, surrogates and
/// numbers past U+10FFFF (however many digits) become U+FFFD, and 128–159 are read as
/// Windows-1252, as browsers do. One pass over the text: at most [`MAX_REFERENCE`] bytes are
/// looked at after each `&`.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // `s[..copied]` is in `out`; text is copied only up to a reference that decodes.
    let mut copied = 0;
    let mut at = 0;
    let b = s.as_bytes();
    while let Some(n) = b.get(at..).and_then(|r| r.iter().position(|&c| c == b'&')) {
        let amp = at + n;
        let after = s.get(amp + 1..).unwrap_or("");
        match decode_reference(after) {
            Some((c, used)) => {
                out.push_str(s.get(copied..amp).unwrap_or(""));
                out.push(c);
                copied = amp + 1 + used;
                at = copied;
            }
            None => at = amp + 1,
        }
    }
    out.push_str(s.get(copied..).unwrap_or(""));
    out
}

/// The most bytes between `&` and `;` of a reference that is decoded.
pub(crate) const MAX_REFERENCE: usize = 32;

/// The char a reference stands for (`after` is the text just after the `&`), and how many
/// bytes of `after` it used, `;` included.
fn decode_reference(after: &str) -> Option<(char, usize)> {
    // A reference is `#`, letters and digits, then `;`: stop at the first byte that is not.
    let b = after.as_bytes();
    let hash = usize::from(b.first() == Some(&b'#'));
    let len = hash
        + b.get(hash..)?
            .iter()
            .take(MAX_REFERENCE)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    if len > MAX_REFERENCE || b.get(len) != Some(&b';') {
        return None;
    }
    let semi = len;
    // ASCII up to `;`, so `semi` is a char boundary.
    let name = after.get(..semi)?;
    let c = match name.strip_prefix('#') {
        Some(num) => {
            let (digits, radix) = match num.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (num, 10),
            };
            if digits.is_empty() {
                return None;
            }
            let mut v: u32 = 0;
            for d in digits.chars() {
                v = v.saturating_mul(radix).saturating_add(d.to_digit(radix)?);
            }
            numeric_reference(v)
        }
        None => named_reference(name)?,
    };
    Some((c, semi + 1))
}

/// The char of a numeric reference, as HTML reads it.
fn numeric_reference(v: u32) -> char {
    /// Windows-1252 at 0x80–0x9F (the five it leaves undefined stay as they are).
    const CP1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let v = match v {
        0x80..=0x9F => CP1252[(v - 0x80) as usize],
        v => v,
    };
    match v {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// The named references decoded: those common in news text.
fn named_reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "shy" => '\u{00AD}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "mdash" => '—',
        "ndash" => '–',
        "minus" => '−',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "cent" => '¢',
        "yen" => '¥',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "agrave" => 'à',
        "egrave" => 'è',
        "ograve" => 'ò',
        "acirc" => 'â',
        "ecirc" => 'ê',
        "ocirc" => 'ô',
        "auml" => 'ä',
        "euml" => 'ë',
        "iuml" => 'ï',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "Eacute" => 'É',
        "szlig" => 'ß',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "aring" => 'å',
        "oslash" => 'ø',
        "aelig" => 'æ',
        _ => return None,
    })
}
