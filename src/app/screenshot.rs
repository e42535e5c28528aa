//! `lateral --screenshot OUT.png [--lesson ID] [--step N] [--student NAME] [--answer key|partial|all]
//! [--check] [--summary] [--lang en|pl|uk] [--dark] [--size WxH] [--zoom F] [--edit ID [--preview]] [--class DIR] [--pin]
//! [--keyboard-help]`: render one
//! screen in a real window, save it as PNG, exit. For docs, bug reports and tests. It uses a
//! throw-away data folder, never a student's.
//!
//! The web build has no command line: only the per-frame part ([`tick`]) is reached there, so
//! the rest is unused in a browser.
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use super::{ClassCmd, Command, EditCmd, LateralApp, LibraryCmd, PlayerCmd, Screen, TeacherCmd};
use crate::text::Span;

/// What to show before the picture is taken.
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    /// Where the PNG goes.
    pub(crate) out: PathBuf,
    /// Lesson id to open (else the library is shown).
    pub(crate) lesson: Option<String>,
    /// Step to show (0-based).
    pub(crate) step: Option<usize>,
    /// Student name (default "Ana").
    pub(crate) student: Option<String>,
    /// Fill the step with the answer key (`key`) or part of it and one wrong highlight (`partial`).
    pub(crate) answer: Option<String>,
    /// Press Check.
    pub(crate) check: bool,
    /// Then go on to the lesson's summary (`--summary`).
    pub(crate) summary: bool,
    /// Dark theme.
    pub(crate) dark: bool,
    /// Window size.
    pub(crate) size: Option<(u32, u32)>,
    /// Zoom factor (as display scaling of 125 % or 150 % would give: the window keeps its size in
    /// pixels, the app gets fewer logical pixels).
    pub(crate) zoom: Option<f32>,
    /// Open this lesson in the teacher's view (`--edit ID`).
    pub(crate) edit: Option<String>,
    /// With `--edit`: press "Preview as student".
    pub(crate) preview: bool,
    /// Open the class view on this folder of results (`--class DIR`, with `--lesson ID`).
    pub(crate) class: Option<PathBuf>,
    /// Show the teacher PIN dialog over the library (`--pin`).
    pub(crate) pin: bool,
    /// Show the keyboard help over the screen (`--keyboard-help`).
    pub(crate) keyboard_help: bool,
    /// Show the About box.
    pub(crate) about: bool,
    /// Open the teacher's import window on this file, read (`--import FILE`).
    pub(crate) import: Option<PathBuf>,
    /// Progress: 0 waiting, 1 requested, 2 saved, 3 failed.
    pub(super) state: Arc<AtomicU8>,
    pub(super) frames: u32,
}

/// The library index of the lesson with this id.
fn lesson_index(app: &LateralApp, id: &str) -> Result<usize, String> {
    app.lessons()
        .iter()
        .position(|l| l.lesson.as_ref().is_some_and(|x| x.id == id))
        // i18n: not text (developer output: --screenshot errors go to stderr)
        .ok_or_else(|| format!("there is no lesson `{id}`"))
}

/// Puts the app in the state the plan asks for.
pub(crate) fn prepare(app: &mut LateralApp, plan: &Plan) -> Result<(), String> {
    // i18n: not text (a sample name)
    let student = plan.student.clone().unwrap_or_else(|| "Ana".into());
    app.set_dark(plan.dark);
    app.run_cmd(Command::PickStudent(student), 0.0);
    if let Some(z) = plan.zoom {
        // The window's zoom, as the student's own would be (the run loop applies it each frame).
        app.zoom = z;
    }
    if plan.keyboard_help {
        app.run_cmd(Command::Help(super::help::Shown::Keys), 0.0);
    }
    if plan.about {
        app.run_cmd(Command::Help(super::help::Shown::About), 0.0);
    }
    if plan.pin {
        // The teacher PIN dialog over the library (first use: the data folder is a fresh one).
        app.run_cmd(Command::TeacherView, 0.0);
        return Ok(());
    }
    if plan.class.is_some() || plan.edit.is_some() || plan.import.is_some() {
        // Screenshots are for the docs: they skip the PIN dialog.
        app.unlock_teacher();
    }
    if let Some(file) = &plan.import {
        app.enter_teacher();
        app.run_cmd(Command::Teacher(TeacherCmd::ImportChosen(file.clone())), 0.0);
        return Ok(());
    }
    if let Some(dir) = &plan.class {
        // i18n: not text (developer output: --screenshot errors go to stderr)
        let id = plan.lesson.as_deref().ok_or("--class needs --lesson ID")?;
        let i = lesson_index(app, id)?;
        app.run_cmd(Command::ClassView, 0.0);
        app.run_cmd(Command::Class(ClassCmd::SetFolder(dir.clone())), 0.0);
        app.run_cmd(Command::Class(ClassCmd::Load(i)), 0.0);
        if let Some(n) = plan.step {
            app.run_cmd(Command::Class(ClassCmd::Step(n)), 0.0);
        }
        return Ok(());
    }
    if let Some(id) = &plan.edit {
        let i = lesson_index(app, id)?;
        app.run_cmd(Command::Teacher(TeacherCmd::Open(i)), 0.0);
        if let Some(n) = plan.step {
            app.run_cmd(Command::Teacher(TeacherCmd::Edit(EditCmd::SelectStep(n))), 0.0);
        }
        if plan.preview {
            app.run_cmd(Command::Teacher(TeacherCmd::Edit(EditCmd::Preview)), 0.0);
            if let Some(how) = &plan.answer {
                fill(app, how)?;
            }
            if plan.check {
                app.run_cmd(Command::Player(PlayerCmd::Check), 0.0);
            }
        }
        return Ok(());
    }
    let Some(id) = &plan.lesson else { return Ok(()) };
    let i = lesson_index(app, id)?;
    app.run_cmd(Command::Library(LibraryCmd::Open(i)), 0.0);
    if app.screen() != Screen::Player {
        // i18n: not text (developer output: --screenshot errors go to stderr)
        return Err(format!("lesson `{id}` cannot be played"));
    }
    if let Some(n) = plan.step {
        app.run_cmd(Command::Player(PlayerCmd::GoToStep(n)), 0.0);
    }
    if let Some(answer) = &plan.answer {
        fill(app, answer)?;
    }
    if plan.check {
        app.run_cmd(Command::Player(PlayerCmd::Check), 0.0);
    }
    if plan.summary {
        app.run_cmd(Command::Finish, 0.0);
    }
    Ok(())
}

/// Highlights the answer key (or part of it, plus one wrong word; or every article whole, as a
/// student flooding the text would) on the current step.
fn fill(app: &mut LateralApp, how: &str) -> Result<(), String> {
    if how == "all" {
        return fill_all(app);
    }
    // i18n: not text (developer output: --screenshot errors go to stderr)
    let s = app.session().ok_or("no lesson is open")?;
    let step = s.step().clone();
    let labels: Vec<String> = super::screens::player::step_labels(s)
        .iter()
        .map(|l| l.to_string())
        .collect();
    if let crate::lesson::StepBody::Choice { options, .. } = &step.body {
        // A choice: the right option(s) (`key`), or the first wrong one (`partial`).
        let picks: Vec<usize> = match how {
            "key" => (0..options.len()).filter(|&i| options[i].correct).collect(),
            _ => options.iter().position(|o| !o.correct).into_iter().collect(),
        };
        for i in picks {
            app.run_cmd(Command::Player(PlayerCmd::ToggleChoice(i)), 0.0);
        }
        return Ok(());
    }
    let keys = step.keys().to_vec();
    let take = match how {
        "key" => keys.len(),
        // i18n: not text (a value of --answer)
        "partial" => keys.len().div_ceil(2),
        // i18n: not text (developer output: --screenshot errors go to stderr)
        other => return Err(format!("--answer takes key, partial or all, not `{other}`")),
    };
    for (n, k) in keys.iter().enumerate().take(take) {
        let a = step.articles.iter().position(|x| *x == k.article).unwrap_or(0);
        let label = k.label.as_ref().and_then(|l| labels.iter().position(|x| x == l));
        // In "partial", give the second labelled key a wrong label to show that verdict.
        let label = match (how, label) {
            ("partial", Some(l)) if n == 1 && labels.len() > 1 => Some((l + 1) % labels.len()),
            _ => label,
        };
        if let Some(l) = label {
            // Choose the label for the next highlight: none is selected (a highlight just made
            // is not), so this does not relabel the one before.
            app.run_cmd(Command::Player(PlayerCmd::SetLabel(l)), 0.0);
        }
        app.run_cmd(
            Command::Player(PlayerCmd::Highlight {
                article: a,
                span: k.core,
            }),
            0.0,
        );
    }
    // i18n: not text (a value of --answer)
    if how == "partial" {
        // One highlight that is in no key: the article's second word.
        // i18n: not text (developer output: --screenshot errors go to stderr)
        let s = app.session().ok_or("no lesson is open")?;
        if let Some(w) = s.articles().first().and_then(|a| a.words.get(1).copied()) {
            app.run_cmd(
                Command::Player(PlayerCmd::Highlight {
                    article: 0,
                    span: Span::new(w.start, w.end),
                }),
                0.0,
            );
        }
    }
    Ok(())
}

/// Highlights every article of the current step from its first char to its last, with the
/// step's first label.
fn fill_all(app: &mut LateralApp) -> Result<(), String> {
    // i18n: not text (developer output: --screenshot errors go to stderr)
    let s = app.session().ok_or("no lesson is open")?;
    let lens: Vec<usize> = s.articles().iter().map(|a| a.len()).collect();
    let labelled = !super::screens::player::step_labels(s).is_empty();
    if labelled {
        app.run_cmd(Command::Player(PlayerCmd::SetLabel(0)), 0.0);
    }
    for (article, len) in lens.into_iter().enumerate() {
        app.run_cmd(
            Command::Player(PlayerCmd::Highlight {
                article,
                span: Span::new(0, len),
            }),
            0.0,
        );
    }
    Ok(())
}

/// Treats the window as focused this frame: under Xvfb no window manager gives it the keyboard
/// focus, and egui shows no focused widget (the article's ring and caret) in an unfocused window.
pub(crate) fn assume_focused(ctx: &egui::Context) {
    ctx.input_mut(|i| i.focused = true);
}

/// Called every frame: after a few frames (so layout has settled), asks for the picture; once it
/// is saved, closes the window.
pub(crate) fn tick(plan: &mut Plan, ctx: &egui::Context) {
    plan.frames += 1;
    match plan.state.load(Ordering::SeqCst) {
        0 if plan.frames >= 6 => {
            plan.state.store(1, Ordering::SeqCst);
            let out = plan.out.clone();
            let state = plan.state.clone();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let ok = save_png(&out, &image);
                match &ok {
                    Ok(()) => eprintln!("saved {}", out.display()),
                    Err(e) => eprintln!("error: could not save {}: {e}", out.display()),
                }
                state.store(if ok.is_ok() { 2 } else { 3 }, Ordering::SeqCst);
                repaint.request_repaint();
            });
        }
        2 | 3 => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        _ => {}
    }
    ctx.request_repaint();
}

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let mut enc = png::Encoder::new(
        std::io::BufWriter::new(file),
        image.size[0] as u32,
        image.size[1] as u32,
    );
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().map_err(|e| e.to_string())?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_srgba_unmultiplied()).collect();
    w.write_image_data(&bytes).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())
}

/// What `--screenshot` sets up (the web build has no command line).
impl LateralApp {
    /// Lets the teacher's view in without the PIN: for `--screenshot` (docs) and tests of the
    /// run loop, never from a widget.
    pub(crate) fn unlock_teacher(&mut self) {
        self.teacher_unlocked = true;
    }

    /// Uses the dark theme or not (for `--screenshot --dark`; not saved).
    pub(crate) fn set_dark(&mut self, dark: bool) {
        self.shared.settings.dark = dark;
    }

    /// Takes a screenshot as `plan` says once the window has drawn a few frames, then closes.
    pub(crate) fn take_screenshot(&mut self, plan: Plan) {
        self.screenshot = Some(plan);
    }
}
