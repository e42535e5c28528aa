//! A long list of rows of different heights (the library's lesson cards) that draws only the
//! rows in view: a school's folder may list a thousand lessons, and a frame must cost what is on
//! screen, not what is in the folder.

use egui::{Rect, Ui, UiBuilder, pos2, vec2};

/// Up to this many rows, all are drawn (every row then is in the accessibility tree and in the
/// Tab order, as in any list); past it, only those in view and a screen's height around them.
pub(crate) const DRAW_ALL_UP_TO: usize = 100;

/// The heights of the rows last drawn, so that rows out of view take their place in the
/// scroll area without being drawn.
#[derive(Default)]
pub(crate) struct Rows {
    /// Each row's height as last drawn, or its estimate.
    heights: Vec<f32>,
    /// Where each row starts (with the gaps), and one more entry for the end: remade only when
    /// a height or the row count changed, so a frame finds its rows by binary search.
    tops: Vec<f32>,
    /// How many rows were drawn in the last frame (for tests).
    drawn: usize,
}

impl Rows {
    /// Draws `count` rows in a vertical scroll area, each by `row(ui, i)`, `gap` points apart.
    /// A row never drawn is assumed `estimate` points tall; one drawn keeps its measured
    /// height, and the frame is drawn again when a measure changed the layout.
    pub(crate) fn show(
        &mut self,
        ui: &mut Ui,
        salt: &str,
        count: usize,
        estimate: f32,
        gap: f32,
        mut row: impl FnMut(&mut Ui, usize),
    ) {
        self.heights.resize(count, estimate);
        let area = egui::ScrollArea::vertical().id_salt(salt).auto_shrink([false, true]);
        if count <= DRAW_ALL_UP_TO {
            area.show(ui, |ui| {
                for i in 0..count {
                    row(ui, i);
                    ui.add_space(gap);
                }
            });
            self.drawn = count;
            return;
        }
        if self.tops.len() != count + 1 {
            self.measure_tops(gap);
        }
        area.show_viewport(ui, |ui, viewport| {
            ui.set_height(self.tops[count]);
            let (left, top, width) = (ui.max_rect().left(), ui.max_rect().top(), ui.available_width());
            // A screen's height of rows above and below the view, so a scroll step lands on rows
            // already measured.
            let margin = viewport.height();
            let (from, to) = (viewport.min.y - margin, viewport.max.y + margin);
            // The first row that ends after `from`.
            let first = self.tops[1..].partition_point(|&end| end < from);
            let mut changed = false;
            self.drawn = 0;
            for i in first..count {
                let (y, h) = (self.tops[i], self.heights[i]);
                if y > to {
                    break;
                }
                let rect = Rect::from_min_size(pos2(left, top + y), vec2(width, h.max(1.0)));
                let r = ui.scope_builder(UiBuilder::new().max_rect(rect).id_salt(("row", i)), |ui| row(ui, i));
                let measured = r.response.rect.height();
                if (measured - h).abs() > 0.5 {
                    self.heights[i] = measured;
                    changed = true;
                }
                self.drawn += 1;
            }
            if changed {
                self.measure_tops(gap);
                ui.ctx().request_repaint();
            }
        });
    }

    /// Remakes [`Rows::tops`] from the heights.
    fn measure_tops(&mut self, gap: f32) {
        self.tops.clear();
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h + gap;
        }
        self.tops.push(y);
    }

    /// How many rows the last frame drew.
    pub(crate) fn drawn(&self) -> usize {
        self.drawn
    }
}
