## chrome: English, the source language. The top bar, the keyboard help, the teacher PIN dialog,
## file dialogs, notices of the run loop, and what screen readers are told after Check.

## Top bar

# Who is using the app ($student: the name they picked).
chrome-student = Student: { $student }
chrome-switch-student = Switch student
chrome-teacher-view = Teacher view
    .hover = Edit lessons and see the class (asks for the teacher PIN)
chrome-back-to-editing = ◀ Back to editing
    .hover = Leave the preview (Escape)
chrome-back-to-lessons = ◀ Lessons
    .hover = Back to the lessons (Escape)
chrome-leave-teacher = ◀ Leave teacher view
    .hover = Back to where you opened it from (Escape)
# Shown in the top bar while a teacher plays a lesson as a student would.
chrome-preview-as-student = Preview as student
chrome-keyboard-help = Keyboard help
    .hover = Every keyboard shortcut (F1 or ?)
chrome-about = About
    .hover = The version, the licences, and where student work is saved
# The whole window's zoom; $percent is written as the language writes percentages ("125%").
chrome-zoom = Zoom { $percent }
    .hover = Ctrl + and Ctrl − zoom everything; Ctrl 0 goes back to 100%
# The reading text's size in points ($size, a whole number).
chrome-text-size = Text { $size }
# Tooltips (and screen reader descriptions) of the buttons "A−" and "A+".
chrome-smaller-text = Smaller reading text
chrome-larger-text = Larger reading text
chrome-light-theme = Light theme
chrome-dark-theme = Dark theme

## Keyboard help (F1 or ?). Key names such as Tab, Escape, Ctrl+Enter are shown as on the keyboard
## and are not translated; the ones below have words in them.

chrome-help-title = Keyboard help
chrome-help-everywhere = Everywhere
chrome-help-tab = Next / previous control, in reading order
chrome-help-key-enter-or-space = Enter or Space
chrome-help-press = Press the focused button
chrome-help-escape = Back one level; in a text box, first leaves the box; closes a dialog
chrome-help-zoom = Zoom the whole window in / out / back to 100% (saved for you)
chrome-help-key-f1 = F1 or ?
chrome-help-this-help = This help
chrome-help-in-article = In an article (Tab to it; it has a ring when focused)
chrome-help-word = Move the caret word by word
chrome-help-sentence = Move the caret sentence by sentence
chrome-help-key-shift-arrows = Shift + arrows
chrome-help-extend = Extend the selection from the caret
chrome-help-highlight = Highlight the selection, or the word under the caret
chrome-help-key-delete = Delete or Backspace
chrome-help-remove = Remove the highlight under the caret
chrome-help-cancel-selection = Cancel the Shift selection (without one: back one level)
chrome-help-in-lesson = In a lesson (not while typing in a text box)
chrome-help-label = Pick a label; the selected highlight gets it
chrome-help-check = Check the step
chrome-help-hint = Show a hint
chrome-help-steps = Next / previous step (N on the last step: the summary)
chrome-help-undo = Undo / redo
chrome-help-close = Close
    .hover = Close the help (Escape)

## The About box ("About" in the top bar). $version: the version number, e.g. 0.1.0.

chrome-about-title = About Lateral
chrome-about-version = Version { $version }
chrome-about-what = Media-literacy lessons on real news text. Lateral works offline and never touches the network.
# Followed by the folder, on a line of its own.
chrome-about-data = Student work and settings are saved on this computer, in:
chrome-about-licence = Free software under the MIT or Apache-2.0 licence (LICENSE-MIT, LICENSE-APACHE). The licences of the libraries it is built from are in THIRD-PARTY-LICENSES.txt, installed with the program.

## The teacher PIN dialog. $min and $max: the shortest and longest PIN, in digits.

chrome-pin-set-title = Set a teacher PIN
chrome-pin-set-intro = The teacher view shows every answer key. Choose a PIN of { $min } to { $max } digits: it will be asked for each time the teacher view is opened.
chrome-pin-title = Teacher PIN
chrome-pin-prompt = Type the teacher PIN to open the teacher view.
chrome-pin-new-label = New PIN:
chrome-pin-label = PIN:
chrome-pin-again-label = PIN again:
chrome-pin-set-and-open = Set PIN and open
chrome-pin-open = Open teacher view
chrome-pin-cancel = Cancel
    .hover = Back (Escape)
chrome-pin-wrong = Wrong PIN: the teacher view stays closed. Try again.
chrome-pin-mismatch = The two PINs are not the same. Type the same PIN twice.
chrome-pin-no-random = The PIN was not set: the system gave no random numbers to protect it ({ $error }). Try again.
chrome-pin-not-digits = A PIN is { $min } to { $max } digits (0–9), nothing else.
# $n: how many digits were typed.
chrome-pin-wrong-length = A PIN is { $min } to { $max } digits; this one has { $n }.
# $file: where the settings file is.
chrome-pin-forgot = Forgot the PIN? Close the app, delete the settings file { $file } and set a new PIN the next time. (Text size and theme go back to their defaults; students' work is kept.)
chrome-pin-forgot-web = Forgot the PIN? Open the browser's developer tools (F12), then Application → Local storage → this page, delete the entry { $entry } and reload the page to set a new PIN. (Text size and theme go back to their defaults; students' work is kept.)

## File dialogs (their window titles, and the kinds of file they offer)

chrome-dialog-open-lessons = Open a lesson folder
chrome-dialog-open-lesson-files = Open lesson files, their articles, or an exam pack
chrome-dialog-hand-in = Hand in: save your results
chrome-dialog-export-all = Save all your results into a folder
chrome-dialog-class-folder = Folder of results files
chrome-dialog-import = Import an article
chrome-dialog-filter-articles = Articles and H5P tasks
chrome-dialog-filter-all = All files

## Notices at the top of the window. $error: why, as the system or the file said it.

chrome-save-failed = Your work could not be saved: { $error }. Keep the app open and tell your teacher.
chrome-settings-not-saved = Settings could not be saved: { $error }
chrome-open-lessons-failed = Could not open lessons: { $error }
chrome-check-died = The lessons could not all be checked; open the folder again.
# $folder: the lesson folder.
chrome-watch-failed = Changes to { $folder } will not show until you reopen it: { $error }
chrome-reload-failed = Could not reload lessons: { $error }

## What a screen reader says once a step is checked (one sentence after another).

# $score: the score line ("2 of 3 key passages found", as the results panel says it).
chrome-announce-results = Check results. { $score }.
# $heading: the key passage's number and verdict ("2: partly found (…)").
chrome-announce-key = Key passage { $heading }.
# $n: how many highlights are in no key passage.
chrome-announce-extras = { $n ->
        [one] { $n } highlight not in the key.
       *[other] { $n } highlights not in the key.
    }

## The web version (in a browser tab)
chrome-web-storage-off = the browser does not let this page keep anything
chrome-web-storage-full = the browser's storage for this page is full
chrome-web-download-refused = the browser refused the download
