//! Colours, spacing and fonts: the one place the app's look is decided.
//!
//! Every colour here was chosen against two measured bars, both checked by the unit tests in
//! `theme_tests.rs` for the light and the dark theme:
//! - contrast (WCAG 2.2 AA): every text at least 4.5:1 against what it is drawn on, and
//!   outlines, focus rings and other marks that are not text at least 3:1;
//! - colour-vision deficiency: the label fills, and the verdict colours, stay apart (CIEDE2000)
//!   under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009).
//!
//! Colour is never the only cue: a highlight carries its label's number, a verdict its mark and
//! its word (✓ found, ½ partly found, ✗ missed, ? not in the key).

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, RichText, Stroke};

use crate::grading::score::Verdict;

const fn rgb(hex: u32) -> Color32 {
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// Label fills in palette order (label 1 first), light theme: mid-light colours under dark
/// text. Picked by a farthest-point search over sRGB for the largest smallest CIEDE2000 distance
/// under every simulation, among colours with at least 5:1 under the text and 1.4:1 against the
/// page (so a highlight shows); the first ones (what most steps use) are the farthest apart.
const LIGHT_LABELS: [Color32; 9] = [
    rgb(0x8FCBEF),
    rgb(0xF2C46B),
    rgb(0xFF3C96),
    rgb(0x9678FF),
    rgb(0xB4874B),
    rgb(0xD2D2C3),
    rgb(0x4BA5A5),
    rgb(0xA5B487),
    rgb(0xFF87C3),
];

/// Label fills, dark theme: deep colours under light text, picked the same way (at least 5:1
/// under the text, 1.6:1 against the page).
const DARK_LABELS: [Color32; 9] = [
    rgb(0x1F5A80),
    rgb(0x7A4F00),
    rgb(0x7C244C),
    rgb(0x780FFF),
    rgb(0x3C00C3),
    rgb(0x4B3C1E),
    rgb(0x695A4B),
    rgb(0x5A5A69),
    rgb(0x873CB4),
];

/// Found, partly found, missed, not in the key: dark enough to be text on the light page.
const LIGHT_VERDICTS: [Color32; 4] = [rgb(0x00734D), rgb(0x946000), rgb(0x9E0A28), rgb(0x6E50E0)];

/// The same four, light enough to be text on the dark page.
const DARK_VERDICTS: [Color32; 4] = [rgb(0x4CD6A0), rgb(0xF2C14E), rgb(0xFF8A70), rgb(0xC9A0FF)];

/// Everything the views need to draw, for one theme (light or dark) and text size.
#[derive(Clone, Debug)]
pub struct Theme {
    /// Dark theme?
    pub(crate) dark: bool,
    /// Reading text size, points.
    pub(crate) font_size: f32,
}

/// Font family of article text.
pub(crate) fn reading_family() -> FontFamily {
    // i18n: not text (a font family's name)
    FontFamily::Name("reading".into())
}

/// Font family of headlines.
pub(crate) fn headline_family() -> FontFamily {
    // i18n: not text (a font family's name)
    FontFamily::Name("headline".into())
}

/// Installs the bundled fonts: Noto Serif for reading, Noto Sans for the interface, with Noto
/// Sans Symbols and Symbols 2 (arrows, ✓ ✗ ▶ …) and egui's own fonts as fallbacks. Noto Sans and
/// Serif cover Latin (Polish included), Greek and Cyrillic (Ukrainian included). No right-to-left
/// face is bundled: egui 0.37 has no bidirectional layout or Arabic shaping, so Arabic or Hebrew
/// text would be drawn in the wrong order and unjoined; such text shows as boxes instead, and
/// docs/translating.md says so.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// The font definitions (also used by tests).
pub(crate) fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let add = |fonts: &mut FontDefinitions, name: &str, bytes: &'static [u8]| {
        fonts
            .font_data
            .insert(name.into(), std::sync::Arc::new(FontData::from_static(bytes)));
    };
    add(
        &mut fonts,
        // i18n: not text (a font's name)
        "NotoSerif",
        include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf"),
    );
    add(
        &mut fonts,
        // i18n: not text (a font's name)
        "NotoSerifBold",
        include_bytes!("../../assets/fonts/NotoSerif-Bold.ttf"),
    );
    add(
        &mut fonts,
        // i18n: not text (a font's name)
        "NotoSans",
        include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    );
    add(
        &mut fonts,
        // i18n: not text (a font's name)
        "NotoSansBold",
        include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    );
    add(
        &mut fonts,
        // i18n: not text (a font's name)
        "NotoSansSymbols",
        include_bytes!("../../assets/fonts/NotoSansSymbols-Regular.ttf"),
    );
    add(
        &mut fonts,
        // i18n: not text (a font's name)
        "NotoSansSymbols2",
        include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
    );
    let fallbacks: Vec<String> = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let family = |first: &str| {
        let mut v = vec![
            first.to_string(),
            // i18n: not text (a font's name)
            "NotoSansSymbols".to_string(),
            // i18n: not text (a font's name)
            "NotoSansSymbols2".to_string(),
        ];
        v.extend(fallbacks.iter().cloned());
        v
    };
    // i18n: not text (a font's name)
    fonts.families.insert(FontFamily::Proportional, family("NotoSans"));
    // egui's monospace face (diagnostics, file names) lacks some letters (ẞ) and the marks ✓ ✗.
    if let Some(mono) = fonts.families.get_mut(&FontFamily::Monospace) {
        // i18n: not text (fonts' names)
        mono.extend(["NotoSans", "NotoSansSymbols", "NotoSansSymbols2"].map(String::from));
    }
    // i18n: not text (a font's name)
    fonts.families.insert(reading_family(), family("NotoSerif"));
    // i18n: not text (a font's name)
    fonts.families.insert(headline_family(), family("NotoSerifBold"));
    fonts
        .families
        // i18n: not text (a font family's name)
        .insert(FontFamily::Name("ui-bold".into()), family("NotoSansBold"));
    fonts
}

impl Theme {
    /// A theme.
    pub fn new(dark: bool, font_size: f32) -> Self {
        Self { dark, font_size }
    }

    /// egui's visuals for this theme: egui's own, with colours that meet the contrast bar
    /// (egui's light links, weak text, errors and warnings measure 2.7–3.8:1) and a focus ring
    /// that shows: 2 points wide in a colour at least 3:1 against everything it is drawn
    /// next to.
    pub(crate) fn visuals(&self) -> egui::Visuals {
        let mut v = if self.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        };
        let focus = self.focus_stroke();
        v.selection.bg_fill = if self.dark { rgb(0x1E3550) } else { rgb(0xCFE3F8) };
        // The outline of a focused text box, and the text of a selected button.
        v.selection.stroke = focus;
        // A focused button is drawn as "active" (egui's light grey 165 left weak text on it at
        // 2.8:1).
        v.widgets.active.bg_stroke = focus;
        if !self.dark {
            v.widgets.active.weak_bg_fill = Color32::from_gray(0xD8);
            v.widgets.active.bg_fill = Color32::from_gray(0xD8);
        }
        // Buttons and text boxes show their edge (egui's light buttons are 1.1:1 on the page).
        v.widgets.inactive.bg_stroke = Stroke::new(1.0, self.edge_color());
        v.weak_text_color = Some(self.weak_text());
        if self.dark {
            // egui's grey 140 is 2.7:1 on the selection colour.
            v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(0xD8);
        }
        v.hyperlink_color = if self.dark { rgb(0x5AAAFF) } else { rgb(0x0058B0) };
        v.error_fg_color = self.verdict_color(Verdict::Missed);
        v.warn_fg_color = self.verdict_color(Verdict::Partly);
        v
    }

    /// The ring around the focused widget.
    pub(crate) fn focus_stroke(&self) -> Stroke {
        Stroke::new(2.0, if self.dark { rgb(0xA8D4FF) } else { rgb(0x004A90) })
    }

    /// The edge of buttons and text boxes.
    fn edge_color(&self) -> Color32 {
        if self.dark {
            Color32::from_gray(0x80)
        } else {
            Color32::from_gray(0x84)
        }
    }

    /// Weak text (hints in empty text boxes, egui's `weak()`, a step's state in the step list),
    /// also on a selected or hovered button.
    fn weak_text(&self) -> Color32 {
        if self.dark {
            Color32::from_gray(0xB0)
        } else {
            Color32::from_gray(0x5A)
        }
    }

    /// Article text.
    pub(crate) fn body_font(&self) -> FontId {
        FontId::new(self.font_size, reading_family())
    }

    /// Small print (metadata, tags).
    pub(crate) fn small_font(&self) -> FontId {
        FontId::new((self.font_size * 0.72).max(11.0), FontFamily::Proportional)
    }

    /// Text colour of article text.
    pub(crate) fn text_color(&self) -> Color32 {
        if self.dark {
            Color32::from_gray(0xE6)
        } else {
            Color32::from_gray(0x1E)
        }
    }

    /// Muted text (metadata).
    pub(crate) fn muted(&self) -> Color32 {
        if self.dark {
            Color32::from_gray(0xA8)
        } else {
            Color32::from_gray(0x5A)
        }
    }

    /// Space between lines, as a multiple of the font size.
    pub(crate) fn line_height(&self) -> f32 {
        self.font_size * 1.55
    }

    /// Space between paragraphs.
    pub(crate) fn paragraph_gap(&self) -> f32 {
        self.font_size * 0.8
    }

    /// Widest comfortable reading column (about 70 characters).
    pub(crate) fn max_column(&self) -> f32 {
        self.font_size * 36.0
    }

    /// Background of a student highlight with label number `n` (0-based in the step's palette),
    /// or without a label.
    pub(crate) fn mark_fill(&self, label_index: Option<usize>) -> Color32 {
        let labels = if self.dark { &DARK_LABELS } else { &LIGHT_LABELS };
        match label_index {
            Some(i) => labels[i % labels.len()],
            None if self.dark => rgb(0x5E5200),
            None => rgb(0xF5E36A),
        }
    }

    /// The colour of a label's tag and chip: its highlight's fill, so the number tag reads as
    /// part of the highlight.
    pub(crate) fn label_color(&self, label_index: usize) -> Color32 {
        self.mark_fill(Some(label_index))
    }

    /// Text on a coloured fill (a tag): black or white, whichever stands out more.
    pub(crate) fn text_on(&self, fill: Color32) -> Color32 {
        if contrast(Color32::BLACK, fill) >= contrast(Color32::WHITE, fill) {
            Color32::BLACK
        } else {
            Color32::WHITE
        }
    }

    /// A label's chip above the article: its number and name on its highlight colour. The
    /// player shows it as a button while the student may highlight, and as a plain label (a
    /// legend, not faded) once the step is checked: egui's fade of disabled buttons left the
    /// chips at 1.4–1.5:1 on the dark theme.
    pub(crate) fn label_chip(&self, index: usize, name: &str) -> RichText {
        RichText::new(format!("{} {name}", index + 1))
            .color(self.text_color())
            .background_color(self.mark_fill(Some(index)))
    }

    /// The class view's heat map under article text: pale to strong by `share` of the class
    /// (0 to 1). On the dark theme it stops at a deep orange, so light text stays readable.
    pub(crate) fn heat_fill(&self, share: f32) -> Color32 {
        let s = share.clamp(0.0, 1.0);
        let c = |from: f32, to: f32| (from + (to - from) * s).round() as u8;
        if self.dark {
            Color32::from_rgb(c(40.0, 150.0), c(40.0, 60.0), c(40.0, 0.0))
        } else {
            Color32::from_rgb(255, c(245.0, 95.0), c(220.0, 20.0))
        }
    }

    /// Outline of the selected highlight.
    pub(crate) fn selected_stroke(&self) -> Stroke {
        Stroke::new(2.0, if self.dark { Color32::WHITE } else { Color32::BLACK })
    }

    /// The live drag selection (drawn over the page and the highlights, under the text).
    pub(crate) fn selection_fill(&self) -> Color32 {
        // Lighter on the light theme, darker on the dark one: it raises the contrast of the
        // text over a highlight instead of lowering it.
        if self.dark {
            Color32::from_rgba_unmultiplied(0x00, 0x30, 0x80, 110)
        } else {
            Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 70)
        }
    }

    /// The keyboard cursor (a word outline), and the outline of a key passage shown as the
    /// solution.
    pub(crate) fn cursor_stroke(&self) -> Stroke {
        Stroke::new(2.0, if self.dark { rgb(0x56B4E9) } else { rgb(0x0072B2) })
    }

    /// Colour of a verdict: its text in the results, its outline and tag in the article.
    pub(crate) fn verdict_color(&self, v: Verdict) -> Color32 {
        let c = if self.dark { &DARK_VERDICTS } else { &LIGHT_VERDICTS };
        match v {
            Verdict::Found => c[0],
            Verdict::Partly => c[1],
            Verdict::Missed => c[2],
        }
    }

    /// Colour of highlights that are not in the key.
    pub(crate) fn extra_color(&self) -> Color32 {
        if self.dark { DARK_VERDICTS[3] } else { LIGHT_VERDICTS[3] }
    }
}

/// WCAG 2.2 relative luminance of an opaque sRGB colour.
pub(crate) fn luminance(c: Color32) -> f32 {
    let f = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.r()) + 0.7152 * f(c.g()) + 0.0722 * f(c.b())
}

/// WCAG 2.2 contrast ratio of two opaque colours, 1 to 21.
pub(crate) fn contrast(a: Color32, b: Color32) -> f32 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
#[path = "theme_tests.rs"]
mod tests;
