//! Lesson prose: Markdown (pulldown-cmark) drawn with egui labels.
//!
//! Paragraphs, headings, bold, italic, inline code, block quotes, and bulleted or numbered
//! lists. Links show their text and address as text: the app never opens the network. Raw HTML
//! is shown as text (`lateral check` warns about it).

use egui::text::LayoutJob;
use egui::{Color32, FontFamily, FontId, TextFormat, Ui};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::app::theme::Theme;

/// One block to draw.
#[derive(Debug)]
struct Block {
    job: LayoutJob,
    indent: f32,
    space_before: f32,
}

/// Draws Markdown text in the reading column.
pub(crate) fn markdown_ui(ui: &mut Ui, text: &str, theme: &Theme) {
    let width = ui.available_width().min(theme.max_column()).max(100.0);
    for b in blocks(text, theme) {
        ui.add_space(b.space_before);
        let mut job = b.job;
        job.wrap.max_width = (width - b.indent).max(50.0);
        let plain = job.text.clone();
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, galley.size().y), egui::Sense::hover());
        ui.painter()
            .galley(rect.min + egui::vec2(b.indent, 0.0), galley, theme.text_color());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &plain));
    }
}

/// The plain text of Markdown (for tests).
#[cfg(test)]
fn plain_text(text: &str) -> String {
    let mut out = String::new();
    for ev in Parser::new(text) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    crate::text::collapse_whitespace(&out)
}

fn blocks(text: &str, theme: &Theme) -> Vec<Block> {
    let mut b = Blocks::new(theme);
    for ev in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH) {
        b.event(ev);
    }
    let size = b.size;
    b.flush(0.0, size * 0.6);
    b.out
}

/// Markdown events turned into blocks: the blocks so far, the one being built, and where in the
/// document the parser is (bold, italic, heading, quote, lists, link).
struct Blocks<'t> {
    theme: &'t Theme,
    size: f32,
    base: TextFormat,
    out: Vec<Block>,
    job: LayoutJob,
    bold: i32,
    italic: i32,
    heading: Option<HeadingLevel>,
    quote: i32,
    lists: Vec<Option<u64>>,
    link: Option<String>,
    pending_item: bool,
}

impl<'t> Blocks<'t> {
    fn new(theme: &'t Theme) -> Self {
        let size = (theme.font_size * 0.9).max(13.0);
        let base = TextFormat {
            font_id: FontId::new(size, FontFamily::Proportional),
            color: theme.text_color(),
            line_height: Some(size * 1.45),
            ..Default::default()
        };
        Self {
            theme,
            size,
            base,
            out: Vec::new(),
            job: LayoutJob::default(),
            bold: 0,
            italic: 0,
            heading: None,
            quote: 0,
            lists: Vec::new(),
            link: None,
            pending_item: false,
        }
    }

    /// Ends the block being built (if it has any text), `gap` below the one before.
    fn flush(&mut self, indent: f32, gap: f32) {
        if !self.job.text.trim().is_empty() {
            self.out.push(Block {
                job: std::mem::take(&mut self.job),
                indent,
                space_before: gap,
            });
        } else {
            self.job = LayoutJob::default();
        }
    }

    /// The text format for this much bold, italic, heading and quote.
    fn fmt(&self, bold: i32, italic: i32, heading: Option<HeadingLevel>, quote: i32) -> TextFormat {
        let size = self.size;
        let mut f = self.base.clone();
        if let Some(h) = heading {
            let scale = match h {
                HeadingLevel::H1 => 1.5,
                HeadingLevel::H2 => 1.3,
                _ => 1.15,
            };
            f.font_id = FontId::new(size * scale, FontFamily::Name("ui-bold".into()));
            f.line_height = Some(size * scale * 1.3);
        } else if bold > 0 {
            f.font_id = FontId::new(size, FontFamily::Name("ui-bold".into()));
        }
        f.italics = italic > 0 || quote > 0;
        if quote > 0 {
            f.color = self.theme.muted();
        }
        f
    }

    /// The text format where the parser is.
    fn here(&self) -> TextFormat {
        self.fmt(self.bold, self.italic, self.heading, self.quote)
    }

    fn event(&mut self, ev: Event<'_>) {
        // Deeper lists than a reader can follow (a hostile file nests thousands) indent no further.
        let size = self.size;
        let indent = self.lists.len().min(8) as f32 * size * 1.2 + if self.quote > 0 { size } else { 0.0 };
        match ev {
            Event::Start(tag) => self.start(tag, indent),
            Event::End(tag) => self.end(tag, indent),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => self.text(&t),
            Event::Code(t) => self.code(&t),
            Event::SoftBreak => self.job.append(" ", 0.0, self.here()),
            Event::HardBreak => self.job.append("\n", 0.0, self.here()),
            Event::Rule => self.flush(indent, size),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, indent: f32) {
        let size = self.size;
        match tag {
            Tag::Heading { level, .. } => {
                self.flush(indent, size * 0.6);
                self.heading = Some(level);
            }
            Tag::BlockQuote(_) => self.quote += 1,
            Tag::List(start) => {
                self.flush(indent, size * 0.4);
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush(indent, size * 0.3);
                self.pending_item = true;
            }
            Tag::Strong => self.bold += 1,
            Tag::Emphasis => self.italic += 1,
            Tag::Link { dest_url, .. } => self.link = Some(dest_url.to_string()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, indent: f32) {
        let size = self.size;
        match tag {
            TagEnd::Heading(_) => {
                self.flush(indent, size * 0.9);
                self.heading = None;
            }
            TagEnd::Paragraph => self.flush(indent, size * 0.6),
            TagEnd::BlockQuote(_) => self.quote -= 1,
            TagEnd::List(_) => {
                self.flush(indent, size * 0.3);
                self.lists.pop();
            }
            TagEnd::Item => self.flush(indent, size * 0.3),
            TagEnd::Strong => self.bold -= 1,
            TagEnd::Emphasis => self.italic -= 1,
            TagEnd::Link => {
                if let Some(url) = self.link.take() {
                    let mut f = self.here();
                    f.color = self.theme.muted();
                    self.job.append(&format!(" ({url})"), 0.0, f);
                }
            }
            _ => {}
        }
    }

    /// Text, after the bullet or number of a list item that starts with it.
    fn text(&mut self, t: &str) {
        if self.pending_item {
            self.pending_item = false;
            let bullet = match self.lists.last_mut() {
                Some(Some(n)) => {
                    *n += 1;
                    format!("{}. ", *n - 1)
                }
                _ => "•  ".to_string(),
            };
            let f = self.fmt(0, 0, None, self.quote);
            self.job.append(&bullet, 0.0, f);
        }
        let mut f = self.here();
        if self.link.is_some() {
            f.underline = egui::Stroke::new(1.0, self.theme.muted());
        }
        self.job.append(t, 0.0, f);
    }

    fn code(&mut self, t: &str) {
        let mut f = self.here();
        f.font_id = FontId::monospace(self.size * 0.95);
        f.background = if self.theme.dark {
            Color32::from_gray(0x33)
        } else {
            Color32::from_gray(0xE8)
        };
        self.job.append(t, 0.0, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_blocks_with_bullets_and_numbers() {
        let t = Theme::new(false, 18.0);
        let b = blocks(
            "# Title\n\nSome **bold** and *it*.\n\n- one\n- two\n\n1. first\n2. second\n",
            &t,
        );
        let texts: Vec<&str> = b.iter().map(|b| b.job.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Title",
                "Some bold and it.",
                "•  one",
                "•  two",
                "1. first",
                "2. second"
            ]
        );
        assert!(b[2].indent > 0.0);
    }

    #[test]
    fn links_show_their_address_as_text() {
        let t = Theme::new(false, 18.0);
        let b = blocks("See [the report](https://example.org/x).", &t);
        assert_eq!(b[0].job.text, "See the report (https://example.org/x).");
        assert_eq!(plain_text("A **b** `c`\n\nD"), "A b c D");
    }
}
