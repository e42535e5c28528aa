//! Colours, spacing and fonts: the one place the app's look is decided.
//!
//! Highlight and verdict colours come from the Okabe–Ito palette, which stays distinguishable
//! under the common forms of colour blindness (deuteranopia, protanopia, tritanopia); every
//! colour is also paired with a text mark (a label number, ✓ ½ ✗ ?), so nothing depends on
//! colour alone.

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, Stroke};

use crate::grading::score::Verdict;

/// Okabe–Ito colours.
mod okabe_ito {
    use egui::Color32;
    pub const ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
    pub const SKY_BLUE: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
    pub const GREEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
    pub const YELLOW: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
    pub const BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
    pub const VERMILLION: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
    pub const PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
    pub const GREY: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);
}

/// The label colours, in palette order (label 1 is the first).
const LABEL_BASES: [Color32; 9] = [
    okabe_ito::SKY_BLUE,
    okabe_ito::ORANGE,
    okabe_ito::PURPLE,
    okabe_ito::GREEN,
    okabe_ito::YELLOW,
    okabe_ito::BLUE,
    okabe_ito::VERMILLION,
    okabe_ito::GREY,
    Color32::from_rgb(0x88, 0x66, 0x44),
];

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
    FontFamily::Name("reading".into())
}

/// Font family of headlines.
pub(crate) fn headline_family() -> FontFamily {
    FontFamily::Name("headline".into())
}

/// Installs the bundled fonts: Noto Serif for reading, Noto Sans for the interface, with Noto
/// Sans Symbols and Symbols 2 (arrows, ✓ ✗ ▶ …), Noto Sans Arabic and egui's own fonts as fallbacks.
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
        "NotoSerif",
        include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf"),
    );
    add(
        &mut fonts,
        "NotoSerifBold",
        include_bytes!("../../assets/fonts/NotoSerif-Bold.ttf"),
    );
    add(
        &mut fonts,
        "NotoSans",
        include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    );
    add(
        &mut fonts,
        "NotoSansBold",
        include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    );
    add(
        &mut fonts,
        "NotoSansArabic",
        include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    );
    add(
        &mut fonts,
        "NotoSansSymbols",
        include_bytes!("../../assets/fonts/NotoSansSymbols-Regular.ttf"),
    );
    add(
        &mut fonts,
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
            "NotoSansSymbols".to_string(),
            "NotoSansSymbols2".to_string(),
            "NotoSansArabic".to_string(),
        ];
        v.extend(fallbacks.iter().cloned());
        v
    };
    fonts.families.insert(FontFamily::Proportional, family("NotoSans"));
    fonts.families.insert(reading_family(), family("NotoSerif"));
    fonts.families.insert(headline_family(), family("NotoSerifBold"));
    fonts
        .families
        .insert(FontFamily::Name("ui-bold".into()), family("NotoSansBold"));
    fonts
}

impl Theme {
    /// A theme.
    pub fn new(dark: bool, font_size: f32) -> Self {
        Self { dark, font_size }
    }

    /// egui's visuals for this theme, with calmer selection colours.
    pub(crate) fn visuals(&self) -> egui::Visuals {
        let mut v = if self.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        };
        v.selection.bg_fill = if self.dark {
            Color32::from_rgb(0x2B, 0x4A, 0x6F)
        } else {
            Color32::from_rgb(0xB7, 0xD3, 0xF2)
        };
        v
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

    fn tint(&self, base: Color32) -> Color32 {
        // Light theme: a pale tint under dark text; dark theme: a deep shade under light text.
        let mix = |c: u8, to: u8, t: f32| (c as f32 * (1.0 - t) + to as f32 * t).round() as u8;
        let (to, t) = if self.dark { (0x10, 0.62) } else { (0xFF, 0.62) };
        Color32::from_rgb(mix(base.r(), to, t), mix(base.g(), to, t), mix(base.b(), to, t))
    }

    /// Background of a student highlight with label number `n` (0-based in the step's palette),
    /// or without a label.
    pub(crate) fn mark_fill(&self, label_index: Option<usize>) -> Color32 {
        match label_index {
            Some(i) => self.tint(LABEL_BASES[i % LABEL_BASES.len()]),
            None => self.tint(okabe_ito::YELLOW),
        }
    }

    /// The strong colour of a label (for its button and tag).
    pub(crate) fn label_color(&self, label_index: usize) -> Color32 {
        LABEL_BASES[label_index % LABEL_BASES.len()]
    }

    /// Outline of the selected highlight.
    pub(crate) fn selected_stroke(&self) -> Stroke {
        Stroke::new(2.0, if self.dark { Color32::WHITE } else { Color32::BLACK })
    }

    /// The live drag selection.
    pub(crate) fn selection_fill(&self) -> Color32 {
        if self.dark {
            Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 90)
        } else {
            Color32::from_rgba_unmultiplied(0x00, 0x72, 0xB2, 60)
        }
    }

    /// The keyboard cursor (a word outline).
    pub(crate) fn cursor_stroke(&self) -> Stroke {
        Stroke::new(2.0, okabe_ito::BLUE)
    }

    /// Colour of a verdict.
    pub(crate) fn verdict_color(&self, v: Verdict) -> Color32 {
        match v {
            Verdict::Found => okabe_ito::GREEN,
            Verdict::Partly => okabe_ito::ORANGE,
            Verdict::Missed => okabe_ito::VERMILLION,
        }
    }

    /// Colour of highlights that are not in the key.
    pub(crate) fn extra_color(&self) -> Color32 {
        okabe_ito::PURPLE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance.
    fn luminance(c: Color32) -> f32 {
        let f = |v: u8| {
            let v = v as f32 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(c.r()) + 0.7152 * f(c.g()) + 0.0722 * f(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f32 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn highlighted_text_stays_readable_in_both_themes() {
        for dark in [false, true] {
            let t = Theme::new(dark, 18.0);
            for i in (0..9).map(Some).chain([None]) {
                let c = contrast(t.text_color(), t.mark_fill(i));
                assert!(c >= 4.5, "dark={dark} label {i:?}: contrast {c}");
            }
        }
    }

    /// Simulates deuteranopia and protanopia (Viénot, Brettel & Mollon 1999) in linear RGB.
    fn simulate(c: Color32, protan: bool) -> [f32; 3] {
        let lin = |v: u8| (v as f32 / 255.0).powf(2.2);
        let (r, g, b) = (lin(c.r()), lin(c.g()), lin(c.b()));
        if protan {
            [
                0.11238 * r + 0.88762 * g,
                0.11238 * r + 0.88762 * g,
                0.00401 * r - 0.00401 * g + b,
            ]
        } else {
            [
                0.29275 * r + 0.70725 * g,
                0.29275 * r + 0.70725 * g,
                -0.02234 * r + 0.02234 * g + b,
            ]
        }
    }

    #[test]
    fn verdict_colours_stay_apart_for_colour_blind_readers() {
        let t = Theme::new(false, 18.0);
        let colours = [
            t.verdict_color(Verdict::Found),
            t.verdict_color(Verdict::Partly),
            t.verdict_color(Verdict::Missed),
            t.extra_color(),
        ];
        for protan in [false, true] {
            for (i, a) in colours.iter().enumerate() {
                for b in &colours[i + 1..] {
                    let (x, y) = (simulate(*a, protan), simulate(*b, protan));
                    let d = ((x[0] - y[0]).powi(2) + (x[1] - y[1]).powi(2) + (x[2] - y[2]).powi(2)).sqrt();
                    assert!(d > 0.08, "{a:?} vs {b:?} too close (protan={protan}): {d}");
                }
            }
        }
    }
}
