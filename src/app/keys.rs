//! The app's keyboard shortcuts, read once per frame before any screen draws: undo and redo,
//! zoom, labels 1–9, Ctrl+Enter, H, N, P, F1 or ?, and Escape (back one level).
//!
//! Only a text box being typed in blocks the one-key shortcuts (and Escape, which first leaves
//! the box): the article pane takes focus too, but it is not a text box, so the number keys
//! still pick the label of the highlight just clicked there.

use egui::{Context, Event, Key, KeyboardShortcut, Modifiers};

use super::help::Shown;
use super::{Command, LateralApp, PlayerCmd, Screen};
use crate::lesson::StepBody;
use crate::records::progress::AppSettings;

/// `Ctrl` + these keys zoom the whole window in, out, back to 100%.
const ZOOM_IN: [Key; 2] = [Key::Plus, Key::Equals];

/// Keys 1–9.
const NUMBERS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

fn shortcut(ctx: &Context, mods: Modifiers, key: Key) -> bool {
    ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(mods, key)))
}

/// A key pressed this frame with no modifier.
fn plain(ctx: &Context, key: Key) -> bool {
    ctx.input(|i| i.key_pressed(key) && i.modifiers.is_none())
}

impl LateralApp {
    /// The shortcuts pressed this frame, as commands. `typing`: a text box had focus at the end
    /// of the last frame (egui drops the focus on Escape before the app sees the key).
    pub(super) fn global_keys(&mut self, ctx: &Context) -> Vec<Command> {
        let typing = self.typing || ctx.text_edit_focused();
        let mut cmds = Vec::new();
        // Whole-window zoom, everywhere, also while typing (as in a browser).
        if ZOOM_IN.iter().any(|k| shortcut(ctx, Modifiers::COMMAND, *k)) {
            cmds.push(Command::Zoom(1));
        }
        if shortcut(ctx, Modifiers::COMMAND, Key::Minus) {
            cmds.push(Command::Zoom(-1));
        }
        if shortcut(ctx, Modifiers::COMMAND, Key::Num0) {
            cmds.push(Command::Zoom(0));
        }
        if typing {
            return cmds;
        }
        if plain(ctx, Key::F1) || ctx.input(|i| i.events.iter().any(|e| matches!(e, Event::Text(t) if t == "?"))) {
            cmds.push(Command::Help(match self.help.shown() {
                Shown::Keys => Shown::Nothing,
                _ => Shown::Keys,
            }));
        }
        // The focused article extending a keyboard selection: its Escape cancels the selection.
        let selecting = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| super::widgets::article_view::selecting(ctx, id));
        if plain(ctx, Key::Escape) && !ctx.any_popup_open() && !selecting {
            cmds.extend(self.back());
        }
        if self.screen == Screen::Player && !self.help.is_open() && !self.pin.is_open() {
            self.player_keys(ctx, &mut cmds);
        }
        cmds
    }

    /// The player's shortcuts: undo, redo, labels, check, hint, next and previous step.
    fn player_keys(&self, ctx: &Context, cmds: &mut Vec<Command>) {
        let Some(s) = self.session() else { return };
        let player = |c| Command::Player(c);
        let (cmd, shift) = (Modifiers::COMMAND, Modifiers::COMMAND | Modifiers::SHIFT);
        if shortcut(ctx, shift, Key::Z) || shortcut(ctx, cmd, Key::Y) {
            cmds.push(player(PlayerCmd::Redo));
        } else if shortcut(ctx, cmd, Key::Z) {
            cmds.push(player(PlayerCmd::Undo));
        }
        for (n, k) in NUMBERS.iter().enumerate() {
            if plain(ctx, *k) {
                cmds.push(player(PlayerCmd::SetLabel(n)));
            }
        }
        let scored = s.step().is_scored() && !s.lesson.exam;
        if shortcut(ctx, cmd, Key::Enter) && scored && s.check_blocked().is_none() {
            cmds.push(player(PlayerCmd::Check));
        }
        let highlight = matches!(s.step().body, StepBody::Highlight { .. });
        if plain(ctx, Key::H) && highlight && s.lesson.settings.hints && s.hint_available() {
            cmds.push(player(PlayerCmd::Hint));
        }
        if plain(ctx, Key::N) {
            cmds.push(if s.current + 1 >= s.lesson.steps.len() {
                Command::Finish
            } else {
                player(PlayerCmd::GoToStep(s.current + 1))
            });
        }
        if plain(ctx, Key::P) && s.current > 0 {
            cmds.push(player(PlayerCmd::GoToStep(s.current - 1)));
        }
    }

    /// Escape: closes the dialog that is open, else goes back one level (player → lessons,
    /// summary → the lesson, lessons → student picker, teacher → where it was opened from,
    /// class → teacher, preview → editing).
    fn back(&mut self) -> Option<Command> {
        if self.help.is_open() {
            return Some(Command::Help(Shown::Nothing));
        }
        // The PIN dialog closes itself on Escape (egui's modal); a popup closes itself too.
        if self.pin.is_open() || self.dialog.is_some() {
            return None;
        }
        match self.screen {
            Screen::Students => None,
            Screen::Library => Some(Command::SwitchStudent),
            Screen::Player if self.previewing() => Some(Command::BackToEditing),
            Screen::Player => Some(Command::ToLibrary),
            Screen::Summary => self.session().map(|s| Command::Player(PlayerCmd::GoToStep(s.current))),
            Screen::Teacher if self.teacher.close_dialogs() => None,
            Screen::Teacher => Some(Command::LeaveTeacher),
            Screen::Class => Some(Command::CloseClass),
        }
    }
}

impl LateralApp {
    /// The whole window's zoom (egui's zoom factor): the student's own.
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// Larger or smaller reading text (a setting of the laptop, not of the student).
    pub(super) fn change_font(&mut self, step: f32) {
        let settings = &mut self.shared.settings;
        settings.font_size =
            (settings.clamped_font() + step).clamp(AppSettings::FONT_RANGE.0, AppSettings::FONT_RANGE.1);
        self.shared.save_settings();
    }

    /// Zooms in (`1`), out (`-1`) or back to 100% (`0`) by tenths, and saves it in the student's
    /// profile (before a student is picked it lasts until one is).
    pub(super) fn change_zoom(&mut self, step: i8) {
        use crate::records::progress::clamp_zoom;
        self.zoom = match step {
            0 => 1.0,
            s => clamp_zoom(self.zoom + 0.1 * f32::from(s)),
        };
        if let Some(name) = &self.shared.student
            && let Err(e) = self.shared.store.set_student_zoom(name, self.zoom)
        {
            self.shared.notice = Some(e);
        }
    }

    /// Applies the zoom to the window. egui's own Ctrl + / − / 0 is turned off: the app handles
    /// those keys itself, so that the zoom is the student's and is saved.
    pub(super) fn apply_zoom(&self, ctx: &Context) {
        if ctx.options(|o| o.zoom_with_keyboard) {
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
        if (ctx.zoom_factor() - self.zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(self.zoom);
        }
    }
}
