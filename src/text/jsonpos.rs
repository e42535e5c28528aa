//! Finds where a value sits in a JSON text, so problems found after parsing (an offset past an
//! article's end, an unknown step) can still be reported with line and column.

use std::ops::Range;

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn string(&mut self) -> Option<Range<usize>> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        let start = self.i + 1;
        self.i += 1;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return Some(start..self.i - 1);
                }
                _ => self.i += 1,
            }
        }
        None
    }

    /// Skips one value. Iterative (a depth counter, no recursion), so a value nested a million
    /// levels deep costs time, never stack.
    fn skip(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.ws();
            match *self.b.get(self.i)? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.i += 1;
                }
                b'}' | b']' => {
                    // A closing bracket where a value should start: not a value.
                    depth = depth.checked_sub(1)?;
                    self.i += 1;
                }
                b',' | b':' if depth > 0 => self.i += 1,
                b',' | b':' => return None,
                _ => {
                    let from = self.i;
                    while self.i < self.b.len()
                        && !matches!(self.b[self.i], b',' | b':' | b'{' | b'[' | b'}' | b']' | b'"')
                        && !self.b[self.i].is_ascii_whitespace()
                    {
                        self.i += 1;
                    }
                    if self.i == from {
                        return None;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }

    fn find(&mut self, path: &[&str]) -> Option<Range<usize>> {
        self.ws();
        let start = self.i;
        let Some((first, rest)) = path.split_first() else {
            self.skip()?;
            return Some(start..self.i);
        };
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                loop {
                    self.ws();
                    match *self.b.get(self.i)? {
                        b'}' => return None,
                        b',' => self.i += 1,
                        b'"' => {
                            let k = self.string()?;
                            self.ws();
                            if self.b.get(self.i) != Some(&b':') {
                                return None;
                            }
                            self.i += 1;
                            if &self.b[k] == first.as_bytes() {
                                return self.find(rest);
                            }
                            self.skip()?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                let want: usize = first.parse().ok()?;
                self.i += 1;
                let mut n = 0;
                loop {
                    self.ws();
                    match *self.b.get(self.i)? {
                        b']' => return None,
                        b',' => self.i += 1,
                        _ if n == want => return self.find(rest),
                        _ => {
                            self.skip()?;
                            n += 1;
                        }
                    }
                }
            }
            _ => None,
        }
    }
}

/// How deep [`Index`] records values: a results file's highlights sit at depth 4
/// (`steps`, N, `highlights`, M).
const INDEX_DEPTH: usize = 4;

/// The byte ranges of every value of a JSON text down to [`INDEX_DEPTH`] levels, found in one
/// pass, so that finding many values costs one pass plus a scan inside each value, not a scan
/// of the whole text for each.
#[derive(Clone, Default)]
pub(crate) struct Index {
    values: std::collections::HashMap<Vec<String>, Range<usize>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Index({} values)", self.values.len())
    }
}

impl Index {
    /// Indexes `json`. Broken text is indexed as far as it reads.
    pub fn new(json: &str) -> Self {
        let mut index = Index::default();
        let mut s = Scan {
            b: json.as_bytes(),
            i: 0,
        };
        let _ = index.walk(&mut s, &mut Vec::new(), INDEX_DEPTH);
        index
    }

    /// Records the value at `s` (and, `left` levels down, those inside it). Recurses at most
    /// [`INDEX_DEPTH`] times whatever the text: deeper values are skipped by the iterative
    /// [`Scan::skip`].
    fn walk(&mut self, s: &mut Scan<'_>, path: &mut Vec<String>, left: usize) -> Option<()> {
        s.ws();
        let start = s.i;
        match *s.b.get(s.i)? {
            b'{' if left > 0 => {
                s.i += 1;
                loop {
                    s.ws();
                    match *s.b.get(s.i)? {
                        b'}' => {
                            s.i += 1;
                            break;
                        }
                        b',' => s.i += 1,
                        b'"' => {
                            let k = s.string()?;
                            s.ws();
                            if s.b.get(s.i) != Some(&b':') {
                                return None;
                            }
                            s.i += 1;
                            path.push(String::from_utf8_lossy(&s.b[k]).into_owned());
                            let r = self.walk(s, path, left - 1);
                            path.pop();
                            r?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' if left > 0 => {
                s.i += 1;
                let mut n = 0usize;
                loop {
                    s.ws();
                    match *s.b.get(s.i)? {
                        b']' => {
                            s.i += 1;
                            break;
                        }
                        b',' => s.i += 1,
                        _ => {
                            path.push(n.to_string());
                            let r = self.walk(s, path, left - 1);
                            path.pop();
                            r?;
                            n += 1;
                        }
                    }
                }
            }
            _ => s.skip()?,
        }
        // The first of two equal keys wins, as `locate` finds it.
        self.values.entry(path.clone()).or_insert(start..s.i);
        Some(())
    }

    /// [`locate`], starting from the deepest indexed value on the way to `path`.
    pub(crate) fn locate(&self, json: &str, path: &[&str]) -> Option<Range<usize>> {
        for n in (0..=path.len().min(INDEX_DEPTH)).rev() {
            let key: Vec<String> = path[..n].iter().map(|p| p.to_string()).collect();
            if let Some(r) = self.values.get(&key) {
                if n == path.len() {
                    return Some(r.clone());
                }
                return Scan {
                    b: json.as_bytes(),
                    i: r.start,
                }
                .find(&path[n..]);
            }
        }
        locate(json, path)
    }
}

/// Byte range of the value reached by following `path` (object keys, array indexes) in `json`.
/// `find` recurses once per element of `path` (which the caller writes), never per level of the
/// text, so no JSON text can exhaust the stack.
pub(crate) fn locate(json: &str, path: &[&str]) -> Option<Range<usize>> {
    Scan {
        b: json.as_bytes(),
        i: 0,
    }
    .find(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let j = "{\"a\": 1, \"steps\": [ {\"x\": \"q\\\"}\"}, {\"highlights\": [ {\"end\": 9000} ]} ]}";
        let r = locate(j, &["steps", "1", "highlights", "0", "end"]).unwrap();
        assert_eq!(&j[r], "9000");
        let r = locate(j, &["steps", "0", "x"]).unwrap();
        assert_eq!(&j[r], "\"q\\\"}\"");
        assert_eq!(locate(j, &["steps", "5"]), None);
        assert_eq!(locate(j, &["nope"]), None);
        assert_eq!(locate("{\"a\": [1,", &["a", "3"]), None);
    }

    #[test]
    fn skips_values_of_every_kind() {
        let j = r#"{"s": "a]}\"b", "n": -1.5e3, "t": true, "o": {"x": [1, {"y": null}]}, "z": 7}"#;
        let r = locate(j, &["z"]).unwrap();
        assert_eq!(&j[r], "7");
        let r = locate(j, &["o", "x", "1", "y"]).unwrap();
        assert_eq!(&j[r], "null");
        let r = locate(j, &["o"]).unwrap();
        assert_eq!(&j[r], r#"{"x": [1, {"y": null}]}"#);
        // Broken text never loops or panics.
        for bad in [
            "{\"a\": ]",
            "{\"a\": , \"b\": 1}",
            "[}",
            "{\"a\": [[[",
            "\"",
            "{\"a\":\"\\",
        ] {
            let _ = locate(bad, &["b"]);
            let _ = locate(bad, &["a", "0"]);
        }
    }
}

#[cfg(test)]
mod regression {
    use super::*;

    /// Each of 200 problems in a big results file scanned the file from the start to find its
    /// place: 200 scans of 32 MB. The index finds them all in about one scan.
    #[test]
    fn regression_each_problem_rescans_the_whole_file() {
        let hl = r#"{"target": {"source": "x", "selector": [{"start": 1, "end": 2}]}}"#;
        let n = 20_000;
        let j = format!(
            "{{\"steps\": [{{\"highlights\": [{}]}}], \"z\": 1}}",
            vec![hl; n].join(", ")
        );
        let index = Index::new(&j);
        for i in [0, 1, n / 2, n - 1] {
            let path = [
                "steps",
                "0",
                "highlights",
                &i.to_string(),
                "target",
                "selector",
                "0",
                "end",
            ];
            let want = locate(&j, &path).expect("found");
            assert_eq!(index.locate(&j, &path), Some(want.clone()));
            assert_eq!(&j[want], "2");
        }
        assert_eq!(index.locate(&j, &["z"]), locate(&j, &["z"]));
        assert_eq!(index.locate(&j, &["steps", "0", "highlights", &n.to_string()]), None);
        // Broken and deep texts index as far as they read, with no panic.
        for bad in ["{\"a\": [1, 2", "[[[[[[[[[[", "{\"a\" 1}", ""] {
            let _ = Index::new(bad).locate(bad, &["a", "1"]);
        }
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(Index::new(&deep).locate(&deep, &["a"]).is_some());
    }

    /// serde_json skips an unknown field without any depth limit, so a results file can parse
    /// with a 100,000-deep list in a field we do not read; finding `format` after it recursed
    /// once per level and overflowed the stack.
    #[test]
    fn regression_deep_unknown_field_overflows_the_position_finder() {
        let n = 100_000;
        let j = format!("{{\"junk\": {}{}, \"format\": \"x\"}}", "[".repeat(n), "]".repeat(n));
        let r = locate(&j, &["format"]).unwrap();
        assert_eq!(&j[r], "\"x\"");
        let unclosed = format!("{{\"junk\": {}", "[".repeat(n));
        assert_eq!(locate(&unclosed, &["format"]), None);
    }
}
