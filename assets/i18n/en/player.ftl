## player: English, the source language

player-hand-in =
    Hand in
    .hover = Save your results file for your teacher
player-check = Check
player-labels = Labels:
player-label-selected = Selected highlight:
player-label-new = New highlights get:
player-pick-label = Pick a label (keys 1–9):
player-remove-highlight = Remove highlight
player-undo = Undo
player-redo = Redo
player-hint = Hint
player-retry-keep = Retry (keep highlights)
player-retry-over = Retry (start over)
player-show-solution = Show solution
player-finish-next = Finish lesson ▶
player-next-step = Next step ▶
player-previous-step = ◀ Previous step
player-about-lesson = About this lesson
player-step-label = Step { $n }: { $title } — { $state }
player-finish = Finish lesson
player-choice-checked = Your answer is checked: the results say why. Retry to change it.
player-choice-many = Pick every answer that fits:
player-choice-one = Pick one answer:
player-your-answer = Your answer:
player-answer-hint = Write your answer here. It is saved as you type and handed in with your results.
player-words-min =
    { $words ->
        [one] { $words } word
       *[other] { $words } words
    } (at least { $min_words } asked for)
player-words =
    { $words ->
        [one] { $words } word
       *[other] { $words } words
    }
player-cannot-play = This lesson has problems and cannot be played; its errors are listed below it.
player-default-student = Student
player-work-damaged = Your saved work on this lesson could not be read ({ $problem }). It was kept as { $file } and the lesson starts afresh.
player-checked-labels-kept = This step is checked, so its highlights keep their labels.
player-next-label = No highlight is selected: the next highlights will be labelled “{ $key } { $name }”.
player-reloaded = The lesson changed on disk and was reloaded; your work is kept.
player-line-message = line { $line }: { $message }
player-reload-errors = The lesson file changed on disk and now has errors ({ $first }). You can keep working; the lesson reloads when the file is fixed.
player-reload-gone = The lesson file was removed or renamed on disk. You can keep working on what is open.
player-hints = Hints
player-results = Results
player-solution-shown = The solution is shown.
player-for-teachers = For teachers: { $terms }
player-show-passage = Show this passage in the article
player-not-shown = Not shown yet: try again or show the solution.
player-not-in-key = ? Not in the key ({ $n })
player-extra-near = { $quote } — close: it is in the same sentence as a key passage
player-cards-intro = Look it up: open the cards you need before you judge.
player-cards-about = About { $outlet }
player-card-close = Close this card
player-card-open = Open this card
player-card-source = Source: { $source }

article-accessible = Article: { $headline }
article-no-date = no date on the page
article-byline = by { $byline }
article-fictional = fictional text, written for teaching
article-teacher-note = Teachers' note (students do not see it): { $note }
article-imported-from = Imported from the file { $file }
article-tab = Article { $n } · { $outlet }
article-caret = Keyboard caret on “{ $word }”
article-label-n = label { $n }
article-no-label = no label
article-highlight = highlight { $n } of { $total }: { $label }, '{ $text }'
