## class: English, the source language. The class view: many students' results for one lesson.

class-banner = CLASS RESULTS (teacher)
class-intro = Pick the lesson and the folder that holds your students' results files, then press Grade. Every score is recomputed from the highlights; scores written in the files are never trusted.
class-lesson = Lesson
class-pick-lesson = pick a lesson
class-results-folder = Results folder:
class-pick-folder = Pick folder…
class-grade = Grade
class-close = Close class view
class-folder-needed = Type the folder that holds the results files (or pick it).
# $path: the folder typed.
class-folder-missing = { $path } does not exist
# After Grade: $students graded, $skipped files that are no results; $problems is yes when
# some files had problems (listed under the students).
class-graded = { $students ->
        [one] { $students } student graded
       *[other] { $students } students graded
    }, { $skipped ->
        [one] { $skipped } file skipped
       *[other] { $skipped } files skipped
    }{ $problems ->
        [yes] {" "}(see the problems below)
       *[no] {""}
    }

## The left panel.

class-steps = Steps
class-students = Students
class-whole-class = Whole class (heatmap)
class-problems = Problems

## Above the article.

# $name: the student's name.
class-student-highlights = { $name }'s highlights; the key spans are outlined and numbered.
class-heatmap-caption = How many students highlighted each word (darker = more); the key spans are outlined and numbered.

## The step's numbers, on the right.

# How many students did the step.
class-student-count = { $n ->
        [one] { $n } student
       *[other] { $n } students
    }
# A bar of the score chart: scores from $from to $to percent.
class-score-range = { $from }–{ $to }%
# $histogram: the bars, "0–20%: 4, 20–40%: 1, …".
class-scores = Scores: { $histogram }
class-most-missed = Most missed key spans
# $number: the key span's number, $quote its words; missed by $missed of the $total students.
class-key-missed = { $number }. “{ $quote }”: missed by { $missed } of { $total }
class-common-extras = Most common highlights not in the key
class-none = None.
# $text: the words highlighted, by $n students.
class-extra-count = “{ $text }”: { $n ->
        [one] { $n } student
       *[other] { $n } students
    }

## An investigate step: the source cards students opened.

class-source-cards = Source cards
# $looked of the $n students opened a card.
class-looked = Opened at least one card: { $looked } of { $n ->
        [one] { $n } student
       *[other] { $n } students
    }
# $looked of the $n students who answered the question opened a card first.
class-looked-before = Opened a card before answering the next question: { $looked } of the { $n } who answered it
# $title: the card's title; $n students opened it.
class-card-opened = “{ $title }”: opened by { $n }
