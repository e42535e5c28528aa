//! The test hook of the web build: with `?lateral-test` in the page's address, the accessibility
//! tree egui builds (what a screen reader would be told: roles, names, values, places) is
//! published as JSON in `window.__lateralAccess` after each frame that changed it. eframe draws
//! on a canvas and gives a browser no such tree, so this is how `scripts/test-web.sh` finds the
//! name box, a lesson, the article and Check, and reads the score the student is shown.
//! It shows nothing the screen does not. [`Timed`] adds the time each of the last frames took
//! (`window.__lateralFrameMs`: eframe's CPU time of a frame, laying out and painting), for the
//! frame budget in docs/benchmarks.md.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// Whether the page asked for the hook (`?lateral-test`).
pub(super) fn wanted() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s.contains("lateral-test"))
}

/// One node of the tree: its role, name, value and place (in CSS pixels of the canvas).
#[derive(Serialize)]
struct Node {
    role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    rect: [f64; 4],
}

/// The egui plugin that publishes the tree.
#[derive(Default)]
pub(super) struct AccessHook {
    /// What was published last.
    last: String,
}

impl egui::Plugin for AccessHook {
    fn debug_name(&self) -> &'static str {
        // i18n: not text (a plugin's name for profiling)
        "lateral-access-hook"
    }

    fn output_hook(&mut self, ctx: &egui::Context, output: &mut egui::FullOutput) {
        let Some(update) = &output.platform_output.accesskit_update else {
            return;
        };
        let zoom = f64::from(ctx.zoom_factor());
        let nodes: Vec<Node> = update
            .nodes
            .iter()
            .filter(|(_, n)| n.label().is_some() || n.value().is_some())
            .map(|(_, n)| {
                let r = n.bounds().unwrap_or_default();
                Node {
                    role: format!("{:?}", n.role()),
                    label: n.label().map(str::to_string),
                    value: n.value().map(str::to_string),
                    rect: [r.x0 * zoom, r.y0 * zoom, r.x1 * zoom, r.y1 * zoom],
                }
            })
            .collect();
        let json = serde_json::to_string(&nodes).unwrap_or_default();
        if json != self.last
            && let Some(w) = web_sys::window()
        {
            // i18n: not text (a property name)
            let _ = js_sys::Reflect::set(&w, &JsValue::from_str("__lateralAccess"), &JsValue::from_str(&json));
            self.last = json;
        }
    }
}

/// How many of the last frames' times [`Timed`] publishes.
const FRAMES_KEPT: usize = 240;

/// The app, publishing how long each frame took.
pub(super) struct Timed {
    app: super::LateralApp,
    /// The last frames' CPU times, in milliseconds, oldest first.
    frames: std::collections::VecDeque<f32>,
}

impl Timed {
    pub(super) fn new(app: super::LateralApp) -> Self {
        Self {
            app,
            frames: std::collections::VecDeque::new(),
        }
    }
}

impl eframe::App for Timed {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let Some(s) = frame.info().cpu_usage {
            if self.frames.len() == FRAMES_KEPT {
                self.frames.pop_front();
            }
            self.frames.push_back(s * 1000.0);
            if let Some(w) = web_sys::window() {
                let json = serde_json::to_string(&self.frames).unwrap_or_default();
                // i18n: not text (a property name)
                let _ = js_sys::Reflect::set(&w, &JsValue::from_str("__lateralFrameMs"), &JsValue::from_str(&json));
            }
        }
        self.app.ui_root(ui);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        eframe::App::on_exit(&mut self.app, gl);
    }
}
