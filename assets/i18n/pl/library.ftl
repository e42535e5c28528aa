## library: Polish

library-work-damaged = Nie udało się odczytać zapisanej pracy z lekcji „{ $title }” ({ $problem }). Zachowano ją jako { $file }, a lekcja zaczyna się od nowa.
library-empty = Nie ma tu lekcji. Lekcje to pliki .md zaczynające się wierszem +++ (zob. docs/lesson-format.md).
library-article-problems = Problemy z artykułami
library-continue =
    Kontynuuj
    .hover = Kontynuuj „{ $title }”
library-start =
    Zacznij
    .hover = Zacznij „{ $title }”
library-minutes = { $n } min
library-checking = sprawdzanie…
library-heading = Lekcje
library-open-folder = Otwórz folder lekcji…
library-open-files = Otwórz pliki lekcji…
library-picked-files = { $n ->
    [one] wybranego pliku
   *[other] { $n } wybranych plików
}
library-pack-alone = { $n ->
    [one] Pakiet egzaminacyjny otwiera się sam: drugiego wybranego pliku nie otwarto.
   *[other] Pakiet egzaminacyjny otwiera się sam: pozostałych wybranych plików ({ $n }) nie otwarto.
}
library-no-lessons-picked = { $n ->
    [one] Wybrany plik nie jest lekcją, artykułem ani pakietem egzaminacyjnym.
   *[other] Żaden z wybranych plików ({ $n }) nie jest lekcją, artykułem ani pakietem egzaminacyjnym.
} Wybierz pliki lekcji (.md) razem z artykułami (.txt i .toml) albo pakiet egzaminacyjny (.lateral-exam).
library-export-all = Eksportuj wszystkie moje wyniki…
library-bundled = Lekcje wbudowane
library-from = z { $folder }
library-exam-title = { $title }  (sprawdzian: oddaj po skończeniu)
library-steps =
    { $n ->
        [one] { $n } krok
        [few] { $n } kroki
       *[many] { $n } kroków
    } · { $kinds }
library-steps-only =
    { $n ->
        [one] { $n } krok
        [few] { $n } kroki
       *[many] { $n } kroków
    }
library-progress =
    Twoje postępy: { $done } z { $total ->
        [one] { $total } kroku
       *[other] { $total } kroków
    } gotowe
library-lesson-problems =
    { $n ->
        [one] Ta lekcja ma { $n } błąd i nie można jej jeszcze uruchomić:
        [few] Ta lekcja ma { $n } błędy i nie można jej jeszcze uruchomić:
       *[many] Ta lekcja ma { $n } błędów i nie można jej jeszcze uruchomić:
    }
library-line-column = { $file }wiersz { $line }, kolumna { $column }:
library-exported =
    { $n ->
        [one] Zapisano { $n } plik z wynikami w { $folder }.
        [few] Zapisano { $n } pliki z wynikami w { $folder }.
       *[many] Zapisano { $n } plików z wynikami w { $folder }.
    }
