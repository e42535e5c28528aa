## common: English, the source language. Messages used on more than one screen, numbers, dates.

# A whole percentage: a score, a share of the text. $n is a whole number.
percent = { $n }%

# A date written out. $day and $month are numbers (month 1–12), $year the year as written.
date-long = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }

# The language menu, on every screen.
language = Language

# How many highlights a student has made ($n).
highlight-count = { $n ->
        [one] { $n } highlight
       *[other] { $n } highlights
    }

step-kind-read = read
step-kind-conflict = conflict
step-kind-bias = bias
step-kind-machine = machine
step-kind-choice = choice
step-kind-reflect = reflect
step-kind-investigate = investigate
