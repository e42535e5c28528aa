## library: English, the source language

library-work-damaged = Saved work for “{ $title }” could not be read ({ $problem }). It was kept as { $file } and the lesson starts afresh.
library-empty = There are no lessons here. Lessons are .md files that start with a line of +++ (see docs/lesson-format.md).
library-article-problems = Problems with articles
library-continue =
    Continue
    .hover = Continue “{ $title }”
library-start =
    Start
    .hover = Start “{ $title }”
library-minutes = { $n } min
library-checking = checking…
library-heading = Lessons
library-open-folder = Open lesson folder…
library-open-files = Open lesson files…
library-picked-files = { $n ->
    [one] the file you picked
   *[other] the { $n } files you picked
}
library-pack-alone = { $n ->
    [one] An exam pack opens by itself: the other file you picked was not opened.
   *[other] An exam pack opens by itself: the { $n } other files you picked were not opened.
}
library-no-lessons-picked = { $n ->
    [one] The file you picked is not a lesson, an article or an exam pack.
   *[other] None of the { $n } files you picked is a lesson, an article or an exam pack.
} Pick the lesson files (.md) with their articles (.txt and .toml), or an exam pack (.lateral-exam).
library-export-all = Export all my results…
library-bundled = Bundled lessons
library-from = from { $folder }
library-exam-title = { $title }  (exam: hand in when done)
library-steps =
    { $n ->
        [one] { $n } step
       *[other] { $n } steps
    } · { $kinds }
library-steps-only =
    { $n ->
        [one] { $n } step
       *[other] { $n } steps
    }
library-progress = Your progress: { $done } of { $total } steps done
library-lesson-problems =
    { $n ->
        [one] This lesson has { $n } problem and cannot be played yet:
       *[other] This lesson has { $n } problems and cannot be played yet:
    }
library-line-column = { $file }line { $line }, column { $column }:
library-exported =
    { $n ->
        [one] Saved { $n } results file in { $folder }.
       *[other] Saved { $n } results files in { $folder }.
    }
