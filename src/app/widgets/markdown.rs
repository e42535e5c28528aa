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
    let size = (theme.font_size * 0.9).max(13.0);
    let base = TextFormat {
        font_id: FontId::new(size, FontFamily::Proportional),
        color: theme.text_color(),
        line_height: Some(size * 1.45),
        ..Default::default()
    };
    let mut out: Vec<Block> = Vec::new();
    let mut job = LayoutJob::default();
    let (mut bold, mut italic, mut heading, mut quote) = (0, 0, None::<HeadingLevel>, 0);
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut link: Option<String> = None;
    let mut pending_item = false;
    let flush = |job: &mut LayoutJob, out: &mut Vec<Block>, indent: f32, gap: f32| {
        if !job.text.trim().is_empty() {
            out.push(Block {
                job: std::mem::take(job),
                indent,
                space_before: gap,
            });
        } else {
            *job = LayoutJob::default();
        }
    };
    for ev in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH) {
        // Deeper lists than a reader can follow (a hostile file nests thousands) indent no further.
        let indent = lists.len().min(8) as f32 * size * 1.2 + if quote > 0 { size } else { 0.0 };
        let fmt = |bold: i32, italic: i32, heading: Option<HeadingLevel>, quote: i32| {
            let mut f = base.clone();
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
                f.color = theme.muted();
            }
            f
        };
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut job, &mut out, indent, size * 0.6);
                heading = Some(level);
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut job, &mut out, indent, size * 0.9);
                heading = None;
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => flush(&mut job, &mut out, indent, size * 0.6),
            Event::Start(Tag::BlockQuote(_)) => quote += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote -= 1,
            Event::Start(Tag::List(start)) => {
                flush(&mut job, &mut out, indent, size * 0.4);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut job, &mut out, indent, size * 0.3);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut job, &mut out, indent, size * 0.3);
                pending_item = true;
            }
            Event::End(TagEnd::Item) => flush(&mut job, &mut out, indent, size * 0.3),
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold -= 1,
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic -= 1,
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.take() {
                    let mut f = fmt(bold, italic, heading, quote);
                    f.color = theme.muted();
                    job.append(&format!(" ({url})"), 0.0, f);
                }
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if pending_item {
                    pending_item = false;
                    let bullet = match lists.last_mut() {
                        Some(Some(n)) => {
                            *n += 1;
                            format!("{}. ", *n - 1)
                        }
                        _ => "•  ".to_string(),
                    };
                    job.append(&bullet, 0.0, fmt(0, 0, None, quote));
                }
                let mut f = fmt(bold, italic, heading, quote);
                if link.is_some() {
                    f.underline = egui::Stroke::new(1.0, theme.muted());
                }
                job.append(&t, 0.0, f);
            }
            Event::Code(t) => {
                let mut f = fmt(bold, italic, heading, quote);
                f.font_id = FontId::monospace(size * 0.95);
                f.background = if theme.dark {
                    Color32::from_gray(0x33)
                } else {
                    Color32::from_gray(0xE8)
                };
                job.append(&t, 0.0, f);
            }
            Event::SoftBreak => job.append(" ", 0.0, fmt(bold, italic, heading, quote)),
            Event::HardBreak => job.append("\n", 0.0, fmt(bold, italic, heading, quote)),
            Event::Rule => flush(&mut job, &mut out, indent, size),
            _ => {}
        }
    }
    flush(&mut job, &mut out, 0.0, size * 0.6);
    out
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
