//! Plain text and Markdown: what an article keeps of them.

/// Trims trailing spaces on lines and blank lines at both ends; keeps every word. One pass.
pub(super) fn tidy_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // A run of empty lines at once.
        let blank = rest.bytes().take_while(|&b| b == b'\n').count();
        let (run, tail) = rest.split_at(blank);
        out.push_str(run);
        let (line, tail) = tail.split_once('\n').map_or((tail, ""), |(l, t)| (l, t));
        if !line.is_empty() || !tail.is_empty() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        rest = tail;
    }
    out.truncate(out.trim_end_matches('\n').len());
    let leading = out.len() - out.trim_start_matches('\n').len();
    out.drain(..leading);
    out
}

/// The text of Markdown: paragraphs, headings and list items, one per paragraph, markup removed.
pub fn markdown_to_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::SoftBreak => cur.push(' '),
            Event::HardBreak => cur.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock) => {
                let p = cur.trim().to_string();
                if !p.is_empty() {
                    paras.push(p);
                }
                cur.clear();
            }
            _ => {}
        }
    }
    let p = cur.trim().to_string();
    if !p.is_empty() {
        paras.push(p);
    }
    paras.join("\n\n")
}
