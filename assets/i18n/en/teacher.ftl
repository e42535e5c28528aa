## teacher: English, the source language. The teacher's view: the banner, the lesson editor,
## "Import an article".

## The banner and the view without a lesson open.

teacher-heading = Teacher view
teacher-intro = Open a lesson above to edit it, or make a new one on an article. Lessons are plain text files; see docs/lesson-format.md.
teacher-banner = TEACHER VIEW: editing lessons
# Before the list of the library's lessons, each a button.
teacher-open = Open:
teacher-open-lesson =
    .hover = Edit this lesson
teacher-import-button = Import an article…
teacher-class-button = Class results…
    .hover = Grade your students' results files and see the class
teacher-hide-students = Hide the list of students
    .hover = Students type their name instead of picking it from a list. Anyone who knows a name can still type it: see docs/teacher-guide.md.
# Beside the list of the corpus's articles (their ids).
teacher-new-lesson-on = New lesson on
teacher-new-lesson = New lesson

## Opening a lesson. $path is the lesson's file, $error what is wrong with it.

teacher-could-not-read = Could not read { $path }
teacher-bundled-copy = This lesson comes with the app: type where to save your own copy.
teacher-cannot-edit = { $path } cannot be edited in the app: { $error }

## The lesson editor: the steps on the left.

teacher-lesson-title = Lesson title
teacher-may-retry = Students may retry
teacher-may-show-solution = Students may show the solution
teacher-steps = Steps
teacher-move-up = ↑ Up
teacher-move-down = ↓ Down
teacher-delete-step = Delete step
teacher-add-step = Add a step:
teacher-add-read = + Read
teacher-add-bias = + Bias
teacher-add-machine = + Machine
teacher-add-conflict = + Conflict
teacher-add-choice = + Choice
teacher-add-reflect = + Reflect
teacher-add-investigate = + Investigate

# The kinds of step, as the list of steps shows them after each title: "2. Find it (bias)".
# In a lesson file they are the words `kind = "read"`, `task = "bias"` …
teacher-kind-read = read
teacher-kind-bias = bias
teacher-kind-machine = machine
teacher-kind-conflict = conflict
teacher-kind-choice = choice
teacher-kind-reflect = reflect
teacher-kind-investigate = investigate

# The title a new step gets, by its kind (the teacher changes it).
teacher-new-step-read = Read
teacher-new-step-highlight = Find it
teacher-new-step-choice = Your choice
teacher-new-step-reflect = Your answer
teacher-new-step-investigate = Who is behind it?

## The lesson editor: saving, previewing and the problems on the right.

teacher-save-to = Save to (a .md file):
teacher-save = Save
teacher-preview-as-student = Preview as student
teacher-close = Close teacher view
teacher-unsaved = Unsaved changes
teacher-no-problems = ✓ No problems: this lesson passes lateral check.
# How many errors and warnings `lateral check` finds in the lesson.
teacher-problem-count = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
# One problem of the lesson: $line is its line in the file, $message what `lateral check` says
# (in English). $kind: step-error, step-warning (in the selected step), error or warning.
teacher-problem-line = { $kind ->
        [step-error] this step, line { $line }: { $message }
        [step-warning] this step, warning, line { $line }: { $message }
        [warning] warning, line { $line }: { $message }
       *[error] line { $line }: { $message }
    }
teacher-save-where = Type where to save the lesson (a path ending in .md) first.
teacher-saved = Saved { $path }. It passes lateral check.
teacher-saved-download = Downloaded { $name }: put it in your lesson folder. { $n ->
    [0] It passes lateral check.
    [one] It has 1 problem still to fix (listed on the right).
   *[other] It has { $n } problems still to fix (listed on the right).
}
# $n: how many errors are left.
teacher-saved-with-errors = { $n ->
        [one] Saved { $path }, with { $n } problem still to fix (listed on the right).
       *[other] Saved { $path }, with { $n } problems still to fix (listed on the right).
    }
teacher-save-failed = Could not save { $path }: { $error }
teacher-preview-refused = Fix the problems listed on the right before previewing.
# The student's name in a teacher's preview of the lesson.
teacher-preview-student = Preview

## The lesson editor: the selected step in the middle.

teacher-no-steps = This lesson has no steps yet: add one on the left.
teacher-step-has-problems = This step has problems (listed on the right); fix them to edit its key spans here.
teacher-choice-in-file = Edit the options of a choice step in the lesson file ([[option]] sections): see docs/lesson-format.md.
# $n: the step's number.
teacher-step-heading = Step { $n }
teacher-step-title = Step title
teacher-instructions = Instructions (Markdown)
# Above the instructions as students will see them.
teacher-instructions-preview = Preview
# $task: the kind of step (teacher-kind-bias, -machine or -conflict).
teacher-highlight-to-add = Highlight a passage in the article to add it to the answer key ({ $task } task).
teacher-fix-step-first = Fix the problems in this step before adding key spans.
# $id: the new key span's id in the lesson file.
teacher-key-added = Added key `{ $id }`: write its explanation below.
# $n: how many key spans the step has.
teacher-key-spans = Key spans ({ $n })

## One key span ($n is its number in the step).

teacher-delete-key = Delete key { $n }
teacher-key-explanation = Explanation of key { $n }
teacher-key-hints = Hints for key { $n } (one per line)
teacher-key-label = label of key { $n }
# In a conflict step: the key span on the other article that says the opposite.
teacher-key-pair = pair of key { $n }
# How far around the key a student may highlight at no cost.
teacher-key-extent = extent of key { $n }
teacher-extent-exact = exact
teacher-extent-sentence = sentence
teacher-extent-paragraph = paragraph
# Before the key's points, in a number box; keep the space at the end.
teacher-key-points = points:{ " " }

## Import an article.

teacher-import-title = Import an article
teacher-import-help = From a .txt, .md or .html file (choose it, type its path, or drop it on this window), or paste the text below. The words are kept exactly. A saved web page (.html) keeps only its article, as a browser's Reader View shows it, and fills in what the page says about itself. An H5P “Mark the Words” task (.h5p or content.json) becomes an article and a lesson.
teacher-import-file = File:
teacher-import-choose = Choose file…
    .hover = Pick the file in a file dialog; it is read at once
teacher-import-waiting = Waiting for the file dialog…
teacher-import-read = Read the file
teacher-import-paste = Or paste the text:
teacher-import-about = About the article (what students see when they read laterally)
teacher-import-fictional = Fictional (written for teaching)
teacher-import-add = Add to the corpus
teacher-import-id = Id (short name)
teacher-import-outlet = Outlet
teacher-import-headline = Headline
teacher-import-outlet-kind = Kind of outlet
teacher-import-date = Date (YYYY-MM-DD)
teacher-import-byline = Byline
# Where the article came from: its file and its web address.
teacher-import-came-from = Came from
# In an empty box the article must have.
teacher-import-missing-id = missing: a short name, e.g. courier-flood-wall
teacher-import-missing-outlet = missing: who published it, as a reader would name them
teacher-import-missing-headline = missing: the headline as published
teacher-import-missing-outlet-kind = missing: one line on who runs or funds the outlet

# The fields of an article, in the sentences below.
teacher-field-headline = headline
teacher-field-outlet = outlet
teacher-field-outlet-kind = kind of outlet
teacher-field-byline = byline
teacher-field-date = date
teacher-field-language = language
teacher-field-url = address

# After reading a file: "Read 120 words. The page gave its headline, outlet. Still to fill
# in: kind of outlet. Check the text, then add it." (each sentence is its own message).
teacher-import-read-words = { $n ->
        [one] Read { $n } word.
       *[other] Read { $n } words.
    }
# $fields: a list of the fields above, joined with commas.
teacher-import-found = The page gave its { $fields }.
teacher-import-still-missing = Still to fill in: { $fields }.
teacher-import-check = Check the text, then add it.
# $date: the date as typed.
teacher-import-bad-date = `{ $date }` is not a real date: write it like 2024-03-02
# $path: the article's new text file.
teacher-import-added = Added { $path } to the corpus.
teacher-import-downloaded = Downloaded { $txt } and { $toml }: put both in the corpus folder beside your lessons. Until the page is reloaded the article is also in this tab's library, for a new lesson.
teacher-import-id-taken = An article with the id `{ $id }` is already in the library: choose another id.
teacher-import-downloaded-only = Downloaded { $txt } and its metadata, but the article could not be put into this tab's library: { $error }
teacher-import-not-added = Not added: { $error }
teacher-import-failed = Not imported: { $error }
teacher-import-h5p-web = This is an H5P task. Its import writes an article and a lesson into your folders, which a browser page cannot do: import it in the desktop app.
teacher-import-h5p-done = Imported from H5P: write the explanations, then Save.
teacher-import-h5p-counts = Imported { $words ->
        [one] { $words } word
       *[other] { $words } words
    } and { $marked ->
        [one] { $marked } marked word
       *[other] { $marked } marked words
    }.
