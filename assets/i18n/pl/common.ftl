## common: Polish. Messages used on more than one screen, numbers, dates.

# Polish writes a space (here a no-break space) before the percent sign.
percent = { $n } %

date-long = { $day } { $month ->
        [1] stycznia
        [2] lutego
        [3] marca
        [4] kwietnia
        [5] maja
        [6] czerwca
        [7] lipca
        [8] sierpnia
        [9] września
        [10] października
        [11] listopada
       *[12] grudnia
    } { $year }

language = Język

highlight-count = { $n ->
        [one] { $n } podkreślenie
        [few] { $n } podkreślenia
       *[many] { $n } podkreśleń
    }

step-kind-read = czytanie
step-kind-conflict = sprzeczność
step-kind-bias = stronniczość
step-kind-machine = tekst maszynowy
step-kind-choice = wybór
step-kind-reflect = refleksja
step-kind-investigate = sprawdzanie źródeł
