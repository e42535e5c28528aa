//! The lesson player: the session being played and what the player shows of it (article panes,
//! the active label, the selected highlight, a message). Its commands change the session; the
//! run loop saves it.

mod actions;
mod investigate;
mod results;
mod view;

use crate::tr;
use std::sync::Arc;

use crate::app::Shared;
use crate::app::widgets::article_view::ArticleViewState;
use crate::grading::session::{AddOutcome, Session};
use crate::lesson::library::Library;
use crate::lesson::{Lesson, StepBody};
use crate::records::progress::Loaded;
use crate::records::results::{Results, restore_session};
use crate::text::Span;

/// The label ids offered on the current step, in palette order.
pub(crate) fn step_labels(s: &Session) -> Vec<&str> {
    match &s.step().body {
        StepBody::Highlight { labels, .. } => labels.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

/// What the player can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum PlayerCmd {
    /// Show step `0`.
    GoToStep(usize),
    /// Highlight chars of article `article` of the step.
    Highlight {
        /// Article index in the step.
        article: usize,
        /// Chars (snapped to words by the session).
        span: Span,
    },
    /// Select the highlight covering char `pos` of article `article`.
    SelectAt {
        /// Article index.
        article: usize,
        /// Char offset.
        pos: usize,
    },
    /// Remove the highlight covering char `pos` of article `article`.
    RemoveAt {
        /// Article index.
        article: usize,
        /// Char offset.
        pos: usize,
    },
    /// Remove the selected highlight.
    RemoveSelected,
    /// Make label `0` (palette index) the active one, and give it to the selected highlight.
    SetLabel(usize),
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Check the step.
    Check,
    /// Show the next hint.
    Hint,
    /// Try again, keeping the highlights (`true`) or clearing them.
    Retry(bool),
    /// Reveal the answer key.
    ShowSolution,
    /// Pick or unpick option `0`.
    ToggleChoice(usize),
    /// Set the written answer.
    SetReflection(String),
    /// Bring a passage of article `article` into view and flash it (a verdict clicked in the
    /// results list).
    ShowPassage {
        /// Article index in the step.
        article: usize,
        /// The passage.
        span: Span,
    },
    /// Open source card `0` of an investigate step (closing the one open), or close it if it
    /// is the one open.
    ToggleCard(usize),
}

/// The lesson being played, and the player's view of it (what is not part of the student's work).
pub(crate) struct PlayerScreen {
    /// The student's work on the lesson.
    session: Session,
    /// One per article pane.
    views: [ArticleViewState; 2],
    /// The label new highlights get (palette index).
    active_label: Option<usize>,
    /// The selected highlight (index into the step's marks).
    selected: Option<usize>,
    /// A message for the student (refused highlight, why Check is not possible …).
    message: Option<String>,
    /// Is this a teacher's preview (nothing is saved)?
    previewing: bool,
    /// The source card open on an investigate step (index into the step's cards) and when it
    /// was opened (egui seconds).
    open_card: Option<(usize, f64)>,
    /// egui's clock at the last frame drawn, for how long a card stays open.
    clock: f64,
}

impl PlayerScreen {
    /// Plays `session`, as a teacher's preview if `previewing`.
    pub(crate) fn new(session: Session, previewing: bool) -> Self {
        Self {
            session,
            views: Default::default(),
            active_label: None,
            selected: None,
            message: None,
            previewing,
            open_card: None,
            clock: 0.0,
        }
    }

    /// Opens library lesson `i` for the current student, resuming saved work; `None` (and a
    /// notice) if it cannot be played.
    pub(crate) fn open(shared: &mut Shared, i: usize) -> Option<Self> {
        let lf = shared.library.lessons.get(i)?;
        let Some(lesson) = lf.lesson.clone().filter(|_| lf.is_playable()) else {
            shared.notice = Some(tr!("player-cannot-play"));
            return None;
        };
        let student = shared.student.clone().unwrap_or_else(|| tr!("player-default-student"));
        let lesson: Arc<Lesson> = Arc::new(lesson);
        let session = match shared.store.load_progress(&student, &lesson.id) {
            Loaded::Work(r) => restore_session(lesson, &shared.library.corpus, &r),
            Loaded::Damaged { moved_to, problem } => {
                shared.notice = Some(tr!(
                    "player-work-damaged",
                    problem = problem,
                    file = moved_to.display().to_string()
                ));
                Session::new(lesson, &shared.library.corpus, &student)
            }
            Loaded::Nothing => Session::new(lesson, &shared.library.corpus, &student),
        };
        let mut p = Self::new(session, false);
        p.enter_step();
        Some(p)
    }

    /// The student's work on the lesson.
    pub(crate) fn session(&self) -> &Session {
        &self.session
    }

    /// The student's work, to change directly (see [`LateralApp::session_mut`]).
    ///
    /// [`LateralApp::session_mut`]: crate::app::LateralApp::session_mut
    pub(crate) fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    /// Article pane `i` of the step (0 or 1).
    pub(crate) fn view(&self, i: usize) -> Option<&ArticleViewState> {
        self.views.get(i)
    }

    /// Is this a teacher's preview (nothing is saved)?
    pub(crate) fn previewing(&self) -> bool {
        self.previewing
    }

    /// Forgets the selection and message and picks the first label (for a new step).
    fn enter_step(&mut self) {
        for v in &mut self.views {
            v.reset();
        }
        self.selected = None;
        self.message = None;
        let labelled = !step_labels(&self.session).is_empty();
        self.active_label = labelled.then_some(0);
    }

    fn active_label_id(&self) -> Option<String> {
        let labels = step_labels(&self.session);
        self.active_label.and_then(|i| labels.get(i).map(|l| l.to_string()))
    }

    /// Applies a player command; returns whether the student's work changed (and needs saving).
    pub(crate) fn apply(&mut self, cmd: PlayerCmd) -> bool {
        match cmd {
            PlayerCmd::GoToStep(i) => self.go_to(i),
            PlayerCmd::Highlight { article, span } => self.highlight(article, span),
            PlayerCmd::SelectAt { article, pos } => self.select_at(article, pos),
            PlayerCmd::RemoveAt { article, pos } => self.remove_at(article, pos),
            PlayerCmd::RemoveSelected => self.remove_selected(),
            PlayerCmd::SetLabel(i) => self.set_label(i),
            PlayerCmd::Undo => self.deselecting(Session::undo),
            PlayerCmd::Redo => self.deselecting(Session::redo),
            PlayerCmd::Check => self.check(),
            PlayerCmd::Hint => self.session.next_hint().is_some(),
            PlayerCmd::Retry(keep) => self.deselecting(|s| s.retry(keep)),
            PlayerCmd::ShowSolution => self.session.show_solution(),
            PlayerCmd::ToggleChoice(i) => {
                self.session.toggle_choice(i);
                true
            }
            PlayerCmd::SetReflection(t) => {
                self.session.set_reflection(&t);
                true
            }
            PlayerCmd::ShowPassage { article, span } => {
                if let Some(v) = self.views.get_mut(article) {
                    v.reveal(span);
                }
                false
            }
            PlayerCmd::ToggleCard(i) => self.toggle_card(i),
        }
    }

    fn go_to(&mut self, i: usize) -> bool {
        self.close_card();
        self.session.go_to(i);
        self.enter_step();
        true
    }

    fn highlight(&mut self, article: usize, span: Span) -> bool {
        let label = self.active_label_id();
        match self.session.add_highlight(article, span, label) {
            AddOutcome::Added(_) | AddOutcome::Merged(_) => {
                // Not selected: the next label picked is for the next highlight.
                self.selected = None;
                self.message = None;
                true
            }
            AddOutcome::Refused(why) => {
                self.message = Some(why);
                false
            }
        }
    }

    fn select_at(&mut self, article: usize, pos: usize) -> bool {
        let s = &self.session;
        self.selected = s.mark_at(article, pos);
        if let Some(l) = self.selected.and_then(|i| s.state().marks[i].label.clone()) {
            self.active_label = step_labels(s).iter().position(|x| **x == l);
        }
        false
    }

    fn remove_at(&mut self, article: usize, pos: usize) -> bool {
        let Some(i) = self.session.mark_at(article, pos) else {
            return false;
        };
        self.selected = None;
        self.session.remove_highlight(i)
    }

    fn remove_selected(&mut self) -> bool {
        let Some(i) = self.selected.take() else { return false };
        self.session.remove_highlight(i)
    }

    /// Arms label `i` for the next highlights, and gives it to the selected highlight; with no
    /// highlight selected, says so (a number key pressed then changes no highlight).
    fn set_label(&mut self, i: usize) -> bool {
        let s = &self.session;
        let labels = step_labels(s);
        let Some(id) = labels.get(i).map(|l| l.to_string()) else {
            return false;
        };
        if s.locked() {
            self.message = Some(tr!("player-checked-labels-kept"));
            return false;
        }
        let name = s.lesson.label(&id).map_or(id.clone(), |l| l.shown_name());
        self.active_label = Some(i);
        match self.selected {
            Some(sel) => {
                self.message = None;
                self.session.set_label(sel, Some(id))
            }
            None => {
                self.message = Some(tr!("player-next-label", key = i + 1, name = name));
                false
            }
        }
    }

    /// Runs an edit of the session that leaves no highlight selected.
    fn deselecting(&mut self, edit: impl FnOnce(&mut Session) -> bool) -> bool {
        let changed = edit(&mut self.session);
        self.selected = None;
        changed
    }

    fn check(&mut self) -> bool {
        match self.session.check() {
            Ok(_) => {
                self.message = None;
                // Each article shows its topmost verdict: scrolled to when it is off screen.
                let marks = crate::grading::feedback::article_marks(&self.session);
                for (a, v) in self.views.iter_mut().enumerate() {
                    let first = marks
                        .keys
                        .iter()
                        .filter(|k| k.article == a)
                        .min_by_key(|k| k.span.start);
                    if let Some(k) = first {
                        v.bring_into_view(k.span);
                    }
                }
                true
            }
            Err(why) => {
                self.message = Some(why);
                false
            }
        }
    }

    /// Follows a reload of the library from disk: the same lesson, newly read, keeping the
    /// student's work. Returns what to tell the student.
    /// Is the lesson being played the same in `new` as in `old`: the same file, and the same
    /// text in each of its articles? (Then the work needs no reloading.)
    pub(crate) fn same_lesson_in(&self, old: &Library, new: &Library) -> bool {
        let lesson = &self.session.lesson;
        let same_file = new.lessons.iter().any(|l| {
            l.is_playable()
                && l.lesson
                    .as_ref()
                    .is_some_and(|x| x.id == lesson.id && x.sha256 == lesson.sha256)
        });
        same_file
            && lesson
                .steps
                .iter()
                .flat_map(|s| &s.articles)
                .all(|id| match (old.corpus.get(id), new.corpus.get(id)) {
                    (Some(a), Some(b)) => a.text.as_str() == b.text.as_str(),
                    _ => false,
                })
    }

    pub(crate) fn follow_reload(&mut self, library: &Library) -> String {
        let id = self.session.lesson.id.clone();
        let found = library
            .lessons
            .iter()
            .find(|l| l.lesson.as_ref().is_some_and(|x| x.id == id));
        match found {
            Some(lf) if lf.is_playable() => {
                let lesson = Arc::new(lf.lesson.clone().expect("playable lessons parsed"));
                let work = Results::from_session(&self.session);
                self.session = restore_session(lesson, &library.corpus, &work);
                tr!("player-reloaded")
            }
            Some(lf) => {
                let first = lf
                    .diagnostics
                    .iter()
                    .find(|d| d.is_error())
                    .map(|d| tr!("player-line-message", line = d.line, message = d.message.as_str()))
                    .unwrap_or_default();
                tr!("player-reload-errors", first = first)
            }
            None => tr!("player-reload-gone"),
        }
    }
}
