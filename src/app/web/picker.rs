//! The page's own file chooser: what a file dialog is in a browser. A hidden
//! `<input type="file">` is clicked (a folder picked through `webkitdirectory`); the files
//! chosen are read whole, as [`GivenFile`]s, and sent to the dialog's channel, as a dialog on
//! the desktop sends a path.
//!
//! Every file is checked against the limit for its kind from the size the browser reports,
//! before a byte is read ([`check_size`]); a file Lateral would not read at all (a photo in the
//! folder picked) is handed over empty, by name; a pick stops at [`MAX_GIVEN_FILES`] files and
//! [`MAX_GIVEN_BYTES`] bytes. (rfd's web dialog is not used: it draws a second, unstyled card
//! with inline styles, which the page's Content-Security-Policy refuses, asks for two clicks
//! more, and cannot pick a folder.)

use std::sync::mpsc::Sender;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::closure::Closure;

use crate::app::dialogs::{Answer, Given, Pending};
use crate::files::given::{
    GivenFile, MAX_GIVEN_BYTES, MAX_GIVEN_FILES, check_size, is_hidden, too_many, too_much, unreadable,
};

thread_local! {
    /// The app's context, to draw a frame when picked files arrive (nothing else would: the page
    /// gets no input while the browser's chooser is open, nor after it closes).
    static WAKER: std::cell::OnceCell<egui::Context> = const { std::cell::OnceCell::new() };
}

/// Wakes the app's context `ctx` when picked files arrive (set once, when the app starts).
pub(crate) fn set_waker(ctx: &egui::Context) {
    WAKER.with(|w| {
        let _ = w.set(ctx.clone());
    });
}

/// Draws a frame, so the screen that asked takes what arrived.
fn wake() {
    WAKER.with(|w| {
        if let Some(ctx) = w.get() {
            ctx.request_repaint();
        }
    });
}

/// What the chooser offers for `what`: a folder?, several files?, the extensions shown.
fn chooser_for(what: Pending) -> Option<(bool, bool, String)> {
    let pack = format!(".{}", crate::records::pack::EXTENSION);
    match what {
        Pending::OpenLessons => Some((true, true, String::new())),
        // i18n: not text (file extensions)
        Pending::OpenLessonFiles => Some((false, true, format!(".md,.markdown,.txt,.toml,{pack}"))),
        // i18n: not text (file extensions)
        Pending::ImportFile => Some((false, false, ".txt,.md,.markdown,.html,.htm,.h5p,.json".into())),
        Pending::HandInAs | Pending::ExportAll | Pending::ClassFolder => None,
    }
}

/// The most bytes a file named `name` may have for `what`; `None`: it is not read at all.
fn limit_for(what: Pending, name: &str) -> Option<u64> {
    if what == Pending::ImportFile {
        return Some(crate::files::MAX_IMPORT_BYTES);
    }
    if crate::records::pack::is_pack_name(name) {
        return Some(crate::files::MAX_PACK_BYTES);
    }
    crate::lesson::library::read_limit(name)
}

/// Opens the page's file chooser for `what`, and sends what was picked (or `None`) to `tx`.
pub(crate) fn pick(what: Pending, tx: Sender<Option<Answer>>) {
    let Some((folder, multiple, accept)) = chooser_for(what) else {
        let _ = tx.send(None);
        return;
    };
    if let Err(e) = open_chooser(what, folder, multiple, &accept, tx.clone()) {
        web_sys::console::warn_1(&e);
        let _ = tx.send(None);
    }
}

fn open_chooser(
    what: Pending,
    folder: bool,
    multiple: bool,
    accept: &str,
    tx: Sender<Option<Answer>>,
) -> Result<(), wasm_bindgen::JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        // i18n: not text (a developer's console message)
        .ok_or("no document")?;
    // i18n: not text (an element name)
    let input: web_sys::HtmlInputElement = document.create_element("input")?.dyn_into()?;
    input.set_type("file");
    input.set_multiple(multiple);
    if !accept.is_empty() {
        input.set_accept(accept);
    }
    input.set_webkitdirectory(folder);
    input.set_hidden(true);
    // i18n: not text (an element id, for the end-to-end test)
    input.set_id("lateral-file-chooser");
    if let Some(body) = document.body() {
        body.append_child(&input)?;
    }
    let chosen = input.clone();
    let tx_cancel = tx.clone();
    let on_change = Closure::once_into_js(move || {
        let files = chosen.files();
        // i18n: not text (a developer's console message)
        let count = format!("Lateral: {} file(s) picked", files.as_ref().map_or(0, |f| f.length()));
        web_sys::console::debug_1(&count.into());
        chosen.remove();
        wasm_bindgen_futures::spawn_local(async move {
            let given = match files {
                Some(list) => read_all(what, folder, &list).await,
                None => Given::default(),
            };
            let _ = tx.send(Some(Answer::Given(given)));
            wake();
        });
    });
    let cancelled = input.clone();
    let on_cancel = Closure::once_into_js(move || {
        // i18n: not text (a developer's console message)
        web_sys::console::debug_1(&"Lateral: the file chooser was cancelled".into());
        cancelled.remove();
        let _ = tx_cancel.send(None);
        wake();
    });
    // i18n: not text (event names)
    input.add_event_listener_with_callback("change", on_change.unchecked_ref())?;
    // i18n: not text (event names)
    input.add_event_listener_with_callback("cancel", on_cancel.unchecked_ref())?;
    input.click();
    Ok(())
}

/// The bytes of `blob` (a file, or a slice of one); `None` when the browser cannot read it.
async fn read_blob(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads the files of `list` (within the limits), in the order the browser lists them.
async fn read_all(what: Pending, folder: bool, list: &web_sys::FileList) -> Given {
    let mut given = Given {
        folder,
        ..Given::default()
    };
    let count = list.length() as usize;
    let mut total = 0u64;
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        // The path inside the folder picked (web-sys does not name `webkitRelativePath`).
        // i18n: not text (a JavaScript property)
        let relative = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|v| v.as_string())
            .filter(|r| !r.is_empty());
        let raw_name = relative.unwrap_or_else(|| file.name());
        let name = crate::files::given::clean_name(&raw_name);
        if given.files.len() == MAX_GIVEN_FILES {
            given.refused.push(too_many(&name, count));
            break;
        }
        // A folder's hidden files (`._NAME.txt`, `.Trash-1000/`) are passed over, as on disk.
        if folder && is_hidden(&name) {
            continue;
        }
        let Some(max) = limit_for(what, &name) else {
            given.files.push(GivenFile::new(&name, Vec::new()));
            continue;
        };
        // The browser's size, in whole bytes (a JavaScript number).
        let size = file.size().max(0.0) as u64;
        // A folder's `.md` that is not a lesson (a long README) is passed over, not refused:
        // its first bytes tell.
        // (Head unread: refused as too large below; the whole file is never read for it.)
        if folder && size > max && crate::lesson::library::is_lesson_name(&name) {
            let head = match file.slice_with_i32_and_i32(0, 512) {
                Ok(blob) => read_blob(&blob).await,
                Err(_) => None,
            };
            if head.is_some_and(|h| !crate::lesson::library::starts_like_lesson(&h)) {
                continue;
            }
        }
        if let Err(d) = check_size(&name, size, max) {
            given.refused.push(d);
            continue;
        }
        if total.saturating_add(size) > MAX_GIVEN_BYTES {
            given.refused.push(too_much(&name));
            break;
        }
        total += size;
        match read_blob(&file).await {
            Some(bytes) => given.files.push(GivenFile::new(&name, bytes)),
            None => given.refused.push(unreadable(&name)),
        }
    }
    given
}
