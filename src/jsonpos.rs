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

    fn skip(&mut self) -> Option<()> {
        self.ws();
        match *self.b.get(self.i)? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.i += 1;
                loop {
                    self.ws();
                    match *self.b.get(self.i)? {
                        c if c == close => {
                            self.i += 1;
                            return Some(());
                        }
                        b',' | b':' => self.i += 1,
                        _ => self.skip()?,
                    }
                }
            }
            _ => {
                while self.i < self.b.len()
                    && !matches!(self.b[self.i], b',' | b'}' | b']')
                    && !self.b[self.i].is_ascii_whitespace()
                {
                    self.i += 1;
                }
                Some(())
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

/// Byte range of the value reached by following `path` (object keys, array indexes) in `json`.
pub fn locate(json: &str, path: &[&str]) -> Option<Range<usize>> {
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
}
