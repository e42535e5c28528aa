//! Starting the app: its own options (`--screenshot` and friends), the library it opens, and the
//! window.

use std::path::PathBuf;

use super::shared::bundled_library;
use super::{LateralApp, Source, open_pack_file, screenshot, theme};
use crate::lesson::library;
use crate::records::progress::Store;

/// Options for starting the app.
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// A lesson folder instead of the bundled lessons.
    lessons: Option<PathBuf>,
    /// Take a screenshot and exit.
    screenshot: Option<screenshot::Plan>,
}

/// Parses the app's own options (`--screenshot` and friends).
pub fn parse_app_options(lessons: Option<PathBuf>, rest: &[String]) -> Result<AppOptions, String> {
    let mut opts = AppOptions {
        lessons,
        screenshot: None,
    };
    let mut plan: Option<screenshot::Plan> = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--screenshot" => {
                plan.get_or_insert_with(screenshot::Plan::default).out = PathBuf::from(val("--screenshot")?)
            }
            "--lesson" => plan.get_or_insert_with(screenshot::Plan::default).lesson = Some(val("--lesson")?),
            "--step" => {
                let v = val("--step")?;
                let n: usize = v
                    .parse()
                    .map_err(|_| format!("--step takes a step number, not `{v}`"))?;
                plan.get_or_insert_with(screenshot::Plan::default).step = Some(n.max(1) - 1);
            }
            "--student" => plan.get_or_insert_with(screenshot::Plan::default).student = Some(val("--student")?),
            "--answer" => plan.get_or_insert_with(screenshot::Plan::default).answer = Some(val("--answer")?),
            "--check" => plan.get_or_insert_with(screenshot::Plan::default).check = true,
            "--dark" => plan.get_or_insert_with(screenshot::Plan::default).dark = true,
            "--edit" => plan.get_or_insert_with(screenshot::Plan::default).edit = Some(val("--edit")?),
            "--preview" => plan.get_or_insert_with(screenshot::Plan::default).preview = true,
            "--class" => {
                plan.get_or_insert_with(screenshot::Plan::default).class = Some(PathBuf::from(val("--class")?))
            }
            "--size" => {
                let v = val("--size")?;
                let (w, h) = v.split_once('x').ok_or("--size takes WIDTHxHEIGHT, e.g. 1280x800")?;
                let size = (
                    w.parse().map_err(|_| "bad width")?,
                    h.parse().map_err(|_| "bad height")?,
                );
                plan.get_or_insert_with(screenshot::Plan::default).size = Some(size);
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    if let Some(p) = &plan
        && p.out.as_os_str().is_empty()
    {
        return Err("--lesson, --step, --student, --answer and --check go with --screenshot OUT.png".into());
    }
    opts.screenshot = plan;
    Ok(opts)
}

/// Starts the app; returns the process exit code.
pub fn run(opts: AppOptions) -> i32 {
    let (library, source) = match &opts.lessons {
        None => (bundled_library(), Source::Bundled),
        Some(p) if p.is_file() => match open_pack_file(p) {
            Ok(l) => (l, Source::Pack(p.clone())),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
        Some(dir) => match library::load(std::slice::from_ref(dir), &[]) {
            Ok(l) => (l, Source::Folder(dir.clone())),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
    };
    let store = match &opts.screenshot {
        // Screenshots never touch a real student's data.
        Some(_) => Store::new(std::env::temp_dir().join(format!("lateral-screenshot-{}", std::process::id()))),
        None => Store::default_location(),
    };
    let mut app = LateralApp::new(library, source, store);
    let size = opts.screenshot.as_ref().and_then(|p| p.size).unwrap_or((1280, 800));
    if let Some(plan) = opts.screenshot.clone() {
        if let Err(e) = screenshot::prepare(&mut app, &plan) {
            eprintln!("error: {e}");
            return 2;
        }
        app.take_screenshot(plan);
    }
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Lateral")
            .with_inner_size([size.0 as f32, size.1 as f32])
            .with_min_inner_size([640.0, 420.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Lateral",
        native,
        Box::new(|cc| {
            theme::install_fonts(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) if opts.screenshot.as_ref().is_some_and(|p| !p.out.exists()) => 1,
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: could not open a window: {e}");
            2
        }
    }
}
