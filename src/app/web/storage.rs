//! The browser's side of files: `localStorage` as the progress store's key-value backend, and
//! downloads for what the desktop saves into a folder.

use wasm_bindgen::JsCast as _;

use crate::files::backend::KeyValue;
use crate::tr;

/// The page's `localStorage` (kept per origin, until the user clears the site's data).
pub(super) struct LocalStorage;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl LocalStorage {
    /// The page's storage, if the browser allows it (not in some private windows).
    pub(super) fn open() -> Option<Self> {
        storage().map(|_| Self)
    }
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        let s = storage().ok_or_else(|| tr!("chrome-web-storage-off"))?;
        s.set_item(key, value).map_err(|_| tr!("chrome-web-storage-full"))
    }

    fn remove(&self, key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(s) = storage() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
    }
}

/// Offers `text` as a download named `name` (the browser saves it in its downloads folder, or
/// asks where).
pub(crate) fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |_| tr!("chrome-web-download-refused");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| tr!("chrome-web-download-refused"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| tr!("chrome-web-download-refused"))?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
