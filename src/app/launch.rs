//! Starting the app: its options (`--screenshot` and friends), the library it opens, and the
//! window. (The desktop's: the web build starts in `app::web`.)
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use super::shared::bundled_library;
use super::startup_probe::Probe;
use super::{LateralApp, Source, open_pack_file, screenshot, theme};
use crate::cli::AppArgs;
use crate::lesson::library;
use crate::records::progress::Store;

/// Options for starting the app.
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// A lesson folder instead of the bundled lessons.
    lessons: Option<PathBuf>,
    /// Take a screenshot and exit.
    screenshot: Option<screenshot::Plan>,
    /// `--lang`: the UI's language for this run.
    lang: Option<crate::i18n::Locale>,
}

/// The app's options, from the command line the CLI parsed.
pub fn app_options(args: AppArgs) -> AppOptions {
    let screenshot = args.screenshot.map(|out| screenshot::Plan {
        out,
        lesson: args.lesson,
        step: args.step.map(|n| n.max(1) as usize - 1),
        student: args.student,
        answer: args.answer,
        check: args.check,
        summary: args.summary,
        dark: args.dark,
        size: args.size,
        zoom: args.zoom,
        edit: args.edit,
        preview: args.preview,
        class: args.class,
        pin: args.pin,
        keyboard_help: args.keyboard_help,
        about: args.about,
        import: args.import,
        ..screenshot::Plan::default()
    });
    AppOptions {
        lessons: args.lessons,
        screenshot,
        lang: args.lang.as_deref().and_then(crate::i18n::Locale::from_tag),
    }
}

/// The app, ready to draw: its lessons and articles loaded and, for `--screenshot`, the screen
/// the plan asks for prepared; or why not.
fn build_app(opts: &AppOptions, probe: &mut Option<Probe>) -> Result<LateralApp, String> {
    let store = match &opts.screenshot {
        // Screenshots never touch a real student's data.
        Some(_) => Store::new(std::env::temp_dir().join(format!("lateral-screenshot-{}", std::process::id()))),
        None => Store::default_location(),
    };
    let mut app = match &opts.lessons {
        None => LateralApp::new(bundled_library(), Source::Bundled, store),
        Some(p) if p.is_file() => LateralApp::new(open_pack_file(p)?, Source::Pack(p.clone()), store),
        // A screenshot is taken at once, of the folder checked.
        Some(dir) if opts.screenshot.is_some() => LateralApp::new(
            library::load(std::slice::from_ref(dir), &[]).map_err(|e| e.to_string())?,
            Source::Folder(dir.clone()),
            store,
        ),
        // Listed at once, checked in the background.
        Some(dir) => LateralApp::from_folder(dir, store).map_err(|e| e.to_string())?,
    };
    // `--lang`, else the laptop's choice, else (on a real start) the system's language; a
    // screenshot without `--lang` is in English, whatever the machine's language.
    app = match opts.lang {
        Some(l) => app.with_locale(l),
        None if opts.screenshot.is_none() => app.with_system_locale(),
        None => app,
    };
    crate::i18n::set_current(app.locale());
    // i18n: not text (a stage of the startup probe)
    mark(probe, "library");
    if let Some(plan) = opts.screenshot.clone() {
        screenshot::prepare(&mut app, &plan)?;
        app.take_screenshot(plan);
        // i18n: not text (a stage of the startup probe)
        mark(probe, "screen");
    }
    Ok(app)
}

/// The window's title: the app and its version (as in the About box and `lateral --version`).
pub(crate) fn window_title() -> String {
    // i18n: not text (the app's name and version)
    format!("Lateral {}", env!("CARGO_PKG_VERSION"))
}

/// The window's icon: `assets/icon/lateral-256.png`, rendered from `assets/icon/lateral.svg`
/// (the same picture as the installed icons; `scripts/release.sh` renders them all).
fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/lateral-256.png")).unwrap_or_default()
}

/// What the worker thread hands back: the app (or why there is none) and the probe.
type Built = (Result<LateralApp, String>, Option<Probe>);

/// Starts the app; returns the process exit code.
///
/// The lessons and articles load on a worker thread while this (the main) thread opens the
/// window and its GL context, which takes longer (issue 16 §1, docs/benchmarks.md "Startup");
/// the window is shown only once the app has drawn its first frame.
pub fn run(opts: AppOptions) -> i32 {
    let mut probe = Probe::from_env();
    mark(&mut probe, "run");
    let probing = probe.is_some();
    let size = opts.screenshot.as_ref().and_then(|p| p.size).unwrap_or((1280, 800));
    let worker_opts = opts.clone();
    let mut worker = Some(std::thread::spawn(move || -> Built {
        let app = build_app(&worker_opts, &mut probe);
        (app, probe)
    }));
    let mut failed: Option<String> = None;
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(window_title())
            // The desktop entry's name (`lateral.desktop`), so the dock groups the window under it.
            // i18n: not text (an identifier)
            .with_app_id("lateral")
            .with_icon(window_icon())
            .with_inner_size([size.0 as f32, size.1 as f32])
            .with_min_inner_size([640.0, 420.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        // i18n: not text (the app's name)
        "Lateral",
        native,
        Box::new(|cc| {
            let window = std::time::Instant::now();
            let (app, probe) = join(worker.take());
            let app = app.map_err(|e| failed.insert(e).clone())?;
            theme::install_fonts(&cc.egui_ctx);
            Ok(match probe {
                Some(mut probe) => {
                    // i18n: not text (a stage of the startup probe)
                    probe.mark_at("window", window);
                    // i18n: not text (a stage of the startup probe)
                    probe.mark("fonts");
                    Box::new(Probed { app, probe, passes: 0 })
                }
                None => Box::new(app),
            })
        }),
    );
    // No window (no display): the lessons' own error, if any, is the one to report.
    if let Some(w) = worker.take()
        && let (Err(e), _) = join(Some(w))
    {
        failed = Some(e);
    }
    match (result, failed) {
        (_, Some(e)) => {
            eprintln!("error: {e}");
            2
        }
        // The probe closes the window before any screenshot is taken.
        (Ok(()), None) if probing => 0,
        (Ok(()), None) if opts.screenshot.as_ref().is_some_and(|p| !p.out.exists()) => 1,
        (Ok(()), None) => 0,
        (Err(e), None) => {
            eprintln!("error: could not open a window: {e}");
            2
        }
    }
}

/// The worker's result (a panic on it goes on here).
fn join(worker: Option<std::thread::JoinHandle<Built>>) -> Built {
    match worker.map(std::thread::JoinHandle::join) {
        Some(Ok(built)) => built,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        // i18n: not text (developer output: printed on stderr)
        None => (Err("the app was already started".into()), None),
    }
}

fn mark(probe: &mut Option<Probe>, stage: &'static str) {
    if let Some(p) = probe {
        p.mark(stage);
    }
}

/// The app under the startup probe (`LATERAL_STARTUP_PROBE`): it closes once the first frame
/// has been presented.
struct Probed {
    app: LateralApp,
    probe: Probe,
    /// egui passes run so far (the first frame may take more than one).
    passes: u32,
}

impl eframe::App for Probed {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.probe.frame(ui.ctx());
        self.app.ui_root(ui);
        self.passes += 1;
        if ui.ctx().cumulative_frame_nr() == 0 {
            self.probe.mark(if self.passes == 1 { "ui" } else { "ui-again" });
        }
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        eframe::App::on_exit(&mut self.app, gl);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_shows_the_version_and_the_icon() {
        assert_eq!(window_title(), format!("Lateral {}", env!("CARGO_PKG_VERSION")));
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (256, 256), "the embedded PNG decodes");
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
