//! Sentences and paragraphs: where a key's `sentence` and `paragraph` extents end, in English,
//! Polish and Ukrainian text. Hand-written: Unicode's sentence rules (UAX #29) have no
//! abbreviations, and ICU's lists cover neither Polish nor Ukrainian.

use super::Span;

/// Abbreviations after which a full stop does not end a sentence: English, then Polish, then
/// Ukrainian (compared as written and with a capital first letter lowered, so `Ul.` at the start
/// of a sentence is `ul.`). Left out on purpose: abbreviations that are also words (Polish `im`,
/// English `red`, `dot`), and those that often end a sentence (`itd.`, `itp.`, `tys.`, `mln.`,
/// `min.`); a dotted one (`m.in.`, `т.зв.`, `U.S.`) never ends one, as the dots show.
const ABBREVIATIONS: &[&str] = &[
    // English.
    "Gen",
    "Lt",
    "Col",
    "Maj",
    "Capt",
    "Sgt",
    "Adm",
    "Cmdr",
    "Gov",
    "Sen",
    "Rep",
    "Pres",
    "Sec",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "St",
    "Jr",
    "Sr",
    "Inc",
    "Co",
    "Corp",
    "Ltd",
    "No",
    "vs",
    "etc",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mt",
    "Ft",
    "approx",
    "e.g",
    "i.e",
    // Polish.
    "np",
    "tzn",
    "tj",
    "tzw",
    "ul",
    "al",
    "pl",
    "ok",
    "godz",
    "gen",
    "płk",
    "ppłk",
    "mjr",
    "kpt",
    "por",
    "ppor",
    "sierż",
    "kpr",
    "szer",
    "prof",
    "doc",
    "hab",
    "inż",
    "mgr",
    "lek",
    "ks",
    "abp",
    "bp",
    "św",
    "woj",
    "pow",
    "gm",
    "zob",
    "ang",
    "niem",
    "ros",
    "ukr",
    "łac",
    "wyd",
    "przyp",
    "tel",
    "ds",
    "pt",
    "jw",
    // Ukrainian.
    "вул",
    "просп",
    "пров",
    "бул",
    "пл",
    "м",
    "с",
    "смт",
    "обл",
    "ім",
    "св",
    "проф",
    "акад",
    "доц",
    "ген",
    "полк",
    "див",
    "напр",
    "ст",
    "англ",
    "рос",
    "укр",
    "пол",
    "тел",
];

/// Abbreviations that do not end a sentence after a number: the year (`w 2022 r.`, `у 2022 р.`,
/// `у 2014–2022 рр.`). Such a full stop may also end the sentence; taking it as part of one
/// makes a sentence extent larger, never smaller, which is the kinder mistake.
const AFTER_NUMBER: &[&str] = &["r", "р", "рр"];

/// Sentences and paragraphs of a text, as char spans trimmed of surrounding whitespace.
#[derive(Clone, Debug, Default)]
pub struct Segments {
    /// Paragraphs: runs of non-blank lines, separated by blank lines. Sorted, disjoint.
    pub paragraphs: Vec<Span>,
    /// Sentences: each paragraph split at line breaks and at sentence-ending punctuation.
    /// Sorted, disjoint, every one inside a paragraph.
    pub sentences: Vec<Span>,
}

impl Segments {
    /// Splits `text` into paragraphs and sentences.
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        // Lines as char spans.
        let mut lines = Vec::new();
        let mut s = 0;
        for (i, &c) in chars.iter().enumerate() {
            if c == '\n' {
                lines.push(Span::new(s, i));
                s = i + 1;
            }
        }
        lines.push(Span::new(s, chars.len()));
        let trim = |sp: Span| -> Option<Span> {
            let mut a = sp.start;
            let mut b = sp.end;
            while a < b && chars[a].is_whitespace() {
                a += 1;
            }
            while b > a && chars[b - 1].is_whitespace() {
                b -= 1;
            }
            (a < b).then_some(Span::new(a, b))
        };
        let mut para: Option<Span> = None;
        for line in lines {
            match trim(line) {
                None => {
                    if let Some(p) = para.take() {
                        paragraphs.push(p);
                    }
                }
                Some(t) => {
                    para = Some(para.map_or(t, |p| p.cover(&t)));
                    split_sentences(&chars, t, &mut sentences);
                }
            }
        }
        if let Some(p) = para {
            paragraphs.push(p);
        }
        Self { paragraphs, sentences }
    }

    /// The smallest run of whole sentences covering `span` (or `span` itself where no sentence
    /// touches it).
    pub fn sentence_extent(&self, span: Span) -> Span {
        cover_units(&self.sentences, span)
    }

    /// The smallest run of whole paragraphs covering `span`.
    pub(crate) fn paragraph_extent(&self, span: Span) -> Span {
        cover_units(&self.paragraphs, span)
    }
}

fn cover_units(units: &[Span], span: Span) -> Span {
    // First unit that ends after span.start.
    let i = units.partition_point(|u| u.end <= span.start);
    let mut out = span;
    for u in &units[i..] {
        if u.start >= span.end.max(span.start + 1) {
            break;
        }
        out = out.cover(u);
    }
    out
}

/// Closing quotes and brackets that may follow a sentence's last full stop (`said.”`, `«Ні.»`).
fn closes_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '›' | ')' | ']'
    )
}

/// Chars other than a capital or a digit that may start a sentence: opening quotes (English,
/// Polish `„…”`, Ukrainian `«…»`), brackets and dialogue dashes.
fn opens_sentence(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '„' | '‚' | '«' | '‹' | '(' | '[' | '—' | '–'
    )
}

fn split_sentences(chars: &[char], line: Span, out: &mut Vec<Span>) {
    let mut start = line.start;
    let mut i = line.start;
    while i < line.end {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Swallow runs of terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < line.end && closes_sentence(chars[j]) {
                j += 1;
            }
            if j < line.end && chars[j].is_whitespace() {
                let mut k = j;
                while k < line.end && chars[k].is_whitespace() {
                    k += 1;
                }
                let next = chars.get(k).copied().unwrap_or(' ');
                let starts_sentence = next.is_uppercase() || next.is_ascii_digit() || opens_sentence(next);
                if starts_sentence && !(c == '.' && is_abbreviation(chars, line.start, i)) {
                    out.push(Span::new(start, j));
                    start = k;
                    i = k;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < line.end {
        out.push(Span::new(start, line.end));
    }
}

/// Is the word ending just before the full stop at `dot` an abbreviation or an initial?
fn is_abbreviation(chars: &[char], line_start: usize, dot: usize) -> bool {
    let mut w = dot;
    while w > line_start && (chars[w - 1].is_alphanumeric() || chars[w - 1] == '.') {
        w -= 1;
    }
    let word: String = chars[w..dot].iter().collect();
    if word.is_empty() {
        return false;
    }
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // "U.S", "D.C": internal full stops mean an abbreviation.
    let dotted = word.contains('.');
    let mut first_lowered = word.chars();
    let first_lowered: String = first_lowered
        .next()
        .into_iter()
        .flat_map(char::to_lowercase)
        .chain(first_lowered)
        .collect();
    let listed = ABBREVIATIONS.contains(&word.as_str()) || ABBREVIATIONS.contains(&first_lowered.as_str());
    single_capital || dotted || listed || (AFTER_NUMBER.contains(&word.as_str()) && after_number(chars, line_start, w))
}

/// Does a number (digits, perhaps joined by a dash: `2014–2022`) end just before `w`, with
/// spaces between?
fn after_number(chars: &[char], line_start: usize, w: usize) -> bool {
    let mut k = w;
    while k > line_start && chars[k - 1].is_whitespace() {
        k -= 1;
    }
    k < w && k > line_start && chars[k - 1].is_ascii_digit()
}
