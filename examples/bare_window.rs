//! The floor for Lateral's start (issue 16 §1): a bare eframe glow window with egui's own fonts
//! that shows the AP article of the first bundled lesson and nothing else, the same size as
//! Lateral's window. `scripts/bench-startup.sh` runs it beside Lateral under the same startup
//! probe (`LATERAL_STARTUP_PROBE`, see `lateral::app::startup_probe`).
//!
//! ```sh
//! cargo run --release --example bare_window
//! LATERAL_STARTUP_PROBE=$(date +%s%N) ./target/release/examples/bare_window
//! ```

use lateral::app::startup_probe::Probe;

/// The AP article, as bundled (Lateral shows it beside a second one).
const ARTICLE: &str = include_str!("../corpus/000_93c843e8f2ae1a16.txt");

struct Bare {
    probe: Option<Probe>,
}

impl Bare {
    fn mark(&mut self, stage: &'static str) {
        if let Some(p) = &mut self.probe {
            p.mark(stage);
        }
    }
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(p) = &mut self.probe {
            p.frame(ui.ctx());
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.label(ARTICLE);
            });
        });
        if ui.ctx().cumulative_frame_nr() == 0 {
            self.mark("ui");
        }
    }
}

fn main() -> eframe::Result {
    let mut probe = Probe::from_env();
    if let Some(p) = &mut probe {
        p.mark("main");
    }
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare window")
            .with_inner_size([1280.0, 800.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Bare window",
        native,
        Box::new(move |_cc| {
            if let Some(p) = &mut probe {
                p.mark("window");
            }
            Ok(Box::new(Bare { probe }))
        }),
    )
}
