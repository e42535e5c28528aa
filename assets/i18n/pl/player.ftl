## player: Polish

player-hand-in =
    Oddaj
    .hover = Zapisz plik z wynikami dla nauczyciela
player-check = Sprawdź
player-labels = Etykiety:
player-label-selected = Zaznaczone podkreślenie:
player-label-new = Nowe podkreślenia dostają:
player-pick-label = Wybierz etykietę (klawisze 1–9):
player-remove-highlight = Usuń podkreślenie
player-undo = Cofnij
player-redo = Ponów
player-hint = Podpowiedź
player-retry-keep = Jeszcze raz (zostaw podkreślenia)
player-retry-over = Jeszcze raz (od nowa)
player-show-solution = Pokaż rozwiązanie
player-finish-next = Zakończ lekcję ▶
player-next-step = Następny krok ▶
player-previous-step = ◀ Poprzedni krok
player-about-lesson = O tej lekcji
player-step-label = Krok { $n }: { $title } — { $state }
player-finish = Zakończ lekcję
player-choice-checked = Twoja odpowiedź jest sprawdzona: wyniki mówią dlaczego. Spróbuj jeszcze raz, aby ją zmienić.
player-choice-many = Wybierz wszystkie pasujące odpowiedzi:
player-choice-one = Wybierz jedną odpowiedź:
player-your-answer = Twoja odpowiedź:
player-answer-hint = Tu wpisz odpowiedź. Zapisuje się na bieżąco i zostanie oddana razem z wynikami.
player-words-min =
    { $words ->
        [one] { $words } słowo
        [few] { $words } słowa
       *[many] { $words } słów
    } (wymagane co najmniej { $min_words })
player-words =
    { $words ->
        [one] { $words } słowo
        [few] { $words } słowa
       *[many] { $words } słów
    }
player-cannot-play = Ta lekcja ma błędy i nie można jej uruchomić; są wypisane pod nią.
player-default-student = Uczeń
player-work-damaged = Nie udało się odczytać zapisanej pracy z tej lekcji ({ $problem }). Zachowano ją jako { $file }, a lekcja zaczyna się od nowa.
player-checked-labels-kept = Ten krok jest sprawdzony, więc podkreślenia zachowują swoje etykiety.
player-next-label = Nie zaznaczono podkreślenia: następne podkreślenia dostaną etykietę „{ $key } { $name }”.
player-reloaded = Lekcja zmieniła się na dysku i została wczytana ponownie; twoja praca jest zachowana.
player-line-message = wiersz { $line }: { $message }
player-reload-errors = Plik lekcji zmienił się na dysku i teraz ma błędy ({ $first }). Możesz dalej pracować; lekcja wczyta się ponownie, gdy plik zostanie poprawiony.
player-reload-gone = Plik lekcji został usunięty albo zmienił nazwę. Możesz dalej pracować nad tym, co jest otwarte.
player-hints = Podpowiedzi
player-results = Wyniki
player-solution-shown = Rozwiązanie jest pokazane.
player-for-teachers = Dla nauczyciela: { $terms }
player-show-passage = Pokaż ten fragment w artykule
player-not-shown = Jeszcze niepokazany: spróbuj ponownie albo pokaż rozwiązanie.
player-not-in-key = ? Nie ma w kluczu ({ $n })
player-extra-near = { $quote } — blisko: jest w tym samym zdaniu co fragment z klucza
player-cards-intro = Sprawdź: zanim ocenisz, otwórz karty, których potrzebujesz.
player-cards-about = O: { $outlet }
player-card-close = Zamknij tę kartę
player-card-open = Otwórz tę kartę
player-card-source = Źródło: { $source }

article-accessible = Artykuł: { $headline }
article-no-date = brak daty na stronie
article-byline = autor: { $byline }
article-fictional = tekst fikcyjny, napisany do nauki
article-teacher-note = Uwaga dla nauczyciela (uczniowie jej nie widzą): { $note }
article-imported-from = Zaimportowano z pliku { $file }
article-tab = Artykuł { $n } · { $outlet }
article-caret = Kursor klawiatury na „{ $word }”
article-label-n = etykieta { $n }
article-no-label = bez etykiety
article-highlight = podkreślenie { $n } z { $total }: { $label }, „{ $text }”
