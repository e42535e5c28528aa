## grading: Polish

grading-score-excellent = Świetnie
grading-score-good = Dobrze
grading-score-partly = Częściowo dobrze
grading-score-start = Dobry początek
grading-score-not-yet = Jeszcze nie
grading-score-line = { $words }: { $percent }
grading-quoted = „{ $text }”

grading-verdict-found = znaleziony
grading-verdict-partly = znaleziony częściowo
grading-verdict-missed = pominięty
grading-why-wrong-label = { $verdict } (dobre miejsce, zła etykieta)
grading-why-partner-missing = { $verdict } (brakuje drugiej strony tej sprzeczności)
grading-why-part-of-core = { $verdict } (tylko część)
grading-not-counted = nie liczy się: za dużo podkreśleń

grading-flooded = Za dużo podkreśleń: podkreślasz { $marked } tekstu, w którym nie ma odpowiedzi, więc wynik jest ograniczony do { $cap }. Podkreślaj tylko to, co ważne.
grading-flooded-hidden = Za dużo podkreśleń: podkreślasz { $marked } tekstu, w którym nie ma odpowiedzi, więc wynik jest ograniczony do { $cap } i nie widać żadnego fragmentu z klucza. Podkreślaj tylko to, co ważne.
grading-detail = { $precision } tego, co podkreślasz, jest w kluczu · znajdujesz { $recall } klucza
grading-detail-terms = Precyzja { $precision } · pełność { $recall }

grading-progress-not-started = nierozpoczęty
grading-progress-in-progress = w toku
grading-progress-done = gotowe
grading-progress-answered = odpowiedź udzielona
grading-progress-solution = rozwiązanie pokazane
grading-progress-checked = sprawdzony: { $percent }
grading-progress-solution-checked = rozwiązanie pokazane (sprawdzony: { $percent })

grading-result-answered = odpowiedź udzielona
grading-result-to-do = do zrobienia
grading-result-score = { $percent } { $words }
grading-result-not-checked = jeszcze niesprawdzony
grading-result-done = gotowe

grading-lesson-score = Wynik lekcji: { $percent } ({ $words })
grading-lesson-score-so-far = Wynik lekcji na razie: { $percent } — sprawdzono { $checked } z { $total ->
        [one] { $total } kroku
       *[other] { $total } kroków
    }; krok niesprawdzony liczy się jako 0, dopóki go nie sprawdzisz

grading-review-not-checked = Krok { $n } — { $title }: niesprawdzony, więc nic nie jest pokazane o jego odpowiedziach. Wróć i naciśnij „Sprawdź”.
grading-review-choice = Krok { $n } — { $title }: przeczytaj wyjaśnienie każdej odpowiedzi.
grading-review-flooded = Krok { $n } — { $title }: za dużo podkreśleń, więc nie widać żadnego fragmentu z klucza.
grading-review-not-counted = nie liczy się (za dużo podkreśleń)
grading-review-key = Krok { $n } — { $verdict } { $quote }: { $explanation }
grading-review-key-hidden = Krok { $n } — fragment z klucza { $key } { $verdict }: jeszcze niepokazany, spróbuj ponownie albo pokaż rozwiązanie.
