## teacher: Polish. The teacher's view: the banner, the lesson editor, "Import an article".

## The banner and the view without a lesson open.

teacher-heading = Widok nauczyciela
teacher-intro = Otwórz lekcję powyżej, aby ją edytować, albo utwórz nową na podstawie artykułu. Lekcje to zwykłe pliki tekstowe; zob. docs/lesson-format.md.
teacher-banner = WIDOK NAUCZYCIELA: edycja lekcji
teacher-open = Otwórz:
teacher-open-lesson =
    .hover = Edytuj tę lekcję
teacher-import-button = Importuj artykuł…
teacher-class-button = Wyniki klasy…
    .hover = Oceń pliki z wynikami uczniów i zobacz wyniki całej klasy
teacher-hide-students = Ukryj listę uczniów
    .hover = Uczniowie wpisują swoje imię, zamiast wybierać je z listy. Kto zna czyjeś imię, nadal może je wpisać: zob. docs/teacher-guide.md.
teacher-new-lesson-on = Artykuł nowej lekcji
teacher-new-lesson = Nowa lekcja

## Opening a lesson.

teacher-could-not-read = Nie można odczytać { $path }
teacher-bundled-copy = Ta lekcja jest dołączona do aplikacji: wpisz, gdzie zapisać własną kopię.
teacher-cannot-edit = Nie można edytować { $path } w aplikacji: { $error }

## The lesson editor: the steps on the left.

teacher-lesson-title = Tytuł lekcji
teacher-may-retry = Uczniowie mogą próbować ponownie
teacher-may-show-solution = Uczniowie mogą zobaczyć rozwiązanie
teacher-steps = Kroki
teacher-move-up = ↑ W górę
teacher-move-down = ↓ W dół
teacher-delete-step = Usuń krok
teacher-add-step = Dodaj krok:
teacher-add-read = + Czytanie
teacher-add-bias = + Stronniczość
teacher-add-machine = + Maszyna
teacher-add-conflict = + Sprzeczność
teacher-add-choice = + Wybór
teacher-add-reflect = + Refleksja
teacher-add-investigate = + Śledztwo

teacher-kind-read = czytanie
teacher-kind-bias = stronniczość
teacher-kind-machine = maszyna
teacher-kind-conflict = sprzeczność
teacher-kind-choice = wybór
teacher-kind-reflect = refleksja
teacher-kind-investigate = śledztwo

# Step titles students see: the informal "ty" form.
teacher-new-step-read = Przeczytaj
teacher-new-step-highlight = Znajdź to
teacher-new-step-choice = Twój wybór
teacher-new-step-reflect = Twoja odpowiedź
teacher-new-step-investigate = Kto za tym stoi?

## The lesson editor: saving, previewing and the problems on the right.

teacher-save-to = Zapisz do (plik .md):
teacher-save = Zapisz
teacher-preview-as-student = Podgląd jako uczeń
teacher-close = Zamknij widok nauczyciela
teacher-unsaved = Niezapisane zmiany
teacher-no-problems = ✓ Brak problemów: lekcja przechodzi lateral check.
teacher-problem-count = { $errors ->
        [one] { $errors } błąd
        [few] { $errors } błędy
       *[many] { $errors } błędów
    }, { $warnings ->
        [one] { $warnings } ostrzeżenie
        [few] { $warnings } ostrzeżenia
       *[many] { $warnings } ostrzeżeń
    }
teacher-problem-line = { $kind ->
        [step-error] ten krok, wiersz { $line }: { $message }
        [step-warning] ten krok, ostrzeżenie, wiersz { $line }: { $message }
        [warning] ostrzeżenie, wiersz { $line }: { $message }
       *[error] wiersz { $line }: { $message }
    }
teacher-save-where = Najpierw wpisz, gdzie zapisać lekcję (ścieżka zakończona na .md).
teacher-saved = Zapisano { $path }. Lekcja przechodzi lateral check.
teacher-saved-download = Pobrano { $name }: proszę umieścić plik w folderze lekcji. { $n ->
    [0] Lekcja przechodzi lateral check.
    [one] Zostaje 1 problem do poprawienia (lista po prawej).
    [few] Zostają { $n } problemy do poprawienia (lista po prawej).
   *[many] Zostaje { $n } problemów do poprawienia (lista po prawej).
}
teacher-saved-with-errors = { $n ->
        [one] Zapisano { $path }, ale pozostał { $n } problem do poprawienia (lista po prawej).
        [few] Zapisano { $path }, ale pozostały { $n } problemy do poprawienia (lista po prawej).
       *[many] Zapisano { $path }, ale pozostało { $n } problemów do poprawienia (lista po prawej).
    }
teacher-save-failed = Nie można zapisać { $path }: { $error }
teacher-preview-refused = Przed podglądem popraw problemy wymienione po prawej.
teacher-preview-student = Podgląd

## The lesson editor: the selected step in the middle.

teacher-no-steps = Ta lekcja nie ma jeszcze kroków: dodaj krok po lewej.
teacher-step-has-problems = Ten krok ma problemy (lista po prawej); popraw je, aby edytować tu fragmenty z klucza.
teacher-choice-in-file = Opcje kroku wyboru edytuje się w pliku lekcji (sekcje [[option]]): zob. docs/lesson-format.md.
teacher-step-heading = Krok { $n }
teacher-step-title = Tytuł kroku
teacher-instructions = Polecenie (Markdown)
teacher-instructions-preview = Podgląd
teacher-highlight-to-add = Zaznacz fragment artykułu, aby dodać go do klucza odpowiedzi (zadanie: { $task }).
teacher-fix-step-first = Zanim dodasz fragmenty z klucza, popraw problemy w tym kroku.
teacher-key-added = Dodano fragment `{ $id }`: napisz poniżej jego wyjaśnienie.
teacher-key-spans = Fragmenty z klucza ({ $n })

## One key span.

teacher-delete-key = Usuń fragment { $n }
teacher-key-explanation = Wyjaśnienie fragmentu { $n }
teacher-key-hints = Podpowiedzi do fragmentu { $n } (jedna w wierszu)
teacher-key-label = etykieta fragmentu { $n }
teacher-key-pair = para fragmentu { $n }
teacher-key-extent = zasięg fragmentu { $n }
teacher-extent-exact = dokładnie
teacher-extent-sentence = zdanie
teacher-extent-paragraph = akapit
teacher-key-points = punkty:{ " " }

## Import an article.

teacher-import-title = Importuj artykuł
teacher-import-help = Z pliku .txt, .md lub .html (wybierz go, wpisz jego ścieżkę albo upuść go na to okno) albo wklej tekst poniżej. Słowa zostają zachowane co do joty. Z zapisanej strony internetowej (.html) zostaje tylko artykuł, tak jak pokazuje go widok czytnika w przeglądarce, a pola wypełniają się tym, co strona mówi o sobie. Zadanie H5P „Mark the Words” (.h5p lub content.json) staje się artykułem i lekcją.
teacher-import-file = Plik:
teacher-import-choose = Wybierz plik…
    .hover = Wybierz plik w oknie dialogowym; zostanie od razu odczytany
teacher-import-waiting = Czekam na okno wyboru pliku…
teacher-import-read = Odczytaj plik
teacher-import-paste = Albo wklej tekst:
teacher-import-about = O artykule (co widzą uczniowie, czytając lateralnie)
teacher-import-fictional = Fikcyjny (napisany do nauki)
teacher-import-add = Dodaj do korpusu
teacher-import-id = Id (krótka nazwa)
teacher-import-outlet = Medium
teacher-import-headline = Nagłówek
teacher-import-outlet-kind = Rodzaj medium
teacher-import-date = Data (RRRR-MM-DD)
teacher-import-byline = Autor (podpis)
teacher-import-came-from = Pochodzenie
teacher-import-missing-id = brak: krótka nazwa, np. courier-flood-wall
teacher-import-missing-outlet = brak: kto to opublikował, tak jak nazwałby go czytelnik
teacher-import-missing-headline = brak: nagłówek w opublikowanej postaci
teacher-import-missing-outlet-kind = brak: jedno zdanie o tym, kto prowadzi lub finansuje medium

teacher-field-headline = nagłówek
teacher-field-outlet = medium
teacher-field-outlet-kind = rodzaj medium
teacher-field-byline = autor
teacher-field-date = data
teacher-field-language = język
teacher-field-url = adres

teacher-import-read-words = { $n ->
        [one] Odczytano { $n } słowo.
        [few] Odczytano { $n } słowa.
       *[many] Odczytano { $n } słów.
    }
teacher-import-found = Strona podała: { $fields }.
teacher-import-still-missing = Do uzupełnienia: { $fields }.
teacher-import-check = Sprawdź tekst, a potem go dodaj.
teacher-import-bad-date = `{ $date }` to nie jest prawdziwa data: wpisz ją np. tak: 2024-03-02
teacher-import-added = Dodano { $path } do korpusu.
teacher-import-downloaded = Pobrano { $txt } i { $toml }: proszę umieścić oba pliki w folderze corpus obok lekcji. Do odświeżenia strony artykuł jest też w bibliotece tej karty, do nowej lekcji.
teacher-import-id-taken = Artykuł o id `{ $id }` jest już w bibliotece: proszę wybrać inne id.
teacher-import-downloaded-only = Pobrano { $txt } i jego metadane, ale artykułu nie udało się dodać do biblioteki tej karty: { $error }
teacher-import-not-added = Nie dodano: { $error }
teacher-import-failed = Nie zaimportowano: { $error }
teacher-import-h5p-web = To jest zadanie H5P. Jego import zapisuje artykuł i lekcję w folderach, czego strona w przeglądarce nie potrafi: proszę zaimportować je w aplikacji na komputer.
teacher-import-h5p-done = Zaimportowano z H5P: napisz wyjaśnienia, a potem kliknij Zapisz.
teacher-import-h5p-counts = Zaimportowano { $words ->
        [one] { $words } słowo
        [few] { $words } słowa
       *[many] { $words } słów
    } i { $marked ->
        [one] { $marked } zaznaczone słowo
        [few] { $marked } zaznaczone słowa
       *[many] { $marked } zaznaczonych słów
    }.
