## chrome: Polish. The top bar, the keyboard help, the teacher PIN dialog, file dialogs, notices
## of the run loop, and what screen readers are told after Check. Students are addressed with
## "ty"; the teacher's dialogs use impersonal forms ("Proszę…").

## Top bar

chrome-student = Uczeń: { $student }
chrome-switch-student = Zmień ucznia
chrome-teacher-view = Widok nauczyciela
    .hover = Edycja lekcji i przegląd klasy (wymaga PIN-u nauczyciela)
chrome-back-to-editing = ◀ Wróć do edycji
    .hover = Zamknij podgląd (Escape)
chrome-back-to-lessons = ◀ Lekcje
    .hover = Wróć do listy lekcji (Escape)
chrome-leave-teacher = ◀ Zamknij widok nauczyciela
    .hover = Powrót tam, skąd go otwarto (Escape)
chrome-preview-as-student = Podgląd jako uczeń
chrome-keyboard-help = Skróty
    .hover = Wszystkie skróty klawiszowe (F1 lub ?)
chrome-about = O programie
    .hover = Wersja, licencje i miejsce, w którym zapisywane są prace uczniów
chrome-zoom = Powiększenie { $percent }
    .hover = Ctrl + i Ctrl − powiększają lub pomniejszają wszystko; Ctrl 0 przywraca 100 %
chrome-text-size = Tekst { $size }
chrome-smaller-text = Mniejszy tekst do czytania
chrome-larger-text = Większy tekst do czytania
chrome-light-theme = Jasny motyw
chrome-dark-theme = Ciemny motyw

## Keyboard help

chrome-help-title = Skróty klawiszowe
chrome-help-everywhere = Wszędzie
chrome-help-tab = Następny / poprzedni element, w kolejności czytania
chrome-help-key-enter-or-space = Enter lub spacja
chrome-help-press = Naciśnij zaznaczony przycisk
chrome-help-escape = Wstecz o jeden poziom; w polu tekstowym najpierw wychodzi z pola; zamyka okno dialogowe
chrome-help-zoom = Powiększ / pomniejsz całe okno / wróć do 100 % (zapamiętywane dla ciebie)
chrome-help-key-f1 = F1 lub ?
chrome-help-this-help = Ta pomoc
chrome-help-in-article = W artykule (przejdź do niego klawiszem Tab; gdy jest aktywny, ma obwódkę)
chrome-help-word = Przesuń kursor o jedno słowo
chrome-help-sentence = Przesuń kursor o jedno zdanie
chrome-help-key-shift-arrows = Shift + strzałki
chrome-help-extend = Rozszerz zaznaczenie od kursora
chrome-help-highlight = Podkreśl zaznaczenie albo słowo pod kursorem
chrome-help-key-delete = Delete lub Backspace
chrome-help-remove = Usuń podkreślenie pod kursorem
chrome-help-cancel-selection = Anuluj zaznaczenie Shiftem (gdy go nie ma: wstecz o jeden poziom)
chrome-help-in-lesson = W lekcji (nie podczas pisania w polu tekstowym)
chrome-help-label = Wybierz etykietę; dostanie ją zaznaczone podkreślenie
chrome-help-check = Sprawdź krok
chrome-help-hint = Pokaż podpowiedź
chrome-help-steps = Następny / poprzedni krok (N na ostatnim kroku: podsumowanie)
chrome-help-undo = Cofnij / ponów
chrome-help-close = Zamknij
    .hover = Zamknij pomoc (Escape)

## Okno „O programie”.

chrome-about-title = O programie Lateral
chrome-about-version = Wersja { $version }
chrome-about-what = Lekcje edukacji medialnej na prawdziwych tekstach prasowych. Lateral działa bez internetu i nigdy nie łączy się z siecią.
chrome-about-data = Prace uczniów i ustawienia są zapisywane na tym komputerze, w folderze:
chrome-about-licence = Wolne oprogramowanie na licencji MIT lub Apache-2.0 (LICENSE-MIT, LICENSE-APACHE). Licencje bibliotek, z których jest zbudowany, są w pliku THIRD-PARTY-LICENSES.txt, instalowanym razem z programem.

## The teacher PIN dialog

chrome-pin-set-title = Ustaw PIN nauczyciela
chrome-pin-set-intro = Widok nauczyciela pokazuje wszystkie klucze odpowiedzi. Proszę wybrać PIN o długości od { $min } do { $max } cyfr: będzie wymagany przy każdym otwarciu widoku nauczyciela.
chrome-pin-title = PIN nauczyciela
chrome-pin-prompt = Proszę wpisać PIN nauczyciela, aby otworzyć widok nauczyciela.
chrome-pin-new-label = Nowy PIN:
chrome-pin-label = PIN:
chrome-pin-again-label = Powtórz PIN:
chrome-pin-set-and-open = Ustaw PIN i otwórz
chrome-pin-open = Otwórz widok nauczyciela
chrome-pin-cancel = Anuluj
    .hover = Wstecz (Escape)
chrome-pin-wrong = Błędny PIN: widok nauczyciela pozostaje zamknięty. Proszę spróbować ponownie.
chrome-pin-mismatch = Wpisane PIN-y się różnią. Proszę dwa razy wpisać ten sam PIN.
chrome-pin-no-random = Nie ustawiono PIN-u: system nie dał liczb losowych potrzebnych do jego ochrony ({ $error }). Proszę spróbować ponownie.
chrome-pin-not-digits = PIN to od { $min } do { $max } cyfr (0–9) i nic poza nimi.
chrome-pin-wrong-length = PIN ma od { $min } do { $max } cyfr, a wpisany ma { $n }.
chrome-pin-forgot = Zapomniany PIN? Proszę zamknąć aplikację, usunąć plik ustawień { $file } i przy następnym uruchomieniu ustawić nowy PIN. (Rozmiar tekstu i motyw wrócą do domyślnych; praca uczniów zostanie zachowana.)
chrome-pin-forgot-web = Zapomniany PIN? Proszę otworzyć narzędzia dla programistów w przeglądarce (F12), potem Aplikacja → Pamięć lokalna → ta strona, usunąć wpis { $entry } i odświeżyć stronę, aby ustawić nowy PIN. (Rozmiar tekstu i motyw wrócą do domyślnych; praca uczniów zostanie zachowana.)

## File dialogs

chrome-dialog-open-lessons = Otwórz folder lekcji
chrome-dialog-open-lesson-files = Otwórz pliki lekcji, ich artykuły albo pakiet egzaminacyjny
chrome-dialog-hand-in = Oddaj: zapisz swoje wyniki
chrome-dialog-export-all = Zapisz wszystkie swoje wyniki w folderze
chrome-dialog-class-folder = Folder z plikami wyników
chrome-dialog-import = Importuj artykuł
chrome-dialog-filter-articles = Artykuły i zadania H5P
chrome-dialog-filter-all = Wszystkie pliki

## Notices at the top of the window

chrome-save-failed = Nie udało się zapisać twojej pracy: { $error }. Nie zamykaj aplikacji i powiedz o tym nauczycielowi.
chrome-settings-not-saved = Nie udało się zapisać ustawień: { $error }
chrome-open-lessons-failed = Nie udało się otworzyć lekcji: { $error }
chrome-check-died = Nie udało się sprawdzić wszystkich lekcji; należy ponownie otworzyć folder.
chrome-watch-failed = Zmiany w { $folder } nie będą widoczne do ponownego otwarcia folderu: { $error }
chrome-reload-failed = Nie udało się ponownie wczytać lekcji: { $error }

## What a screen reader says once a step is checked

chrome-announce-results = Wyniki sprawdzenia. { $score }.
chrome-announce-key = Fragment z klucza { $heading }.
chrome-announce-extras = { $n ->
        [one] { $n } podkreślenie spoza klucza.
        [few] { $n } podkreślenia spoza klucza.
       *[many] { $n } podkreśleń spoza klucza.
    }

## The web version (in a browser tab)
chrome-web-storage-off = przeglądarka nie pozwala tej stronie niczego zachować
chrome-web-storage-full = miejsce przeglądarki na dane tej strony jest pełne
chrome-web-download-refused = przeglądarka nie pozwoliła pobrać pliku
