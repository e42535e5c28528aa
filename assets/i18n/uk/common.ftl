## common: Ukrainian. Messages used on more than one screen, numbers, dates.

# Ukrainian writes a space (here a no-break space) before the percent sign.
percent = { $n } %

date-long = { $day } { $month ->
        [1] січня
        [2] лютого
        [3] березня
        [4] квітня
        [5] травня
        [6] червня
        [7] липня
        [8] серпня
        [9] вересня
        [10] жовтня
        [11] листопада
       *[12] грудня
    } { $year } р.

language = Мова

highlight-count = { $n ->
        [one] { $n } виділення
        [few] { $n } виділення
       *[many] { $n } виділень
    }

step-kind-read = читання
step-kind-conflict = суперечність
step-kind-bias = упередженість
step-kind-machine = машинний текст
step-kind-choice = вибір
step-kind-reflect = роздум
step-kind-investigate = перевірка джерел
