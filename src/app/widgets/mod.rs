//! Widgets the screens share: the article pane and Markdown prose.

pub mod article_view;
pub(crate) mod markdown;
pub(crate) mod rows;

use std::path::PathBuf;

/// The first file or folder dropped on the window this frame, if any.
pub(crate) fn dropped_path(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
    })
}
