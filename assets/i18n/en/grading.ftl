## grading: English, the source language
# What a checked step, the step list and the summary tell the student (src/grading/feedback).

grading-score-excellent = Excellent
grading-score-good = Good
grading-score-partly = Partly right
grading-score-start = A start
grading-score-not-yet = Not yet
# $words is one of the five above, $percent a percentage as `percent` writes it.
grading-score-line = { $words }: { $percent }
# A quote from an article, in the language's quotation marks.
grading-quoted = “{ $text }”

grading-verdict-found = found
grading-verdict-partly = partly found
grading-verdict-missed = missed
# $verdict is one of the three above.
grading-why-wrong-label = { $verdict } (right place, wrong label)
grading-why-partner-missing = { $verdict } (the other side of this conflict is missing)
grading-why-part-of-core = { $verdict } (only part of it)
grading-not-counted = not counted: too much highlighted

# $marked: how much of the text that holds no answer the student marked; $cap: the score's cap.
grading-flooded = Too much highlighted: you marked { $marked } of the text that holds no answer, so the score is capped at { $cap }. Mark only what matters.
grading-flooded-hidden = Too much highlighted: you marked { $marked } of the text that holds no answer, so the score is capped at { $cap } and no key passage is shown. Mark only what matters.
grading-detail = { $precision } of what you marked is in the key · you found { $recall } of the key
grading-detail-terms = Precision { $precision } · recall { $recall }

grading-progress-not-started = not started
grading-progress-in-progress = in progress
grading-progress-done = done
grading-progress-answered = answered
grading-progress-solution = solution shown
grading-progress-checked = checked: { $percent }
grading-progress-solution-checked = solution shown (checked: { $percent })

grading-result-answered = answered
grading-result-to-do = to do
grading-result-score = { $percent } { $words }
grading-result-not-checked = not checked yet
grading-result-done = done

grading-lesson-score = Lesson score: { $percent } ({ $words })
grading-lesson-score-so-far = Lesson score so far: { $percent } — { $checked } of { $total } steps checked; a step not checked counts 0 until you check it

# $n: the step's number, $title: its title as the lesson writes it.
grading-review-not-checked = Step { $n } — { $title }: not checked, so nothing about its answers is shown. Go back and press Check.
grading-review-choice = Step { $n } — { $title }: look at the explanation of each answer.
grading-review-flooded = Step { $n } — { $title }: too much highlighted, so no key passage is shown.
grading-review-not-counted = not counted (too much highlighted)
grading-review-key = Step { $n } — { $verdict } { $quote }: { $explanation }
grading-review-key-hidden = Step { $n } — key passage { $key } { $verdict }: not shown yet, try again or show the solution.
