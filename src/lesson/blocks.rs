//! The one splitter of a lesson file into its `+++` blocks, used by the loader (which reads
//! each block's TOML into the model) and by the authoring editor (which writes untouched blocks
//! back byte for byte).
//!
//! A file is blank lines, then blocks. A block is an opening line (`+++` for the lesson block,
//! `+++ step` for a step), its TOML settings, a closing line of `+++`, and the Markdown after it
//! up to the next `+++ step` line or the end of the file. The byte ranges of a file's blocks
//! cover it from the first block's opening line to its end without gaps.

use std::ops::Range;

/// One `+++` block of a lesson file, as byte ranges into the file's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// The opening line, without its line break.
    pub open: Range<usize>,
    /// The TOML between the opening and the closing line (each line with its line break).
    pub toml: Range<usize>,
    /// The closing `+++` line, without its line break.
    pub close: Range<usize>,
    /// The Markdown after the closing line, up to the next step's opening line.
    pub prose: Range<usize>,
    /// Lines of a bare `+++` inside the prose (a step opened without `step`), without line breaks.
    pub stray: Vec<Range<usize>>,
}

impl Block {
    /// The opening line with its line break: everything before the TOML.
    pub fn open_line(&self) -> Range<usize> {
        self.open.start..self.toml.start
    }

    /// The closing line with its line break: everything between the TOML and the prose.
    pub fn close_line(&self) -> Range<usize> {
        self.toml.end..self.prose.start
    }
}

/// Why a file could not be split into blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SplitError {
    /// Nothing but blank lines.
    Empty,
    /// The first line that is not blank is not `+++`: its byte range, without its line break.
    NoOpening(Range<usize>),
    /// A block is never closed (the file ends, or a `+++ step` line comes first).
    Unclosed {
        /// The block's opening line, without its line break.
        open: Range<usize>,
        /// Its line number (1-based).
        line: usize,
        /// The blocks before it, which were closed.
        before: Vec<Block>,
    },
}

/// Is this line the opening of a step block (`+++ step`, any case, any spacing)?
pub(crate) fn is_step_open(line: &str) -> bool {
    let t = line.trim();
    t.len() > 3 && t.starts_with("+++") && t[3..].trim().eq_ignore_ascii_case("step")
}

/// Splits a lesson file's text into its blocks: the lesson block first, then the steps.
pub(crate) fn split(text: &str) -> Result<Vec<Block>, SplitError> {
    // Each line's start and its text without the line break.
    let mut lines = Vec::new();
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        lines.push((pos, l.trim_end_matches('\n')));
        pos += l.len();
    }
    let span = |i: usize| {
        let (b, l): (usize, &str) = lines[i];
        b..b + l.len()
    };
    let first = lines
        .iter()
        .position(|(_, l)| !l.trim().is_empty())
        .ok_or(SplitError::Empty)?;
    if lines[first].1.trim() != "+++" {
        return Err(SplitError::NoOpening(span(first)));
    }
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = first;
    while i < lines.len() {
        let open = span(i);
        let close = (i + 1..lines.len())
            .take_while(|&j| !is_step_open(lines[j].1))
            .find(|&j| lines[j].1.trim() == "+++");
        let Some(close) = close else {
            return Err(SplitError::Unclosed {
                open,
                line: i + 1,
                before: blocks,
            });
        };
        let next = (close + 1..lines.len())
            .find(|&k| is_step_open(lines[k].1))
            .unwrap_or(lines.len());
        let stray = (close + 1..next)
            .filter(|&k| lines[k].1.trim() == "+++")
            .map(span)
            .collect();
        let close_span = span(close);
        let prose_start = (close_span.end + 1).min(text.len());
        let prose_end = lines.get(next).map_or(text.len(), |(b, _)| *b);
        blocks.push(Block {
            toml: (open.end + 1).min(close_span.start)..close_span.start,
            open,
            close: close_span,
            prose: prose_start..prose_end.max(prose_start),
            stray,
        });
        i = next;
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blocks_cover_the_file_from_the_first_block_on() {
        let text = "\n+++\ntitle = \"a\"\n+++\nIntro.\n+++ step\nkind = \"read\"\n+++\nRead.";
        let b = split(text).expect("split");
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].open_line().start, 1);
        assert_eq!(&text[b[0].toml.clone()], "title = \"a\"\n");
        assert_eq!(&text[b[0].close_line()], "+++\n");
        assert_eq!(&text[b[0].prose.clone()], "Intro.\n");
        assert_eq!(b[0].prose.end, b[1].open.start);
        assert_eq!(&text[b[1].open.clone()], "+++ step");
        assert_eq!(&text[b[1].prose.clone()], "Read.");
        assert_eq!(b[1].prose.end, text.len());
    }

    #[test]
    fn a_bare_line_of_plus_in_the_prose_is_stray() {
        let text = "+++\n+++\nIntro.\n+++\nkind = \"read\"\n+++\n";
        let b = split(text).expect("split");
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].stray, vec![15..18, 33..36]);
    }

    #[test]
    fn broken_structure_is_refused() {
        assert_eq!(split(" \n\n"), Err(SplitError::Empty));
        assert_eq!(split("\ntitle = 1\n"), Err(SplitError::NoOpening(1..10)));
        let Err(SplitError::Unclosed { open, line, before }) = split("+++\n+++\n+++ step\nkind = 1\n+++ step\n") else {
            panic!("unclosed");
        };
        assert_eq!((open, line, before.len()), (8..16, 3, 1));
    }
}
