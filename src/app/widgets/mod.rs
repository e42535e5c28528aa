//! Widgets the screens share: the article pane and Markdown prose.

pub mod article_view;
pub mod markdown;
