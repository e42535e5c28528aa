//! "Import an article" in the teacher's view: the form, and reading a file (txt, md, html, or an
//! H5P "Mark the Words" task) into the corpus folder.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::editor::Editor;
use super::{TeacherCmd, TeacherScreen};
use crate::app::dialogs::Given;
use crate::app::widgets::dropped_path;
use crate::app::{Command, Shared, Source};
use crate::corpus::ArticleMeta;
use crate::tr;

/// The "Import an article" form.
#[derive(Clone, Debug, Default)]
pub struct ImportForm {
    /// Is the form open?
    pub(crate) open: bool,
    /// A file to import (typed, dropped or chosen).
    pub(crate) file: String,
    /// Or pasted text.
    pub(crate) pasted: String,
    /// Metadata.
    pub(crate) meta: ArticleMeta,
    /// What happened.
    pub(crate) message: Option<String>,
}

impl ImportForm {
    /// The article's metadata as typed or suggested.
    pub fn meta(&self) -> &ArticleMeta {
        &self.meta
    }

    /// The article's text (pasted, or read from the file).
    pub fn pasted(&self) -> &str {
        &self.pasted
    }

    /// What happened last.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The form's window, while it is open; `choosing` while its file dialog is open.
    pub(crate) fn window(&mut self, ui: &mut Ui, choosing: bool, cmds: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        // Files dropped on the window go into the form.
        if let Some(p) = dropped_path(ui.ctx()) {
            self.file = p.display().to_string();
        }
        let mut open = true;
        egui::Window::new(tr!("teacher-import-title"))
            .open(&mut open)
            .default_width(520.0)
            .show(ui.ctx(), |ui| {
                ui.label(tr!("teacher-import-help"));
                let l = ui.label(tr!("teacher-import-file"));
                ui.add(egui::TextEdit::singleline(&mut self.file).desired_width(f32::INFINITY))
                    .labelled_by(l.id);
                ui.horizontal(|ui| {
                    // In a browser a chooser may close unseen: the button stays usable.
                    let choose = ui
                        .add_enabled(
                            !choosing || cfg!(target_arch = "wasm32"),
                            egui::Button::new(tr!("teacher-import-choose")),
                        )
                        .on_hover_text(tr!("teacher-import-choose.hover"));
                    if choose.clicked() {
                        cmds.push(Command::Teacher(TeacherCmd::ChooseImportFile));
                    }
                    if choosing {
                        ui.label(tr!("teacher-import-waiting"));
                    }
                    if ui.button(tr!("teacher-import-read")).clicked() {
                        cmds.push(Command::Teacher(TeacherCmd::ImportRead));
                    }
                });
                let l = ui.label(tr!("teacher-import-paste"));
                // A whole article is long: it scrolls in its box, and the fields below stay in view.
                egui::ScrollArea::vertical()
                    .id_salt("import-text")
                    .max_height(200.0)
                    .show(ui, |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut self.pasted)
                                .desired_rows(4)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    });
                ui.separator();
                ui.label(RichText::new(tr!("teacher-import-about")).strong());
                egui::Grid::new("import-meta")
                    .num_columns(2)
                    .show(ui, |ui| meta_ui(ui, &mut self.meta));
                ui.checkbox(&mut self.meta.fictional, tr!("teacher-import-fictional"));
                if ui.button(tr!("teacher-import-add")).clicked() {
                    cmds.push(Command::Teacher(TeacherCmd::ImportWrite));
                }
                if let Some(m) = &self.message {
                    ui.label(RichText::new(m).italics());
                }
            });
        self.open = open;
    }
}

/// The metadata fields, one grid row each.
fn meta_ui(ui: &mut Ui, meta: &mut ArticleMeta) {
    let field = |ui: &mut Ui, label: String, v: &mut String, missing: Option<String>| {
        let l = ui.label(label);
        let blank = v.trim().is_empty();
        let mut edit = egui::TextEdit::singleline(v).desired_width(560.0);
        if let Some(hint) = missing.filter(|_| blank) {
            // A required field the page did not fill: said in the box and in the label's colour.
            edit = edit.hint_text(hint);
            ui.painter().rect_stroke(
                l.rect.expand(2.0),
                2.0,
                egui::Stroke::new(1.0, ui.visuals().warn_fg_color),
                egui::StrokeKind::Outside,
            );
        }
        ui.add(edit).labelled_by(l.id);
        ui.end_row();
    };
    // The required fields (`crate::corpus::REQUIRED_FIELDS`) say what is missing in the box.
    field(
        ui,
        tr!("teacher-import-id"),
        &mut meta.id,
        Some(tr!("teacher-import-missing-id")),
    );
    field(
        ui,
        tr!("teacher-import-outlet"),
        &mut meta.outlet,
        Some(tr!("teacher-import-missing-outlet")),
    );
    field(
        ui,
        tr!("teacher-import-headline"),
        &mut meta.headline,
        Some(tr!("teacher-import-missing-headline")),
    );
    field(
        ui,
        tr!("teacher-import-outlet-kind"),
        &mut meta.outlet_kind,
        Some(tr!("teacher-import-missing-outlet-kind")),
    );
    let mut date = meta.date.clone().unwrap_or_default();
    field(ui, tr!("teacher-import-date"), &mut date, None);
    meta.date = (!date.trim().is_empty()).then_some(date);
    let mut byline = meta.byline.clone().unwrap_or_default();
    field(ui, tr!("teacher-import-byline"), &mut byline, None);
    meta.byline = (!byline.trim().is_empty()).then_some(byline);
    // Where the article came from, as the page and the file say: kept in its metadata.
    let from: Vec<&str> = [meta.imported_from.as_deref(), meta.url.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !from.is_empty() {
        ui.label(tr!("teacher-import-came-from"));
        ui.label(from.join(" · "));
        ui.end_row();
    }
}

/// A metadata field's name in the form's messages ("headline", "kind of outlet" …), from the
/// field's key in the file.
fn field_name(key: &str) -> String {
    match key {
        "headline" => tr!("teacher-field-headline"),
        "outlet" => tr!("teacher-field-outlet"),
        "outlet_kind" => tr!("teacher-field-outlet-kind"),
        "byline" => tr!("teacher-field-byline"),
        "date" => tr!("teacher-field-date"),
        "language" => tr!("teacher-field-language"),
        "url" => tr!("teacher-field-url"),
        other => other.to_string(),
    }
}

/// What the page gave and what is still to fill in: a sentence each, for the form's message.
pub(super) fn found_and_missing(m: &ArticleMeta) -> Vec<String> {
    // The fields' keys (i18n: not text), named by `field_name`.
    let found: Vec<String> = [
        ("headline", !m.headline.trim().is_empty()), // i18n: not text (a key)
        ("outlet", !m.outlet.trim().is_empty()),     // i18n: not text (a key)
        ("byline", m.byline.is_some()),              // i18n: not text (a key)
        ("date", m.date.is_some()),
        ("language", m.language.is_some()), // i18n: not text (a key)
        ("url", m.url.is_some()),
    ]
    .into_iter()
    .filter(|(_, yes)| *yes)
    .map(|(f, _)| field_name(f))
    .collect();
    let missing: Vec<String> = crate::corpus::import::blank_fields(m)
        .into_iter()
        .map(field_name)
        .collect();
    let mut sentences = Vec::new();
    if !found.is_empty() {
        sentences.push(tr!("teacher-import-found", fields = found.join(", ")));
    }
    if !missing.is_empty() {
        sentences.push(tr!("teacher-import-still-missing", fields = missing.join(", ")));
    }
    sentences
}

impl TeacherScreen {
    /// Reads the import form's file (or pasted text) and suggests metadata.
    pub(crate) fn import_read(&mut self, shared: &mut Shared) {
        let typed = self.import.file.trim().to_string();
        if typed.is_empty() {
            let pasted = crate::corpus::import::import_pasted(&self.import.pasted);
            return self.import_source(shared, pasted.map(crate::corpus::import::Source::Article), None);
        }
        let path = PathBuf::from(&typed);
        // Provenance: the file's name, never the folders above it.
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        self.import_source(shared, crate::corpus::import::read_source(&path), name);
    }

    /// Reads the file a browser's file chooser handed over into the form.
    pub(crate) fn import_uploaded(&mut self, shared: &mut Shared, given: Given) {
        if let Some(d) = given.refused.first() {
            self.import.message = Some(format!("{}: {}", d.file, d.message));
            return;
        }
        let Some(file) = given.files.into_iter().next() else {
            return;
        };
        let name = crate::files::given::file_part(file.name()).to_string();
        let read = crate::corpus::import::source_from_bytes(&name, file.into_bytes());
        self.import_source(shared, read, Some(name));
    }

    /// Puts what was read (from the file named `file_name`, or pasted when `None`) into the
    /// form, or, for an H5P task, imports it.
    fn import_source(
        &mut self,
        shared: &mut Shared,
        read: Result<crate::corpus::import::Source, crate::corpus::import::ImportError>,
        file_name: Option<String>,
    ) {
        let result = match read {
            // It writes an article and a lesson into folders, which a browser does not have.
            Ok(crate::corpus::import::Source::H5p(_)) if cfg!(target_arch = "wasm32") => {
                self.import.message = Some(tr!("teacher-import-h5p-web"));
                return;
            }
            Ok(crate::corpus::import::Source::H5p(t)) => {
                return self.import_h5p(shared, file_name.as_deref().unwrap_or_default(), t);
            }
            Ok(crate::corpus::import::Source::Article(a)) => Ok(a),
            Err(e) => Err(e),
        };
        let f = &mut self.import;
        match result {
            Ok(imp) => {
                let s = imp.suggested;
                if f.meta.headline.is_empty() {
                    f.meta.headline = s.headline;
                }
                if f.meta.outlet.is_empty() {
                    f.meta.outlet = s.outlet;
                }
                f.meta.byline = f.meta.byline.take().or(s.byline);
                f.meta.date = f.meta.date.take().or(s.date);
                f.meta.url = f.meta.url.take().or(s.url);
                f.meta.language = f.meta.language.take().or(s.language);
                if file_name.is_some() {
                    f.meta.imported_from.clone_from(&file_name);
                }
                if f.meta.id.is_empty() {
                    let stem = file_name.as_deref().map(crate::files::given::without_extension);
                    f.meta.id = crate::corpus::import::article_id(&f.meta.headline, stem);
                }
                let words = imp.text.split_whitespace().count();
                f.pasted = imp.text;
                f.file.clear();
                let mut sentences = vec![tr!("teacher-import-read-words", n = words)];
                sentences.extend(found_and_missing(&f.meta));
                sentences.push(tr!("teacher-import-check"));
                let mut msg = sentences.join(" ");
                for w in &imp.warnings {
                    msg.push_str("\n⚠ ");
                    msg.push_str(w);
                }
                f.message = Some(msg);
            }
            Err(e) => f.message = Some(e.to_string()),
        }
    }

    /// Imports an H5P "Mark the Words" task: its text becomes an article in the corpus folder and
    /// its marked words a one-step lesson in the lesson folder, opened for editing.
    fn import_h5p(&mut self, shared: &mut Shared, file_name: &str, t: crate::corpus::import::H5pTask) {
        let stem = crate::files::given::without_extension(file_name);
        // i18n: not text (a file name; H5P's own is `content.json`)
        let stem = if stem.is_empty() || stem == "content" {
            "h5p-task"
        } else {
            stem
        };
        let id = crate::corpus::import::suggest_id(stem);
        let meta = crate::corpus::ArticleMeta { id, ..t.suggested };
        let dir = shared.corpus_dir();
        let imported = match crate::corpus::import::import_h5p(&t.task, &meta, &dir, None) {
            Ok(i) => i,
            Err(e) => {
                self.import.message = Some(tr!("teacher-import-failed", error = e.to_string()));
                return;
            }
        };
        shared.reload_articles(&dir);
        let id = meta.id;
        let lesson_dir = match &shared.source {
            Source::Folder(d) => d.clone(),
            _ => PathBuf::from("lessons"), // i18n: not text (the lesson folder's name on disk)
        };
        let name = format!("{id}.md");
        match crate::lesson::authoring::Draft::from_text(&name, &imported.lesson) {
            Ok(draft) => {
                let mut st = Editor::new(draft, None, &shared.library.corpus);
                st.path_text = lesson_dir.join(&name).display().to_string();
                st.dirty = true;
                st.step = 0;
                st.message = Some(tr!("teacher-import-h5p-done"));
                self.editor = Some(st);
                self.import = ImportForm {
                    message: Some(tr!(
                        "teacher-import-h5p-counts",
                        words = imported.words,
                        marked = imported.marked
                    )),
                    ..Default::default()
                };
            }
            Err(e) => self.import.message = Some(tr!("teacher-import-failed", error = e.to_string())),
        }
    }

    /// Writes the import form's article into the corpus folder.
    pub(crate) fn import_write(&mut self, shared: &mut Shared) {
        let dir = shared.corpus_dir();
        if !self.import.file.trim().is_empty() {
            self.import_read(shared);
        }
        let f = &mut self.import;
        let text = match crate::corpus::import::import_pasted(&f.pasted) {
            Ok(i) => i.text,
            Err(e) => {
                f.message = Some(e.to_string());
                return;
            }
        };
        if f.meta.date.as_deref().is_some_and(|d| d.trim().is_empty()) {
            f.meta.date = None;
        }
        if let Some(d) = &f.meta.date
            && !crate::corpus::valid_date(d.trim())
        {
            f.message = Some(tr!("teacher-import-bad-date", date = crate::text::ids::shown(d)));
            return;
        }
        // A browser has no corpus folder: the two files are downloaded.
        #[cfg(target_arch = "wasm32")]
        {
            let _ = dir;
            self.import_download(shared, &text)
        }
        #[cfg(not(target_arch = "wasm32"))]
        match crate::corpus::import::write_article(&dir, &f.meta, &text) {
            Ok((txt, _)) => {
                shared.reload_articles(&dir);
                self.import_done(shared, tr!("teacher-import-added", path = txt.display().to_string()));
            }
            Err(e) => f.message = Some(tr!("teacher-import-not-added", error = e.to_string())),
        }
    }

    /// In a browser, "Add to the corpus": the article's two files are downloaded (there is no
    /// corpus folder to write into), and the article is put into this tab's library, so that a
    /// new lesson can be started on it.
    #[cfg(target_arch = "wasm32")]
    fn import_download(&mut self, shared: &mut Shared, text: &str) {
        let f = &mut self.import;
        // As on disk, where the files would be there already.
        if shared.library.corpus.get(&f.meta.id).is_some() {
            f.message = Some(tr!("teacher-import-id-taken", id = crate::text::ids::shown(&f.meta.id)));
            return;
        }
        let [(txt, body), (toml, meta)] = match crate::corpus::import::article_files(&f.meta, text) {
            Ok(files) => files,
            Err(e) => {
                f.message = Some(tr!("teacher-import-not-added", error = e));
                return;
            }
        };
        for (name, contents) in [(&txt, &body), (&toml, &meta)] {
            // i18n: not text (a MIME type)
            if let Err(e) = crate::app::web::download(name, contents, "text/plain") {
                f.message = Some(tr!("teacher-import-not-added", error = e));
                return;
            }
        }
        let mut problems = Vec::new();
        let source = crate::text::diag::SourceFile::new(&toml, meta);
        let added = crate::corpus::load_article(&source, &txt, &body, &mut problems)
            .map(|a| shared.library.corpus.add(a).map_err(|d| problems.push(d)));
        if !matches!(added, Some(Ok(_))) {
            // Downloaded, but not in this tab's library: say why (`lateral check` says it too).
            let why = problems.first().map(|d| d.message.clone()).unwrap_or_default();
            f.message = Some(tr!("teacher-import-downloaded-only", txt = txt.as_str(), error = why));
            return;
        }
        self.import_done(
            shared,
            tr!("teacher-import-downloaded", txt = txt.as_str(), toml = toml.as_str()),
        );
    }

    /// The form's article was added (`said`): said at the top (the window closes, the form is
    /// emptied), and offered for a new lesson.
    fn import_done(&mut self, shared: &mut Shared, said: String) {
        self.new_lesson_article = std::mem::take(&mut self.import.meta.id);
        shared.notice = Some(said.clone());
        self.import = ImportForm {
            message: Some(said),
            ..Default::default()
        };
    }
}
