//! The web build's entry (`wasm32`, `scripts/build-web.sh`): the same app in a browser tab.
//!
//! `src/main.rs` calls [`start`] in the browser. The app is the desktop's [`LateralApp`] over the
//! bundled lessons (embedded in the wasm, as on the desktop), drawn by `eframe::WebRunner` on the
//! page's `<canvas id="lateral">`. What differs is where files go:
//! - progress and settings: the browser's `localStorage` ([`storage`]), through the progress
//!   store's key-value backend (`files::backend`), so the files are the desktop's own JSON;
//! - hand-in: the results file is downloaded ([`download`]); there are no folders to pick.
//!
//! With `?lateral-test` in the address the page also publishes what a screen reader would be told
//! (`window.__lateralAccess`, [`hook`]) so `scripts/test-web.sh` can find widgets and read the
//! score as a student would see it.
#![cfg(target_arch = "wasm32")]

mod hook;
pub(crate) mod picker;
mod storage;

use std::sync::Arc;

use wasm_bindgen::JsCast as _;

use super::{LateralApp, Source, theme};
use crate::files::backend::MemoryKeyValue;
use crate::records::progress::Store;

pub(crate) use storage::download;

/// The id of the page's canvas (see `assets/web/index.html`).
// i18n: not text (an element id)
const CANVAS_ID: &str = "lateral";

/// The folder the store's keys start with (`lateral/settings.json`, `lateral/students/…`).
// i18n: not text (a storage key)
const STORE_ROOT: &str = "lateral";

/// Starts the app on the page's canvas (the page's `main`).
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = run().await {
            show_failure(&format!("{e:?}"));
        }
    });
}

/// The progress store: the browser's storage, or (storage refused) memory, which lasts as long
/// as the tab.
fn store() -> Store {
    match storage::LocalStorage::open() {
        Some(s) => Store::in_key_value(STORE_ROOT, Arc::new(s)),
        None => Store::in_key_value(STORE_ROOT, Arc::new(MemoryKeyValue::default())),
    }
}

async fn run() -> Result<(), wasm_bindgen::JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        // i18n: not text (shown only when the app itself cannot start, before any locale)
        .ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document
        .get_element_by_id(CANVAS_ID)
        // i18n: not text (shown only when the app itself cannot start, before any locale)
        .ok_or("no canvas")?
        .dyn_into()?;
    let app = LateralApp::new(super::shared::bundled_library(), Source::Bundled, store()).with_system_locale();
    crate::i18n::set_current(app.locale());
    let testing = hook::wanted();
    eframe::WebRunner::new()
        .start(
            canvas,
            eframe::WebOptions::default(),
            Box::new(move |cc| {
                theme::install_fonts(&cc.egui_ctx);
                picker::set_waker(&cc.egui_ctx);
                if testing {
                    cc.egui_ctx.enable_accesskit();
                    cc.egui_ctx.add_plugin(hook::AccessHook::default());
                }
                hide_loading();
                Ok(if testing {
                    Box::new(hook::Timed::new(app))
                } else {
                    Box::new(app)
                })
            }),
        )
        .await
}

/// Removes the page's "Loading…" line.
fn hide_loading() {
    if let Some(e) = web_sys::window()
        .and_then(|w| w.document())
        // i18n: not text (an element id)
        .and_then(|d| d.get_element_by_id("loading"))
    {
        e.remove();
    }
}

/// Shows why the app could not start in the page's "Loading…" line.
fn show_failure(why: &str) {
    if let Some(e) = web_sys::window()
        .and_then(|w| w.document())
        // i18n: not text (an element id)
        .and_then(|d| d.get_element_by_id("loading"))
    {
        // i18n: not text (shown only when the app itself cannot start, before any locale)
        e.set_text_content(Some(&format!("Lateral could not start: {why}")));
    }
}
