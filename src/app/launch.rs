//! Starting the app: its options (`--screenshot` and friends), the library it opens, and the
//! window.

use std::path::PathBuf;

use super::shared::bundled_library;
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
        dark: args.dark,
        size: args.size,
        zoom: args.zoom,
        edit: args.edit,
        preview: args.preview,
        class: args.class,
        pin: args.pin,
        keyboard_help: args.keyboard_help,
        import: args.import,
        ..screenshot::Plan::default()
    });
    AppOptions {
        lessons: args.lessons,
        screenshot,
    }
}

/// Starts the app; returns the process exit code.
pub fn run(opts: AppOptions) -> i32 {
    let store = match &opts.screenshot {
        // Screenshots never touch a real student's data.
        Some(_) => Store::new(std::env::temp_dir().join(format!("lateral-screenshot-{}", std::process::id()))),
        None => Store::default_location(),
    };
    let app = match &opts.lessons {
        None => Ok(LateralApp::new(bundled_library(), Source::Bundled, store)),
        Some(p) if p.is_file() => open_pack_file(p).map(|l| LateralApp::new(l, Source::Pack(p.clone()), store)),
        // A screenshot is taken at once, of the folder checked.
        Some(dir) if opts.screenshot.is_some() => library::load(std::slice::from_ref(dir), &[])
            .map(|l| LateralApp::new(l, Source::Folder(dir.clone()), store))
            .map_err(|e| e.to_string()),
        // Listed at once, checked in the background.
        Some(dir) => LateralApp::from_folder(dir, store).map_err(|e| e.to_string()),
    };
    let mut app = match app {
        Ok(app) => app,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
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
